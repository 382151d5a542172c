package dataproc

import (
	"context"
	"fmt"
	"math"
	"sort"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/distinct"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/exactkey"
	"github.com/porpoisedb/porpoise/funcs/higherorder"
	"github.com/porpoisedb/porpoise/funcs/lookup"
	"github.com/porpoisedb/porpoise/funcs/streak"
	"github.com/porpoisedb/porpoise/funcs/system"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
	"github.com/porpoisedb/porpoise/value/kernel"
)

// perColumn applies f to a vector, to each column of a matrix (results
// assembled) or of a table (a table of the results).
func xperColumn(name string, x value.Value, f func(v *value.Vector) (value.Value, error)) (value.Value, error) {
	switch t := x.(type) {
	case *value.Vector:
		return f(t)
	case *value.Matrix:
		out := make([]value.Value, t.Cols)
		for c := range out {
			r, err := f(funcs.MatrixColumn(t, c))
			if err != nil {
				return nil, err
			}
			out[c] = r
		}
		r, err := funcs.Assemble(out, funcs.RuleDolphin)
		if m, ok := r.(*value.Matrix); ok {
			m.ColLabels, m.RowLabels = t.ColLabels, t.RowLabels
		}
		return r, err
	case *value.Table:
		cols := make([]*value.Vector, len(t.Cols))
		for c, col := range t.Cols {
			r, err := f(col)
			if err != nil {
				return nil, err
			}
			switch rv := r.(type) {
			case *value.Vector:
				cols[c] = rv
			case *value.Scalar:
				cols[c] = rv.Vector()
			default:
				return nil, fmt.Errorf("%s can't be applied to the columns of a table.", name)
			}
		}
		return value.NewTable(append([]string(nil), t.Names...), cols), nil
	case *value.Scalar:
		return f(t.Vector())
	}
	return nil, ddberr.Errorf("The argument [X] of %s must be a vector, matrix or table.", name)
}

// truthy reads a vector as booleans: true for non-zero, and whether the
// element counts (NULLs don't).
func xtruthy(name string, v *value.Vector) ([]bool, []bool, error) {
	if v.T != value.Bool && !v.T.IsNumeric() {
		return nil, nil, ddberr.Errorf("The argument of %s must be logical or numeric.", name)
	}
	d, err := cast.Vector(v, value.Double, 0)
	if err != nil {
		return nil, nil, err
	}
	val := make([]bool, len(d.F64))
	ok := make([]bool, len(d.F64))
	for i, f := range d.F64 {
		ok[i] = f != value.NullFloat64
		val[i] = f != 0
	}
	return val, ok, nil
}

// xallAny is all (all true) or any, named name in its errors.
func xallAny(name string, all bool) funcs.Impl {
	return func(env funcs.Env, args []value.Value) (value.Value, error) {
		if funcs.IsFunction(args[0]) || len(args) > 1 {
			return higherorder.AllAny(env, name, args, all)
		}
		v, isData := funcs.VectorOrMatrixData(args[0])
		if x, isScalar := args[0].(*value.Scalar); isScalar {
			v, isData = x.Vector(), true
		}
		if !isData {
			return nil, ddberr.Errorf("The argument of %s must be a scalar, vector or matrix.", name)
		}
		val, ok, err := xtruthy(name, v)
		if err != nil {
			return nil, err
		}
		for i := range val {
			if !ok[i] {
				continue
			}
			if all && !val[i] {
				return value.NewBool(false), nil
			}
			if !all && val[i] {
				return value.NewBool(true), nil
			}
		}
		return value.NewBool(all), nil
	}
}

