package lookup

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// Built-ins moved here from the interpreter's older table (generate,
// data-processing and node-status functions), behaviour unchanged.

func constant(v value.Value) funcs.Impl {
	return func(funcs.Env, []value.Value) (value.Value, error) { return v, nil }
}

func xtil(env funcs.Env, args []value.Value) (value.Value, error) {
	n, err := funcs.IntScalar("til", args[0])
	if err != nil {
		return nil, err
	}
	if n < 0 {
		return nil, ddberr.Errorf("The argument of til must be non-negative.")
	}
	if err := env.Reserve(int(n)); err != nil {
		return nil, err
	}
	out := value.NewVector(value.Int, int(n), int(n))
	for i := range out.I32 {
		out.I32[i] = int32(i)
	}
	return out, nil
}

func xdistinct(env funcs.Env, args []value.Value) (value.Value, error) {
	v, ok := args[0].(*value.Vector)
	if !ok {
		return nil, ddberr.Errorf("The argument of distinct must be a vector.")
	}
	if v.T.IsArray() {
		// an array vector's distinct elements are its cells' (distinct.md:
		// distinct(a) is [10,9,...,1])
		v = v.Cells()
	}
	if codes, base, ok := v.CompactSymbolCodes(); ok {
		// first row of each code, in the order a set would keep them
		seen := make([]bool, len(base))
		var first []int
		for i, c := range codes {
			if !seen[c] {
				seen[c] = true
				first = append(first, i)
			}
		}
		return v.Gather(first), nil
	}
	return value.NewSet(v).V, nil
}
