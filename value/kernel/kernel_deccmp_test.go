package kernel

import (
	"math"
	"testing"

	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

// dec64 is a DECIMAL64 vector of the given scale over unscaled values.
func dec64(scale int32, xs ...int64) *value.Vector {
	v := value.NewVector(value.Decimal64, len(xs), len(xs))
	v.Scale = scale
	copy(v.I64, xs)
	return v
}

// dec128 is a DECIMAL128 vector of the given scale over unscaled values.
func dec128(scale int32, xs ...Int128) *value.Vector {
	v := value.NewVector(value.Decimal128, len(xs), len(xs))
	v.Scale = scale
	for i, x := range xs {
		v.B16[i] = x.Bytes()
	}
	return v
}

func TestDecimalCompare(t *testing.T) {
	big := Int128{Hi: 1 << 40} // past 10^38 / 10^37 at scale 37
	for _, tc := range []struct {
		name string
		op   Op
		x, y Operand
		want []int8
	}{
		// 12345678.0000000001 and 12345678 are one DOUBLE
		{"column vs INT", OpGt, Operand{V: dec64(10, 123456780000000001, 123456780000000000, value.NullInt64)}, Operand{V: value.NewInts([]int32{12345678}), Scalar: true}, []int8{1, 0, 0}},
		{"INT vs column", OpEq, Operand{V: value.NewInts([]int32{12345678}), Scalar: true}, Operand{V: dec64(10, 123456780000000001, 123456780000000000, value.NullInt64)}, []int8{0, 1, 0}},
		{"NULL INT is the smallest", OpEq, Operand{V: dec64(2, 150, value.NullInt64)}, Operand{V: value.NewInts([]int32{value.NullInt32}), Scalar: true}, []int8{0, 1}},
		{"LONG beyond the column's storage", OpLt, Operand{V: dec64(18, 1, -1)}, Operand{V: value.NewLongs([]int64{math.MaxInt64}), Scalar: true}, []int8{1, 1}},
		{"two scales, vectors", OpLt, Operand{V: dec64(1, 15, 15)}, Operand{V: dec64(2, 151, 150)}, []int8{1, 0}},
		{"beyond 128 bits at the larger scale", OpGt, Operand{V: dec128(0, big, Int128From(-1))}, Operand{V: dec128(37, Int128From(5).mulPow10(36)), Scalar: true}, []int8{1, 0}},
		{"negative beyond 128 bits", OpLt, Operand{V: dec128(0, big.neg())}, Operand{V: dec128(37, Int128From(-5).mulPow10(36))}, []int8{1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n := max(operandLen(tc.x), operandLen(tc.y))
			if tc.x.Scalar && !tc.y.Scalar {
				n = operandLen(tc.y)
			}
			out, err := Binary(tc.op, tc.x, tc.y)
			require.NoError(t, err)
			require.Equal(t, tc.want, out.I8[:n])
		})
	}
}

func TestMulPow10(t *testing.T) {
	for _, tc := range []struct {
		name string
		a    Int128
		k    int
		want Int128
	}{
		{"small", Int128From(-12), 3, Int128From(-12000)},
		{"past int64", Int128From(math.MaxInt64), 1, Int128{Hi: 4, Lo: math.MaxUint64 - 9}},
		{"two steps", Int128From(1), 20, Int128{Hi: 5, Lo: 7766279631452241920}},
		{"held at the largest", Int128From(2), 38, Int128{Hi: math.MaxInt64, Lo: math.MaxUint64}},
		{"held above NULL", Int128From(-2), 38, Int128{Hi: math.MinInt64, Lo: 1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, tc.want, tc.a.mulPow10(tc.k))
		})
	}
}

// The 64-bit path (DECIMAL32/64 and integers whose values fit 64 bits at
// the larger scale) and the 128-bit one answer alike.
func TestDecimalCompare64And128(t *testing.T) {
	x := dec64(4, 123456780001, -5, value.NullInt64, 7, 922337203685477580)
	y := value.NewInts([]int32{12345678, -1, value.NullInt32, value.NullInt32, 5})
	for _, op := range []Op{OpEq, OpNe, OpLt, OpLe, OpGt, OpGe} {
		got := decimalCompare(op, Operand{V: x}, Operand{V: y}, 5)
		a, b := unscaledAt(x, 4), unscaledAt(y, 4)
		for i := range 5 {
			require.Equal(t, BoolAs[int8](cmpResult(op, a[i].Cmp(b[i]))), got.I8[i], "op %v row %d", op, i)
		}
	}
	_, _, ok := unscaled64At(x, value.NewLongs([]int64{math.MaxInt64 / 10}), 4)
	require.False(t, ok, "a LONG past 64 bits at scale 4")
}
