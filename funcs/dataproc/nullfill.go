package dataproc

import (
	"errors"
	"github.com/porpoisedb/porpoise/access"
	"math"
	"slices"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/mathfn"
	"github.com/porpoisedb/porpoise/funcs/stats"
	"github.com/porpoisedb/porpoise/insert"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
	"github.com/porpoisedb/porpoise/value/kernel"
)

// lfillSpec declares lfill (lfill! when inPlace): linear interpolation
// of NULLs.
func lfillSpec(name string, inPlace bool) funcs.Spec {
	props := funcs.Pure
	if inPlace {
		props = funcs.Mutating
	}
	return funcs.Spec{Name: name, Params: []string{"obj"}, Min: 1, Max: 1, Props: props | funcs.OrderSensitive, Category: "null-fill",
		Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) {
			return fillColumns(name, args[0], inPlace, linearFill)
		}}
}

// pickByNullSpec declares ifNull (ifNull true) or ifValid.
func pickByNullSpec(name string, ifNull bool) funcs.Spec {
	return funcs.Spec{Name: name, Params: []string{"X", "Y"}, Min: 2, Max: 2, Props: funcs.ElementWise | funcs.Pure, Category: "null-fill",
		Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) {
			return pickByNull(name, args[0], args[1], ifNull)
		}}
}

// fillColumns applies f to a vector, or to each column of a matrix or
// table; inPlace writes the result back into obj and returns obj.
func fillColumns(fn string, obj value.Value, inPlace bool, f func(*value.Vector) (*value.Vector, error)) (value.Value, error) {
	switch t := obj.(type) {
	case *value.Table:
		if !inPlace {
			return stats.MapColumns(fn, t, f)
		}
		for i, c := range t.Cols {
			r, err := f(c)
			if err != nil {
				return nil, err
			}
			if r.T == c.T {
				mathfn.CopyInto(c, r)
			} else {
				t.Cols[i] = r
			}
		}
		return t, insert.Changed(t)
	case *value.Vector, *value.Matrix:
		r, err := stats.MapColumns(fn, t, f)
		if err != nil || !inPlace {
			return r, err
		}
		var dst, src *value.Vector
		if m, ok := t.(*value.Matrix); ok {
			dst, src = m.V, r.(*value.Matrix).V
		} else {
			dst, src = t.(*value.Vector), r.(*value.Vector)
		}
		if dst.T != src.T {
			return nil, errors.New(fn + " can't change the type of its argument.")
		}
		mathfn.CopyInto(dst, src)
		return obj, nil
	}
	return nil, ddberr.Errorf("The argument of %s must be a vector, matrix or table.", fn)
}

// forwardFill fills each NULL with the last non-NULL element before it,
// at most limit consecutive NULLs (limit < 0: no limit).
func forwardFill(v *value.Vector, limit int) *value.Vector { return nearestFill(v, limit, 1) }

// backwardFill fills each NULL with the next non-NULL element.
func backwardFill(v *value.Vector, limit int) *value.Vector { return nearestFill(v, limit, -1) }

// nearestFill walks v in direction step (1 forward, -1 backward) and
// fills each NULL with the non-NULL element last passed, at most limit
// consecutive NULLs (limit < 0: no limit).
func nearestFill(v *value.Vector, limit, step int) *value.Vector {
	if v.T.IsArray() {
		return arrayNearestFill(v, step)
	}
	if out, ok := typedNearestFill(v, limit, step); ok {
		return out
	}
	return gatherNearestFill(v, limit, step)
}

// gatherNearestFill is nearestFill for any column: it gathers each row's
// source row.
func gatherNearestFill(v *value.Vector, limit, step int) *value.Vector {
	n := v.Len()
	idx := make([]int, n)
	i := 0
	if step < 0 {
		i = n - 1
	}
	src, run := -1, 0
	for ; i >= 0 && i < n; i += step {
		if !v.IsNull(i) {
			src, run = i, 0
			idx[i] = i
			continue
		}
		run++
		if src >= 0 && (limit < 0 || run <= limit) {
			idx[i] = src
		} else {
			idx[i] = -1
		}
	}
	return value.GatherOrNull(v, idx)
}

