package linprog

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/optimize"
	"github.com/porpoisedb/porpoise/value"
)

// scriptCalls calls fminSLSQP's script functions, stopping when the
// session is cancelled.
type scriptCalls struct {
	env funcs.Env
	fn  string
}

// scriptFunc is the objective or a constraint: f(x) (a number, or for a
// constraint a number or a vector) and its Jacobian jac(x), forward
// differences of step eps without one.
type scriptFunc struct {
	s      *scriptCalls
	f, jac value.Value
	vector bool
	eps    float64
}

func (sf *scriptFunc) call(g value.Value, x []float64) (value.Value, error) {
	if err := sf.s.env.Context().Err(); err != nil {
		return nil, err
	}
	return sf.s.env.Call(g, value.NewDoubles(append([]float64(nil), x...)))
}

// values is f(x) as a vector (one element for the objective).
func (sf *scriptFunc) values(x []float64) ([]float64, error) {
	r, err := sf.call(sf.f, x)
	if err != nil {
		return nil, err
	}
	v, ok := optimize.Floats(r)
	if !ok || len(v) == 0 || !sf.vector && len(v) != 1 {
		if sf.vector {
			return nil, ddberr.Errorf("A constraint function of %s must return a numeric scalar or vector.", sf.s.fn)
		}
		return nil, ddberr.Errorf("The function of %s must return a numeric scalar.", sf.s.fn)
	}
	return v, nil
}

// jacobian is one row per element of f(x) = fx, one column per element
// of x.
func (sf *scriptFunc) jacobian(x, fx []float64) ([][]float64, error) {
	n, m := len(x), len(fx)
	rows := make([][]float64, m)
	for k := range rows {
		rows[k] = make([]float64, n)
	}
	if sf.jac == nil {
		xt := append([]float64(nil), x...)
		for j := range n {
			xt[j] = x[j] + sf.eps
			v, err := sf.values(xt)
			if err != nil {
				return nil, err
			}
			xt[j] = x[j]
			if len(v) != m {
				return nil, ddberr.Errorf("A constraint function of %s must return a numeric scalar or vector.", sf.s.fn)
			}
			for k := range m {
				rows[k][j] = (v[k] - fx[k]) / sf.eps
			}
		}
		return rows, nil
	}
	r, err := sf.call(sf.jac, x)
	if err != nil {
		return nil, err
	}
	d, ok := optimize.Floats(r)
	if !ok || len(d) != n*m {
		return nil, ddberr.Errorf("The gradient function of %s must return a numeric vector as long as X0.", sf.s.fn)
	}
	// an n-by-m matrix (or a vector of n when m is 1), column-major: the
	// derivative of element k by x[j] is d[k*n+j]
	for k := range m {
		for j := range n {
			rows[k][j] = d[k*n+j]
		}
	}
	return rows, nil
}
