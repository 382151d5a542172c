package value

import (
	"math"
	"testing"

	"github.com/stretchr/testify/require"
)

func vec(t Type, xs ...any) *Vector {
	v := NewVector(t, 0, len(xs))
	for _, x := range xs {
		switch x := x.(type) {
		case nil:
			v.AppendNull()
		case int:
			v.AppendScalar(NewTyped(t, int64(x)))
		case float64:
			if t == Float {
				v.AppendScalar(NewFloat(float32(x)))
			} else {
				v.AppendScalar(NewDouble(x))
			}
		case string:
			v.AppendScalar(&Scalar{T: t, S: x})
		}
	}
	return v
}

func sc(v *Vector) Operand { return Operand{V: v, Scalar: true} }
func vv(v *Vector) Operand { return Operand{V: v} }

func TestBinaryKernels(t *testing.T) {
	dec := func(t Type, unscaled int64, scale int32) *Vector {
		v := NewVector(t, 0, 1)
		v.Scale = scale
		v.AppendScalar(NewDecimal(t, unscaled, scale))
		return v
	}
	cases := []struct {
		name string
		op   Op
		x, y Operand
		want string
		typ  Type
	}{
		{"int+int vs", OpAdd, vv(vec(Int, 1, 2, nil)), sc(vec(Int, 1)), "[2,3,]", Int},
		{"int+long", OpAdd, vv(vec(Int, 1, 2)), sc(vec(Long, 1)), "[2,3]", Long},
		{"int overflow wraps", OpAdd, sc(vec(Int, 2147483647)), sc(vec(Int, 1)), "[]", Int},
		{"short+short is INT", OpAdd, sc(vec(Short, 1)), sc(vec(Short, 1)), "[2]", Int},
		{"int+double", OpAdd, vv(vec(Int, 1, nil)), sc(vec(Double, 0.5)), "[1.5,]", Double},
		{"float+float", OpMul, vv(vec(Float, 1.5)), sc(vec(Float, 2.0)), "[3]", Float},
		{"floor div", OpDiv, vv(vec(Int, -7, 7, -1, 2, 6)), sc(vec(Int, 5)), "[-2,1,-1,0,1]", Int},
		{"div by zero", OpDiv, vv(vec(Int, 1, 2)), vv(vec(Int, 0, 1)), "[,2]", Int},
		{"float div by zero", OpDiv, vv(vec(Double, 1.0, 2.0)), vv(vec(Double, 0.0, 4.0)), "[,0.5]", Double},
		{"ratio ints", OpRatio, vv(vec(Int, 1, 2, 3)), sc(vec(Int, 2)), "[0.5,1,1.5]", Double},
		{"mod sign of divisor", OpMod, vv(vec(Int, -1, 2, 3, -10, -10)), vv(vec(Int, 5, -5, -5, 3, -3)), "[4,-3,-2,2,-1]", Int},
		{"mod by zero", OpMod, sc(vec(Long, 3)), sc(vec(Long, 0)), "[]", Long},
		{"bitand", OpBitAnd, vv(vec(Int, 12, nil)), sc(vec(Int, 10)), "[8,]", Int},
		{"shift negative count", OpShl, sc(vec(Int, 1)), sc(vec(Int, -1)), "[0]", Int},
		{"eq null", OpEq, vv(vec(Int, 1, nil)), sc(vec(Int, nil)), "[false,true]", Bool},
		{"lt null is min", OpLt, vv(vec(Double, 1.0, nil)), sc(vec(Double, nil)), "[false,false]", Bool},
		{"gt null is min", OpGt, vv(vec(Double, 1.0, nil)), sc(vec(Int, nil)), "[true,false]", Bool},
		{"cmp int double", OpGe, vv(vec(Int, 1, 2, 3)), sc(vec(Double, 2.0)), "[false,true,true]", Bool},
		{"cmp nan is null", OpEq, vv(&Vector{T: Double, F64: []float64{math.NaN()}}), sc(vec(Double, nil)), "[true]", Bool},
		{"and", OpAnd, vv(vec(Int, 1, 2, 3, nil)), vv(vec(Int, 0, 1, 0, 1)), "[false,true,false,false]", Bool},
		{"or null", OpOr, vv(vec(Bool, nil, nil, nil)), vv(vec(Bool, 1, 0, nil)), "[true,false,]", Bool},
		{"string concat", OpAdd, vv(vec(String, "a", "b")), sc(vec(String, "x")), `["ax","bx"]`, String},
		{"string + int", OpAdd, sc(vec(String, "A")), vv(vec(Int, 1, 2)), `["A1","A2"]`, String},
		{"symbol compare", OpLt, vv(vec(Symbol, "a", "c", "")), sc(vec(String, "b")), "[true,false,true]", Bool},
		{"date + int", OpAdd, sc(vec(Date, 19723)), vv(vec(Int, 1, nil)), "[2024.01.02,]", Date},
		{"int + date", OpAdd, sc(vec(Int, 1)), sc(vec(Date, 19723)), "[2024.01.02]", Date},
		{"second wraps", OpAdd, sc(vec(Second, 86399)), sc(vec(Int, 1)), "[00:00:00]", Second},
		{"date - date", OpSub, sc(vec(Date, 19725)), sc(vec(Date, 19723)), "[2]", Int},
		{"date cmp timestamp", OpLt, sc(vec(Date, 19723)), sc(vec(Timestamp, 19723*86400000+1)), "[false]", Bool},
		{"decimal add", OpAdd, sc(dec(Decimal32, 1230, 3)), sc(dec(Decimal32, 245, 2)), "[3.680]", Decimal32},
		{"decimal mul", OpMul, sc(dec(Decimal64, 1230, 3)), sc(dec(Decimal32, 245, 2)), "[3.01350]", Decimal64},
		{"decimal div", OpDiv, sc(dec(Decimal64, 1230, 3)), sc(dec(Decimal32, 245, 2)), "[0.502]", Decimal64},
		{"decimal + int", OpAdd, sc(dec(Decimal32, 150, 2)), vv(vec(Int, 1, nil)), "[2.50,]", Decimal32},
		{"decimal + double", OpAdd, sc(dec(Decimal32, 150, 2)), sc(vec(Double, 0.25)), "[1.75]", Double},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := Binary(c.op, c.x, c.y)
			require.NoError(t, err)
			require.Equal(t, c.typ, got.T)
			require.Equal(t, c.want, got.String())
		})
	}
}

