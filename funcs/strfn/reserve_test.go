package strfn

import (
	"context"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/internal/fakeenv"
	"github.com/porpoisedb/porpoise/value"
)

// oneHot sets each row's one in a single pass over the codes: every value
// gets its column, a cancelled request stops it, and the distinct
// values' columns are accounted before they are built.
func TestOneHot(t *testing.T) {
	tbl := value.NewTable([]string{"k", "v"}, []*value.Vector{value.NewInts([]int32{3, 1, 3, value.NullInt32, 2}), value.NewDoubles([]float64{1, 2, 3, 4, 5})})
	args := []value.Value{tbl, value.NewString("k")}
	got, err := oneHot(&fakeenv.Func{Ctx: context.Background()}, args)
	require.NoError(t, err)
	out := got.(*value.Table)
	require.Len(t, out.Cols, 5)
	seen := map[int32]bool{}
	for _, c := range out.Cols[:4] {
		sum := int32(0)
		for _, x := range c.I32 {
			sum += x
		}
		seen[sum] = true
	}
	require.Equal(t, map[int32]bool{1: true, 2: true}, seen, "3 twice, 1, 2 and NULL once")
	for r := 0; r < 5; r++ {
		ones := int32(0)
		for _, c := range out.Cols[:4] {
			ones += c.I32[r]
		}
		require.Equal(t, int32(1), ones, "row %d", r)
	}

	fakeenv.RequireStops(t, oneHot, args)
	_, err = oneHot(&fakeenv.Limited{Func: fakeenv.Func{Ctx: context.Background()}, Max: -1}, args)
	require.ErrorIs(t, err, fakeenv.ErrOverLimit)
}

// lpad, rpad and repeat account the text they are about to build, so a
// session over its limit refuses them instead of the process dying;
// small results are made as before.
func TestPadAndRepeatReserve(t *testing.T) {
	strs := value.NewStrings(value.String, []string{"ab", "c"})
	refusing := &fakeenv.Limited{Func: fakeenv.Func{Ctx: context.Background()}, Max: -1}
	for _, c := range []struct {
		name string
		call func(env funcs.Env) (value.Value, error)
	}{
		{"lpad", func(env funcs.Env) (value.Value, error) {
			return pad("lpad", true)(env, []value.Value{strs, value.NewLong(2000000000)})
		}},
		{"rpad", func(env funcs.Env) (value.Value, error) {
			return pad("rpad", false)(env, []value.Value{strs, value.NewLong(2000000000)})
		}},
		{"repeat", func(env funcs.Env) (value.Value, error) {
			return repeatFn(env, []value.Value{strs, value.NewLong(1000000000)})
		}},
	} {
		_, err := c.call(refusing)
		require.ErrorIs(t, err, fakeenv.ErrOverLimit, c.name)
	}
	live := &fakeenv.Func{Ctx: context.Background()}
	got, err := pad("lpad", true)(live, []value.Value{strs, value.NewInt(3)})
	require.NoError(t, err)
	require.Equal(t, []string{" ab", "  c"}, got.(*value.Vector).Strings())
	got, err = repeatFn(live, []value.Value{strs, value.NewInt(2)})
	require.NoError(t, err)
	require.Equal(t, []string{"abab", "cc"}, got.(*value.Vector).Strings())
}

// padded fills as the repeat-then-join it replaced, for fills longer
// and shorter than the room, multi-byte fills and both sides.
func TestPaddedIsRepeatThenJoin(t *testing.T) {
	for _, s := range []string{"", "a", "héllo"} {
		for _, fill := range []string{"0", "ab", "xyz", "日本", "0123456789"} {
			for n := len(s) + 1; n < len(s)+40; n++ {
				need := n - len(s)
				p := strings.Repeat(fill, need/len(fill)+1)[:need]
				require.Equal(t, p+s, padded(s, fill, n, true), "%q %q %d", s, fill, n)
				require.Equal(t, s+p, padded(s, fill, n, false), "%q %q %d", s, fill, n)
			}
		}
	}
}

// A padded string is the only allocation of its size: the fill is not
// built apart and joined, which held twice what reserveText accounts.
func TestPadAllocatesTheResultOnce(t *testing.T) {
	const n = 64 << 20
	args := []value.Value{value.NewString("ab"), value.NewInt(n), value.NewString("xyz")}
	for _, fn := range []funcs.Impl{pad("lpad", true), pad("rpad", false)} {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		got, err := fn(&fakeenv.Func{Ctx: context.Background()}, args)
		runtime.ReadMemStats(&after)
		require.NoError(t, err)
		require.Len(t, got.(*value.Scalar).S, n)
		require.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(n+n/4))
	}
}
