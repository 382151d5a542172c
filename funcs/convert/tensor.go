package convert

import (
	"slices"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/tensor"
)

// tensorOf is tensor(X) (funcs/t/tensor.md): a scalar or vector is 1-D; a
// columnar tuple (an element per row), a matrix, a table and a tuple of
// vectors (an element per column) are 2-D; a tuple of matrices or tuples
// adds a dimension to its elements', which must agree in type and shape.
func tensorOf(_ funcs.Env, args []value.Value) (value.Value, error) {
	t, err := toTensor(args[0])
	if err != nil {
		return nil, err
	}
	if len(t.Shape) > tensor.MaxDims {
		return nil, ddberr.Errorf("A tensor can't have more than 10 dimensions.")
	}
	return t, nil
}

func toTensor(x value.Value) (*tensor.Tensor, error) {
	switch v := x.(type) {
	case *value.Scalar:
		if err := tensorType(v.T); err != nil {
			return nil, err
		}
		return &tensor.Tensor{Shape: []int{1}, Data: v.Vector()}, nil
	case *value.Matrix:
		if err := tensorType(v.V.T); err != nil {
			return nil, err
		}
		return rowMajor(v.Rows, v.Cols, v.V), nil
	case *value.Table:
		if err := sameTypeColumns(v.Cols); err != nil {
			return nil, err
		}
		return rowMajor(v.Rows(), len(v.Cols), concat(v.Cols)), nil
	case *value.Vector:
		switch {
		case v.T.IsArray():
			return nil, ddberr.Errorf("The argument of tensor must be a scalar, vector, tuple, matrix or table.")
		case v.T != value.Any:
			if err := tensorType(v.T); err != nil {
				return nil, err
			}
			return &tensor.Tensor{Shape: []int{v.Len()}, Data: v}, nil
		case v.Columnar:
			return stack(v.Any)
		}
		return tupleTensor(v.Any)
	}
	return nil, ddberr.Errorf("The argument of tensor must be a scalar, vector, tuple, matrix or table.")
}

// tupleTensor converts a tuple: of vectors, each a column of a 2-D tensor;
// of matrices or tuples, each a slice of one more dimension.
func tupleTensor(xs []value.Value) (*tensor.Tensor, error) {
	if len(xs) == 0 {
		return nil, ddberr.Errorf("The elements of tensor must have the same type and shape.")
	}
	cols := make([]*value.Vector, len(xs))
	for i, x := range xs {
		v, ok := x.(*value.Vector)
		if !ok || v.T == value.Any || v.T.IsArray() {
			return stack(xs)
		}
		cols[i] = v
	}
	if err := sameTypeColumns(cols); err != nil {
		return nil, err
	}
	return rowMajor(cols[0].Len(), len(cols), concat(cols)), nil
}

// stack makes each element a slice of the first dimension.
func stack(xs []value.Value) (*tensor.Tensor, error) {
	if len(xs) == 0 {
		return nil, ddberr.Errorf("The elements of tensor must have the same type and shape.")
	}
	var out *tensor.Tensor
	for _, x := range xs {
		t, err := toTensor(x)
		if err != nil {
			return nil, err
		}
		if out == nil {
			out = &tensor.Tensor{Shape: append([]int{len(xs)}, t.Shape...),
				Data: value.NewVector(t.Data.T, 0, len(xs)*t.Data.Len())}
		} else if t.Data.T != out.Data.T || !slices.Equal(t.Shape, out.Shape[1:]) {
			return nil, ddberr.Errorf("The elements of tensor must have the same type and shape.")
		}
		out.Data.AppendVector(t.Data)
	}
	return out, nil
}

// rowMajor lays out the column-major rows x cols elements of colMajor
// row by row.
func rowMajor(rows, cols int, colMajor *value.Vector) *tensor.Tensor {
	idx := make([]int, rows*cols)
	for r := range rows {
		for c := range cols {
			idx[r*cols+c] = c*rows + r
		}
	}
	return &tensor.Tensor{Shape: []int{rows, cols}, Data: colMajor.Gather(idx)}
}

// concat joins columns into one column-major vector.
func concat(cols []*value.Vector) *value.Vector {
	out := value.NewVector(cols[0].T, 0, len(cols)*cols[0].Len())
	for _, c := range cols {
		out.AppendVector(c)
	}
	return out
}

func sameTypeColumns(cols []*value.Vector) error {
	if len(cols) == 0 {
		return ddberr.Errorf("The elements of tensor must have the same type and shape.")
	}
	for _, c := range cols {
		if c.T != cols[0].T || c.Len() != cols[0].Len() {
			return ddberr.Errorf("The elements of tensor must have the same type and shape.")
		}
	}
	return tensorType(cols[0].T)
}

func tensorType(t value.Type) error {
	if !tensor.Supports(t) {
		return ddberr.Errorf("A tensor supports only BOOL, CHAR, SHORT, INT, LONG, FLOAT and DOUBLE, not %s.", t)
	}
	return nil
}
