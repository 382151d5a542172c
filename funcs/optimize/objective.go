package optimize

import (
	"math"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// script calls the script functions of one optimiser run (the objective,
// its gradient and Hessian), counting the calls and stopping when the
// session is cancelled.
type script struct {
	env                 funcs.Env
	fn                  string
	f, grad, hess       value.Value
	extra               []value.Value
	fcalls, gcalls, hcn int
}

// call calls g on x (a copy) and the extra arguments.
func (s *script) call(g value.Value, x []float64) (value.Value, error) {
	if err := s.env.Context().Err(); err != nil {
		return nil, err
	}
	args := append([]value.Value{value.NewDoubles(append([]float64(nil), x...))}, s.extra...)
	return s.env.Call(g, args...)
}

// value is f(x); a NULL result is NaN.
func (s *script) value(x []float64) (float64, error) {
	s.fcalls++
	r, err := s.call(s.f, x)
	if err != nil {
		return 0, err
	}
	f, ok := numberOf(r)
	if !ok {
		return 0, ddberr.Errorf("The function of %s must return a numeric scalar.", s.fn)
	}
	return f, nil
}

// numberOf reads a numeric scalar or a one-element numeric vector; NULL
// is NaN.
func numberOf(r value.Value) (float64, bool) {
	switch t := r.(type) {
	case *value.Scalar:
		if t.T == value.Void && t.Null {
			return math.NaN(), true
		}
		if t.T.Category() != value.CatIntegral && t.T.Category() != value.CatFloating && t.T != value.Bool {
			return 0, false
		}
		if t.Null {
			return math.NaN(), true
		}
		return t.Float64(), true
	case *value.Matrix:
		return numberOf(t.V)
	case *value.Vector:
		if t.Len() != 1 {
			return 0, false
		}
		if t.T == value.Any {
			return numberOf(t.Any[0])
		}
		if !funcs.IsNumericVec(t) {
			return 0, false
		}
		f, err := funcs.DoublesOf("", t)
		if err != nil {
			return 0, false
		}
		if funcs.IsNullF(f[0]) {
			return math.NaN(), true
		}
		return f[0], true
	}
	return 0, false
}

// doublesOf is Floats, a tuple of numeric scalars (a script's list of
// numbers) too.
func doublesOf(r value.Value) ([]float64, bool) {
	t, ok := r.(*value.Vector)
	if !ok || t.T != value.Any {
		return Floats(r)
	}
	out := make([]float64, t.Len())
	for i, e := range t.Any {
		f, ok := numberOf(e)
		if _, isScalar := e.(*value.Scalar); !ok || !isScalar {
			return nil, false
		}
		out[i] = f
	}
	return out, true
}

// Floats reads what a script function returns as a numeric scalar,
// vector or matrix: float64s, NULL as NaN. ok is false for anything
// else (a tuple among them).
func Floats(r value.Value) ([]float64, bool) {
	var v *value.Vector
	switch t := r.(type) {
	case *value.Scalar:
		v = t.Vector()
	case *value.Vector:
		v = t
	case *value.Matrix:
		v = t.V
	}
	if v == nil || !funcs.IsNumericVec(v) {
		return nil, false
	}
	f, err := funcs.DoublesOf("", v)
	if err != nil {
		return nil, false
	}
	return funcs.NullsAsNaN(f), true
}

// gradient is fprime(x) into g, or forward differences of step eps when
// there is no fprime (fx is f(x)).
func (s *script) gradient(x []float64, fx, eps float64, g []float64) error {
	if s.grad == nil {
		for i := range x {
			xi := x[i]
			x[i] = xi + eps
			fi, err := s.value(x)
			x[i] = xi
			if err != nil {
				return err
			}
			g[i] = (fi - fx) / eps
		}
		s.gcalls++
		return nil
	}
	s.gcalls++
	r, err := s.call(s.grad, x)
	if err != nil {
		return err
	}
	d, ok := doublesOf(r)
	if !ok || len(d) != len(g) {
		return ddberr.Errorf("The gradient function of %s must return a numeric vector as long as X0.", s.fn)
	}
	copy(g, d)
	return nil
}

// hessian is fhess(x), n by n, column-major.
func (s *script) hessian(x []float64) ([]float64, error) {
	s.hcn++
	r, err := s.call(s.hess, x)
	if err != nil {
		return nil, err
	}
	n := len(x)
	d, ok := doublesOf(r)
	if m, isMatrix := r.(*value.Matrix); ok && (isMatrix && (m.Rows != n || m.Cols != n) || len(d) != n*n) || !ok {
		return nil, ddberr.Errorf("The Hessian function of %s must return an N-by-N numeric matrix, N being the size of X0.", s.fn)
	}
	return d, nil
}

// startArgs reads func and X0, the arguments every optimiser starts
// with, into the script of r.Fn and X0's values (nil when r holds an
// error; the script is there either way, for the reads that follow).
func startArgs(env funcs.Env, r *funcs.Args) (*script, []float64) {
	f, x := r.Arg(0), r.Arg(1)
	x0 := funcs.Read(r, func() ([]float64, error) {
		if !funcs.IsFunction(f) {
			return nil, ddberr.Errorf("The argument [%s] of %s must be a function.", "func", r.Fn)
		}
		x0, ok := doublesOf(x)
		if _, isMatrix := x.(*value.Matrix); !ok || isMatrix || len(x0) == 0 || hasNaN(x0) {
			return nil, ddberr.Errorf("The argument [X0] of %s must be a numeric scalar or vector without NULL values.", r.Fn)
		}
		return x0, nil
	})
	return &script{env: env, fn: r.Fn, f: f}, x0
}

// reserveDoubles accounts count doubles a method is about to hold (a
// simplex or an inverse Hessian, N by N for N variables) and refuses
// them past the memory limit: fmin from 200,000 variables asked for
// 320 GB and took the process down.
func reserveDoubles(env funcs.Env, count float64) error {
	// Reserve counts 16-byte elements
	return env.Reserve(int(min(count/2, 1<<41)))
}

// OptFunc reads optional argument i, a function (nil when absent).
func OptFunc(r *funcs.Args, name string, i int) value.Value {
	return funcs.Read(r, func() (value.Value, error) {
		x := r.Given(i)
		if x != nil && !funcs.IsFunction(x) {
			return nil, ddberr.Errorf("The argument [%s] of %s must be a function.", name, r.Fn)
		}
		return x, nil
	})
}

// FloatOpt reads optional argument i, a numeric scalar that ok accepts:
// the optimisers' (and loess's) options, "out of range" otherwise.
func FloatOpt(r *funcs.Args, name string, i int, def float64, ok func(float64) bool) float64 {
	return funcs.Read(r, func() (float64, error) {
		x := r.Given(i)
		if x == nil {
			return def, nil
		}
		s, isScalar := x.(*value.Scalar)
		if !isScalar || s.T.Category() != value.CatIntegral && s.T.Category() != value.CatFloating || !ok(s.Float64()) {
			return 0, ddberr.Errorf("The argument [%s] of %s is out of range.", name, r.Fn)
		}
		return s.Float64(), nil
	})
}

// PositiveOpt reads optional argument i, a positive number, as
// fminSLSQP's ftol and epsilon are.
func PositiveOpt(r *funcs.Args, name string, i int, def float64) float64 {
	return FloatOpt(r, name, i, def, positive)
}

// intOpt reads optional argument i, an integer of at least least.
func intOpt(r *funcs.Args, name string, i int, def, least int64) int {
	return funcs.Read(r, func() (int, error) {
		k, err := funcs.IntArg(r.Fn, name, r.Given(i), def)
		if err == nil && k < least {
			err = ddberr.Errorf("The argument [%s] of %s is out of range.", name, r.Fn)
		}
		return int(k), err
	})
}

func positive(f float64) bool    { return f > 0 }
func nonNegative(f float64) bool { return f >= 0 }
func unitOpen(f float64) bool    { return f > 0 && f < 1 }

// result is the optimisers' dictionary (STRING -> ANY) in key order.
func result(kv ...any) value.Value {
	keys := make([]string, 0, len(kv)/2)
	vals := make([]value.Value, 0, len(kv)/2)
	for i := 0; i < len(kv); i += 2 {
		keys = append(keys, kv[i].(string))
		var v value.Value
		switch t := kv[i+1].(type) {
		case []float64:
			v = value.NewDoubles(t)
		case float64:
			v = value.NewDouble(t)
		case int:
			v = value.NewInt(int32(t))
		case value.Value:
			v = t
		}
		vals = append(vals, v)
	}
	return funcs.StringDict(keys, vals)
}

func norm2(v []float64) float64 { return math.Sqrt(funcs.Dot(v, v)) }
