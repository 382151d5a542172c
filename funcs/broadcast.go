package funcs

import (
	"errors"

	"github.com/porpoisedb/porpoise/value"
)

// Broadcast makes a vector of n elements from a scalar (repeated) or a
// vector of that length (returned as is).
func Broadcast(x value.Value, n int) (*value.Vector, error) {
	switch t := x.(type) {
	case *value.Scalar:
		one := value.NewVector(t.T, 0, 1)
		one.Scale = t.Scale
		one.AppendScalar(t)
		if n == 0 {
			return one.Slice(0, 0), nil
		}
		return one.Cycle(n), nil
	case *value.Vector:
		if t.Len() != n {
			return nil, errors.New("Incompatible vector size")
		}
		return t, nil
	}
	return nil, errors.New("Expected a scalar or vector.")
}

// Iota returns the row positions 0..n-1, for gathering every row.
func Iota(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}
