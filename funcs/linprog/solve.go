package linprog

import (
	"math"

	"gonum.org/v1/gonum/mat"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// solve is the solution b of X*b = Y (funcs/s/solve.md): by LU for a
// square X, in the least-squares sense (QR) for a taller one.
func solve(_ funcs.Env, args []value.Value) (value.Value, error) {
	a, ok := denseArg(args[0])
	if !ok {
		return nil, ddberr.Errorf("The argument [%s] of %s must be a numeric matrix without NULL values.", "X", "solve")
	}
	r, c := a.Dims()
	yv := args[1]
	if m, one := yv.(*value.Matrix); one && m.Cols == 1 {
		// a one-column matrix is its column: the Newton step of
		// tutorials/general_computing.md solves for the gradient xt.dot(err)
		yv = m.V
	}
	y, ok := vectorArg(yv)
	if !ok || len(y) != r {
		return nil, ddberr.Errorf("The argument [Y] of solve must be a numeric vector with one element per row of X.")
	}
	if r < c {
		return nil, ddberr.Errorf("The argument [%s] of %s must be a numeric matrix with at least as many rows as columns.", "X", "solve")
	}
	var b mat.VecDense
	if err := b.SolveVec(a, mat.NewVecDense(r, y)); err != nil {
		if _, illConditioned := err.(mat.Condition); !illConditioned || r == c && singular(a) {
			return nil, ddberr.Errorf("The input matrix is singular and cannot be inverted. RefId:S05000")
		}
	}
	return value.NewDoubles(b.RawVector().Data), nil
}

// singular reports a square matrix whose LU factorisation has a zero
// pivot.
func singular(a *mat.Dense) bool {
	var lu mat.LU
	lu.Factorize(a)
	return lu.Det() == 0
}

// denseArg reads a numeric matrix without NULLs as a gonum matrix.
func denseArg(x value.Value) (*mat.Dense, bool) {
	m, ok := x.(*value.Matrix)
	if !ok || !funcs.IsNumericVec(m.V) || m.Rows == 0 || m.Cols == 0 {
		return nil, false
	}
	d, err := funcs.DoublesOf("", m.V)
	if err != nil {
		return nil, false
	}
	out := mat.NewDense(m.Rows, m.Cols, nil)
	for j := range m.Cols {
		for i := range m.Rows {
			v := d[j*m.Rows+i]
			if funcs.IsNullF(v) {
				return nil, false
			}
			out.Set(i, j, v)
		}
	}
	return out, true
}

// numbersOf reads a numeric scalar or vector as float64s, NULL as
// value.NullFloat64 (possibly the vector's own storage: read only).
func numbersOf(x value.Value) ([]float64, bool) {
	v, _ := funcs.ScalarOrVector(x)
	if v == nil || !funcs.IsNumericVec(v) {
		return nil, false
	}
	d, err := funcs.DoublesOf("", v)
	return d, err == nil
}

// vectorArg reads a numeric vector (or scalar) without NULLs.
func vectorArg(x value.Value) ([]float64, bool) {
	d, ok := numbersOf(x)
	if !ok {
		return nil, false
	}
	out := append([]float64(nil), d...)
	for _, f := range out {
		if funcs.IsNullF(f) {
			return nil, false
		}
	}
	return out, true
}

var negInf, posInf = math.Inf(-1), math.Inf(1)
