package dataproc

import (
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/stats"
	"github.com/porpoisedb/porpoise/rowsort"
	"github.com/porpoisedb/porpoise/value"
)

// rankSegments is rank's segmented form (each context by group ranked
// apart). With many small groups, ranking group by group spent its time
// parsing options and allocating per group; this ranks all groups in one
// sort by group, then value. groupNum and precision take the per-group
// path, as do arguments rank refuses, so errors keep their usual form.
func rankSegments(env funcs.Env, args []value.Value, starts []int) (value.Value, bool, error) {
	if funcs.Arg(args, 2) != nil || funcs.Arg(args, 6) != nil {
		return nil, false, nil
	}
	o, err := stats.ParseRankOptions("rank", []value.Value{funcs.Arg(args, 1), funcs.Arg(args, 3), funcs.Arg(args, 4), funcs.Arg(args, 5)}, 0)
	if err != nil {
		return nil, false, nil
	}
	return segmentRanks(env, "rank", args[0], o, false, starts)
}

// denseRankSegments is denseRank's segmented form, as rankSegments.
func denseRankSegments(env funcs.Env, args []value.Value, starts []int) (value.Value, bool, error) {
	o, err := stats.ParseRankOptions("denseRank", []value.Value{funcs.Arg(args, 1), funcs.Arg(args, 2), nil, funcs.Arg(args, 3)}, 0)
	if err != nil {
		return nil, false, nil
	}
	return segmentRanks(env, "denseRank", args[0], o, true, starts)
}

// segmentRanks ranks x's rows within each segment [starts[i],
// starts[i+1]). rankKeys' doubles keep x's order (other types by their
// place among all of x's distinct values), so one sort by segment, then
// key, puts every segment's rows in its own rank order.
func segmentRanks(env funcs.Env, fn string, x value.Value, o stats.RankOptions, dense bool, starts []int) (value.Value, bool, error) {
	v, ok := x.(*value.Vector)
	if !ok || v.T.IsArray() || v.T == value.Any {
		return nil, false, nil
	}
	ctx := funcs.ContextOf(env)
	xs, err := rankKeys(ctx, fn, v)
	if err != nil {
		return nil, false, nil
	}
	n := len(xs)
	seg := make([]int32, n)
	for i := 0; i+1 < len(starts); i++ {
		for r := starts[i]; r < starts[i+1]; r++ {
			seg[r] = int32(i)
		}
	}
	keys := []rowsort.Key{rowsort.Column(value.NewInts(seg), false, rowsort.NullsFirst), stats.RankKey(xs, o)}
	order, err := rowsort.SortContext(ctx, keys, n, rowsort.KeepAll)
	if err != nil {
		return nil, true, err
	}
	idx := order.Index(n)
	out := funcs.NullDoubles(n)
	for i := 0; i+1 < len(starts); i++ {
		stats.RankSorted(xs, idx[starts[i]:starts[i+1]], o, dense, out)
	}
	return stats.RankResult(out, o), true, nil
}