// typedNearestFill is nearestFill over v's own storage, for the
// fixed-width numeric, temporal and symbol columns: one pass, no index
// of the rows to gather; ok is false for the rest.
func typedNearestFill(v *value.Vector, limit, step int) (*value.Vector, bool) {
	if v.T == value.Void {
		return nil, false
	}
	out := &value.Vector{T: v.T, Scale: v.Scale, Syms: v.Syms}
	switch {
	case v.Syms != nil:
		// coded symbols: code 0 is the empty string, NULL
		out.I32 = fillRun(v.I32, 0, limit, step)
	case v.T.Storage() == value.StInt8:
		out.I8 = fillRun(v.I8, value.NullInt8, limit, step)
	case v.T.Storage() == value.StInt16:
		out.I16 = fillRun(v.I16, value.NullInt16, limit, step)
	case v.T.Storage() == value.StInt32:
		out.I32 = fillRun(v.I32, value.NullInt32, limit, step)
	case v.T.Storage() == value.StInt64:
		out.I64 = fillRun(v.I64, value.NullInt64, limit, step)
	case v.T.Storage() == value.StFloat32:
		out.F32 = fillRun(v.F32, value.NullFloat32, limit, step)
	case v.T.Storage() == value.StFloat64:
		out.F64 = fillRun(v.F64, value.NullFloat64, limit, step)
	default:
		return nil, false
	}
	return out, true
}

// fillRun is xs walked in direction step with each NULL (null, or NaN:
// x != x) taking the last non-NULL value passed, at most limit NULLs in a
// row (limit < 0: no limit); a NULL with none to take is null.
func fillRun[T comparable](xs []T, null T, limit, step int) []T {
	n := len(xs)
	out := make([]T, n)
	i := 0
	if step < 0 {
		i = n - 1
	}
	last, have, run := null, false, 0
	for ; i >= 0 && i < n; i += step {
		x := xs[i]
		if x != null && x == x {
			out[i], last, have, run = x, x, true, 0
			continue
		}
		run++
		if have && (limit < 0 || run <= limit) {
			out[i] = last
		} else {
			out[i] = null
		}
	}
	return out
}

// linearFill interpolates NULLs between two non-NULL elements linearly;
// integral columns round to their type, non-numeric ones are unchanged.
func linearFill(v *value.Vector) (*value.Vector, error) {
	if !funcs.IsNumericVec(v) || v.T == value.Void {
		return v, nil
	}
	xs, _ := funcs.DoublesOf("lfill", v)
	out := append([]float64(nil), xs...)
	var filled []int
	prev := -1
	for i, x := range xs {
		if funcs.IsNullF(x) {
			continue
		}
		if prev >= 0 && i-prev > 1 {
			step := (x - xs[prev]) / float64(i-prev)
			for k := prev + 1; k < i; k++ {
				out[k] = xs[prev] + step*float64(k-prev)
				filled = append(filled, k)
			}
		}
		prev = i
	}
	if funcs.IsIntegralVec(v) {
		for i, f := range out {
			if !funcs.IsNullF(f) {
				out[i] = math.Round(f)
			}
		}
	}
	conv, err := mathfn.FromDoubles(value.NewDoubles(out), v)
	if err != nil || v.T == value.Double {
		return conv, err
	}
	// Only the filled NULLs take the DOUBLE interpolation; the other
	// elements stay as they are, where DOUBLE would change a LONG past
	// 2^53 or a decimal's last digit.
	r := v.Clone()
	for _, k := range filled {
		r.SetFrom(k, conv, k)
	}
	return r, nil
}

