package conformance

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestSameConfig(t *testing.T) {
	cases := []struct {
		got, want string
		same      bool
	}{
		{"add", "add", true},
		{"add", "skip", false},
		{"true", "1", true},
		{"false", "true", false},
		{"0.25", "0.250", true},
		{"0.25", "0.5", false},
		{" 8 ", "8", true},
	}
	for _, c := range cases {
		require.Equal(t, c.same, sameConfig(c.got, c.want), "%q vs %q", c.got, c.want)
	}
}
