package linprog

import (
	"math"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// rowsArg reads an optional numeric matrix of n columns as rows (nil
// when absent).
func rowsArg(fn, name string, args []value.Value, i, n int) ([][]float64, error) {
	x := funcs.GivenArg(args, i)
	if x == nil {
		return nil, nil
	}
	m, ok := x.(*value.Matrix)
	var d []float64
	if ok && funcs.IsNumericVec(m.V) {
		d, _ = funcs.DoublesOf(fn, m.V)
	}
	if !ok || d == nil || m.Cols != n {
		return nil, ddberr.Errorf("The argument [%s] of %s must be a numeric matrix with as many columns as %s has elements.", name, fn, "f")
	}
	rows := make([][]float64, m.Rows)
	for r := range rows {
		rows[r] = make([]float64, n)
		for c := range n {
			v := d[c*m.Rows+r]
			if funcs.IsNullF(v) {
				return nil, ddberr.Errorf("The argument [%s] of %s must be a numeric matrix without NULL values.", name, fn)
			}
			rows[r][c] = v
		}
	}
	return rows, nil
}

// rhsArg reads the right-hand side of rows (one element per row).
func rhsArg(fn, name string, args []value.Value, i int, rows [][]float64) ([]float64, error) {
	x := funcs.GivenArg(args, i)
	if rows == nil && x == nil {
		return nil, nil
	}
	var v []float64
	ok := false
	if x != nil {
		v, ok = vectorArg(x)
	}
	if !ok || len(v) != len(rows) {
		return nil, ddberr.Errorf("The argument [%s] of %s must be a numeric vector with one element per row of its matrix.", name, fn)
	}
	return v, nil
}

// fArg reads the linear term f.
func fArg(fn, name string, x value.Value) ([]float64, error) {
	f, ok := vectorArg(x)
	if _, isScalar := x.(*value.Scalar); !ok || isScalar || len(f) == 0 {
		return nil, ddberr.Errorf("The argument [%s] of %s must be a numeric vector without NULL values.", name, fn)
	}
	return f, nil
}

// boundArg reads lb or ub: a scalar for every variable or a vector of
// one per variable; NULL is no bound (inf of sign).
func boundArg(fn, name string, args []value.Value, i, n int, inf float64) ([]float64, error) {
	out := make([]float64, n)
	for k := range out {
		out[k] = inf
	}
	x := funcs.GivenArg(args, i)
	if x == nil {
		return out, nil
	}
	var v *value.Vector
	switch t := x.(type) {
	case *value.Scalar:
		v = t.Vector()
	case *value.Vector:
		v = t
		if v.Len() != n {
			v = nil
		}
	}
	if v == nil || !funcs.IsNumericVec(v) {
		return nil, ddberr.Errorf("The argument [%s] of %s must be a numeric scalar or a vector with one element per variable.", name, fn)
	}
	d, err := funcs.DoublesOf(fn, v)
	if err != nil {
		return nil, err
	}
	for k := range out {
		b := d[0]
		if len(d) == n {
			b = d[k]
		}
		if !funcs.IsNullF(b) && !math.IsInf(b, 0) {
			out[k] = b
		}
	}
	return out, nil
}

// numberArg reads a non-NULL integral or floating scalar.
func numberArg(x value.Value) (float64, bool) {
	s, ok := funcs.ScalarArg(x)
	if !ok || s.Null || s.T.Category() != value.CatIntegral && s.T.Category() != value.CatFloating {
		return 0, false
	}
	return s.Float64(), true
}

// absArgs reads x0, c, eps and alpha (args[i] to args[i+3]) of qclp and
// scs. x0 and c bound sum(abs(x - x0)) by c, x0 nil unless both are given
// and as long as the vector named like; the bound adds one variable per
// element of x, so the program has m = 2n variables with it, n without.
// eps and alpha tune DolphinDB's first-order solvers and are only
// checked here.
func absArgs(fn, like string, args []value.Value, i, n int) (x0 []float64, c float64, m int, err error) {
	m = n
	x0v, cv := funcs.GivenArg(args, i), funcs.GivenArg(args, i+1)
	if x0v != nil && cv != nil {
		var ok bool
		if x0, ok = vectorArg(x0v); !ok || len(x0) != n {
			return nil, 0, 0, ddberr.Errorf("The argument [x0] of %s must be a numeric vector as long as %s.", fn, like)
		}
		if c, ok = numberArg(cv); !ok || c < 0 {
			return nil, 0, 0, ddberr.Errorf("The argument [c] of %s must be a non-negative number.", fn)
		}
		m = 2 * n
	}
	for k, name := range []string{"eps", "alpha"} {
		if x := funcs.GivenArg(args, i+2+k); x != nil {
			if s, ok := funcs.ScalarArg(x); !ok || s.T.Category() != value.CatIntegral && s.T.Category() != value.CatFloating {
				return nil, 0, 0, ddberr.Errorf("The argument [%s] of %s must be a numeric scalar.", name, fn)
			}
		}
	}
	return x0, c, m, nil
}
