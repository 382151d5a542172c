package lookup

import (
	"fmt"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// xrand is rand(X, count): X a scalar bound (integers in [0,X),
// floats in [0,X)) or a vector to sample from.
func xrand(env funcs.Env, args []value.Value) (value.Value, error) {
	r := env.Rand()
	n := -1
	if len(args) > 1 {
		k, err := funcs.IntScalar("rand", args[1])
		if err != nil {
			return nil, err
		}
		n = int(k)
		if err := env.Reserve(int(k)); err != nil {
			return nil, err
		}
	}
	count := max(n, 1)
	var out *value.Vector
	switch x := args[0].(type) {
	case *value.Scalar:
		switch x.T.Category() {
		case value.CatFloating:
			out = value.NewVector(value.Double, count, count)
			for i := range out.F64 {
				out.F64[i] = r.Float64() * x.F
			}
			if x.T == value.Float {
				c, err := cast.Vector(out, value.Float, 0)
				if err != nil {
					return nil, err
				}
				out = c
			}
		case value.CatIntegral, value.CatTemporal:
			if x.I <= 0 {
				return nil, ddberr.Errorf("The upper bound of rand must be positive.")
			}
			out = randInts(r, x.T, count, x.I)
		default:
			return nil, fmt.Errorf("rand doesn't support %s.", x.T)
		}
	case *value.Vector:
		if x.Len() == 0 {
			return nil, ddberr.Errorf("Can't sample from an empty vector.")
		}
		out = randSample(r, x, count)
	case *value.Pair:
		return xrand(env, append([]value.Value{x.V}, args[1:]...))
	default:
		return nil, fmt.Errorf("rand doesn't support %s.", args[0].Form())
	}
	if n < 0 {
		return out.Elem(0), nil
	}
	return out, nil
}
