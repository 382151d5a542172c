package tensor

import (
	"strconv"
	"strings"

	"github.com/porpoisedb/porpoise/value"
)

// MaxDims is the most dimensions a tensor may have (funcs/t/tensor.md).
const MaxDims = 10

// Tensor is a contiguous row-major n-dimensional array: Data holds the
// product of Shape's sizes elements of Data.T.
type Tensor struct {
	Shape []int
	Data  *value.Vector
}

// Form implements value.Value.
func (t *Tensor) Form() value.Form { return value.FormTensor }

// Type implements value.Value: the elements' type.
func (t *Tensor) Type() value.Type { return t.Data.T }

// Supports reports whether a tensor may hold elements of type et.
func Supports(et value.Type) bool {
	switch et {
	case value.Bool, value.Char, value.Short, value.Int, value.Long, value.Float, value.Double:
		return true
	}
	return false
}

// Strides are the elements skipped to move one step along each
// dimension: for shape [D, H, W], [H*W, W, 1] (progr/tensor.md).
func (t *Tensor) Strides() []int {
	s := make([]int, len(t.Shape))
	step := 1
	for i := len(t.Shape) - 1; i >= 0; i-- {
		s[i] = step
		step *= t.Shape[i]
	}
	return s
}

// TypeName is the header the console prints before a tensor and the
// JavaScript API's inspect_type gives: tensor<int[2][3]>.
func (t *Tensor) TypeName() string {
	return "tensor<" + elemName(t.Data.T) + dims(t.Shape) + ">"
}

// String renders the tensor as funcs/t/tensor.md shows it: the header,
// then one line per index of the first dimension: "i: int v" for a 1-D
// tensor, "i: int[3] [a, b, c]" for a 2-D one, "i: int[2][3]" (the
// sub-tensor's type only) beyond.
func (t *Tensor) String() string {
	var b strings.Builder
	b.WriteString(t.TypeName())
	name := elemName(t.Data.T)
	sub := t.Strides()[0]
	for i := range t.Shape[0] {
		b.WriteByte('\n')
		b.WriteString(strconv.Itoa(i))
		b.WriteString(": ")
		b.WriteString(name)
		switch len(t.Shape) {
		case 1:
			b.WriteByte(' ')
			b.WriteString(elem(t.Data, i))
		case 2:
			b.WriteString(dims(t.Shape[1:]))
			b.WriteString(" [")
			for j := range sub {
				if j > 0 {
					b.WriteString(", ")
				}
				b.WriteString(elem(t.Data, i*sub+j))
			}
			b.WriteByte(']')
		default:
			b.WriteString(dims(t.Shape[1:]))
		}
	}
	return b.String()
}

// elemName is the element type as the tensor header spells it: int.
func elemName(et value.Type) string { return strings.ToLower(et.String()) }

func dims(shape []int) string {
	var b strings.Builder
	for _, d := range shape {
		b.WriteByte('[')
		b.WriteString(strconv.Itoa(d))
		b.WriteByte(']')
	}
	return b.String()
}

// elem prints element i as a scalar of its type prints (CHAR as its code:
// a tensor's CHAR is an 8-bit integer).
func elem(v *value.Vector, i int) string {
	if v.T == value.Char {
		if v.I8[i] == value.NullInt8 {
			return ""
		}
		return strconv.Itoa(int(v.I8[i]))
	}
	return v.At(i).String()
}
