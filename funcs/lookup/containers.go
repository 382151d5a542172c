package lookup

import (
	"fmt"
	"math"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/partition"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/kernel"
)

// Built-ins over whole containers (sizes, keys and values, repetition,
// hash buckets) moved from the interpreter's older table,
// behaviour unchanged.

// rowCounter is a table the interpreter does not hold in memory (a DFS
// table): it counts its rows on demand.
type rowCounter interface {
	RowCount() (int64, error)
}

// xtake is take(X, n): the elements (rows, for a matrix or table) of X
// repeated cyclically to |n| of them, counted from the end when n is
// negative; with a vector n, element i repeated n[i] times (funcs/t/take.md).
func xtake(env funcs.Env, args []value.Value) (value.Value, error) {
	x := args[0]
	if p, ok := x.(*value.Pair); ok {
		x = p.V
	}
	if s, ok := x.(*value.Scalar); ok && s.T == value.Void {
		return nil, ddberr.Errorf("Not allowed to create a void vector. RefId:S05005")
	}
	if funcs.IsFunction(x) {
		// take(add, 2) is a tuple of the function, as unifiedExpr's
		// operators (tutorials/meta_programming.md)
		n, err := funcs.IntScalar("take", args[1])
		if err != nil {
			return nil, err
		}
		if err := env.Reserve(satMul(abs64(n), 1)); err != nil {
			return nil, err
		}
		out := make([]value.Value, abs64(n))
		for i := range out {
			out[i] = x
		}
		return value.NewTuple(out), nil
	}
	rows, width, ok := takeShape(x)
	if !ok {
		return nil, fmt.Errorf("take doesn't support %s.", x.Form())
	}
	var idx []int
	if nv, ok := args[1].(*value.Vector); ok && nv.T.Category() == value.CatIntegral && !nv.T.IsArray() {
		counts, _, err := funcs.IntsArg("take", "n", nv, rows)
		if err != nil {
			return nil, err
		}
		var total int64
		for _, c := range counts {
			total = satAdd(total, max(c, 0))
		}
		if err := env.Reserve(satMul(total, width)); err != nil {
			return nil, err
		}
		idx = make([]int, 0, total)
		for i, c := range counts {
			for ; c > 0; c-- {
				idx = append(idx, i)
			}
		}
	} else {
		n, err := funcs.IntScalar("take", args[1])
		if err != nil {
			return nil, err
		}
		if err := env.Reserve(satMul(abs64(n), width)); err != nil {
			return nil, err
		}
		if rows == 0 && n != 0 {
			if _, ok := x.(*value.Table); ok {
				return nil, ddberr.Errorf("Can't take from an empty table.")
			}
			return nil, ddberr.Errorf("Can't take from an empty vector.")
		}
		if v, ok := x.(*value.Vector); ok && n > 0 && !v.T.IsArray() {
			// In order from the start: bulk copies, no index vector.
			return codedSource(v, int(n)).Cycle(int(n)), nil
		}
		idx = make([]int, abs64(n))
		start := 0
		if n < 0 {
			// The last |n| elements, cycling backwards past the start.
			start = ((rows-len(idx))%rows + rows) % rows
		}
		for i := range idx {
			idx[i] = (start + i) % rows
		}
	}
	return takeRows(x, idx)
}

// abs64 is |n|, saturating at MaxInt64 for MinInt64.
func abs64(n int64) int64 {
	if n == math.MinInt64 {
		return math.MaxInt64
	}
	if n < 0 {
		return -n
	}
	return n
}

// satAdd and satMul size a memory reservation without wrapping past
// MaxInt64, so an absurd count is refused by Reserve instead of wrapping
// to a small or negative one.
func satAdd(a, b int64) int64 {
	if a > math.MaxInt64-b {
		return math.MaxInt64
	}
	return a + b
}

func satMul(n int64, width int) int {
	if n > math.MaxInt64/int64(width) {
		return math.MaxInt
	}
	return int(n * int64(width))
}

// takeShape is the number of elements or rows take cycles over, and the
// values per row (a table's columns) for the memory reservation; ok is
// false for a form take does not repeat.
func takeShape(x value.Value) (rows, width int, ok bool) {
	switch v := x.(type) {
	case *value.Scalar:
		return 1, 1, true
	case *value.Vector:
		return v.Len(), 1, true
	case *value.Matrix:
		return v.Rows, max(v.Cols, 1), true
	case *value.Table:
		return v.Rows(), max(len(v.Cols), 1), true
	}
	return 0, 0, false
}

// takeRows gathers the elements or rows of x at idx; a scalar is
// repeated len(idx) times.
func takeRows(x value.Value, idx []int) (value.Value, error) {
	switch v := x.(type) {
	case *value.Scalar:
		return value.Broadcast(v, len(idx))
	case *value.Vector:
		return codedSource(v, len(idx)).Gather(idx), nil
	case *value.Table:
		return v.Gather(idx), nil
	case *value.Matrix:
		return gatherMatrixRows(v, idx)
	}
	return nil, fmt.Errorf("take doesn't support %s.", x.Form())
}

