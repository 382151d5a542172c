package rowfn

import (
	"errors"
	"github.com/porpoisedb/porpoise/funcs/indexed"
	"math"
	"slices"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/exactkey"
	"github.com/porpoisedb/porpoise/funcs/mathfn"
	"github.com/porpoisedb/porpoise/funcs/stats"
	"github.com/porpoisedb/porpoise/value"
)

// rowInput is the arguments of a row function as columns of DOUBLEs
// (NULL as value.NullFloat64): a vector is one column, a matrix or table
// its columns, a tuple its vectors, a scalar a constant column; an array
// vector contributes its variable-length rows.
type rowInput struct {
	rows   int
	cols   [][]float64 // one value per row (len 1: broadcast)
	arrays []*arrayRows
	types  []value.Type // element types of every source
	// vecs are the sources as read: one per column of cols (a scalar
	// as a one-element vector), then one per array of arrays (its cells
	// flat); exactOf reads them again without the rounding of DOUBLE.
	vecs, arrayVecs []*value.Vector
}

// arrayRows is an array vector's cells as DOUBLEs with row ends.
type arrayRows = cellRows[float64]

// cellRows is an array vector's cells with row ends.
type cellRows[T float64 | int64] struct {
	vals []T
	ends []int64
}

// ordered are the row functions that only compare or count a row's
// values, which take temporal values as their counts and keep the type.
var ordered = map[string]bool{"rowMax": true, "rowMin": true, "rowCount": true, "rowSize": true, "rowImax": true, "rowImin": true}

// rowInputOf reads the arguments of a row function.
func rowInputOf(fn string, args []value.Value) (*rowInput, error) {
	in := &rowInput{rows: -1}
	setRows := func(n int) error {
		if in.rows >= 0 && in.rows != n {
			return ddberr.Errorf("The arguments of %s must have the same number of rows.", fn)
		}
		in.rows = n
		return nil
	}
	counts := func(v *value.Vector) *value.Vector {
		if ordered[fn] {
			return mathfn.AsNumeric(v)
		}
		return v
	}
	addVec := func(v *value.Vector) error {
		if v.T.IsArray() {
			flat := *v
			flat.T, flat.Offsets = v.T.Elem(), nil
			xs, err := funcs.DoublesOf(fn, counts(&flat))
			if err != nil {
				return err
			}
			in.arrays = append(in.arrays, &arrayRows{vals: xs, ends: v.Offsets})
			in.types = append(in.types, v.T.Elem())
			in.arrayVecs = append(in.arrayVecs, counts(&flat))
			return setRows(len(v.Offsets))
		}
		xs, err := funcs.DoublesOf(fn, counts(v))
		if err != nil {
			return err
		}
		in.cols = append(in.cols, xs)
		in.types = append(in.types, v.T)
		in.vecs = append(in.vecs, counts(v))
		return setRows(len(xs))
	}
	for _, a := range args {
		switch t := a.(type) {
		case *value.Scalar:
			sv := counts(funcs.ScalarVector(t))
			xs, err := funcs.DoublesOf(fn, sv)
			if err != nil {
				return nil, err
			}
			in.cols = append(in.cols, xs)
			in.types = append(in.types, t.T)
			in.vecs = append(in.vecs, sv)
		case *value.Vector:
			if t.Columnar {
				t = t.ColumnarArray() // its rows are an array vector's
			}
			if t.T == value.Any {
				for _, e := range t.Any {
					v, ok := funcs.VectorArg(e)
					if !ok {
						return nil, ddberr.Errorf("The tuple argument of %s must hold vectors.", fn)
					}
					if err := addVec(v); err != nil {
						return nil, err
					}
				}
				continue
			}
			if err := addVec(t); err != nil {
				return nil, err
			}
		case *value.Matrix, *value.Table:
			cols, _, _ := funcs.ColumnsOf(t)
			for _, c := range cols {
				if err := addVec(c); err != nil {
					return nil, err
				}
			}
		default:
			return nil, ddberr.Errorf("The arguments of %s must be scalars, vectors, matrices, tuples or tables.", fn)
		}
	}
	if in.rows < 0 {
		in.rows = 1
	}
	return in, nil
}