// nullFill replaces NULLs of X with Y (a scalar, or the element of a
// same-shape Y at the position).
func nullFill(fn string, args []value.Value, inPlace bool) (value.Value, error) {
	x, y := args[0], args[1]
	fillOne := func(c *value.Vector, yv value.Value) (*value.Vector, error) {
		if !fillable(c.T, yv.Type()) {
			return nil, ddberr.Errorf("Can't convert %s to %s", yv.Type(), c.T)
		}
		var src *value.Vector
		switch t := yv.(type) {
		case *value.Scalar:
			if t.T == value.Void {
				return c, nil
			}
			cv, err := cast.To(t, c.T, c.Scale)
			if err != nil {
				return nil, err
			}
			src = cv.(*value.Scalar).Vector()
		default:
			v, ok := funcs.VectorArg(yv)
			if !ok {
				if m, isM := yv.(*value.Matrix); isM {
					v = m.V
				} else {
					return nil, ddberr.Errorf("Y of %s must be a scalar or have the shape of X.", fn)
				}
			}
			if v.Len() != c.Len() {
				return nil, ddberr.Errorf("Y of %s must be a scalar or have the shape of X.", fn)
			}
			cv, err := cast.Vector(v, c.T, c.Scale)
			if err != nil {
				return nil, err
			}
			src = cv
		}
		out := c.Clone()
		if !c.HasNull() {
			return out, nil
		}
		for i, n := 0, c.Len(); i < n; i++ {
			if c.IsNull(i) {
				j := i
				if src.Len() == 1 {
					j = 0
				}
				out.SetFrom(i, src, j)
			}
		}
		return out, nil
	}
	// An array vector's NULLs are its cells: fill the flat cells, from
	// Y's when Y is an array vector of the same rows.
	fillArray := func(v *value.Vector, y value.Value) (*value.Vector, error) {
		if ya, ok := y.(*value.Vector); ok && ya.T.IsArray() {
			if !slices.Equal(ya.Offsets, v.Offsets) {
				return nil, ddberr.Errorf("Y of %s must be a scalar or have the shape of X.", fn)
			}
			y = flatElems(ya)
		}
		r, err := fillOne(flatElems(v), y)
		if err != nil {
			return nil, err
		}
		r.T, r.Offsets = v.T, slices.Clone(v.Offsets)
		return r, nil
	}
	switch t := x.(type) {
	case *value.Table:
		if _, ok := y.(*value.Scalar); !ok {
			return nil, ddberr.Errorf("When X of %s is a table, Y must be a scalar.", fn)
		}
		return fillColumns(fn, t, inPlace, func(c *value.Vector) (*value.Vector, error) {
			if c.T.IsArray() {
				return fillArray(c, y)
			}
			return fillOne(c, y)
		})
	case *value.Scalar:
		if !t.Null {
			return t, nil
		}
		if s, ok := y.(*value.Scalar); ok {
			if t.T == value.Void {
				return s, nil
			}
			if !fillable(t.T, s.T) {
				return nil, ddberr.Errorf("Can't convert %s to %s", s.T, t.T)
			}
			return cast.To(s, t.T, t.Scale)
		}
		return nil, ddberr.Errorf("Y of %s must be a scalar when X is a scalar.", fn)
	}
	v, wrap, ok := funcs.ShapeOf(x)
	if !ok {
		return nil, ddberr.Errorf("X of %s must be a vector, matrix or table.", fn)
	}
	fill := fillOne
	if v.T.IsArray() {
		fill = fillArray
	}
	r, err := fill(v, y)
	if err != nil {
		return nil, err
	}
	if inPlace {
		mathfn.CopyInto(v, r)
		return x, nil
	}
	return wrap(r), nil
}

// flatElems is an array vector's elements as one plain vector (sharing
// memory).
func flatElems(v *value.Vector) *value.Vector {
	flat := *v
	flat.T, flat.Offsets = v.T.Elem(), nil
	return &flat
}

// fillable reports whether values of type y may stand in for NULLs of
// type x: DolphinDB converts between numbers and temporal values (its
// nullFill!{,0} example fills a table with a DATE column), and between
// the literal types, but not from one kind to the other (ifNull wants X
// and Y of the same data type; nullFill fails when Y can't be converted
// to X's type).
func fillable(x, y value.Type) bool {
	if x == y || x == value.Void || y == value.Void || x == value.Any || y == value.Any {
		return true
	}
	numeric := func(t value.Type) bool { return t.IsNumeric() || t.IsTemporal() }
	if numeric(x) || numeric(y) {
		return numeric(x) && numeric(y)
	}
	return x.Category() == y.Category()
}

