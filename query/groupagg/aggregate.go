package groupagg

import (
	"math"

	"github.com/porpoisedb/porpoise/distinct"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/kernel"
)

// Aggregate computes one built-in aggregate for every group with a
// typed loop over the whole column. args are the aggregate's arguments
// evaluated over all rows (nil for count(*)). ok is false when the
// argument types have no typed loop here; the caller then calls the
// function once per group instead.
func Aggregate(name string, args []*value.Vector, g *Groups) (*value.Vector, bool) {
	if len(args) == 1 && args[0].T.IsArray() && flattensArrayRows[name] {
		var flat *value.Vector
		flat, g = arrayElements(args[0], g)
		args = []*value.Vector{flat}
	}
	switch name {
	case "count":
		if len(args) == 0 {
			return kernel.IntsOf(groupSizes(g)), true
		}
		if len(args) != 1 || args[0].T.IsArray() {
			// an array vector's rows are counted by count itself, once
			// per group (groupCount reads fixed-size cells)
			return nil, false
		}
		return groupCount(args[0], g)
	case "sum", "avg", "mean", "std", "var":
		if len(args) != 1 || !FastNumeric(args[0]) {
			return nil, false
		}
		k, _ := numeric(args[0])
		return groupMoments(name, k, args[0].T, g), true
	case "min", "max":
		if len(args) != 1 || !fastScalarStorage(args[0]) {
			return nil, false
		}
		return groupExtreme(args[0], g, name == "max"), true
	case "first", "last":
		if len(args) != 1 || args[0].T.IsArray() {
			return nil, false
		}
		return groupPick(args[0], g, name == "first"), true
	case "med":
		if len(args) != 1 || !FastNumeric(args[0]) {
			return nil, false
		}
		return groupMedian(args[0], g), true
	case "nunique":
		if len(args) != 1 || !fastScalarStorage(args[0]) {
			return nil, false
		}
		return groupNunique(args[0], g), true
	case "wavg":
		if len(args) != 2 || !FastNumeric(args[0]) || !FastNumeric(args[1]) {
			return nil, false
		}
		return groupWavg(args[0], args[1], g), true
	}
	return nil, false
}

// Typed reports whether name is an aggregate Aggregate has typed loops
// for (on some argument types).
func Typed(name string) bool { return typedAggregates[name] }

// typedAggregates are the aggregates Aggregate computes.
var typedAggregates = map[string]bool{
	"count": true, "sum": true, "avg": true, "mean": true, "std": true, "var": true,
	"min": true, "max": true, "first": true, "last": true, "med": true, "nunique": true,
	"wavg": true,
}

// FastNumeric reports whether v is an integral, logical or floating
// column, which the typed loops take (DECIMAL and temporal columns go
// through the built-in per group).
func FastNumeric(v *value.Vector) bool {
	if v.T.IsArray() {
		return false
	}
	switch v.T.Category() {
	case value.CatIntegral, value.CatLogical, value.CatFloating:
		return true
	}
	return false
}

// fastScalarStorage: a column of plain scalars (not a tuple, array vector
// or DECIMAL128).
func fastScalarStorage(v *value.Vector) bool {
	if v.T.IsArray() || v.T.Category() == value.CatDecimal {
		return false
	}
	switch v.T.Storage() {
	case value.StAny, value.StPair2F64, value.StBytes16:
		return false
	}
	return true
}

func groupSizes(g *Groups) []int64 {
	c := make([]int64, g.N)
	for _, id := range g.IDs {
		c[id]++
	}
	return c
}

func groupCount(v *value.Vector, g *Groups) (*value.Vector, bool) {
	c, ok := nonNullCounts(v, g)
	if !ok {
		return nil, false
	}
	return kernel.IntsOf(c), true
}

// nonNullCounts counts each group's non-NULL elements of v; ok is false
// for an array vector.
func nonNullCounts(v *value.Vector, g *Groups) ([]int64, bool) {
	c := make([]int64, g.N)
	if k, ok := numeric(v); ok {
		k.countNonNull(g.IDs, c)
		return c, true
	}
	switch v.T.Storage() {
	case value.StString:
		for i, s := range v.Strings() {
			if s != "" {
				c[g.IDs[i]]++
			}
		}
	default:
		if v.T.IsArray() {
			return nil, false
		}
		for i := 0; i < v.Len(); i++ {
			if !v.IsNull(i) {
				c[g.IDs[i]]++
			}
		}
	}
	return c, true
}

