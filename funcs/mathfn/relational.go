package mathfn

import (
	"fmt"
	"math"
	"slices"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/indexed"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/kernel"
)

// eqObj is true when obj1 and obj2 have the same form, compatible types
// and equal values. Integral types compare with each other, FLOAT with
// DOUBLE, STRING with SYMBOL and BLOB (the C++ API compares an uploaded
// SYMBOL with a string literal this way); other types must match exactly,
// so eqObj(2, 2.0) is false. With precision, floating values are equal when
// abs(obj1-obj2) <= pow(10, -precision).
func eqObj(_ funcs.Env, args []value.Value) (value.Value, error) {
	tol := -1.0
	if p := funcs.Arg(args, 2); p != nil {
		n, err := funcs.IntArg("eqObj", "precision", p, 0)
		if err != nil || n < 0 {
			return nil, ddberr.Errorf("The third argument of eqObj must be a non-negative integer.")
		}
		tol = math.Pow(10, -float64(n))
	}
	return value.NewBool(objEqual(args[0], args[1], tol)), nil
}

// objEqual compares two values as eqObj does; tol < 0 compares floating
// values exactly.
func objEqual(a, b value.Value, tol float64) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	if a.Form() != b.Form() {
		return false
	}
	switch x := a.(type) {
	case *value.Scalar:
		y, ok := b.(*value.Scalar)
		if !ok {
			return false
		}
		return vectorsEqual(x.Vector(), y.Vector(), tol)
	case *value.Vector:
		y, ok := b.(*value.Vector)
		return ok && vectorsEqual(x, y, tol)
	case *value.Pair:
		y, ok := b.(*value.Pair)
		return ok && vectorsEqual(x.V, y.V, tol)
	case *value.Matrix:
		y, ok := b.(*value.Matrix)
		if !ok {
			return false
		}
		return x.Rows == y.Rows && x.Cols == y.Cols && vectorsEqual(x.V, y.V, tol)
	case *value.Set:
		y, ok := b.(*value.Set)
		if !ok {
			return false
		}
		if x.V.Len() != y.V.Len() || !typesComparable(x.V.T, y.V.T) {
			return false
		}
		return !slices.Contains(y.LookupAll(x.V), -1)
	case *value.Dict:
		y, ok := b.(*value.Dict)
		if !ok {
			return false
		}
		if x.Len() != y.Len() {
			return false
		}
		for i, j := range y.LookupAll(x.Keys) {
			if j < 0 || !objEqual(x.Vals.Elem(i), y.Vals.Elem(int(j)), tol) {
				return false
			}
		}
		return true
	case *value.Table:
		y, ok := b.(*value.Table)
		if !ok {
			return false
		}
		if len(x.Cols) != len(y.Cols) {
			return false
		}
		for i := range x.Cols {
			if x.Names[i] != y.Names[i] || !vectorsEqual(x.Cols[i], y.Cols[i], tol) {
				return false
			}
		}
		return true
	}
	return a.String() == b.String()
}

// typesComparable reports whether eqObj compares values of types a and b
// rather than answering false outright.
func typesComparable(a, b value.Type) bool {
	if a == b {
		return true
	}
	if a.IsArray() || b.IsArray() {
		return false
	}
	ca, cb := a.Category(), b.Category()
	switch {
	case ca == value.CatIntegral && cb == value.CatIntegral,
		ca == value.CatFloating && cb == value.CatFloating,
		ca == value.CatLiteral && cb == value.CatLiteral,
		ca == value.CatDecimal && cb == value.CatDecimal:
		return true
	}
	return false
}

// vectorsEqual compares two vectors element by element with whole-slice
// loops; tuples compare element values recursively.
func vectorsEqual(x, y *value.Vector, tol float64) bool {
	n := x.Len()
	if n != y.Len() {
		return false
	}
	if x.T == value.Any || y.T == value.Any {
		for i := 0; i < n; i++ {
			if !objEqual(x.Elem(i), y.Elem(i), tol) {
				return false
			}
		}
		return true
	}
	if x.T == value.Void || y.T == value.Void {
		// A VOID NULL equals NULLs of any type.
		for i := 0; i < n; i++ {
			if !x.IsNull(i) || !y.IsNull(i) {
				return false
			}
		}
		return true
	}
	if !typesComparable(x.T, y.T) {
		return false
	}
	if x.T.IsArray() {
		for i := 0; i < n; i++ {
			if !vectorsEqual(x.Row(i), y.Row(i), tol) {
				return false
			}
		}
		return true
	}
	switch x.T.Category() {
	case value.CatFloating, value.CatDecimal:
		xs, _ := funcs.DoublesOf("eqObj", x)
		ys, _ := funcs.DoublesOf("eqObj", y)
		if tol < 0 {
			return floatsMatch(xs, ys, func(a, b float64) bool { return a != b })
		}
		return floatsMatch(xs, ys, func(a, b float64) bool { return math.Abs(a-b) > tol })
	case value.CatIntegral:
		return slices.Equal(funcs.LongsOf(x), funcs.LongsOf(y))
	}
	switch x.T.Storage() {
	case value.StInt8:
		return slices.Equal(x.I8, y.I8)
	case value.StInt16:
		return slices.Equal(x.I16, y.I16)
	case value.StInt32:
		return slices.Equal(x.I32, y.I32)
	case value.StInt64:
		return slices.Equal(x.I64, y.I64)
	case value.StString:
		return slices.Equal(x.Strings(), y.Strings())
	case value.StBytes16:
		return slices.Equal(x.B16, y.B16)
	case value.StPair2F64:
		return slices.Equal(x.F64, y.F64)
	}
	return x.String() == y.String()
}