// row appends row i's values (NULLs included) to buf.
func (in *rowInput) row(i int, buf []float64) []float64 {
	return appendRow(buf, i, in.cols, in.arrays)
}

// appendRow appends row i of cols (a column of one value broadcast) and
// of arrays, in that order, to buf.
func appendRow[T float64 | int64](buf []T, i int, cols [][]T, arrays []*cellRows[T]) []T {
	for _, c := range cols {
		if len(c) == 1 {
			buf = append(buf, c[0])
		} else {
			buf = append(buf, c[i])
		}
	}
	for _, a := range arrays {
		lo := int64(0)
		if i > 0 {
			lo = a.ends[i-1]
		}
		buf = append(buf, a.vals[lo:a.ends[i]]...)
	}
	return buf
}

// commonType is the sources' type when they all share one, else DOUBLE.
func (in *rowInput) commonType() value.Type {
	if len(in.types) == 0 {
		return value.Double
	}
	t := in.types[0]
	for _, u := range in.types[1:] {
		if u != t {
			return value.Double
		}
	}
	return t
}

// rowReduce runs g over each row's non-NULL values; g reports false for
// a NULL result.
func rowReduce(fn string, args []value.Value, g func(vals []float64, all int) (float64, bool)) (*rowInput, []float64, error) {
	in, err := rowInputOf(fn, args)
	if err != nil {
		return nil, nil, err
	}
	return in, in.reduce(g), nil
}

// reduce runs g over each row's non-NULL values; g reports false for a
// NULL result.
func (in *rowInput) reduce(g func(vals []float64, all int) (float64, bool)) []float64 {
	out := make([]float64, in.rows)
	var buf []float64
	for i := range out {
		buf = in.row(i, buf[:0])
		all := len(buf)
		k := 0
		for _, x := range buf {
			if !funcs.IsNullF(x) {
				buf[k] = x
				k++
			}
		}
		r, ok := g(buf[:k], all)
		if !ok || r != r || math.IsInf(r, 0) {
			r = value.NullFloat64
		}
		out[i] = r
	}
	return out
}

// rowSpec declares a row function that returns DOUBLE.
func rowSpec(name string, g func(vals []float64, all int) (float64, bool)) funcs.Spec {
	return rowSpecOf(name, g, func(_ *rowInput, out []float64) (value.Value, error) {
		return value.NewDoubles(out), nil
	})
}

// rowKeepSpec declares a row function whose result keeps the sources'
// common type (rowMax, rowMin, rowSum, rowProd of integers). exact is the
// same reduction over int64s, which sources of one integral type take
// (exactOf); with keepDecimal so do all-DECIMAL32 or all-DECIMAL64
// sources, whose result keeps the decimal type, and without it a DECIMAL
// result is DOUBLE, as prod's (tutorials/DECIMAL_Calculation_Characteristics.md).
func rowKeepSpec(name string, g func(vals []float64, all int) (float64, bool), exact func(vals []int64) (int64, bool), keepDecimal bool) funcs.Spec {
	return funcs.Spec{Name: name, Params: []string{"args"}, Min: 1, Max: -1, Props: funcs.Pure, Category: "row-wise",
		Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) {
			in, err := rowInputOf(name, args)
			if err != nil {
				return nil, err
			}
			t := in.commonType()
			decimal := t.Category() == value.CatDecimal
			if ex, ok := in.exactOf(); ok && (keepDecimal || !decimal) {
				return ex.reduce(exact)
			}
			r := value.NewDoubles(in.reduce(g))
			if decimal && !keepDecimal {
				return r, nil
			}
			if t != value.Double && (t.IsNumeric() || t.IsTemporal()) && t != value.Bool {
				return mathfn.FromDoubles(r, &value.Vector{T: t, Scale: in.scale()})
			}
			return r, nil
		}}
}