// copyValue copies a container; deep copies nested values too.
func xcopyValue(x value.Value, deep bool) value.Value {
	switch v := x.(type) {
	case *value.Vector:
		c := v.Clone()
		if deep && v.T == value.Any {
			for i, e := range c.Any {
				c.Any[i] = xcopyValue(e, true)
			}
		}
		return c
	case *value.Pair:
		return &value.Pair{V: v.V.Clone()}
	case *value.Matrix:
		return v.WithData(v.V.Clone())
	case *value.Set:
		return value.NewSet(v.V)
	case *value.Dict:
		d := value.NewDict(v.Keys.T, v.Vals.T)
		vals := v.Vals
		if deep && vals.T == value.Any {
			vals = xcopyValue(vals, true).(*value.Vector)
		}
		d.PutAll(v.Keys, vals)
		return d
	case *value.Table:
		cols := make([]*value.Vector, len(v.Cols))
		for i, c := range v.Cols {
			cols[i] = c.Clone()
		}
		t := value.NewTable(append([]string(nil), v.Names...), cols)
		t.Kind, t.KeyCols = v.Kind, append([]int(nil), v.KeyCols...)
		if t.IsKeyed() {
			t.RebuildKeys()
		}
		return t
	case *value.Scalar:
		c := *v
		return &c
	}
	return x
}

// xsortedSearch is asof (the last position of an element <= y, -1) and
// lowerBound (the first position of an element >= y, len(X)) in a sorted
// X.
func xsortedSearch(name string, lower bool) funcs.Impl {
	return func(env funcs.Env, args []value.Value) (value.Value, error) {
		x, ok := args[0].(*value.Vector)
		if !ok || x.T == value.Any {
			return nil, ddberr.Errorf("The argument [X] of %s must be a sorted vector.", name)
		}
		y, scalar, ok := value.VectorOf(args[1])
		if !ok {
			return nil, ddberr.Errorf("The argument [Y] of %s must be a scalar or vector.", name)
		}
		a, b, err := lookup.SameTypeVectors(name, x, y)
		if err != nil {
			return nil, err
		}
		out := lookup.SearchEach(a, b, func(n int, cmp func(i int) int) int32 {
			if lower {
				return int32(sort.Search(n, func(i int) bool { return cmp(i) >= 0 }))
			}
			return int32(sort.Search(n, func(i int) bool { return cmp(i) > 0 }) - 1)
		})
		return lookup.Positions(out, scalar), nil
	}
}

func xcontextCount(env funcs.Env, args []value.Value) (value.Value, error) {
	x, _, ok1 := value.VectorOf(args[0])
	y, _, ok2 := value.VectorOf(args[1])
	if !ok1 || !ok2 || x.Len() != y.Len() {
		return nil, ddberr.Errorf("The arguments of contextCount must be vectors of the same length.")
	}
	n := 0
	for i := 0; i < x.Len(); i++ {
		if !x.IsNull(i) && !y.IsNull(i) {
			n++
		}
	}
	return value.NewInt(int32(n)), nil
}

func xcountNanInf(env funcs.Env, args []value.Value) (value.Value, error) {
	withNull, err := funcs.BoolArg("countNanInf", "includeNull", funcs.Arg(args, 1), false)
	if err != nil {
		return nil, err
	}
	v, _, ok := value.VectorOf(args[0])
	if m, isM := args[0].(*value.Matrix); isM {
		v, ok = m.V, true
	}
	if !ok || (v.T != value.Float && v.T != value.Double) {
		return nil, ddberr.Errorf("The argument [X] of countNanInf must be FLOAT or DOUBLE.")
	}
	n := 0
	count := func(f float64, null bool) {
		if null {
			if withNull {
				n++
			}
			return
		}
		if math.IsNaN(f) || math.IsInf(f, 0) {
			n++
		}
	}
	if v.T == value.Float {
		for i, f := range v.F32 {
			count(float64(f), v.IsNull(i))
		}
	} else {
		for i, f := range v.F64 {
			count(f, v.IsNull(i))
		}
	}
	return value.NewInt(int32(n)), nil
}

