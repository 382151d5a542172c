package dataproc

import (
	"errors"
	"math"
	"slices"
	"sort"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/distinct"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/exactkey"
	"github.com/porpoisedb/porpoise/funcs/temporal"
	"github.com/porpoisedb/porpoise/rowsort"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// Grouping functions: bar, dailyAlignedBar, bucket, cutPoints, digitize,
// segment, groups and volumeBar. Each returns, for every element, the
// group it falls in.

// intOrTemporal reads an integral or temporal scalar or vector as raw
// int64 counts (NullInt64 for NULL).
func intOrTemporal(fn, param string, x value.Value) ([]int64, value.Type, bool, error) {
	v, scalar := funcs.ScalarOrVector(x)
	if v == nil || v.T.IsArray() || !(v.T.IsTemporal() || v.T.Category() == value.CatIntegral) {
		return nil, 0, false, ddberr.Errorf("The argument [%s] of %s must be an integral or temporal scalar or vector.", param, fn)
	}
	if v.T.Category() == value.CatIntegral && v.T.Storage() != value.StInt32 && v.T.Storage() != value.StInt64 {
		l, err := cast.Vector(v, value.Long, 0)
		if err != nil {
			return nil, 0, false, err
		}
		return l.I64, v.T, scalar, nil
	}
	return temporal.RawInt64s(v), v.T, scalar, nil
}

// intervalArg reads bar's interval: integers in X's units, or a DURATION
// converted to them.
func intervalArg(fn string, x value.Value, t value.Type, n int) ([]int64, error) {
	if d, ok := temporal.AsDuration(x); ok {
		ns := value.DurationNanos(d.Unit)
		u := value.TickNanos(t)
		if ns == 0 || u == 0 || !t.IsTemporal() || d.N*ns%u != 0 || d.N <= 0 {
			return nil, ddberr.Errorf("The duration %s can't be used as the interval of %s for %s values.", d, fn, t)
		}
		out := make([]int64, n)
		for i := range out {
			out[i] = d.N * ns / u
		}
		return out, nil
	}
	iv, _, scalar, err := intOrTemporal(fn, "interval", x)
	if err != nil {
		return nil, err
	}
	if !scalar && len(iv) != n {
		return nil, ddberr.Errorf("The argument [interval] of %s must be a scalar or a vector as long as X.", fn)
	}
	out := make([]int64, n)
	for i := range out {
		out[i] = iv[min(i, len(iv)-1)]
		if out[i] <= 0 {
			return nil, ddberr.Errorf("The argument [interval] of %s must be positive.", fn)
		}
	}
	return out, nil
}

// bar is X - X%interval (closed='left') or the next multiple at or above
// X (closed='right').
func bar(_ funcs.Env, args []value.Value) (value.Value, error) {
	xs, t, scalar, err := intOrTemporal("bar", "X", args[0])
	if err != nil {
		return nil, err
	}
	iv, err := intervalArg("bar", args[1], t, len(xs))
	if err != nil {
		return nil, err
	}
	closed, err := funcs.OptStrScalarArg("bar", "closed", funcs.Arg(args, 2), "left")
	if err != nil {
		return nil, err
	}
	if closed != "left" && closed != "right" {
		return nil, ddberr.Errorf("The argument [closed] of bar must be 'left' or 'right'.")
	}
	out := make([]int64, len(xs))
	for i, x := range xs {
		if x == value.NullInt64 || iv[i] == value.NullInt64 {
			out[i] = value.NullInt64
			continue
		}
		r := value.FloorMod(x, iv[i])
		switch {
		case closed == "left":
			out[i] = x - r
		case r == 0:
			out[i] = x
		default:
			out[i] = x + iv[i] - r
		}
	}
	res := temporal.TypedVector(t, out)
	if t.Category() == value.CatIntegral && t.Storage() != value.StInt32 && t.Storage() != value.StInt64 {
		c, err := cast.Vector(value.NewLongs(out), t, 0)
		if err != nil {
			return nil, err
		}
		res = c
	}
	if scalar {
		return res.At(0), nil
	}
	return res, nil
}

// dailyAlignedBar aligns each time to n-long bars counted from the start
// of its trading session (the last timeOffset at or before its time of
// day, or yesterday's last one for an overnight session).
func dailyAlignedBar(_ funcs.Env, args []value.Value) (value.Value, error) {
	in, err := temporal.TemporalInput("dailyAlignedBar", args[0])
	if err != nil {
		return nil, err
	}
	off, err := temporal.TemporalInput("dailyAlignedBar", args[1])
	if err != nil {
		return nil, err
	}
	clock := map[value.Type]value.Type{value.Second: value.Second, value.Time: value.Time, value.NanoTime: value.NanoTime,
		value.DateTime: value.Second, value.Timestamp: value.Time, value.NanoTimestamp: value.NanoTime}
	if ct, ok := clock[in.T]; !ok || ct != off.T {
		return nil, ddberr.Errorf("The argument [timeOffset] of dailyAlignedBar must be SECOND, TIME or NANOTIME of the same precision as X.")
	}
	iv, err := intervalArg("dailyAlignedBar", args[2], off.T, 1)
	if err != nil {
		return nil, err
	}
	n := iv[0]
	starts := off.Raw
	for i := 1; i < len(starts); i++ {
		if starts[i] <= starts[i-1] {
			return nil, ddberr.Errorf("The argument [timeOffset] of dailyAlignedBar must be increasing.")
		}
	}
	var ends []int64
	if e := funcs.Arg(args, 3); !funcs.EmptyArg(e) {
		ein, err := temporal.TemporalInput("dailyAlignedBar", e)
		if err != nil || ein.T != off.T || len(ein.Raw) != len(starts) {
			return nil, ddberr.Errorf("The argument [timeEnd] of dailyAlignedBar must have the type and length of timeOffset.")
		}
		ends = ein.Raw
	}
	merge, err := funcs.BoolArg("dailyAlignedBar", "mergeSessionEnd", funcs.Arg(args, 4), false)
	if err != nil {
		return nil, err
	}
	perDay := value.NsPerDay / value.TickNanos(off.T)
	out := make([]int64, len(in.Raw))
	for i, x := range in.Raw {
		if x == value.NullInt64 {
			out[i] = value.NullInt64
			continue
		}
		day, tod := value.FloorDiv(x, perDay), value.FloorMod(x, perDay)
		if !temporal.HasDate(in.T) {
			day, tod = 0, x
		}
		k := sort.Search(len(starts), func(j int) bool { return starts[j] > tod }) - 1
		start := day*perDay + starts[max(k, 0)]
		if k < 0 {
			k = len(starts) - 1
			start = (day-1)*perDay + starts[k]
		}
		r := x - value.FloorMod(x-start, n)
		if merge && ends != nil && tod == ends[k] && r == x && x > start {
			r -= n
		}
		out[i] = r
	}
	return in.Wrap(temporal.TypedVector(in.T, out)), nil
}

// numericRaw reads numbers (integral, floating, temporal) as float64 for
// the range functions (NaN for NULL).
func numericRaw(fn, param string, x value.Value) ([]float64, bool, error) {
	v, scalar, ok := value.VectorOf(x)
	if !ok || v.T.IsArray() {
		return nil, false, ddberr.Errorf("The argument [%s] of %s must be numeric or temporal.", param, fn)
	}
	if v.T.IsTemporal() {
		raw := temporal.RawInt64s(v)
		out := make([]float64, len(raw))
		for i, r := range raw {
			if r == value.NullInt64 {
				out[i] = math.NaN()
			} else {
				out[i] = float64(r)
			}
		}
		return out, scalar, nil
	}
	if !v.T.IsNumeric() {
		return nil, false, ddberr.Errorf("The argument [%s] of %s must be numeric or temporal.", param, fn)
	}
	d, err := cast.Vector(v, value.Double, 0)
	if err != nil {
		return nil, false, err
	}
	out := make([]float64, len(d.F64))
	for i, f := range d.F64 {
		if f == value.NullFloat64 {
			out[i] = math.NaN()
		} else {
			out[i] = f
		}
	}
	return out, scalar, nil
}

// bucket numbers the equal-width buckets of dataRange each value falls
// in; values outside are NULL, or the outer buckets 0 and bucketNum+1
// with includeOutbound.
func bucket(_ funcs.Env, args []value.Value) (value.Value, error) {
	xs, scalar, err := numericRaw("bucket", "vector", args[0])
	if err != nil {
		return nil, err
	}
	p, ok := args[1].(*value.Pair)
	if !ok {
		return nil, ddberr.Errorf("The argument [dataRange] of bucket must be a pair.")
	}
	rng, _, err := numericRaw("bucket", "dataRange", p)
	if err != nil {
		return nil, err
	}
	num, err := funcs.IntArg("bucket", "bucketNum", args[2], 0)
	if err != nil {
		return nil, err
	}
	if num <= 0 {
		return nil, ddberr.Errorf("The argument [bucketNum] of bucket must be positive.")
	}
	outbound, err := funcs.BoolArg("bucket", "includeOutbound", funcs.Arg(args, 3), false)
	if err != nil {
		return nil, err
	}
	integral := p.V.T.Category() == value.CatIntegral || p.V.T.IsTemporal()
	v, _, _ := value.VectorOf(args[0])
	var out []int32
	if keys, ok, err := exactRange(v, p.V, num, integral); err != nil {
		return nil, err
	} else if ok {
		lo, hi := keys[1][0], keys[1][1]
		width := (hi - lo) / num
		out = bucketOf(keys[0], lo, hi, num, outbound, func(x int64) bool { return x == value.NullInt64 },
			func(x int64) int32 { return int32((x - lo) / width) })
	} else {
		lo, hi := rng[0], rng[1]
		if integral && math.Mod(hi-lo, float64(num)) != 0 {
			return nil, errors.New("dataRange must be the mutltiplier of bucketNum.")
		}
		width := (hi - lo) / float64(num)
		out = bucketOf(xs, lo, hi, num, outbound, math.IsNaN, func(x float64) int32 {
			return min(int32(math.Floor((x-lo)/width)), int32(num)-1)
		})
	}
	r := value.NewInts(out)
	if scalar {
		return r.At(0), nil
	}
	return r, nil
}

// exactRange reads bucket's vector v and range rng as int64s
// (exactkey.Longs), so that values past 2^53 (NANOTIMESTAMPs, large
// LONGs) and DECIMALs fall in the bucket they are in, not the one their
// DOUBLEs are in; ok is false where bucket goes through DOUBLEs: for
// floating values, a NULL bound, a DECIMAL range that doesn't split into
// whole raw units, or a range wider than int64.
func exactRange(v, rng *value.Vector, num int64, integral bool) ([][]int64, bool, error) {
	keys, _, ok := exactkey.Longs(v, rng)
	if !ok || len(keys[1]) != 2 {
		return nil, false, nil
	}
	lo, hi := keys[1][0], keys[1][1]
	d := hi - lo
	if lo == value.NullInt64 || hi == value.NullInt64 || (d < 0) != (hi < lo) {
		return nil, false, nil
	}
	if d%num != 0 {
		if integral {
			return nil, false, errors.New("dataRange must be the mutltiplier of bucketNum.")
		}
		return nil, false, nil
	}
	return keys, true, nil
}

// bucketOf numbers the bucket of each of xs: inner(x) inside [lo, hi),
// NULL outside, or the outer buckets 0 and num+1 with outbound.
func bucketOf[T int64 | float64](xs []T, lo, hi T, num int64, outbound bool, null func(T) bool, inner func(T) int32) []int32 {
	out := make([]int32, len(xs))
	for i, x := range xs {
		switch {
		case null(x):
			out[i] = value.NullInt32
		case x < lo:
			out[i] = value.NullInt32
			if outbound {
				out[i] = 0
			}
		case x >= hi:
			out[i] = value.NullInt32
			if outbound {
				out[i] = int32(num + 1)
			}
		default:
			out[i] = inner(x)
			if outbound {
				out[i]++
			}
		}
	}
	return out
}

// cutPoints returns binNum+1 boundaries that split X (each element
// counted freq times) into bins of equal size; the last boundary is one
// past the largest value.
func cutPoints(env funcs.Env, args []value.Value) (value.Value, error) {
	v, ok := args[0].(*value.Vector)
	str := ok && (v.T == value.String || v.T == value.Symbol)
	if !ok || v.T.IsArray() || !(v.T.IsNumeric() || v.T.IsTemporal() || str) {
		return nil, ddberr.Errorf("The argument [X] of cutPoints must be a numeric, temporal or string vector.")
	}
	bins, err := funcs.IntArg("cutPoints", "binNum", args[1], 0)
	if err != nil {
		return nil, err
	}
	if bins <= 0 {
		return nil, ddberr.Errorf("The argument [binNum] of cutPoints must be positive.")
	}
	keep := make([]int, 0, v.Len())
	for i := 0; i < v.Len(); i++ {
		if !v.IsNull(i) {
			keep = append(keep, i)
		}
	}
	var counts []int64
	if f := funcs.Arg(args, 2); f != nil {
		fr, _, _, err := intOrTemporal("cutPoints", "freq", f)
		if err != nil || len(fr) != v.Len() {
			return nil, ddberr.Errorf("The argument [freq] of cutPoints must be an integral vector as long as X.")
		}
		for i := 1; i < len(keep); i++ {
			if value.CompareElems(v, keep[i-1], keep[i]) >= 0 {
				return nil, ddberr.Errorf("The argument [X] of cutPoints must be unique and sorted ascending when [freq] is given.")
			}
		}
		counts = make([]int64, len(keep))
		for k, i := range keep {
			counts[k] = fr[i]
		}
	} else {
		// rowsort's typed radix passes, not a comparison sort through
		// CompareElems: a second over 200K integers before.
		o, err := rowsort.SortContext(funcs.ContextOf(env), []rowsort.Key{rowsort.Column(v, false, rowsort.NullsLast)}, v.Len(), rowsort.KeepAll)
		if err != nil {
			return nil, err
		}
		keep = keep[:0]
		for _, i := range o.Index(v.Len()) {
			if !v.IsNull(i) {
				keep = append(keep, i)
			}
		}
		counts = make([]int64, len(keep))
		for k := range counts {
			counts[k] = 1
		}
	}
	if len(keep) == 0 {
		return nil, ddberr.Errorf("The argument [X] of cutPoints must have a non-null element.")
	}
	var total int64
	for _, c := range counts {
		total += c
	}
	idx := make([]int, 0, bins+1)
	k, cum := 0, counts[0]
	for b := int64(0); b < bins; b++ {
		pos := b * total / bins
		for cum <= pos && k < len(counts)-1 {
			k++
			cum += counts[k]
		}
		idx = append(idx, keep[k])
	}
	out := v.Gather(idx)
	if str {
		// database.md cuts symbols into RANGE partitions: the upper bound
		// must exceed the largest symbol, as max+1 does for numbers
		bounds := append(out.Strings(), stringAfter(v.StrAt(keep[len(keep)-1])))
		return value.NewStrings(value.String, bounds), nil
	}
	last := v.Gather([]int{keep[len(keep)-1]})
	switch last.T.Storage() {
	case value.StInt8:
		last.I8[0]++
	case value.StInt16:
		last.I16[0]++
	case value.StInt32:
		last.I32[0]++
	case value.StInt64:
		last.I64[0]++
	case value.StFloat32:
		last.F32[0]++
	case value.StFloat64:
		last.F64[0]++
	}
	out.AppendVector(last)
	return out, nil
}

// stringAfter is a string greater than s and than every string s
// starts: s with its last byte raised by one (or a byte added after a last
// byte of 0xff).
func stringAfter(s string) string {
	if s == "" || s[len(s)-1] == 0xff {
		return s + "\x01"
	}
	return s[:len(s)-1] + string([]byte{s[len(s)-1] + 1})
}

// digitize returns, as numpy.digitize does, the index of the bin each x
// falls in for monotonic bins. Integral, temporal and DECIMAL x and bins
// compare as int64s (exactkey.Longs), so that LONGs past 2^53 and
// DECIMALs fall in the bin they are in, not the one their DOUBLEs are in.
func digitize(_ funcs.Env, args []value.Value) (value.Value, error) {
	xs, scalar, err := numericRaw("digitize", "x", args[0])
	if err != nil {
		return nil, err
	}
	bins, _, err := numericRaw("digitize", "bins", args[1])
	if err != nil {
		return nil, err
	}
	right, err := funcs.BoolArg("digitize", "right", funcs.Arg(args, 2), false)
	if err != nil {
		return nil, err
	}
	xv, _, _ := value.VectorOf(args[0])
	bv, _, _ := value.VectorOf(args[1])
	var out []int32
	if keys, _, ok := exactkey.Longs(xv, bv); ok && !slices.Contains(keys[1], value.NullInt64) {
		out, err = binIndexes(keys[0], keys[1], right, func(x int64) bool { return x == value.NullInt64 })
	} else {
		out, err = binIndexes(xs, bins, right, math.IsNaN)
	}
	if err != nil {
		return nil, err
	}
	r := value.NewInts(out)
	if scalar {
		return r.At(0), nil
	}
	return r, nil
}

// binIndexes is digitize's index of each of xs in bins (NULL for null).
func binIndexes[T int64 | float64](xs, bins []T, right bool, null func(T) bool) ([]int32, error) {
	desc := len(bins) > 1 && bins[0] > bins[len(bins)-1]
	for i := 1; i < len(bins); i++ {
		if (!desc && bins[i] < bins[i-1]) || (desc && bins[i] > bins[i-1]) {
			return nil, ddberr.Errorf("The argument [bins] of digitize must be monotonically increasing or decreasing.")
		}
	}
	n := len(bins)
	out := make([]int32, len(xs))
	for i, x := range xs {
		if null(x) {
			out[i] = value.NullInt32
			continue
		}
		var k int
		switch {
		case !desc && !right:
			k = sort.Search(n, func(j int) bool { return bins[j] > x })
		case !desc && right:
			k = sort.Search(n, func(j int) bool { return bins[j] >= x })
		case desc && !right:
			k = sort.Search(n, func(j int) bool { return bins[j] <= x })
		default:
			k = sort.Search(n, func(j int) bool { return bins[j] < x })
		}
		out[i] = int32(k)
	}
	return out, nil
}

// segment labels runs of equal consecutive elements by the index of their
// first element (or by run number with segmentOffset=false).
func segment(_ funcs.Env, args []value.Value) (value.Value, error) {
	v, ok := args[0].(*value.Vector)
	if !ok {
		return nil, ddberr.Errorf("The argument [X] of segment must be a vector.")
	}
	offsets, err := funcs.BoolArg("segment", "segmentOffset", funcs.Arg(args, 1), true)
	if err != nil {
		return nil, err
	}
	n := v.Len()
	out := make([]int32, n)
	start, run := 0, int32(0)
	var prev, cur []byte
	for i := 0; i < n; i++ {
		cur = v.AppendKey(cur[:0], i)
		if i > 0 && string(cur) != string(prev) {
			start = i
			run++
		}
		if offsets {
			out[i] = int32(start)
		} else {
			out[i] = run
		}
		prev, cur = cur, prev
	}
	return value.NewInts(out), nil
}

// groups lists, for each distinct value of X in ascending order, the
// indices where it occurs.
func groups(_ funcs.Env, args []value.Value) (value.Value, error) {
	v, ok := args[0].(*value.Vector)
	if !ok || v.T == value.Any || v.T.IsArray() {
		return nil, ddberr.Errorf("The argument [X] of groups must be a vector.")
	}
	mode, err := funcs.OptStrScalarArg("groups", "mode", funcs.Arg(args, 1), "dict")
	if err != nil {
		return nil, err
	}
	codes, first := distinct.Vector(v)
	members := make([][]int32, len(first))
	for i, g := range codes {
		members[g] = append(members[g], int32(i))
	}
	order := value.Iota(len(first))
	sort.Slice(order, func(a, b int) bool { return value.CompareElems(v, first[order[a]], first[order[b]]) < 0 })
	keyIdx := make([]int, len(order))
	for k, g := range order {
		keyIdx[k] = first[g]
	}
	keys := v.Gather(keyIdx)
	switch mode {
	case "dict":
		d := value.NewDict(v.T, value.Any)
		vals := make([]value.Value, len(order))
		for k, g := range order {
			vals[k] = value.NewInts(members[g])
		}
		tv := value.NewTuple(vals)
		d.PutAll(keys, tv)
		return d, nil
	case "vector", "table":
		var data []int32
		offs := make([]int64, len(order))
		for k, g := range order {
			data = append(data, members[g]...)
			offs[k] = int64(len(data))
		}
		av := &value.Vector{T: value.Int + value.ArrayOffset, I32: data, Offsets: offs}
		if mode == "vector" {
			return av, nil
		}
		return value.NewTable([]string{"key", "index"}, []*value.Vector{keys, av}), nil
	case "tuple":
		vals := make([]value.Value, len(order))
		for k, g := range order {
			vals[k] = value.NewInts(members[g])
		}
		return value.NewTuple(vals), nil
	}
	return nil, ddberr.Errorf("The argument [mode] of groups must be 'dict', 'table', 'vector' or 'tuple'.")
}

// volumeBar groups consecutive elements until their running sum reaches
// the threshold (interval, or that share of sum(X) for 0 < interval < 1).
func volumeBar(_ funcs.Env, args []value.Value) (value.Value, error) {
	v, ok := args[0].(*value.Vector)
	if !ok || !v.T.IsNumeric() || v.T.IsArray() {
		return nil, ddberr.Errorf("The argument [X] of volumeBar must be a numeric vector.")
	}
	xs, _, err := numericRaw("volumeBar", "X", v)
	if err != nil {
		return nil, err
	}
	is, ok := funcs.ScalarArg(args[1])
	if !ok || !is.T.IsNumeric() || is.Null || is.Float64() == 0 {
		return nil, ddberr.Errorf("The argument [interval] of volumeBar must be a non-zero number.")
	}
	label, err := funcs.OptStrScalarArg("volumeBar", "label", funcs.Arg(args, 2), "seq")
	if err != nil {
		return nil, err
	}
	if label != "seq" && label != "left" && label != "right" {
		return nil, ddberr.Errorf("The argument [label] of volumeBar must be 'seq', 'left' or 'right'.")
	}
	integral := v.T.Category() == value.CatIntegral || v.T == value.Bool
	threshold := is.Float64()
	if threshold > 0 && threshold < 1 {
		var sum float64
		for _, x := range xs {
			if !math.IsNaN(x) {
				sum += x
			}
		}
		threshold = sum * threshold
		if integral {
			threshold = math.Floor(threshold)
		}
	}
	n := len(xs)
	group := make([]int, n)
	var starts []int
	acc := 0.0
	open := false
	for i, x := range xs {
		if !open {
			starts = append(starts, i)
			open, acc = true, 0
		}
		if !math.IsNaN(x) {
			acc += x
		}
		group[i] = len(starts) - 1
		if (threshold > 0 && acc >= threshold) || (threshold < 0 && acc <= threshold) {
			open = false
		}
	}
	if label == "seq" {
		out := make([]int32, n)
		for i, g := range group {
			out[i] = int32(g)
		}
		return value.NewInts(out), nil
	}
	// running sums before each element and through it
	cum := make([]float64, n+1)
	for i, x := range xs {
		if math.IsNaN(x) {
			x = 0
		}
		cum[i+1] = cum[i] + x
	}
	ends := make([]int, len(starts))
	for i, g := range group {
		ends[g] = i + 1
	}
	out := make([]float64, n)
	for i, g := range group {
		if label == "left" {
			out[i] = cum[starts[g]]
		} else {
			out[i] = cum[ends[g]]
		}
	}
	if integral {
		l := make([]int64, n)
		for i, f := range out {
			l[i] = int64(f)
		}
		return value.NewLongs(l), nil
	}
	return value.NewDoubles(out), nil
}
