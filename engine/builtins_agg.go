package engine

import (
	"errors"
	"fmt"
	"math"

	"github.com/porpoisedb/porpoise/value"
)

// aggregates are the functions that reduce a vector to a scalar; SQL
// group-by applies them per group.
var aggregates = map[string]func(v *value.Vector) (value.Value, error){
	"sum":   aggSum,
	"avg":   aggAvg,
	"mean":  aggAvg,
	"min":   func(v *value.Vector) (value.Value, error) { return aggExtreme(v, -1) },
	"max":   func(v *value.Vector) (value.Value, error) { return aggExtreme(v, 1) },
	"first": func(v *value.Vector) (value.Value, error) { return aggPick(v, true) },
	"last":  func(v *value.Vector) (value.Value, error) { return aggPick(v, false) },
	"count": func(v *value.Vector) (value.Value, error) { return countValue(v, true) },
	"size":  func(v *value.Vector) (value.Value, error) { return countValue(v, false) },
	"std":   func(v *value.Vector) (value.Value, error) { return aggVar(v, true) },
	"var":   func(v *value.Vector) (value.Value, error) { return aggVar(v, false) },
}

func init() {
	for name, f := range aggregates {
		if name == "count" || name == "size" {
			continue
		}
		name, f := name, f
		reg(name, p("X"), 1, 2, func(_ *interp, args []value.Value, _ []string) (value.Value, error) {
			if len(args) == 2 && (name == "min" || name == "max") {
				return pairwiseExtreme(name, args[0], args[1])
			}
			v, err := aggInput(args[0])
			if err != nil {
				return nil, err
			}
			return f(v)
		})
	}
}

func aggInput(x value.Value) (*value.Vector, error) {
	switch v := x.(type) {
	case *value.Scalar:
		return v.Vector(), nil
	case *value.Vector:
		return v, nil
	case *value.Pair:
		return v.V, nil
	}
	return nil, fmt.Errorf("The argument must be a vector, not a %s.", x.Form())
}

func aggSum(v *value.Vector) (value.Value, error) {
	switch v.T.Category() {
	case value.CatFloating, value.CatDecimal:
		s, n := 0.0, 0
		for i := 0; i < v.Len(); i++ {
			if !v.IsNull(i) {
				s += v.At(i).Float64()
				n++
			}
		}
		if n == 0 {
			return value.NullScalar(value.Double), nil
		}
		return value.NewDouble(s), nil
	case value.CatIntegral, value.CatLogical:
		var s int64
		n := 0
		xs, nulls := ints(v)
		for i, x := range xs {
			if !nulls[i] {
				s += x
				n++
			}
		}
		t := value.Int
		if v.T == value.Long {
			t = value.Long
		}
		if n == 0 {
			return value.NullScalar(t), nil
		}
		if t == value.Int && (s > math.MaxInt32 || s < -math.MaxInt32) {
			return value.NewLong(s), nil
		}
		return value.NewTyped(t, s), nil
	}
	return nil, fmt.Errorf("sum doesn't support %s.", v.T)
}

func aggAvg(v *value.Vector) (value.Value, error) {
	if !v.T.IsNumeric() {
		return nil, fmt.Errorf("avg doesn't support %s.", v.T)
	}
	s, n := 0.0, 0
	for i := 0; i < v.Len(); i++ {
		if !v.IsNull(i) {
			s += v.At(i).Float64()
			n++
		}
	}
	if n == 0 {
		return value.NullScalar(value.Double), nil
	}
	return value.NewDouble(s / float64(n)), nil
}

func aggVar(v *value.Vector, std bool) (value.Value, error) {
	if !v.T.IsNumeric() {
		return nil, fmt.Errorf("var doesn't support %s.", v.T)
	}
	var xs []float64
	for i := 0; i < v.Len(); i++ {
		if !v.IsNull(i) {
			xs = append(xs, v.At(i).Float64())
		}
	}
	if len(xs) < 2 {
		return value.NullScalar(value.Double), nil
	}
	mean := 0.0
	for _, x := range xs {
		mean += x
	}
	mean /= float64(len(xs))
	ss := 0.0
	for _, x := range xs {
		ss += (x - mean) * (x - mean)
	}
	r := ss / float64(len(xs)-1)
	if std {
		r = math.Sqrt(r)
	}
	return value.NewDouble(r), nil
}

// aggExtreme is min (dir -1) or max (dir 1), ignoring NULLs.
func aggExtreme(v *value.Vector, dir int) (value.Value, error) {
	best := -1
	for i := 0; i < v.Len(); i++ {
		if v.IsNull(i) {
			continue
		}
		if best < 0 || value.CompareElems(v, i, best)*dir > 0 {
			best = i
		}
	}
	if best < 0 {
		return value.NullScalar(v.T), nil
	}
	return v.At(best), nil
}

func aggPick(v *value.Vector, first bool) (value.Value, error) {
	if v.Len() == 0 {
		return value.NullScalar(v.T), nil
	}
	if first {
		return v.Elem(0), nil
	}
	return v.Elem(v.Len() - 1), nil
}

// pairwiseExtreme is min(X, Y)/max(X, Y) element-wise.
func pairwiseExtreme(name string, a, b value.Value) (value.Value, error) {
	less, err := binaryOp("<", a, b)
	if err != nil {
		return nil, err
	}
	pickA := less
	if name == "max" {
		if pickA, err = unaryOp("!", less); err != nil {
			return nil, err
		}
	}
	s, ok := pickA.(*value.Scalar)
	if ok {
		if s.Bool() {
			return a, nil
		}
		return b, nil
	}
	return nil, errors.New("min/max of two vectors is not supported.")
}