// gatherMatrixRows is the matrix of m's rows at idx, keeping its column
// labels.
func gatherMatrixRows(m *value.Matrix, idx []int) (*value.Matrix, error) {
	cols := make([]*value.Vector, m.Cols)
	for c := range cols {
		cols[c] = funcs.MatrixColumn(m, c).Gather(idx)
	}
	data, err := funcs.JoinVectors(cols...)
	if err != nil {
		return nil, err
	}
	return &value.Matrix{V: data, Rows: len(idx), Cols: m.Cols, ColLabels: m.ColLabels}, nil
}

// countValue is size(X) (nulls included) or count(X) (non-null elements).
func countValue(x value.Value, skipNull bool) (value.Value, error) {
	switch v := x.(type) {
	case *value.Scalar:
		if skipNull && v.Null {
			return value.NewInt(0), nil
		}
		return value.NewInt(1), nil
	case *value.Vector:
		if !skipNull {
			return value.NewInt(int32(v.Len())), nil
		}
		if !v.T.IsArray() && v.T != value.Void {
			// A typed pass over the storage (kernel.CountNotNull), not a
			// method call per element.
			return value.NewInt(int32(kernel.CountNotNull(v))), nil
		}
		n := 0
		for i := 0; i < v.Len(); i++ {
			if !v.IsNull(i) {
				n++
			}
		}
		return value.NewInt(int32(n)), nil
	case *value.Pair:
		return value.NewInt(2), nil
	case *value.Matrix:
		// every element, or every non-NULL one (size.md: 6 and 5)
		return countValue(v.V, skipNull)
	case *value.Table:
		return value.NewInt(int32(v.Rows())), nil
	case *value.Dict:
		return value.NewInt(int32(v.Len())), nil
	case *value.Set:
		return value.NewInt(int32(v.V.Len())), nil
	case rowCounter:
		n, err := v.RowCount()
		if err != nil {
			return nil, err
		}
		return value.NewLong(n), nil
	}
	return value.NewInt(1), nil
}

func xrows(_ funcs.Env, args []value.Value) (value.Value, error) {
	switch t := args[0].(type) {
	case *value.Table:
		return value.NewInt(int32(t.Rows())), nil
	case rowCounter:
		n, err := t.RowCount()
		if err != nil {
			return nil, err
		}
		return value.NewInt(int32(n)), nil
	case *value.Vector:
		return value.NewInt(int32(t.Len())), nil
	case *value.Matrix:
		return value.NewInt(int32(t.Rows)), nil
	}
	return value.NewInt(1), nil
}

func xreverse(_ funcs.Env, args []value.Value) (value.Value, error) {
	v, ok := args[0].(*value.Vector)
	if !ok {
		return nil, ddberr.Errorf("The argument of reverse must be a vector.")
	}
	idx := make([]int, v.Len())
	for i := range idx {
		idx[i] = len(idx) - 1 - i
	}
	return v.Gather(idx), nil
}

func xkeys(_ funcs.Env, args []value.Value) (value.Value, error) {
	switch d := args[0].(type) {
	case *value.Dict:
		return d.Keys.Clone(), nil
	case *value.Table:
		return value.NewStrings(value.String, append([]string(nil), d.Names...)), nil
	case *value.Set:
		return d.V.Clone(), nil
	}
	return nil, ddberr.Errorf("The argument of keys must be a dictionary or table.")
}

func xvalues(_ funcs.Env, args []value.Value) (value.Value, error) {
	switch d := args[0].(type) {
	case *value.Dict:
		return d.Vals.Clone(), nil
	case *value.Table:
		vals := make([]value.Value, len(d.Cols))
		for i, c := range d.Cols {
			vals[i] = c
		}
		return value.NewTuple(vals), nil
	}
	return nil, ddberr.Errorf("The argument of values must be a dictionary or table.")
}

// xhashBucket is hashBucket(X, buckets) with the partition scheme's hash,
// so a value lands in the bucket a HASH partition would put it in.
func xhashBucket(_ funcs.Env, args []value.Value) (value.Value, error) {
	n, err := funcs.IntScalar("hashBucket", args[1])
	if err != nil {
		return nil, err
	}
	if n <= 0 {
		return nil, ddberr.Errorf("The number of buckets must be positive.")
	}
	switch v := args[0].(type) {
	case *value.Scalar:
		if !partition.Hashable(v.T) {
			return nil, fmt.Errorf("hashBucket doesn't support data type %s.", v.T)
		}
		return value.NewInt(partition.HashBucketScalar(v, int(n))), nil
	case *value.Vector:
		if !partition.Hashable(v.T) {
			return nil, fmt.Errorf("hashBucket doesn't support data type %s.", v.T)
		}
		return value.NewInts(partition.HashBucket(v, int(n))), nil
	}
	return nil, ddberr.Errorf("The first argument of hashBucket must be a scalar or vector.")
}