// groupMoments computes sum, avg, std or var per group of a numeric
// column k of type t with the built-ins' result types: sum of an integral
// column is INT (LONG for a LONG column or when a sum leaves INT's range),
// everything else DOUBLE.
func groupMoments(name string, k numericLoops, t value.Type, g *Groups) *value.Vector {
	c := make([]int64, g.N)
	if name == "sum" && t.Category() != value.CatFloating {
		s := make([]int64, g.N)
		k.sumInts(g.IDs, s, c)
		return IntSumVector(s, c, t == value.Long)
	}
	s := make([]float64, g.N)
	k.sumFloats(g.IDs, s, c)
	if name == "sum" {
		return FloatSumVector(s, c)
	}
	if name == "avg" || name == "mean" {
		return MeanVector(s, c)
	}
	_, ss := deviations(k, g, s, c)
	return spreadVector(name, ss, c)
}

// IntSumVector is sum's result over an integral column from the groups'
// exact sums s and non-NULL counts c: INT, or LONG for a LONG column or
// when a sum leaves INT's range; NULL for a group without values.
func IntSumVector(s, c []int64, long bool) *value.Vector {
	for _, x := range s {
		if x > math.MaxInt32 || x < -math.MaxInt32 {
			long = true
		}
	}
	if long {
		out := make([]int64, len(s))
		for i, x := range s {
			out[i] = x
			if c[i] == 0 {
				out[i] = value.NullInt64
			}
		}
		return value.NewLongs(out)
	}
	out := make([]int32, len(s))
	for i, x := range s {
		out[i] = int32(x)
		if c[i] == 0 {
			out[i] = value.NullInt32
		}
	}
	return value.NewInts(out)
}

// FloatSumVector is sum's DOUBLE result from the groups' sums and counts
// (s is reused).
func FloatSumVector(s []float64, c []int64) *value.Vector {
	for i := range s {
		if c[i] == 0 {
			s[i] = value.NullFloat64
		}
	}
	return value.NewDoubles(s)
}

// MeanVector is avg's result from the groups' sums and counts (s is
// reused).
func MeanVector(s []float64, c []int64) *value.Vector {
	for i := range s {
		if c[i] == 0 {
			s[i] = value.NullFloat64
		} else {
			s[i] /= float64(c[i])
		}
	}
	return value.NewDoubles(s)
}

// deviations turns the groups' sums s (in place) into means and adds up
// each group's squared deviations from its mean (two passes, the stable
// way).
func deviations(k numericLoops, g *Groups, s []float64, c []int64) (mean, ss []float64) {
	for i := range s {
		if c[i] > 0 {
			s[i] /= float64(c[i])
		}
	}
	ss = make([]float64, g.N)
	k.squares(g.IDs, s, ss)
	return s, ss
}

// spreadVector is std's or var's (sample) result from the groups' sums
// of squared deviations and counts (ss is reused).
func spreadVector(name string, ss []float64, c []int64) *value.Vector {
	for i := range ss {
		if c[i] < 2 {
			ss[i] = value.NullFloat64
			continue
		}
		ss[i] /= float64(c[i] - 1)
		if name == "std" {
			ss[i] = math.Sqrt(ss[i])
		}
	}
	return value.NewDoubles(ss)
}

// extremeRows finds, per group, the row of the smallest (or largest)
// non-NULL element (NULL: the sentinel null, or NaN); best starts at -1,
// which a group of NULLs keeps.
func extremeRows[T num | ~string](xs []T, null T, ids []int32, best []int, max bool) {
	for i, x := range xs {
		if x == null || x != x {
			continue
		}
		g := ids[i]
		b := best[g]
		if b < 0 || (max && x > xs[b]) || (!max && x < xs[b]) {
			best[g] = i
		}
	}
}

func groupExtreme(v *value.Vector, g *Groups, max bool) *value.Vector {
	best := make([]int, g.N)
	for i := range best {
		best[i] = -1
	}
	if k, ok := numeric(v); ok {
		k.extremeRows(g.IDs, best, max)
	} else if v.T.Storage() == value.StString {
		extremeRows(v.Strings(), "", g.IDs, best, max)
	}
	return value.GatherOrNull(v, best)
}