// coalesce fills X1's NULLs from X2, those left from the next argument,
// and so on (progr/sql/coalesce.md): each element is the first non-NULL
// one at its position.
func coalesce(_ funcs.Env, args []value.Value) (value.Value, error) {
	var out value.Value
	for _, y := range args {
		if y == nil {
			continue // an empty argument, coalesce(x, y, ), adds nothing
		}
		if out == nil {
			out = y
			continue
		}
		var err error
		if out, err = nullFill("coalesce", []value.Value{out, y}, false); err != nil {
			return nil, err
		}
	}
	if out == nil {
		return value.NullScalar(value.Void), nil
	}
	return out, nil
}

// hasNull reports whether X holds any NULL.
func hasNull(_ funcs.Env, args []value.Value) (value.Value, error) {
	switch t := args[0].(type) {
	case *value.Scalar:
		return value.NewBool(t.Null), nil
	case *value.Table:
		for _, c := range t.Cols {
			if c.HasNull() {
				return value.NewBool(true), nil
			}
		}
		return value.NewBool(false), nil
	}
	v, _, ok := funcs.ShapeOf(args[0])
	if !ok {
		return value.NewBool(false), nil
	}
	if v.T == value.Any {
		for _, e := range v.Any {
			if s, ok := e.(*value.Scalar); ok && s.Null {
				return value.NewBool(true), nil
			}
		}
		return value.NewBool(false), nil
	}
	if v.T.IsArray() {
		// an array vector holds a NULL when a cell is NULL or a row is
		// empty (Len and IsNull count rows, not cells)
		prev, empty := int64(0), false
		for _, end := range v.Offsets {
			empty = empty || end == prev
			prev = end
		}
		return value.NewBool(empty || flatElems(v).HasNull()), nil
	}
	return value.NewBool(v.HasNull()), nil
}

// pickByNull is ifNull (X where X is NULL, else Y) or ifValid (X where X
// is valid, else Y).
func pickByNull(fn string, x, y value.Value, whenNull bool) (value.Value, error) {
	xv, yv, n, wrap, err := mathfn.Broadcast2(fn, x, y)
	if err != nil {
		return nil, err
	}
	if !fillable(xv.T, yv.T) {
		return nil, ddberr.Errorf("X and Y of %s must have the same data type.", fn)
	}
	if yv, err = cast.Like(yv, xv); err != nil {
		return nil, ddberr.Errorf("X and Y of %s must have the same data type.", fn)
	}
	out := value.NewVector(xv.T, 0, n)
	out.Scale = xv.Scale
	xm, ym := funcs.Stride(xv), funcs.Stride(yv)
	for i := 0; i < n; i++ {
		xi, yi := i*xm, i*ym
		if xv.IsNull(xi) == whenNull {
			out.AppendFrom(xv, xi)
		} else {
			out.AppendFrom(yv, yi)
		}
	}
	return wrap(out), nil
}

// isNanInf marks NaN and infinite elements (and NULLs with includeNull).
// DolphinDB's FLOAT/DOUBLE NULL is -FLT_MAX/-DBL_MAX, distinct from NaN.
func isNanInf(_ funcs.Env, args []value.Value) (value.Value, error) {
	incl, err := funcs.BoolArg("isNanInf", "includeNull", funcs.Arg(args, 1), false)
	if err != nil {
		return nil, err
	}
	return funcs.MapForms("isNanInf", args[0], func(v *value.Vector) (*value.Vector, error) {
		out := value.NewVector(value.Bool, v.Len(), v.Len())
		switch v.T {
		case value.Double:
			for i, f := range v.F64 {
				out.I8[i] = kernel.BoolAs[int8](math.IsNaN(f) || math.IsInf(f, 0) || (incl && f == value.NullFloat64))
			}
		case value.Float:
			for i, f := range v.F32 {
				out.I8[i] = kernel.BoolAs[int8](f != f || math.IsInf(float64(f), 0) || (incl && f == value.NullFloat32))
			}
		default:
			if incl {
				for i := range out.I8 {
					out.I8[i] = kernel.BoolAs[int8](v.IsNull(i))
				}
			}
		}
		return out, nil
	})
}