// rowIntSpec declares a row function with INT results.
func rowIntSpec(name string, g func(vals []float64, all int) (float64, bool)) funcs.Spec {
	return rowSpecOf(name, g, func(_ *rowInput, out []float64) (value.Value, error) {
		return stats.IntsOf(out), nil
	})
}

// rowBoolSpec declares rowAnd/rowOr/rowXor.
func rowBoolSpec(name string, g func(vals []float64) bool) funcs.Spec {
	return rowSpecOf(name, func(vals []float64, _ int) (float64, bool) {
		if len(vals) == 0 {
			return 0, false
		}
		if g(vals) {
			return 1, true
		}
		return 0, true
	}, func(_ *rowInput, out []float64) (value.Value, error) {
		r := value.NewVector(value.Bool, len(out), len(out))
		for i, f := range out {
			if funcs.IsNullF(f) {
				r.I8[i] = value.NullInt8
			} else {
				r.I8[i] = int8(f)
			}
		}
		return r, nil
	})
}

// rowSpecOf declares a row function of any number of arguments: g
// reduces each row (rowReduce) and result builds the value from the
// per-row results.
func rowSpecOf(name string, g func(vals []float64, all int) (float64, bool), result func(in *rowInput, out []float64) (value.Value, error)) funcs.Spec {
	return funcs.Spec{Name: name, Params: []string{"args"}, Min: 1, Max: -1, Props: funcs.Pure, Category: "row-wise",
		Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) {
			in, out, err := rowReduce(name, args, g)
			if err != nil {
				return nil, err
			}
			return result(in, out)
		}}
}

// rowPairSpec declares a two-argument row function over the positions
// where both rows are non-NULL.
// bothSeries reports whether both of args are indexed series.
func bothSeries(args []value.Value) bool {
	for _, a := range args {
		if m, ok := a.(*value.Matrix); !ok || m.Indexed != value.IndexedSeries {
			return false
		}
	}
	return true
}

func rowPairSpec(name string, g func(p *stats.PairSums, xs, ys []float64) float64) funcs.Spec {
	return funcs.Spec{Name: name, Params: []string{"X", "Y"}, Min: 2, Max: 2, Props: funcs.Pure, Category: "row-wise",
		Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) {
			if x, y, wrap, ok, err := indexed.Align(args[0], args[1]); !bothSeries(args) && (ok || err != nil) {
				// two indexed matrices meet on the union of their row
				// labels, a missing row NULL; two indexed series pair
				// row by row (funcs/r/rowDot.md, funcs/r/rowTanimoto.md)
				if err != nil {
					return nil, err
				}
				args = []value.Value{wrap(x), wrap(y)}
			}
			xi, err := rowInputOf(name, args[:1])
			if err != nil {
				return nil, err
			}
			yi, err := rowInputOf(name, args[1:])
			if err != nil {
				return nil, err
			}
			// A plain vector Y against a matrix or array vector X of another
			// height is one row of weights for every row of X: the factor
			// tutorial's mathWghtSkew takes rowWavg(BidPrice, 10 9 ... 1) of
			// ten price levels (tutorials/best_practice_for_factor_calculation.md).
			var yRow []float64
			if xi.rows != yi.rows {
				v, plain := args[1].(*value.Vector)
				if !plain || v.T == value.Any || len(yi.cols) != 1 || len(yi.arrays) != 0 || len(xi.arrays)+len(xi.cols) < 2 && len(xi.arrays) == 0 {
					return nil, ddberr.Errorf("The arguments of %s must have the same number of rows.", name)
				}
				yRow = yi.cols[0]
			}
			out := make([]float64, xi.rows)
			var xb, yb []float64
			for i := range out {
				if xb = xi.row(i, xb[:0]); yRow != nil {
					yb = append(yb[:0], yRow...)
				} else {
					yb = yi.row(i, yb[:0])
				}
				if len(yb) == 1 && len(xb) > 1 {
					yb = stats.BroadcastF(yb[0], len(xb))
				}
				if len(xb) != len(yb) {
					return nil, ddberr.Errorf("The rows of the arguments of %s must have the same length.", name)
				}
				var p stats.PairSums
				k := 0
				for j := range xb {
					if !funcs.IsNullF(xb[j]) && !funcs.IsNullF(yb[j]) {
						p.Add(xb[j], yb[j])
						xb[k], yb[k] = xb[j], yb[j]
						k++
					}
				}
				r := math.NaN()
				if p.N > 0 {
					r = g(&p, xb[:k], yb[:k])
				}
				if r != r || math.IsInf(r, 0) {
					r = value.NullFloat64
				}
				out[i] = r
			}
			return value.NewDoubles(out), nil
		}}
}

