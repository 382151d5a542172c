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
	if p, ok := funcs.Arg(args, 1).(*value.Pair); ok {
		// count rows:cols gives a matrix (funcs/r/rand.md)
		rows, err1 := funcs.IntScalar("rand", p.V.Elem(0))
		cols, err2 := funcs.IntScalar("rand", p.V.Elem(1))
		if err1 != nil || err2 != nil || rows < 0 || cols < 0 || rows > 1<<31 || cols > 1<<31 {
			return nil, ddberr.Errorf("The argument of %s must be an integer scalar.", "rand")
		}
		if rows*cols > 1<<31-1 {
			return nil, ddberr.Errorf("Out of memory")
		}
		v, err := xrand(env, []value.Value{args[0], value.NewInt(int32(rows * cols))})
		if err != nil {
			return nil, err
		}
		return &value.Matrix{V: v.(*value.Vector), Rows: int(rows), Cols: int(cols)}, nil
	}
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
	// a count of 0 is an empty vector, as a schema-only table needs
	count := 1
	if n >= 0 {
		count = n
	}
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
