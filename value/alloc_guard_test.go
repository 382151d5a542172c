package value

import (
	"errors"
	"testing"

	"github.com/porpoisedb/porpoise/value/allocguard"
	"github.com/stretchr/testify/require"
)

// A vector allocation the guard refuses panics with AllocRefused carrying
// the guard's error, before anything is allocated; small allocations are
// never put to it.
func TestAllocGuardRefuses(t *testing.T) {
	refuse := errors.New("Out of memory")
	var asked []int64
	defer allocguard.Set(allocguard.Set(func(bytes int64) error { asked = append(asked, bytes); return refuse }))

	require.Equal(t, 1000, NewVector(Double, 1000, 0).Len())
	require.Empty(t, asked)
	tooBig := []func(){
		func() { NewVector(Double, 1<<40, 0) },
		func() { NewVector(Int, 0, 1<<40) },
		func() { NewSymbols([]string{"a"}).Like(1 << 40) },
		func() { NewVector(String, 1<<40, 0) },
	}
	for i, f := range tooBig {
		func() {
			defer func() {
				r := recover()
				refused, ok := r.(AllocRefused)
				require.True(t, ok, "case %d: %v", i, r)
				require.ErrorIs(t, refused, refuse)
			}()
			f()
		}()
	}
	require.Equal(t, []int64{8 << 40, 4 << 40, 4 << 40, 16 << 40}, asked)
}