func TestBinaryKernelErrors(t *testing.T) {
	dec := NewVector(Decimal32, 0, 1)
	dec.Scale = 8
	dec.AppendScalar(NewDecimal(Decimal32, 420000000, 8))
	cases := []struct {
		name string
		op   Op
		x, y Operand
		want string
	}{
		{"size", OpAdd, vv(vec(Int, 1, 2)), vv(vec(Int, 1, 2, 3)), "Incompatible vector size"},
		{"bit on float", OpBitAnd, sc(vec(Double, 1.0)), sc(vec(Int, 1)), "The operator & is not supported for floating values."},
		{"date * int", OpMul, sc(vec(Date, 1)), sc(vec(Int, 1)), "The operator * is not supported between DATE and INT."},
		{"decimal overflow", OpMul, sc(vec(Int, 6)), sc(dec), "Decimal math overflow"},
		{"string - string", OpSub, sc(vec(String, "a")), sc(vec(String, "b")), "The operator - is not supported for STRING and STRING."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Binary(c.op, c.x, c.y)
			require.EqualError(t, err, c.want)
		})
	}
}

func TestArrayVectorKernels(t *testing.T) {
	av := &Vector{T: Int + ArrayOffset, I32: []int32{1, 2, 3, 4, 5}, Offsets: []int64{2, 5}}
	got, err := Binary(OpAdd, vv(av), sc(vec(Int, 1)))
	require.NoError(t, err)
	require.Equal(t, "[[2,3],[4,5,6]]", got.String())
	got, err = Binary(OpMul, vv(av), vv(vec(Int, 10, 100)))
	require.NoError(t, err)
	require.Equal(t, "[[10,20],[300,400,500]]", got.String())
	got, err = Binary(OpSub, vv(av), vv(av))
	require.NoError(t, err)
	require.Equal(t, "[[0,0],[0,0,0]]", got.String())
	require.Equal(t, []int32{1, 2, 3, 4, 5}, av.I32, "operands are never written")
}

