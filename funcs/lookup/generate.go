package lookup

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

func xeye(env funcs.Env, args []value.Value) (value.Value, error) {
	n, err := funcs.IntArg("eye", "n", args[0], 0)
	if err != nil || n <= 0 {
		return nil, ddberr.Errorf("The argument of eye must be a positive integer.")
	}
	if err := env.Reserve(int(n * n)); err != nil {
		return nil, err
	}
	data := make([]float64, n*n)
	for i := int64(0); i < n; i++ {
		data[i*n+i] = 1
	}
	return &value.Matrix{V: value.NewDoubles(data), Rows: int(n), Cols: int(n)}, nil
}

// stretch repeats each of X's n0 items evenly to fill n: item i covers
// positions [i*n/n0, (i+1)*n/n0), the remainder going to the first items.
func xstretch(env funcs.Env, args []value.Value) (value.Value, error) {
	n, err := funcs.IntArg("stretch", "n", args[1], 0)
	if err != nil || n < 0 {
		return nil, ddberr.Errorf("The argument [n] of stretch must be a non-negative integer.")
	}
	if err := env.Reserve(int(n)); err != nil {
		return nil, err
	}
	spread := func(n0 int) []int {
		idx := make([]int, 0, n)
		if n0 == 0 {
			return idx
		}
		base, extra := int(n)/n0, int(n)%n0
		for i := 0; i < n0; i++ {
			k := base
			if i < extra {
				k++
			}
			for j := 0; j < k; j++ {
				idx = append(idx, i)
			}
		}
		return idx
	}
	switch x := args[0].(type) {
	case *value.Vector:
		return x.Gather(spread(x.Len())), nil
	case *value.Matrix:
		return gatherMatrixRows(x, spread(x.Rows))
	case *value.Table:
		return x.Gather(spread(x.Rows())), nil
	}
	return nil, ddberr.Errorf("The argument [X] of stretch must be a vector, matrix or table.")
}