// xdiffs is deltas (X - X shifted by n) and ratios (X \ previous X), with
// the interpreter's operator typing; per column on matrices and tables.
func xdiffs(name, op string) funcs.Impl {
	return func(env funcs.Env, args []value.Value) (value.Value, error) {
		n, err := funcs.IntArg(name, "n", funcs.Arg(args, 1), 1)
		if err != nil {
			return nil, err
		}
		return xperColumn(name, args[0], func(v *value.Vector) (value.Value, error) {
			// temporal values subtract to durations (deltas of a DATETIME
			// column is the seconds between rows; tutorials/
			// high_freq_data_storage_and_analysis.md)
			temporalDiff := op == "-" && v.T.Category() == value.CatTemporal
			if !v.T.IsNumeric() && v.T != value.Bool && !temporalDiff {
				return nil, ddberr.Errorf("The argument of %s must be numeric.", name)
			}
			return funcs.Operator(env, op, v, shiftVector(v, int(n)))
		})
	}
}

// extremeIndex is the position of the (last) max or min non-NULL element
// of v in [lo, hi), or -1.
func xextremeIndex(v *value.Vector, lo, hi int, max bool) int {
	best := -1
	for i := lo; i < hi; i++ {
		if v.IsNull(i) {
			continue
		}
		if best < 0 {
			best = i
			continue
		}
		c := value.CompareElems(v, i, best)
		if (max && c >= 0) || (!max && c <= 0) {
			best = i
		}
	}
	return best
}

func xextremeLast(max bool) funcs.Impl {
	name := "iminLast"
	if max {
		name = "imaxLast"
	}
	return func(env funcs.Env, args []value.Value) (value.Value, error) {
		return xperColumn(name, args[0], func(v *value.Vector) (value.Value, error) {
			if v.T == value.Any {
				return nil, ddberr.Errorf("The argument of %s must be a vector of scalars.", name)
			}
			return value.NewInt(int32(xextremeIndex(v, 0, v.Len(), max))), nil
		})
	}
}

func xmax0(x int) int {
	if x < 0 {
		return 0
	}
	return x
}

// xrowExtremeLast is, per row of the arguments (vectors, or a matrix's
// columns), the index of the (last) max or min.
func xrowExtremeLast(max bool) funcs.Impl {
	return func(env funcs.Env, args []value.Value) (value.Value, error) {
		if av, ok := args[0].(*value.Vector); ok && len(args) == 1 && (av.T.IsArray() || av.Columnar) {
			// an array vector's (or columnar tuple's) rows are its own
			// (themes/rowFunctions.md)
			if av.Columnar {
				av = av.ColumnarArray()
			}
			out := make([]int32, av.Len())
			for r := range out {
				row := av.Row(r)
				out[r] = value.NullInt32
				if b := xextremeIndex(row, 0, row.Len(), max); b >= 0 {
					out[r] = int32(b)
				}
			}
			return value.NewInts(out), nil
		}
		var cols []*value.Vector
		for _, a := range args {
			switch x := a.(type) {
			case *value.Matrix:
				for c := 0; c < x.Cols; c++ {
					cols = append(cols, funcs.MatrixColumn(x, c))
				}
			case *value.Vector:
				cols = append(cols, x)
			default:
				return nil, ddberr.Errorf("The arguments of a row function must be vectors or matrices.")
			}
		}
		if len(cols) == 0 {
			return value.NewInts(nil), nil
		}
		n := cols[0].Len()
		for _, c := range cols {
			if c.Len() != n {
				return nil, ddberr.Errorf("The arguments of a row function must have the same length.")
			}
		}
		out := make([]int32, n)
		for r := 0; r < n; r++ {
			row := make([]*value.Vector, len(cols))
			for k, c := range cols {
				row[k] = c.Slice(r, r+1)
			}
			j, err := funcs.JoinVectors(row...)
			if err != nil {
				return nil, err
			}
			b := xextremeIndex(j, 0, j.Len(), max)
			if b < 0 {
				out[r] = value.NullInt32
			} else {
				out[r] = int32(b)
			}
		}
		return value.NewInts(out), nil
	}
}