func groupPick(v *value.Vector, g *Groups, first bool) *value.Vector {
	if first {
		return value.GatherOrNull(v, g.First)
	}
	return Last(v, g)
}

// Last is each group's last row of v (a value for each row the groups
// number), NULL for a group without rows.
func Last(v *value.Vector, g *Groups) *value.Vector {
	last := make([]int, g.N)
	for i := range last {
		last[i] = -1
	}
	for r, id := range g.IDs {
		last[id] = r
	}
	return value.GatherOrNull(v, last)
}

// groupMedian takes the middle of each group's non-NULL values
// (gathered by the group index), selected rather than sorted.
func groupMedian(v *value.Vector, g *Groups) *value.Vector {
	if g.Perm == nil {
		g.Index()
	}
	xs := FloatsOf(v)
	s := make([]float64, g.N)
	vals := make([]float64, 0, 64)
	for gi := 0; gi < g.N; gi++ {
		vals = vals[:0]
		for _, r := range g.Perm[g.Starts[gi]:g.Starts[gi+1]] {
			if x := xs[r]; x == x {
				vals = append(vals, x)
			}
		}
		if len(vals) == 0 {
			s[gi] = value.NullFloat64
			continue
		}
		kernel.OrderStats(vals, (len(vals)-1)/2)
		m := len(vals) / 2
		if len(vals)%2 == 1 {
			s[gi] = vals[m]
		} else {
			s[gi] = (vals[m-1] + vals[m]) / 2
		}
	}
	return value.NewDoubles(s)
}

// groupNunique counts distinct (group, value) pairs per group; NULL
// counts as one value, as nunique does.
func groupNunique(v *value.Vector, g *Groups) *value.Vector {
	codes, first := keyCodes(v)
	_, pairFirst := distinct.Combine(g.IDs, codes, len(first))
	c := make([]int64, g.N)
	for _, r := range pairFirst {
		c[g.IDs[r]]++
	}
	return kernel.IntsOf(c)
}

// FloatsOf converts a numeric column to float64 with NULLs as NaN (one
// allocation per column, used where two columns are combined).
func FloatsOf(v *value.Vector) []float64 {
	if k, ok := numeric(v); ok {
		return k.floats()
	}
	return make([]float64, v.Len())
}

// groupWavg is sum(x*w)/sum(w) per group over rows where both are set.
func groupWavg(x, w *value.Vector, g *Groups) *value.Vector {
	return wavgVector(wavgSums(x, w, g))
}

// wavgSums adds up x*w and w per group over rows where both are set, and
// counts those rows.
func wavgSums(x, w *value.Vector, g *Groups) (num, den []float64, c []int64) {
	xs, ws := FloatsOf(x), FloatsOf(w)
	num = make([]float64, g.N)
	den = make([]float64, g.N)
	c = make([]int64, g.N)
	for i, a := range xs {
		b := ws[i]
		if a != a || b != b {
			continue
		}
		id := g.IDs[i]
		num[id] += a * b
		den[id] += b
		c[id]++
	}
	return num, den, c
}

// wavgVector is wavg's result from the groups' sums (num is reused): NULL
// for a group whose weights add up to 0, as the built-in gives.
func wavgVector(num, den []float64, c []int64) *value.Vector {
	for i := range num {
		if c[i] == 0 || den[i] == 0 {
			num[i] = value.NullFloat64
		} else {
			num[i] /= den[i]
		}
	}
	return value.NewDoubles(num)
}

// Int64sOf reads an integral or temporal column as int64 with its NULLs.
func Int64sOf(v *value.Vector) ([]int64, []bool, bool) {
	switch v.T.Category() {
	case value.CatIntegral, value.CatTemporal:
	default:
		return nil, nil, false
	}
	out := make([]int64, v.Len())
	null := make([]bool, v.Len())
	switch v.T.Storage() {
	case value.StInt8:
		for i, x := range v.I8 {
			out[i], null[i] = int64(x), x == value.NullInt8
		}
	case value.StInt16:
		for i, x := range v.I16 {
			out[i], null[i] = int64(x), x == value.NullInt16
		}
	case value.StInt32:
		for i, x := range v.I32 {
			out[i], null[i] = int64(x), x == value.NullInt32
		}
	case value.StInt64:
		for i, x := range v.I64 {
			out[i], null[i] = x, x == value.NullInt64
		}
	default:
		return nil, nil, false
	}
	return out, null, true
}