// nanInfFill replaces NaN and infinite elements of X with Y.
func nanInfFill(_ funcs.Env, args []value.Value) (value.Value, error) {
	ys, ok := funcs.ScalarArg(args[1])
	if !ok || !ys.T.IsNumeric() {
		return nil, ddberr.Errorf("Y of nanInfFill must be a numeric scalar.")
	}
	y := ys.Float64()
	return funcs.MapForms("nanInfFill", args[0], func(v *value.Vector) (*value.Vector, error) {
		switch v.T {
		case value.Double:
			out := append([]float64(nil), v.F64...)
			for i, f := range out {
				if math.IsNaN(f) || math.IsInf(f, 0) {
					out[i] = y
				}
			}
			return value.NewDoubles(out), nil
		case value.Float:
			out := append([]float32(nil), v.F32...)
			for i, f := range out {
				if f != f || math.IsInf(float64(f), 0) {
					out[i] = float32(y)
				}
			}
			return &value.Vector{T: value.Float, F32: out}, nil
		}
		return v, nil
	})
}

// fillAt is fill!(obj, index, value): obj[index] = value in place.
func fillAt(env funcs.Env, args []value.Value) (value.Value, error) {
	obj, idx, val := args[0], args[1], args[2]
	switch t := obj.(type) {
	case *value.Matrix:
		return fillMatrix(t, idx, val)
	case *value.Vector:
		if t.T.IsArray() {
			// fill! is obj[index] = value ("fill!" page), and an array
			// vector's rows vary in length: the assignment's own rules
			// write it, never flat cells
			if err := access.Assign(t, idx, val); err != nil {
				return nil, err
			}
			return t, nil
		}
		var is []int64
		if p, isPair := idx.(*value.Pair); isPair && funcs.IsIntegralVec(p.V) {
			// a pair lo:hi fills positions lo..hi-1 ("fill!" page:
			// array(ANY, 20).fill!(0:20, float()))
			lo, hi := funcs.PairRange(p, t.Len())
			if lo < 0 || hi > int64(t.Len()) {
				return nil, errors.New("index out of range.")
			}
			for i := lo; i < hi; i++ {
				is = append(is, i)
			}
		} else {
			iv, ok := funcs.VectorArg(idx)
			if !ok || !funcs.IsIntegralVec(iv) {
				return nil, errors.New("index of fill! must be an integer or integer vector for a vector.")
			}
			is = funcs.LongsOf(iv)
		}
		var src *value.Vector
		if t.T == value.Any {
			if vv, ok := funcs.VectorArg(val); ok && len(is) > 1 && vv.Len() == len(is) {
				src = vv
			}
			for k, i := range is {
				if i < 0 || int(i) >= t.Len() {
					return nil, errors.New("index out of range.")
				}
				if src != nil {
					t.Any[i] = src.Elem(k)
				} else {
					t.Any[i] = val
				}
			}
			return t, nil
		}
		vv, ok := funcs.VectorArg(val)
		if !ok {
			return nil, errors.New("value of fill! must be a scalar or a vector.")
		}
		c, err := cast.Vector(vv, t.T, t.Scale)
		if err != nil {
			return nil, err
		}
		for k, i := range is {
			if i < 0 || int(i) >= t.Len() {
				return nil, errors.New("index out of range.")
			}
			j := k
			if c.Len() == 1 {
				j = 0
			} else if j >= c.Len() {
				return nil, ddberr.Errorf("The length of value of fill! must match the index.")
			}
			t.SetFrom(int(i), c, j)
		}
		return t, nil
	case *value.Dict:
		kv, ok := funcs.VectorArg(idx)
		if !ok {
			return nil, errors.New("index of fill! must be a key for a dictionary.")
		}
		k, err := cast.Vector(kv, t.Keys.T, t.Keys.Scale)
		if err != nil {
			return nil, err
		}
		var vv *value.Vector
		if t.Vals.T == value.Any {
			vv = value.NewTuple([]value.Value{val})
		} else {
			s, ok := funcs.VectorArg(val)
			if !ok {
				return nil, errors.New("value of fill! must be a scalar.")
			}
			if vv, err = cast.Vector(s, t.Vals.T, t.Vals.Scale); err != nil {
				return nil, err
			}
		}
		for i := 0; i < k.Len(); i++ {
			t.Put(k, i, vv, min(i, vv.Len()-1))
		}
		return t, nil
	case *value.Table:
		name, ok := funcs.StringArg(idx)
		if !ok {
			return nil, errors.New("index of fill! must be a column name for a table.")
		}
		ci := t.ColumnIndex(name)
		vv, ok := funcs.VectorArg(val)
		if !ok || (vv.Len() != t.Rows() && vv.Len() != 1) {
			return nil, errors.New("value of fill! must be a scalar or a vector as long as the table.")
		}
		if vv.Len() == 1 && t.Rows() != 1 {
			rep := make([]int, t.Rows())
			vv = vv.Gather(rep)
		}
		if ci < 0 {
			t.Names = append(t.Names, name)
			t.Cols = append(t.Cols, vv)
			return t, nil
		}
		c, err := cast.Vector(vv, t.Cols[ci].T, t.Cols[ci].Scale)
		if err != nil {
			return nil, err
		}
		t.Cols[ci] = c
		return t, nil
	}
	return nil, errors.New("obj of fill! must be a vector, tuple, dictionary or table.")
}