func xisDuplicated(env funcs.Env, args []value.Value) (value.Value, error) {
	keep, ok := funcs.ChoiceArg(funcs.Arg(args, 1), "FIRST", "LAST", "NONE")
	if !ok {
		return nil, ddberr.Errorf("The argument [keep] of isDuplicated must be FIRST, LAST or NONE.")
	}
	var keys []*value.Vector
	n := 0
	switch x := args[0].(type) {
	case *value.Vector:
		if x.T == value.Any {
			for _, e := range x.Any {
				v, ok := e.(*value.Vector)
				if !ok {
					return nil, ddberr.Errorf("The tuple of isDuplicated must hold vectors of the same length.")
				}
				keys = append(keys, v)
			}
		} else {
			keys = []*value.Vector{x}
		}
	default:
		return nil, ddberr.Errorf("The argument [X] of isDuplicated must be a vector or a tuple of vectors.")
	}
	if len(keys) > 0 {
		n = keys[0].Len()
	}
	for _, k := range keys {
		if k.Len() != n {
			return nil, ddberr.Errorf("The tuple of isDuplicated must hold vectors of the same length.")
		}
	}
	codes, first, err := distinct.Rows(funcs.ContextOf(env), keys)
	if err != nil {
		return nil, err
	}
	count := make([]int32, len(first))
	for _, c := range codes {
		count[c]++
	}
	out := value.NewVector(value.Bool, n, n)
	seen := make([]int32, len(first))
	for i, c := range codes {
		seen[c]++
		var dup bool
		switch keep {
		case "FIRST":
			dup = seen[c] > 1
		case "LAST":
			dup = seen[c] < count[c]
		case "NONE":
			dup = count[c] > 1
		}
		out.I8[i] = kernel.BoolAs[int8](dup)
	}
	return out, nil
}

// xrangeCount is topRange (how many adjacent elements to the left are
// smaller) and lowRange (larger).
func xrangeCount(top bool) funcs.Impl {
	name := "lowRange"
	if top {
		name = "topRange"
	}
	return func(env funcs.Env, args []value.Value) (value.Value, error) {
		ctx := funcs.ContextOf(env)
		return xperColumn(name, args[0], func(v *value.Vector) (value.Value, error) {
			// exact order: LONGs past 2^53 a unit apart must not tie
			xs, err := exactkey.CountOrder(name, v)
			if err != nil {
				return nil, err
			}
			out, err := rangeCounts(ctx, xs, top)
			if err != nil {
				return nil, err
			}
			return value.NewInts(out), nil
		})
	}
}

