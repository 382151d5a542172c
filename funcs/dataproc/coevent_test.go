package dataproc

import (
	"context"
	"math/rand/v2"
	"sort"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/internal/fakeenv"
	"github.com/porpoisedb/porpoise/value"
)

// refCoevent is coevent by its definition (funcs/c/coevent.md): every
// pair of rows within window of each other, the earlier one first, keyed
// by the two events (the lesser first unless ordered), listed by first
// occurrence.
func refCoevent(ev *value.Vector, times []int64, window int64, ordered bool) *value.Table {
	idx := make([]int, 0, len(times))
	for i, t := range times {
		if t != value.NullInt64 {
			idx = append(idx, i)
		}
	}
	sort.SliceStable(idx, func(a, b int) bool { return times[idx[a]] < times[idx[b]] })
	var first, second []int
	var hits []int32
	seen := map[string]int{}
	for a, i := range idx {
		for _, j := range idx[a+1:] {
			if times[j]-times[i] > window {
				break
			}
			p, q := i, j
			if !ordered && value.CompareElems(ev, q, p) < 0 {
				p, q = q, p
			}
			kp := ev.AppendKey(nil, p)
			key := strconv.Itoa(len(kp)) + ":" + string(ev.AppendKey(kp, q))
			if k, ok := seen[key]; ok {
				hits[k]++
				continue
			}
			seen[key] = len(hits)
			first, second, hits = append(first, p), append(second, q), append(hits, 1)
		}
	}
	return value.NewTable([]string{"event1", "event2", "hits"},
		[]*value.Vector{ev.Gather(first), ev.Gather(second), value.NewInts(hits)})
}

// requireSameTable compares two tables column by column, row by row.
func requireSameTable(t *testing.T, want, got *value.Table, msg string) {
	t.Helper()
	require.Equal(t, want.Names, got.Names, msg)
	for c, w := range want.Cols {
		g := got.Cols[c]
		require.Equal(t, w.T, g.T, msg)
		require.Equal(t, w.Len(), g.Len(), "%s: column %s", msg, want.Names[c])
		for i := 0; i < w.Len(); i++ {
			require.Zero(t, value.CompareAcross(w, i, g, i), "%s: column %s row %d", msg, want.Names[c], i)
		}
	}
}

// coevent counts the pairs through the codes present in each window: on
// random events and times with NULLs, ties and repeats, ordered or not,
// it gives the definition's table row for row.
func TestCoeventMatchesDefinition(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	env := &fakeenv.Func{Ctx: context.Background()}
	for trial := 0; trial < 60; trial++ {
		n := 1 + rng.IntN(400)
		kinds := 1 + rng.IntN(30)
		ints, strs, times := make([]int32, n), make([]string, n), make([]int64, n)
		for i := range ints {
			ints[i] = rng.Int32N(int32(kinds))
			strs[i] = string(rune('A' + rng.IntN(kinds)))
			times[i] = rng.Int64N(int64(n))
			if rng.IntN(8) == 0 {
				ints[i], strs[i] = value.NullInt32, ""
			}
			if rng.IntN(10) == 0 {
				times[i] = value.NullInt64
			}
		}
		tv := &value.Vector{T: value.Long, I64: times}
		window := rng.Int64N(int64(n)/4 + 2)
		for _, ev := range []*value.Vector{value.NewInts(ints), value.NewStrings(value.Symbol, strs)} {
			for _, ordered := range []bool{false, true} {
				got, err := coevent(env, []value.Value{ev, tv, value.NewLong(window), value.NewBool(ordered)})
				require.NoError(t, err)
				msg := ev.T.String()
				requireSameTable(t, refCoevent(ev, times, window, ordered), got.(*value.Table), msg)
			}
		}
	}
}

// A cancelled request stops coevent, and a memory limit too small for
// its pairs refuses them.
func TestCoeventStops(t *testing.T) {
	n := 300_000
	ev, times := make([]int32, n), make([]int64, n)
	for i := range ev {
		ev[i], times[i] = int32(i%5000), int64(i/2)
	}
	args := []value.Value{value.NewInts(ev), &value.Vector{T: value.Long, I64: times}, value.NewLong(1000)}
	fakeenv.RequireStops(t, coevent, args)
	_, err := coevent(&fakeenv.Limited{Func: fakeenv.Func{Ctx: context.Background()}, Max: 1000}, args)
	require.ErrorIs(t, err, fakeenv.ErrOverLimit)
}

// BenchmarkCoevent: 200,000 rows of 1,000 events. "window100" (100 rows
// a window) against the definition's pair-by-pair loop; "all" has every
// row within the window of every other, 2e10 pairs the definition would
// visit one by one.
func BenchmarkCoevent(b *testing.B) {
	n := 200_000
	rng := rand.New(rand.NewPCG(5, 6))
	ev, step, dense := make([]int32, n), make([]int64, n), make([]int64, n)
	for i := range ev {
		ev[i], step[i], dense[i] = rng.Int32N(1000), int64(i), rng.Int64N(1000)
	}
	env := &fakeenv.Func{Ctx: context.Background()}
	x := value.NewInts(ev)
	for _, c := range []struct {
		name   string
		times  []int64
		window int64
		naive  bool
	}{{"window100", step, 99, true}, {"all", dense, 1000, false}} {
		args := []value.Value{x, &value.Vector{T: value.Long, I64: c.times}, value.NewLong(c.window)}
		if c.naive {
			b.Run(c.name+"/naive", func(b *testing.B) {
				for b.Loop() {
					refCoevent(x, c.times, c.window, false)
				}
			})
		}
		b.Run(c.name+"/counted", func(b *testing.B) {
			for b.Loop() {
				_, err := coevent(env, args)
				require.NoError(b, err)
			}
		})
	}
}