// fillMatrix is fill! on a matrix ("fill!" page, example 3): an integer
// or integer vector index names whole columns, a tuple (r,) row r and a
// tuple (r, c) the cell at row r, column c. value is one scalar for all
// the cells or a vector with one element per cell.
func fillMatrix(m *value.Matrix, idx, val value.Value) (value.Value, error) {
	var cells []int
	if tv, ok := idx.(*value.Vector); ok && tv.T == value.Any {
		if len(tv.Any) < 1 || len(tv.Any) > 2 {
			return nil, errors.New("index of fill! must be (row,) or (row, column) for a matrix.")
		}
		var rc [2]int64
		for k, e := range tv.Any {
			s, ok := funcs.ScalarArg(e)
			if !ok || s.T.Category() != value.CatIntegral || s.Null {
				return nil, errors.New("index of fill! must be (row,) or (row, column) for a matrix.")
			}
			rc[k] = s.I
		}
		if rc[0] < 0 || rc[0] >= int64(m.Rows) || rc[1] < 0 || rc[1] >= int64(m.Cols) {
			return nil, errors.New("index out of range.")
		}
		if len(tv.Any) == 2 {
			cells = []int{int(rc[1])*m.Rows + int(rc[0])}
		} else {
			for c := 0; c < m.Cols; c++ {
				cells = append(cells, c*m.Rows+int(rc[0]))
			}
		}
	} else {
		iv, ok := funcs.VectorArg(idx)
		if !ok || !funcs.IsIntegralVec(iv) {
			return nil, errors.New("index of fill! must be an integer or integer vector for a vector.")
		}
		for _, c := range funcs.LongsOf(iv) {
			if c < 0 || c >= int64(m.Cols) {
				return nil, errors.New("index out of range.")
			}
			for r := 0; r < m.Rows; r++ {
				cells = append(cells, int(c)*m.Rows+r)
			}
		}
	}
	vv, ok := funcs.VectorArg(val)
	if !ok || vv.T == value.Any {
		return nil, errors.New("value of fill! must be a scalar or a vector.")
	}
	if vv.Len() != 1 && vv.Len() != len(cells) {
		return nil, ddberr.Errorf("The length of value of fill! must match the index.")
	}
	c, err := cast.Vector(vv, m.V.T, m.V.Scale)
	if err != nil {
		return nil, err
	}
	for k, i := range cells {
		m.V.SetFrom(i, c, min(k, c.Len()-1))
	}
	return m, nil
}

