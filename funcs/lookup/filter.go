package lookup

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// conditionalFilter is true where condition[i] is a key of filterMap and
// X[i] is among that key's values (or within its pair's range).
func xconditionalFilter(env funcs.Env, args []value.Value) (value.Value, error) {
	x, xs, ok1 := value.VectorOf(args[0])
	c, cs, ok2 := value.VectorOf(args[1])
	d, ok3 := args[2].(*value.Dict)
	if !ok1 || !ok2 || !ok3 {
		return nil, ddberr.Errorf("Usage: conditionalFilter(X, condition, filterMap). X and condition must be scalars or vectors and filterMap a dictionary.")
	}
	n := x.Len()
	if cs {
		n = x.Len()
	} else if xs {
		n = c.Len()
	} else if x.Len() != c.Len() {
		return nil, ddberr.Errorf("Usage: conditionalFilter(X, condition, filterMap). X and condition must have the same length.")
	}
	c, err := cast.Like(c, d.Keys)
	if err != nil {
		return nil, err
	}
	out := value.NewVector(value.Bool, n, n)
	for i := 0; i < n; i++ {
		ci, xi := i, i
		if cs {
			ci = 0
		}
		if xs {
			xi = 0
		}
		allowed := d.Get(c, ci)
		if allowed == nil {
			continue
		}
		hit, err := memberOf(x, xi, allowed)
		if err != nil {
			return nil, err
		}
		if hit {
			out.I8[i] = 1
		}
	}
	if xs && cs {
		return out.At(0), nil
	}
	return out, nil
}

// memberOf reports whether x[i] is one of allowed's values (a scalar, a
// vector, or a pair as a closed range).
func memberOf(x *value.Vector, i int, allowed value.Value) (bool, error) {
	probe := func(v *value.Vector) (*value.Vector, int, error) {
		p := value.NewVector(x.T, 0, v.Len()+1)
		p.Scale = x.Scale
		cv, err := cast.Like(v, x)
		if err != nil {
			return nil, 0, err
		}
		p.AppendVector(cv)
		p.AppendFrom(x, i)
		return p, cv.Len(), nil
	}
	switch a := allowed.(type) {
	case *value.Pair:
		p, k, err := probe(a.V)
		if err != nil {
			return false, err
		}
		return value.CompareElems(p, k, 0) >= 0 && value.CompareElems(p, k, 1) <= 0, nil
	default:
		v, _, ok := value.VectorOf(a)
		if !ok {
			return false, nil
		}
		p, k, err := probe(v)
		if err != nil {
			return false, err
		}
		for j := 0; j < k; j++ {
			if value.CompareElems(p, j, k) == 0 {
				return true, nil
			}
		}
	}
	return false, nil
}
