package allocguard

import (
	"errors"
	"math"
	"testing"

	"github.com/stretchr/testify/require"
)

// Reserve asks the installed check about allocations of From bytes or
// more, never about smaller ones, and Set hands back the check it
// replaces.
func TestReserveAsksTheCheck(t *testing.T) {
	refuse := errors.New("Out of memory")
	var asked []int64
	first := func(int64) error { return nil }
	defer Set(Set(first))
	require.NotNil(t, Set(func(bytes int64) error {
		asked = append(asked, bytes)
		if bytes > 1<<30 {
			return refuse
		}
		return nil
	}))
	cases := []struct {
		bytes int64
		err   error
		asked []int64
	}{
		{1 << 20, nil, nil},
		{From, nil, []int64{From}},
		{1 << 40, refuse, []int64{1 << 40}},
		{math.MaxInt64, refuse, []int64{math.MaxInt64}},
	}
	for _, c := range cases {
		asked = nil
		err := Reserve(c.bytes)
		if c.err == nil {
			require.NoError(t, err, c.bytes)
		} else {
			require.ErrorIs(t, err, c.err, c.bytes)
		}
		require.Equal(t, c.asked, asked, c.bytes)
	}
	Set(nil)
	require.NoError(t, Reserve(math.MaxInt64))
}