// rowIndex is rowImax/rowImin: the column of each row's first extreme.
func rowIndex(fn string, args []value.Value, dir int) (value.Value, error) {
	in, err := rowInputOf(fn, args)
	if err != nil {
		return nil, err
	}
	if ex, ok := in.exactOf(); ok {
		// as int64s: LONGs past 2^53 and DECIMALs a unit apart tie as DOUBLEs
		var buf []int64
		return rowBest(in.rows, func(i int) []int64 { buf = ex.row(i, buf[:0]); return buf },
			func(x int64) bool { return x == value.NullInt64 }, dir), nil
	}
	var buf []float64
	return rowBest(in.rows, func(i int) []float64 { buf = in.row(i, buf[:0]); return buf }, funcs.IsNullF, dir), nil
}

// rowBest is the index of each row's first largest (dir > 0) or
// smallest non-NULL value.
func rowBest[T int64 | float64](rows int, row func(int) []T, null func(T) bool, dir int) *value.Vector {
	out := make([]int32, rows)
	for i := range out {
		buf := row(i)
		best := -1
		for j, x := range buf {
			if null(x) {
				continue
			}
			if best < 0 || (dir > 0 && x > buf[best]) || (dir < 0 && x < buf[best]) {
				best = j
			}
		}
		out[i] = int32(best)
		if best < 0 {
			out[i] = value.NullInt32
		}
	}
	return value.NewInts(out)
}

// rowShift moves each row of a matrix right by steps (left if negative).
func rowShift(fn string, x value.Value, steps int) (value.Value, error) {
	m, ok := x.(*value.Matrix)
	if !ok {
		if v, isVec := x.(*value.Vector); isVec && (v.T.IsArray() || v.Columnar) {
			return rowShiftArray(v, steps), nil
		}
		return nil, ddberr.Errorf("X of %s must be a matrix.", fn)
	}
	idx := make([]int, m.Rows*m.Cols)
	for c := 0; c < m.Cols; c++ {
		for r := 0; r < m.Rows; r++ {
			src := c - steps
			if src < 0 || src >= m.Cols {
				idx[c*m.Rows+r] = -1
			} else {
				idx[c*m.Rows+r] = src*m.Rows + r
			}
		}
	}
	return &value.Matrix{V: value.GatherOrNull(m.V, idx), Rows: m.Rows, Cols: m.Cols, RowLabels: m.RowLabels, ColLabels: m.ColLabels}, nil
}

// rowShiftArray moves each row of an array vector (or a columnar tuple,
// whose result the pages print as an array vector) within its own cells.
func rowShiftArray(v *value.Vector, steps int) value.Value {
	if v.Columnar {
		v = v.ColumnarArray()
	}
	cells := arrayCells(v)
	idx := make([]int, cells.flat.Len())
	lo := 0
	for _, end := range v.Offsets {
		for i := lo; i < int(end); i++ {
			src := i - steps
			if src < lo || src >= int(end) {
				idx[i] = -1
			} else {
				idx[i] = src
			}
		}
		lo = int(end)
	}
	return cells.wrap(value.GatherOrNull(cells.flat, idx))
}

