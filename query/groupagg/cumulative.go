package groupagg

import (
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/kernel"
)

// Cumulative computes an aggregate over cumulative groups (cgroup by):
// g's groups are numbered in cumulation order, runs[i] is the outer group
// (group by's) of group i, and the groups of one outer group are
// consecutive. The value for group i is the aggregate over the rows of
// the groups from its outer group's first through i, taken group after
// group. It merges each group's partial state into a running one, one
// pass over the rows and one over the groups; ok is false for aggregates
// and argument types without a partial state (the caller then evaluates
// each cumulative group's rows).
func Cumulative(name string, args []*value.Vector, g *Groups, runs []int32) (*value.Vector, bool) {
	if name == "wavg" {
		if len(args) != 2 || !FastNumeric(args[0]) || !FastNumeric(args[1]) {
			return nil, false
		}
		num, den, c := wavgSums(args[0], args[1], g)
		for i := range num {
			if !runStart(runs, i) {
				num[i] += num[i-1]
				den[i] += den[i-1]
				c[i] += c[i-1]
			}
		}
		return wavgVector(num, den, c), true
	}
	if !Decomposable(name) {
		return nil, false
	}
	st, ok := Partial(name, args, g)
	if !ok {
		return nil, false
	}
	c := st.cnt
	switch name {
	case "count":
		runningSum(c, runs)
		return kernel.IntsOf(c), true
	case "sum", "avg", "mean":
		runningSum(c, runs)
		if st.isum != nil {
			runningSum(st.isum, runs)
			if name == "sum" {
				return IntSumVector(st.isum, c, st.T == value.Long), true
			}
			f := make([]float64, len(c))
			for i, x := range st.isum {
				f[i] = float64(x)
			}
			return MeanVector(f, c), true
		}
		runningSum(st.fsum, runs)
		if name == "sum" {
			return FloatSumVector(st.fsum, c), true
		}
		return MeanVector(st.fsum, c), true
	case "std", "var":
		// Chan et al.'s pairwise update, as Merge does across partitions
		for i := range c {
			nb := c[i]
			if runStart(runs, i) || c[i-1] == 0 {
				continue
			}
			na := c[i-1]
			if nb == 0 {
				c[i], st.mean[i], st.m2[i] = na, st.mean[i-1], st.m2[i-1]
				continue
			}
			nt := na + nb
			d := st.mean[i] - st.mean[i-1]
			st.mean[i] = st.mean[i-1] + d*float64(nb)/float64(nt)
			st.m2[i] += st.m2[i-1] + d*d*float64(na)*float64(nb)/float64(nt)
			c[i] = nt
		}
		return spreadVector(name, st.m2, c), true
	case "first", "last":
		// the rows come group after group: first is the outer group's
		// first group's, last the group's own
		pick := make([]int, len(runs))
		for i := range pick {
			pick[i] = i
			if name == "first" && !runStart(runs, i) {
				pick[i] = pick[i-1]
			}
		}
		return value.GatherOrNull(st.pick, pick), true
	case "min", "max":
		best, ok := runningExtremes(st.pick, runs, name == "max")
		if !ok {
			return nil, false
		}
		return value.GatherOrNull(st.pick, best), true
	}
	return nil, false
}

// runStart reports whether group i starts its outer group.
func runStart(runs []int32, i int) bool { return i == 0 || runs[i] != runs[i-1] }

// runningSum turns xs into running sums that restart with each outer
// group.
func runningSum[T int64 | float64](xs []T, runs []int32) {
	for i := range xs {
		if !runStart(runs, i) {
			xs[i] += xs[i-1]
		}
	}
}

// runningExtremes gives, for each group, the index into picks (the
// groups' own extremes, NULL for a group without values) of the smallest
// (largest) non-NULL one from its outer group's first group through it,
// -1 while there is none; ok is false for element types without an
// order here.
func runningExtremes(picks *value.Vector, runs []int32, max bool) ([]int, bool) {
	if picks.T.Category() == value.CatFloating {
		return extremeRuns(FloatsOf(picks), nil, runs, max), true
	}
	if xs, null, ok := Int64sOf(picks); ok {
		return extremeRuns(xs, null, runs, max), true
	}
	if picks.T.Storage() == value.StString {
		strs := picks.Strings()
		null := make([]bool, len(strs))
		for i, s := range strs {
			null[i] = s == ""
		}
		return extremeRuns(strs, null, runs, max), true
	}
	return nil, false
}

// extremeRuns is runningExtremes over typed elements; null marks NULLs
// (nil: NaN is NULL).
func extremeRuns[T int64 | float64 | string](xs []T, null []bool, runs []int32, max bool) []int {
	best := make([]int, len(xs))
	for i, x := range xs {
		b := -1
		if !runStart(runs, i) {
			b = best[i-1]
		}
		if (null == nil && x == x) || (null != nil && !null[i]) {
			if b < 0 || (max && x > xs[b]) || (!max && x < xs[b]) {
				b = i
			}
		}
		best[i] = b
	}
	return best
}
