package linprog

import (
	"math"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// rowsArg reads optional argument i, a numeric matrix of n columns, as
// rows (nil when absent).
func rowsArg(r *funcs.Args, name string, i, n int) [][]float64 {
	return funcs.Read(r, func() ([][]float64, error) {
		x := r.Given(i)
		if x == nil {
			return nil, nil
		}
		m, ok := x.(*value.Matrix)
		var d []float64
		if ok && funcs.IsNumericVec(m.V) {
			d, _ = funcs.DoublesOf(r.Fn, m.V)
		}
		if !ok || d == nil || m.Cols != n {
			return nil, ddberr.Errorf("The argument [%s] of %s must be a numeric matrix with as many columns as %s has elements.", name, r.Fn, "f")
		}
		rows := make([][]float64, m.Rows)
		for k := range rows {
			rows[k] = make([]float64, n)
			for c := range n {
				v := d[c*m.Rows+k]
				if funcs.IsNullF(v) {
					return nil, ddberr.Errorf("The argument [%s] of %s must be a numeric matrix without NULL values.", name, r.Fn)
				}
				rows[k][c] = v
			}
		}
		return rows, nil
	})
}

// rhsArg reads argument i, the right-hand side of rows (one element per
// row).
func rhsArg(r *funcs.Args, name string, i int, rows [][]float64) []float64 {
	return funcs.Read(r, func() ([]float64, error) {
		x := r.Given(i)
		if rows == nil && x == nil {
			return nil, nil
		}
		var v []float64
		ok := false
		if x != nil {
			v, ok = vectorArg(x)
		}
		if !ok || len(v) != len(rows) {
			return nil, ddberr.Errorf("The argument [%s] of %s must be a numeric vector with one element per row of its matrix.", name, r.Fn)
		}
		return v, nil
	})
}

// fArg reads the linear term f, argument i.
func fArg(r *funcs.Args, name string, i int) []float64 {
	return funcs.Read(r, func() ([]float64, error) {
		x := r.Arg(i)
		f, ok := vectorArg(x)
		if _, isScalar := x.(*value.Scalar); !ok || isScalar || len(f) == 0 {
			return nil, ddberr.Errorf("The argument [%s] of %s must be a numeric vector without NULL values.", name, r.Fn)
		}
		return f, nil
	})
}

// boundArg reads lb or ub, argument i: a scalar for every variable or a
// vector of one per variable; NULL is no bound (inf of sign).
func boundArg(r *funcs.Args, name string, i, n int, inf float64) []float64 {
	return funcs.Read(r, func() ([]float64, error) {
		out := make([]float64, n)
		for k := range out {
			out[k] = inf
		}
		x := r.Given(i)
		if x == nil {
			return out, nil
		}
		d, ok := numbersOf(x)
		if _, isScalar := x.(*value.Scalar); !ok || !isScalar && len(d) != n {
			return nil, ddberr.Errorf("The argument [%s] of %s must be a numeric scalar or a vector with one element per variable.", name, r.Fn)
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
	})
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
//
// A failure goes to r (the first one kept), so the results are only for
// a caller that finds r.Err() nil.
func absArgs(r *funcs.Args, like string, i, n int) (x0 []float64, c float64, m int) {
	m = n
	x0v, cv := r.Given(i), r.Given(i+1)
	if x0v != nil && cv != nil {
		var ok bool
		if x0, ok = vectorArg(x0v); !ok || len(x0) != n {
			r.Fail(ddberr.Errorf("The argument [x0] of %s must be a numeric vector as long as %s.", r.Fn, like))
		} else if c, ok = numberArg(cv); !ok || c < 0 {
			r.Fail(ddberr.Errorf("The argument [c] of %s must be a non-negative number.", r.Fn))
		}
		m = 2 * n
	}
	for k, name := range []string{"eps", "alpha"} {
		if x := r.Given(i + 2 + k); x != nil {
			if s, ok := funcs.ScalarArg(x); !ok || s.T.Category() != value.CatIntegral && s.T.Category() != value.CatFloating {
				r.Fail(ddberr.Errorf("The argument [%s] of %s must be a numeric scalar.", name, r.Fn))
			}
		}
	}
	return x0, c, m
}