func TestNotKernel(t *testing.T) {
	got, err := Not(vec(Double, 1.5, 0.0, nil))
	require.NoError(t, err)
	require.Equal(t, "[false,true,]", got.String())
}

func TestLikeMatch(t *testing.T) {
	cases := []struct {
		s, p string
		want bool
	}{
		{"abc", "a%", true}, {"abc", "%c", true}, {"abc", "a?c", true}, {"abc", "a?", false},
		{"", "%", true}, {"", "?", false}, {"a_c", "a_c", true}, {"abc", "a_c", false}, {"aXbXc", "a%b%c", true}, {"ab", "a%b%c", false},
	}
	for _, c := range cases {
		require.Equal(t, c.want, LikeMatch(c.s, c.p), "%q like %q", c.s, c.p)
	}
}

func TestAggregateKernels(t *testing.T) {
	xs := []float64{1, NullFloat64, 2, math.NaN(), 3}
	s, n := SumFloat64(xs)
	require.Equal(t, 6.0, s)
	require.Equal(t, 3, n)
	is, in := SumInts([]int32{1, NullInt32, 5}, NullInt32)
	require.Equal(t, int64(6), is)
	require.Equal(t, 2, in)
	lo, hi, ok := MinMaxInts([]int16{NullInt16, 4, -2, 9}, NullInt16)
	require.True(t, ok)
	require.Equal(t, int16(-2), lo)
	require.Equal(t, int16(9), hi)
	_, _, ok = MinMaxFloats([]float64{NullFloat64}, NullFloat64)
	require.False(t, ok)
	require.Equal(t, 2, CountNotNull(vec(String, "a", "", "b")))
	d := NewVector(Decimal32, 0, 2)
	d.Scale = 2
	d.AppendScalar(NewDecimal(Decimal32, 150, 2))
	d.AppendScalar(NewDecimal(Decimal32, 250, 2))
	f, n, ok := SumAsFloat(d)
	require.True(t, ok)
	require.Equal(t, 4.0, f)
	require.Equal(t, 2, n)
}

// TestScalarBinaryMatchesVectorKernel: the scalar fast path gives exactly
// what the vector kernels give on one-element vectors.
func TestScalarBinaryMatchesVectorKernel(t *testing.T) {
	vals := []*Scalar{
		NewInt(7), NewInt(-7), NewInt(0), NewInt(2147483647), NewLong(5), NewLong(-9223372036854775807),
		NewDouble(2.5), NewDouble(-0.5), NewDouble(0), NewBool(true), NewTyped(Short, 3), NewTyped(Char, 97),
	}
	for op := OpAdd; op <= OpGe; op++ {
		for _, a := range vals {
			for _, b := range vals {
				fast, ok := ScalarBinary(op, a, b)
				require.True(t, ok)
				slow, err := Binary(op, Operand{V: a.Vector(), Scalar: true}, Operand{V: b.Vector(), Scalar: true})
				require.NoError(t, err)
				want := slow.At(0)
				require.Equal(t, want.T, fast.T, "%v %s %v", a, op, b)
				require.Equal(t, want.String(), fast.String(), "%v %s %v", a, op, b)
			}
		}
	}
}