// interpolate fills NULLs of a numeric vector by linear interpolation
// (over positions or index), padding or the nearest value, with limit,
// limitDirection and limitArea as the "interpolate" page describes.
func interpolate(_ funcs.Env, args []value.Value) (value.Value, error) {
	v, ok := args[0].(*value.Vector)
	if !ok || !funcs.IsNumericVec(v) {
		return nil, ddberr.Errorf("X of interpolate must be a numeric vector.")
	}
	str := func(i int, def string, allowed ...string) (string, error) {
		a := funcs.Arg(args, i)
		if a == nil {
			return def, nil
		}
		s, ok := funcs.StringArg(a)
		if ok {
			for _, x := range allowed {
				if s == x {
					return s, nil
				}
			}
		}
		return "", ddberr.Errorf("The argument [%s] of interpolate must be one of %v.", []string{"X", "method", "limit", "inplace", "limitDirection", "limitArea", "index"}[i], allowed)
	}
	method, err := str(1, "linear", "linear", "pad", "nearest")
	if err != nil {
		return nil, err
	}
	limit, err := funcs.IntArg("interpolate", "limit", funcs.Arg(args, 2), -1)
	if err != nil {
		return nil, err
	}
	if funcs.Arg(args, 2) != nil && limit <= 0 {
		return nil, errors.New("limit of interpolate must be a positive integer.")
	}
	inplace, err := funcs.BoolArg("interpolate", "inplace", funcs.Arg(args, 3), false)
	if err != nil {
		return nil, err
	}
	dir, err := str(4, "forward", "forward", "backward", "both")
	if err != nil {
		return nil, err
	}
	area, err := str(5, "", "", "inside", "outside")
	if err != nil {
		return nil, err
	}
	xs, err := funcs.DoublesOf("interpolate", v)
	if err != nil {
		return nil, err
	}
	n := len(xs)
	pos := make([]float64, n)
	for i := range pos {
		pos[i] = float64(i)
	}
	if ix := funcs.Arg(args, 6); ix != nil {
		iv, ok := funcs.VectorArg(ix)
		if !ok || iv.Len() != n {
			return nil, errors.New("index of interpolate must be a vector as long as X.")
		}
		if pos, err = funcs.DoublesOf("interpolate", mathfn.AsNumeric(iv)); err != nil {
			return nil, err
		}
	}
	out := append([]float64(nil), xs...)
	first, last := -1, -1
	for i, x := range xs {
		if !funcs.IsNullF(x) {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first >= 0 {
		for i := 0; i < n; {
			if !funcs.IsNullF(xs[i]) {
				i++
				continue
			}
			j := i
			for j < n && funcs.IsNullF(xs[j]) {
				j++
			}
			// NULL run [i, j): leading, trailing or inside.
			inside := i > first && j <= last
			if (area == "inside" && !inside) || (area == "outside" && inside) {
				i = j
				continue
			}
			for k := i; k < j; k++ {
				fromStart, fromEnd := int64(k-i), int64(j-1-k)
				okFwd := i > 0 && (limit < 0 || fromStart < limit)
				okBwd := j < n && (limit < 0 || fromEnd < limit)
				fill := false
				switch dir {
				case "forward":
					fill = okFwd
				case "backward":
					fill = okBwd
				default:
					fill = okFwd || okBwd
				}
				if !fill {
					continue
				}
				var prev, next int = i - 1, j
				switch {
				case prev < 0:
					out[k] = xs[next]
				case next >= n:
					out[k] = xs[prev]
				case method == "pad":
					out[k] = xs[prev]
				case method == "nearest":
					if pos[k]-pos[prev] <= pos[next]-pos[k] {
						out[k] = xs[prev]
					} else {
						out[k] = xs[next]
					}
				default:
					t := (pos[k] - pos[prev]) / (pos[next] - pos[prev])
					out[k] = xs[prev] + t*(xs[next]-xs[prev])
				}
			}
			i = j
		}
	}
	r := value.NewDoubles(out)
	if inplace {
		c, err := cast.Vector(r, v.T, v.Scale)
		if err != nil {
			return nil, err
		}
		mathfn.CopyInto(v, c)
		return v, nil
	}
	return r, nil
}