// rowRank ranks each row of a matrix (0-based; dense ranks count
// distinct values).
func rowRank(fn string, args []value.Value, dense bool) (value.Value, error) {
	av, isAV := args[0].(*value.Vector)
	if isAV && av.Columnar {
		av = av.ColumnarArray()
	}
	m, ok := args[0].(*value.Matrix)
	if !ok && !(isAV && av.T.IsArray()) {
		return nil, ddberr.Errorf("X of %s must be a matrix.", fn)
	}
	var o stats.RankOptions
	var err error
	if dense {
		o, err = stats.ParseRankOptions(fn, []value.Value{funcs.Arg(args, 1), funcs.Arg(args, 2), nil, funcs.Arg(args, 3)}, 0)
	} else {
		o, err = stats.ParseRankOptions(fn, []value.Value{funcs.Arg(args, 1), funcs.Arg(args, 3), funcs.Arg(args, 4), funcs.Arg(args, 5)}, 0)
	}
	if err != nil {
		return nil, err
	}
	if !ok {
		return rowRankArray(fn, av, args, o, dense)
	}
	xs, err := exactkey.CountOrder(fn, m.V)
	if err != nil {
		return nil, err
	}
	if g := funcs.Arg(args, 2); g != nil && !dense {
		groups, err := funcs.IntArg(fn, "groupNum", g, 0)
		if err != nil || groups <= 0 {
			return nil, errors.New("groupNum of rank must be a positive integer.")
		}
		return m.WithData(value.NewInts(rowGroups(xs, m.Rows, m.Cols, o, int(groups)))), nil
	}
	out := make([]float64, len(xs))
	row := make([]float64, m.Cols)
	for r := 0; r < m.Rows; r++ {
		for c := range row {
			row[c] = xs[c*m.Rows+r]
		}
		ranks := stats.RankVector(row, o, dense)
		for c, v := range ranks {
			out[c*m.Rows+r] = v
		}
	}
	res := stats.RankResult(out, o)
	return m.WithData(res), nil
}

// rowRankArray is rowRank over the rows of array vector av: an array
// vector of the same rows (themes/rowFunctions.md takes array vectors and
// columnar tuples for every row function but the tuple of vectors).
func rowRankArray(fn string, av *value.Vector, args []value.Value, o stats.RankOptions, dense bool) (value.Value, error) {
	xs, err := exactkey.CountOrder(fn, av.Cells())
	if err != nil {
		return nil, err
	}
	var groups int64
	if g := funcs.Arg(args, 2); g != nil && !dense {
		if groups, err = funcs.IntArg(fn, "groupNum", g, 0); err != nil || groups <= 0 {
			return nil, errors.New("groupNum of rank must be a positive integer.")
		}
	}
	out := make([]float64, 0, len(xs))
	grouped := make([]int32, 0, len(xs))
	lo := int64(0)
	for _, hi := range av.Offsets {
		row := xs[lo:hi]
		if groups > 0 {
			grouped = append(grouped, stats.GroupRanks(row, o, int(groups))...)
		} else {
			out = append(out, stats.RankVector(row, o, dense)...)
		}
		lo = hi
	}
	offs := slices.Clone(av.Offsets)
	if groups > 0 {
		return funcs.ArrayOf(value.NewInts(grouped), offs), nil
	}
	return funcs.ArrayOf(stats.RankResult(out, o), offs), nil
}

// rowGroups is each row's group numbers ("rowRank" page: groupNum=3)
// over column-major cells xs of a rows x cols matrix.
func rowGroups(xs []float64, rows, cols int, o stats.RankOptions, groups int) []int32 {
	out := make([]int32, len(xs))
	row := make([]float64, cols)
	for r := 0; r < rows; r++ {
		for c := range row {
			row[c] = xs[c*rows+r]
		}
		for c, g := range stats.GroupRanks(row, o, groups) {
			out[c*rows+r] = g
		}
	}
	return out
}

func rowMoveFn(_ funcs.Env, args []value.Value) (value.Value, error) {
	s, err := funcs.IntArg("rowMove", "steps", args[1], 0)
	if err != nil {
		return nil, err
	}
	return rowShift("rowMove", args[0], int(s))
}