// broadcast2 pairs the element vectors of X and Y for an element-wise
// binary function: both of one length, or one a scalar. It returns the
// two vectors, the result length and the wrapper of the non-scalar form.
func Broadcast2(fn string, x, y value.Value) (*value.Vector, *value.Vector, int, func(*value.Vector) value.Value, error) {
	if xv, yv, wrap, ok, err := indexed.Align(x, y); ok {
		if err != nil {
			return nil, nil, 0, nil, err
		}
		return xv, yv, xv.Len(), wrap, nil
	}
	xv, xw, ok1 := funcs.ShapeOf(x)
	yv, yw, ok2 := funcs.ShapeOf(y)
	if !ok1 || !ok2 {
		return nil, nil, 0, nil, ddberr.Errorf("The arguments of %s must be scalars, vectors, pairs or matrices.", fn)
	}
	_, xs := x.(*value.Scalar)
	_, ys := y.(*value.Scalar)
	switch {
	case xs && ys:
		return xv, yv, 1, xw, nil
	case xs:
		return xv, yv, yv.Len(), yw, nil
	case ys:
		return xv, yv, xv.Len(), xw, nil
	}
	if xv.Len() != yv.Len() {
		return nil, nil, 0, nil, ddberr.Errorf("The length of the vector doesn't match: %d vs %d.", xv.Len(), yv.Len())
	}
	return xv, yv, xv.Len(), xw, nil
}

// at returns element i of a broadcast operand (a scalar's only element).
func at[T any](xs []T, i int) T {
	if len(xs) == 1 {
		return xs[0]
	}
	return xs[i]
}

// eqFloat compares X==Y element-wise after rounding both to precision
// decimal places (default 9).
func eqFloat(_ funcs.Env, args []value.Value) (value.Value, error) {
	prec, err := funcs.IntArg("eqFloat", "precision", funcs.Arg(args, 2), 9)
	if err != nil {
		return nil, err
	}
	xv, yv, n, wrap, err := Broadcast2("eqFloat", args[0], args[1])
	if err != nil {
		return nil, err
	}
	xs, ys, err := funcs.DoublesOf2("eqFloat", xv, yv)
	if err != nil {
		return nil, err
	}
	scale := math.Pow(10, float64(prec))
	out := value.NewVector(value.Bool, n, n)
	for i := 0; i < n; i++ {
		a, b := at(xs, i), at(ys, i)
		an, bn := funcs.IsNullF(a), funcs.IsNullF(b)
		switch {
		case an || bn:
			out.I8[i] = kernel.BoolAs[int8](an && bn)
		default:
			out.I8[i] = kernel.BoolAs[int8](math.Round(a*scale) == math.Round(b*scale))
		}
	}
	return wrap(out), nil
}

// eqPercent is true when every |X-Y| is within toleranceLevel percent of
// |Y|; NULL equals only NULL (of any type). Unsupported types fall back
// to eqObj.
func eqPercent(env funcs.Env, args []value.Value) (value.Value, error) {
	// The page's own examples (eqPercent(1.9999 2.9999, 2 3) is true)
	// need a default tolerance of 0.01 percent.
	tol := 0.01
	if t := funcs.Arg(args, 2); t != nil {
		s, ok := funcs.ScalarArg(t)
		if !ok || !s.T.IsNumeric() || s.Null || s.Float64() <= 0 || s.Float64() >= 100 {
			return nil, fmt.Errorf("toleranceLevel must be in (0, 100).")
		}
		tol = s.Float64()
	}
	xv, _, ok1 := funcs.ShapeOf(args[0])
	yv, _, ok2 := funcs.ShapeOf(args[1])
	if !ok1 || !ok2 || !funcs.IsNumericVec(xv) || !funcs.IsNumericVec(yv) {
		return eqObj(env, args[:2])
	}
	if xv.Len() != yv.Len() {
		return value.NewBool(false), nil
	}
	xs, _ := funcs.DoublesOf("eqPercent", xv)
	ys, _ := funcs.DoublesOf("eqPercent", yv)
	return value.NewBool(floatsMatch(xs, ys, func(a, b float64) bool { return math.Abs(a-b) > math.Abs(b)*tol/100 })), nil
}

// floatsMatch reports whether xs and ys (of one length) hold NULL (or
// NaN) at the same places and differ nowhere else: eqObj and eqPercent
// share it and differ only in what counts as different.
func floatsMatch(xs, ys []float64, differ func(x, y float64) bool) bool {
	for i := range xs {
		xn, yn := funcs.IsNullF(xs[i]), funcs.IsNullF(ys[i])
		if xn || yn {
			if xn != yn {
				return false
			}
			continue
		}
		if differ(xs[i], ys[i]) {
			return false
		}
	}
	return true
}
