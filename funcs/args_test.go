package funcs

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/value"
)

func TestChoiceArg(t *testing.T) {
	for _, c := range []struct {
		name string
		arg  value.Value
		want string
		ok   bool
	}{
		{"absent is the first choice", nil, "oldest", true},
		{"a listed choice", value.NewString("latest"), "latest", true},
		{"an unlisted string", value.NewString("newest"), "", false},
		{"not a string", value.NewInt(1), "", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, ok := ChoiceArg(c.arg, "oldest", "latest")
			require.Equal(t, c.ok, ok)
			if ok {
				require.Equal(t, c.want, got)
			}
		})
	}
}

func TestOptStringArg(t *testing.T) {
	got, ok := OptStringArg(nil, "r")
	require.True(t, ok)
	require.Equal(t, "r", got)
	got, ok = OptStringArg(value.NewString("w"), "r")
	require.True(t, ok)
	require.Equal(t, "w", got)
	_, ok = OptStringArg(value.NewInts([]int32{1}), "r")
	require.False(t, ok)
}