// rangeCounts is, for each element, how many elements run left of it that
// it beats (exceeds for top, is below otherwise), stopping at a NULL or
// at one it does not beat. A stack holds the rows that can still stop a
// later count, each unbeaten by the rows after it: a row pops those it
// beats, which any later row passing it passes too, so each row enters
// and leaves once, where walking left from every row cost n² on a rising
// series. NaN stops no count (no comparison with it holds), so it is
// never pushed, and its own count runs to the last NULL.
func rangeCounts(ctx context.Context, xs []float64, top bool) ([]int32, error) {
	out := make([]int32, len(xs))
	stack := make([]int, 0, 64)
	wall := -1 // the last NULL, which no count passes
	for i, x := range xs {
		if i&0xffff == 0xffff {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		switch {
		case x == value.NullFloat64:
			out[i] = value.NullInt32
			wall, stack = i, stack[:0]
			continue
		case x != x:
			out[i] = int32(i - 1 - wall)
			continue
		}
		for len(stack) > 0 && ((top && xs[stack[len(stack)-1]] < x) || (!top && xs[stack[len(stack)-1]] > x)) {
			stack = stack[:len(stack)-1]
		}
		stop := wall
		if len(stack) > 0 {
			stop = stack[len(stack)-1]
		}
		out[i] = int32(i - 1 - stop)
		stack = append(stack, i)
	}
	return out, nil
}

func xmask(env funcs.Env, args []value.Value) (value.Value, error) {
	if av, ok := args[0].(*value.Vector); ok && av.T.IsArray() {
		// an array vector is masked cell by cell
		return funcs.OverArrayShape(av, args, func(a []value.Value) (value.Value, error) { return xmask(env, a) })
	}
	var data *value.Vector
	var wrap func(*value.Vector) value.Value
	switch x := args[0].(type) {
	case *value.Vector:
		data, wrap = x, func(v *value.Vector) value.Value { return v }
	case *value.Matrix:
		data = x.V
		wrap = func(v *value.Vector) value.Value {
			return x.WithData(v)
		}
	default:
		return nil, ddberr.Errorf("The argument [X] of mask must be a vector or matrix.")
	}
	var cond []int8
	switch y := args[1].(type) {
	case *value.Matrix:
		if y.V.T == value.Bool {
			cond = y.V.I8
		}
	default:
		cond, _ = lookup.BoolMask(y)
	}
	if cond == nil || (len(cond) != data.Len() && len(cond) != 1) {
		return nil, ddberr.Errorf("The argument [Y] of mask must be a boolean condition of X's size.")
	}
	out := data.Clone()
	for i := 0; i < out.Len(); i++ {
		c := cond[0]
		if len(cond) > 1 {
			c = cond[i]
		}
		if c == 1 {
			out.SetNull(i)
		}
	}
	return wrap(out), nil
}

func xmaxPositiveStreak(env funcs.Env, args []value.Value) (value.Value, error) {
	return xperColumn("maxPositiveStreak", args[0], func(v *value.Vector) (value.Value, error) {
		if funcs.IsIntegralVec(v) && v.T != value.Bool {
			// as LONGs: a DOUBLE sum drops a LONG's digits past 2^53
			var best, cur int64
			for _, x := range funcs.LongsOf(v) {
				if x != value.NullInt64 && x > 0 {
					cur += x
				} else {
					cur = 0
				}
				best = max(best, cur)
			}
			return cast.To(value.NewLong(best), v.T, 0)
		}
		if v.T.IsDecimal() {
			return streak.Max(v)
		}
		xs, _, err := funcs.Floats("maxPositiveStreak", v)
		if err != nil {
			return nil, err
		}
		best, cur := 0.0, 0.0
		for _, x := range xs {
			if x != value.NullFloat64 && x > 0 {
				cur += x
			} else {
				cur = 0
			}
			best = math.Max(best, cur)
		}
		r, err := cast.To(value.NewDouble(best), v.T, v.Scale)
		if err != nil || v.T == value.Bool {
			return value.NewDouble(best), nil
		}
		return r, nil
	})
}

func xshape(env funcs.Env, args []value.Value) (value.Value, error) {
	r, c := system.ObjShape(args[0])
	return value.NewPair(value.NewInt(int32(r)), value.NewInt(int32(c))), nil
}

func xvalueChanged(env funcs.Env, args []value.Value) (value.Value, error) {
	mode, ok := funcs.ChoiceArg(funcs.Arg(args, 1), "prev", "next", "either", "both")
	if !ok {
		return nil, ddberr.Errorf("The argument [mode] of valueChanged must be \"prev\", \"next\", \"either\" or \"both\".")
	}
	changed := func(v *value.Vector) (value.Value, error) {
		n := v.Len()
		out := value.NewVector(value.Bool, n, n)
		diff := func(i, j int) bool { return j >= 0 && j < n && value.CompareElems(v, i, j) != 0 }
		for i := 0; i < n; i++ {
			p, q := diff(i, i-1), diff(i, i+1)
			var r bool
			switch mode {
			case "prev":
				r = p
			case "next":
				r = q
			case "either":
				r = p || q
			case "both":
				r = p && q
			}
			if r {
				out.I8[i] = 1
			}
		}
		return out, nil
	}
	if t, ok := args[0].(*value.Vector); ok && t.T == value.Any {
		out := make([]value.Value, len(t.Any))
		for i, e := range t.Any {
			v, ok := e.(*value.Vector)
			if !ok {
				return nil, ddberr.Errorf("The tuple of valueChanged must hold vectors.")
			}
			r, err := changed(v)
			if err != nil {
				return nil, err
			}
			out[i] = r
		}
		return value.NewTuple(out), nil
	}
	return xperColumn("valueChanged", args[0], changed)
}

func xzscore(env funcs.Env, args []value.Value) (value.Value, error) {
	return xperColumn("zscore", args[0], func(v *value.Vector) (value.Value, error) {
		xs, _, err := funcs.Floats("zscore", v)
		if err != nil {
			return nil, err
		}
		sum, n := 0.0, 0
		for _, x := range xs {
			if x != value.NullFloat64 {
				sum += x
				n++
			}
		}
		out := make([]float64, len(xs))
		if n < 2 {
			for i := range out {
				out[i] = value.NullFloat64
			}
			return value.NewDoubles(out), nil
		}
		mean := sum / float64(n)
		ss := 0.0
		for _, x := range xs {
			if x != value.NullFloat64 {
				ss += (x - mean) * (x - mean)
			}
		}
		sd := math.Sqrt(ss / float64(n-1))
		for i, x := range xs {
			if x == value.NullFloat64 || sd == 0 {
				out[i] = value.NullFloat64
				continue
			}
			out[i] = (x - mean) / sd
		}
		return value.NewDoubles(out), nil
	})
}

// xsumbars counts, for each element, how many elements backwards (itself
// included) sum to at least Y; 0 when they never do.
func xsumbars(env funcs.Env, args []value.Value) (value.Value, error) {
	ys, _, err := funcs.Floats("sumbars", args[1])
	if err != nil || len(ys) != 1 {
		return nil, ddberr.Errorf("The argument [Y] of sumbars must be a numeric scalar.")
	}
	y := ys[0]
	return xperColumn("sumbars", args[0], func(v *value.Vector) (value.Value, error) {
		xs, _, err := funcs.Floats("sumbars", v)
		if err != nil {
			return nil, err
		}
		out := make([]int32, len(xs))
		for i := range xs {
			sum := 0.0
			out[i] = 0
			for j := i; j >= 0; j-- {
				if xs[j] != value.NullFloat64 {
					sum += xs[j]
				}
				if sum >= y {
					out[i] = int32(i - j + 1)
					break
				}
			}
		}
		return value.NewInts(out), nil
	})
}

func xbucketCount(env funcs.Env, args []value.Value) (value.Value, error) {
	// numeric or temporal, as bucket (funcs/b/bucketCount.md); NULL is NaN
	xs, _, err := numericRaw("bucketCount", "vector", args[0])
	if err != nil {
		return nil, err
	}
	r, ok := args[1].(*value.Pair)
	if !ok {
		return nil, ddberr.Errorf("The argument [dataRange] of bucketCount must be a pair.")
	}
	lohi, _, err := numericRaw("bucketCount", "dataRange", r)
	if err != nil {
		return nil, err
	}
	ra := funcs.ReadArgs("bucketCount", args)
	k := ra.PositiveInt("bucketNum", args[2], 0)
	outbound := ra.Bool("includeOutbound", funcs.Arg(args, 3), false)
	if err := ra.Err(); err != nil {
		return nil, err
	}
	if v, _, ok := funcs.ShapeOf(args[0]); ok {
		// as int64s, as bucket reads them: LONGs past 2^53 and
		// NANOTIMESTAMPs must count in the bucket they are in
		if keys, ok, _ := exactRange(v, r.V, k, false); ok {
			lo, hi := keys[1][0], keys[1][1]
			width := (hi - lo) / k
			idx := bucketOf(keys[0], lo, hi, k, true, func(x int64) bool { return x == value.NullInt64 },
				func(x int64) int32 { return int32((x - lo) / width) })
			counts := make([]int32, k+2)
			for _, b := range idx {
				if b != value.NullInt32 {
					counts[b]++
				}
			}
			if !outbound {
				counts = counts[1 : k+1]
			}
			return value.NewInts(counts), nil
		}
	}
	lo, hi := lohi[0], lohi[1]
	if (r.V.T.Category() == value.CatIntegral || r.V.T.IsTemporal()) && int64(hi-lo)%k != 0 {
		return nil, ddberr.Errorf("The size of dataRange must be a multiple of bucketNum.")
	}
	width := (hi - lo) / float64(k)
	counts := make([]int32, k)
	var below, above int32
	for _, x := range xs {
		switch {
		case x != x:
		case x < lo:
			below++
		case x >= hi:
			above++
		default:
			b := int64((x - lo) / width)
			if b >= k {
				b = k - 1
			}
			counts[b]++
		}
	}
	if outbound {
		counts = append(append([]int32{below}, counts...), above)
	}
	return value.NewInts(counts), nil
}

func xdictUpdate(env funcs.Env, args []value.Value) (value.Value, error) {
	d, ok := args[0].(*value.Dict)
	if !ok {
		return nil, ddberr.Errorf("The argument [dictionary] of dictUpdate! must be a dictionary.")
	}
	fn, err := higherorder.FnArg("dictUpdate!", args[1])
	if err != nil {
		return nil, err
	}
	keys, _, ok := value.VectorOf(args[2])
	if !ok {
		return nil, ddberr.Errorf("The argument [keys] of dictUpdate! must be a scalar or vector.")
	}
	if keys, err = cast.Like(keys, d.Keys); err != nil {
		return nil, err
	}
	params := funcs.SeqOf(args[3])
	init := funcs.Arg(args, 4)
	if init == nil && bulkUpdatable(d, fn, keys, args[3]) {
		if done, err := dictUpdateBulk(env, d, fn, keys, args[3]); done {
			return d, err
		}
	}
	for i := 0; i < keys.Len(); i++ {
		p := params.At(i)
		if params.Scalar {
			p = args[3]
		}
		var nv value.Value
		if cur := d.Get(keys, i); cur != nil {
			if nv, err = env.Call(fn, cur, p); err != nil {
				return nil, err
			}
		} else if init != nil {
			if nv, err = env.Call(init, p); err != nil {
				return nil, err
			}
		} else {
			nv = xcopyValue(p, false)
		}
		var vals *value.Vector
		if d.Vals.T == value.Any {
			vals = value.NewTuple([]value.Value{nv})
		} else {
			s, ok := nv.(*value.Scalar)
			if !ok {
				return nil, ddberr.Errorf("The function of dictUpdate! must return a scalar for this dictionary.")
			}
			if s.T != d.Vals.T {
				c, err := cast.To(s, d.Vals.T, d.Vals.Scale)
				if err != nil {
					return nil, err
				}
				s = c.(*value.Scalar)
			}
			vals = s.Vector()
		}
		d.Put(keys, i, vals, 0)
	}
	return d, nil
}

// xtmove is, for each T[i], the X of the latest row at or before
// T[i] - window (NULL when there is none).
func xtmove(env funcs.Env, args []value.Value) (value.Value, error) {
	tv, ts, err := higherorder.TemporalIndex("tmove", args[0])
	if err != nil {
		return nil, err
	}
	x, ok := args[1].(*value.Vector)
	if !ok || x.Len() != len(ts) {
		return nil, ddberr.Errorf("The arguments T and X of tmove must have the same length.")
	}
	w, err := higherorder.WindowTicks("tmove", tv.T, args[2])
	if err != nil {
		return nil, err
	}
	idx := make([]int, len(ts))
	nulls := make([]bool, len(ts))
	for i, t := range ts {
		j := sort.Search(len(ts), func(k int) bool { return ts[k] > t-w }) - 1
		if j < 0 {
			nulls[i] = true
			continue
		}
		idx[i] = j
	}
	out := x.Gather(idx)
	for i, n := range nulls {
		if n {
			out.SetNull(i)
		}
	}
	return out, nil
}

// xtalibNull sets every vector to NULL before the first row where all of
// them are non-NULL.
func xtalibNull(env funcs.Env, args []value.Value) (value.Value, error) {
	vs := make([]*value.Vector, len(args))
	for i, a := range args {
		v, ok := a.(*value.Vector)
		if !ok || v.T == value.Any || (i > 0 && v.Len() != vs[0].Len()) {
			return nil, ddberr.Errorf("The arguments of talibNull must be vectors of the same length.")
		}
		vs[i] = v
	}
	n := vs[0].Len()
	first := n
	for i := 0; i < n && first == n; i++ {
		all := true
		for _, v := range vs {
			if v.IsNull(i) {
				all = false
				break
			}
		}
		if all {
			first = i
		}
	}
	out := make([]value.Value, len(vs))
	for k, v := range vs {
		c := v.Clone()
		for i := 0; i < first; i++ {
			c.SetNull(i)
		}
		out[k] = c
	}
	return value.NewTuple(out), nil
}

// xwinsorize clips the lowest limit[0] and highest limit[1] fractions of
// X to the nearest kept values; nanPolicy ranks NULLs as the largest
// (upper), the smallest (lower), not at all (omit) or refuses them.
func xwinsorize(inPlace bool) funcs.Impl {
	name := "winsorize"
	if inPlace {
		name = "winsorize!"
	}
	return func(env funcs.Env, args []value.Value) (value.Value, error) {
		v, ok := args[0].(*value.Vector)
		if !ok || !v.T.IsNumeric() {
			return nil, ddberr.Errorf("The argument [X] of %s must be a numeric vector.", name)
		}
		lim, _, err := funcs.Floats(name, args[1])
		if err != nil || len(lim) < 1 || len(lim) > 2 {
			return nil, ddberr.Errorf("The argument [limit] of %s must be a scalar or a vector of two fractions.", name)
		}
		if len(lim) == 1 {
			lim = []float64{lim[0], lim[0]}
		}
		for _, l := range lim {
			if !(l >= 0 && l <= 1) {
				return nil, ddberr.Errorf("The argument [limit] of %s must be between 0 and 1.", name)
			}
		}
		incl := []bool{true, true}
		if a := funcs.Arg(args, 2); a != nil {
			b, _, err := xtruthy(name, toVector(a))
			if err != nil || len(b) < 1 {
				return nil, ddberr.Errorf("The argument [inclusive] of %s must be boolean.", name)
			}
			incl = []bool{b[0], b[len(b)-1]}
		}
		policy, ok := funcs.ChoiceArg(funcs.Arg(args, 3), "upper", "lower", "raise", "omit")
		if !ok {
			return nil, ddberr.Errorf("The argument [nanPolicy] of %s must be 'upper', 'lower', 'raise' or 'omit'.", name)
		}
		xs, _, err := funcs.Floats(name, v)
		if err != nil {
			return nil, err
		}
		idx := make([]int, 0, len(xs))
		for i, x := range xs {
			if x == value.NullFloat64 {
				if policy == "raise" {
					return nil, ddberr.Errorf("The input of %s contains NULL values.", name)
				}
				if policy == "omit" {
					continue
				}
			}
			idx = append(idx, i)
		}
		rank := func(x float64) float64 {
			if x == value.NullFloat64 {
				if policy == "lower" {
					return math.Inf(-1)
				}
				return math.Inf(1)
			}
			return x
		}
		funcs.StableSort(idx, func(a, b int) bool { return rank(xs[a]) < rank(xs[b]) })
		n := len(idx)
		count := func(f float64, truncate bool) int {
			c := float64(n) * f
			if truncate {
				return int(c)
			}
			return int(math.Round(c))
		}
		lo, hi := count(lim[0], incl[0]), count(lim[1], incl[1])
		out := v
		if !inPlace {
			out = v.Clone()
		}
		if lo+hi >= n || n == 0 {
			return out, nil
		}
		low, high := idx[lo], idx[n-1-hi]
		for r := 0; r < lo; r++ {
			out.SetFrom(idx[r], v.Clone(), low)
		}
		src := v.Clone()
		for r := n - hi; r < n; r++ {
			out.SetFrom(idx[r], src, high)
		}
		return out, nil
	}
}

// toVector wraps a scalar as a one-element vector.
func toVector(x value.Value) *value.Vector {
	if v, _, ok := value.VectorOf(x); ok {
		return v
	}
	return value.NewVector(value.Bool, 0, 0)
}
