package lookup

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
	"slices"
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
		// first row of each code, the last new one first
		seen := make([]bool, len(base))
		var first []int
		for i, c := range codes {
			if !seen[c] {
				seen[c] = true
				first = append(first, i)
			}
		}
		slices.Reverse(first)
		return v.Gather(first), nil
	}
	u := value.NewSet(v).V
	return u.Gather(lastFirst(u.Len())), nil
}

// lastFirst is the positions n-1 down to 0. The order of distinct's result
// is not guaranteed, and DolphinDB's, on distinct.md's three examples, is
// the last new value first (distinct 4 5 5 2 3 is [3,2,5,4]).
func lastFirst(n int) []int {
	idx := make([]int, n)
	for i := range idx {
		idx[i] = n - 1 - i
	}
	return idx
}
