package kernel

import (
	"math"
	"strings"
	"testing"

	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
	"github.com/stretchr/testify/require"
)

func vec(t value.Type, xs ...any) *value.Vector {
	v := value.NewVector(t, 0, len(xs))
	for _, x := range xs {
		switch x := x.(type) {
		case nil:
			v.AppendNull()
		case int:
			v.AppendScalar(value.NewTyped(t, int64(x)))
		case float64:
			if t == value.Float {
				v.AppendScalar(value.NewFloat(float32(x)))
			} else {
				v.AppendScalar(value.NewDouble(x))
			}
		case string:
			v.AppendScalar(&value.Scalar{T: t, S: x})
		}
	}
	return v
}

func sc(v *value.Vector) Operand { return Operand{V: v, Scalar: true} }
func vv(v *value.Vector) Operand { return Operand{V: v} }

func TestBinaryKernels(t *testing.T) {
	dec := func(t value.Type, unscaled int64, scale int32) *value.Vector {
		v := value.NewVector(t, 0, 1)
		v.Scale = scale
		v.AppendScalar(value.NewDecimal(t, unscaled, scale))
		return v
	}
	cases := []struct {
		name string
		op   Op
		x, y Operand
		want string
		typ  value.Type
	}{
		{"int+int vs", OpAdd, vv(vec(value.Int, 1, 2, nil)), sc(vec(value.Int, 1)), "[2,3,]", value.Int},
		{"int+long", OpAdd, vv(vec(value.Int, 1, 2)), sc(vec(value.Long, 1)), "[2,3]", value.Long},
		{"int overflow wraps", OpAdd, sc(vec(value.Int, 2147483647)), sc(vec(value.Int, 1)), "[]", value.Int},
		{"short+short is INT", OpAdd, sc(vec(value.Short, 1)), sc(vec(value.Short, 1)), "[2]", value.Int},
		{"int+double", OpAdd, vv(vec(value.Int, 1, nil)), sc(vec(value.Double, 0.5)), "[1.5,]", value.Double},
		{"float+float", OpMul, vv(vec(value.Float, 1.5)), sc(vec(value.Float, 2.0)), "[3]", value.Float},
		{"floor div", OpDiv, vv(vec(value.Int, -7, 7, -1, 2, 6)), sc(vec(value.Int, 5)), "[-2,1,-1,0,1]", value.Int},
		{"div by zero", OpDiv, vv(vec(value.Int, 1, 2)), vv(vec(value.Int, 0, 1)), "[,2]", value.Int},
		{"float div by zero", OpDiv, vv(vec(value.Double, 1.0, 2.0)), vv(vec(value.Double, 0.0, 4.0)), "[,0.5]", value.Double},
		{"infinity operand stays infinite", OpSub, sc(vec(value.Double, 0.0)), vv(vec(value.Double, math.Inf(1), math.Inf(-1))), "[-inf,inf]", value.Double},
		{"float infinity times", OpMul, vv(vec(value.Float, math.Inf(1))), sc(vec(value.Float, -2.0)), "[-inf]", value.Float},
		{"inf-inf is NULL", OpSub, vv(vec(value.Double, math.Inf(1))), sc(vec(value.Double, math.Inf(1))), "[]", value.Double},
		{"overflow is infinite", OpMul, vv(vec(value.Double, 1e308, 2.0)), sc(vec(value.Double, 10.0)), "[inf,20]", value.Double},
		{"ratio ints", OpRatio, vv(vec(value.Int, 1, 2, 3)), sc(vec(value.Int, 2)), "[0.5,1,1.5]", value.Double},
		{"mod sign of divisor", OpMod, vv(vec(value.Int, -1, 2, 3, -10, -10)), vv(vec(value.Int, 5, -5, -5, 3, -3)), "[4,-3,-2,2,-1]", value.Int},
		{"mod by zero", OpMod, sc(vec(value.Long, 3)), sc(vec(value.Long, 0)), "[]", value.Long},
		{"bitand", OpBitAnd, vv(vec(value.Int, 12, nil)), sc(vec(value.Int, 10)), "[8,]", value.Int},
		{"shift negative count", OpShl, sc(vec(value.Int, 1)), sc(vec(value.Int, -1)), "[0]", value.Int},
		{"eq null", OpEq, vv(vec(value.Int, 1, nil)), sc(vec(value.Int, nil)), "[false,true]", value.Bool},
		{"lt null is min", OpLt, vv(vec(value.Double, 1.0, nil)), sc(vec(value.Double, nil)), "[false,false]", value.Bool},
		{"gt null is min", OpGt, vv(vec(value.Double, 1.0, nil)), sc(vec(value.Int, nil)), "[true,false]", value.Bool},
		{"cmp int double", OpGe, vv(vec(value.Int, 1, 2, 3)), sc(vec(value.Double, 2.0)), "[false,true,true]", value.Bool},
		{"cmp nan is null", OpEq, vv(&value.Vector{T: value.Double, F64: []float64{math.NaN()}}), sc(vec(value.Double, nil)), "[true]", value.Bool},
		// NULL && true is NULL (progr/data_mani/func_null.md: true && 00i)
		{"and", OpAnd, vv(vec(value.Int, 1, 2, 3, nil)), vv(vec(value.Int, 0, 1, 0, 1)), "[false,true,false,]", value.Bool},
		{"and null either side", OpAnd, vv(vec(value.Bool, nil, 0, 1, nil)), vv(vec(value.Bool, 0, nil, nil, nil)), "[,,,]", value.Bool},
		{"or null", OpOr, vv(vec(value.Bool, nil, nil, nil)), vv(vec(value.Bool, 1, 0, nil)), "[true,false,]", value.Bool},
		{"string concat", OpAdd, vv(vec(value.String, "a", "b")), sc(vec(value.String, "x")), `["ax","bx"]`, value.String},
		{"string + int", OpAdd, sc(vec(value.String, "A")), vv(vec(value.Int, 1, 2)), `["A1","A2"]`, value.String},
		{"symbol compare", OpLt, vv(vec(value.Symbol, "a", "c", "")), sc(vec(value.String, "b")), "[true,false,true]", value.Bool},
		{"date + int", OpAdd, sc(vec(value.Date, 19723)), vv(vec(value.Int, 1, nil)), "[2024.01.02,]", value.Date},
		{"int + date", OpAdd, sc(vec(value.Int, 1)), sc(vec(value.Date, 19723)), "[2024.01.02]", value.Date},
		{"second wraps", OpAdd, sc(vec(value.Second, 86399)), sc(vec(value.Int, 1)), "[00:00:00]", value.Second},
		{"date - date", OpSub, sc(vec(value.Date, 19725)), sc(vec(value.Date, 19723)), "[2]", value.Int},
		{"date cmp timestamp", OpLt, sc(vec(value.Date, 19723)), sc(vec(value.Timestamp, 19723*86400000+1)), "[false]", value.Bool},
		{"decimal add", OpAdd, sc(dec(value.Decimal32, 1230, 3)), sc(dec(value.Decimal32, 245, 2)), "[3.680]", value.Decimal32},
		{"decimal mul", OpMul, sc(dec(value.Decimal64, 1230, 3)), sc(dec(value.Decimal32, 245, 2)), "[3.01350]", value.Decimal64},
		{"decimal div", OpDiv, sc(dec(value.Decimal64, 1230, 3)), sc(dec(value.Decimal32, 245, 2)), "[0.502]", value.Decimal64},
		{"decimal + int", OpAdd, sc(dec(value.Decimal32, 150, 2)), vv(vec(value.Int, 1, nil)), "[2.50,]", value.Decimal32},
		{"decimal + double", OpAdd, sc(dec(value.Decimal32, 150, 2)), sc(vec(value.Double, 0.25)), "[1.75]", value.Double},
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
	// DECIMAL32 and DECIMAL64 results move up a type; DECIMAL128's 38
	// digits are the end
	dec, err := cast.Vector(vec(value.String, "20000000000000000000000000000000000000"), value.Decimal128, 0)
	require.NoError(t, err)
	cases := []struct {
		name string
		op   Op
		x, y Operand
		want string
	}{
		{"size", OpAdd, vv(vec(value.Int, 1, 2)), vv(vec(value.Int, 1, 2, 3)), "Incompatible vector size"},
		{"bit on float", OpBitAnd, sc(vec(value.Double, 1.0)), sc(vec(value.Int, 1)), "The operator & is not supported for floating values."},
		{"date * int", OpMul, sc(vec(value.Date, 1)), sc(vec(value.Int, 1)), "The operator * is not supported between DATE and INT."},
		{"decimal overflow", OpMul, sc(vec(value.Int, 6)), sc(dec), "Decimal math overflow"},
		{"string - string", OpSub, sc(vec(value.String, "a")), sc(vec(value.String, "b")), "The operator - is not supported for STRING and STRING."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Binary(c.op, c.x, c.y)
			require.EqualError(t, err, c.want)
		})
	}
}

func TestArrayVectorKernels(t *testing.T) {
	av := &value.Vector{T: value.Int + value.ArrayOffset, I32: []int32{1, 2, 3, 4, 5}, Offsets: []int64{2, 5}}
	got, err := Binary(OpAdd, vv(av), sc(vec(value.Int, 1)))
	require.NoError(t, err)
	require.Equal(t, "[[2,3],[4,5,6]]", got.String())
	got, err = Binary(OpMul, vv(av), vv(vec(value.Int, 10, 100)))
	require.NoError(t, err)
	require.Equal(t, "[[10,20],[300,400,500]]", got.String())
	got, err = Binary(OpSub, vv(av), vv(av))
	require.NoError(t, err)
	require.Equal(t, "[[0,0],[0,0,0]]", got.String())
	require.Equal(t, []int32{1, 2, 3, 4, 5}, av.I32, "operands are never written")
}

func TestNotKernel(t *testing.T) {
	got, err := Not(vec(value.Double, 1.5, 0.0, nil))
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
		// a % in the text is a character, the pattern's % still a wildcard
		{"%ba", "%a", true}, {"a%c", "a%", true}, {"%", "%%", true},
		// restore's partition patterns
		{"/20170807/0_50", "%", true},
		{"/20170810/0_50", "%20170810%", true},
		{"/20170811/0_50", "%20170810%", false},
		{"/20170807/0_50", "/2017080?/0_50", true},
		{"/2017080/0_50", "/2017080?/0_50", false},
		{"/compoDB/20170807/0_50", "%/0_50", true},
		{strings.Repeat("a", 60), "%a%b%c%d%e%f%g%h%", false},
		{"", "", true},
		// getRecentJobs' job id patterns
		{"daily", "daily", true}, {"daily", "da%", true}, {"weekly", "%ly", true},
		{"daily", "d?ily", true}, {"dily", "d?ily", false}, {"daily", "w%", false},
		// like() from strfn
		{"ABCDEFG", "%DE%", true}, {"ABCDEFG", "DE", false}, {"aab", "%a%b", true}, {"aXbXd", "a%b%c", false},
	}
	for _, c := range cases {
		require.Equal(t, c.want, LikeMatch(c.s, c.p), "%q like %q", c.s, c.p)
	}
}

func TestAggregateKernels(t *testing.T) {
	xs := []float64{1, value.NullFloat64, 2, math.NaN(), 3}
	s, n := SumFloat64(xs)
	require.Equal(t, 6.0, s)
	require.Equal(t, 3, n)
	is, in := SumInts([]int32{1, value.NullInt32, 5}, value.NullInt32)
	require.Equal(t, int64(6), is)
	require.Equal(t, 2, in)
	lo, hi, ok := MinMaxInts([]int16{value.NullInt16, 4, -2, 9}, value.NullInt16)
	require.True(t, ok)
	require.Equal(t, int16(-2), lo)
	require.Equal(t, int16(9), hi)
	_, _, ok = MinMaxFloats([]float64{value.NullFloat64}, value.NullFloat64)
	require.False(t, ok)
	require.Equal(t, 2, CountNotNull(vec(value.String, "a", "", "b")))
	d := value.NewVector(value.Decimal32, 0, 2)
	d.Scale = 2
	d.AppendScalar(value.NewDecimal(value.Decimal32, 150, 2))
	d.AppendScalar(value.NewDecimal(value.Decimal32, 250, 2))
	f, n, ok := SumAsFloat(d)
	require.True(t, ok)
	require.Equal(t, 4.0, f)
	require.Equal(t, 2, n)
}

// TestScalarBinaryMatchesVectorKernel: the scalar fast path gives exactly
// what the vector kernels give on one-element vectors.
func TestScalarBinaryMatchesVectorKernel(t *testing.T) {
	vals := []*value.Scalar{
		value.NewInt(7), value.NewInt(-7), value.NewInt(0), value.NewInt(2147483647), value.NewLong(5), value.NewLong(-9223372036854775807),
		value.NewDouble(2.5), value.NewDouble(-0.5), value.NewDouble(0), value.NewDouble(math.Inf(1)), value.NewDouble(math.Inf(-1)), value.NewDouble(1e308), value.NewBool(true), value.NewTyped(value.Short, 3), value.NewTyped(value.Char, 97),
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

// = and != with a coded SYMBOL side (on codes) agree with comparing the
// same texts as strings.
func TestCodedSymbolEquality(t *testing.T) {
	strs := []string{"A", "B", "", "A", "C"}
	coded, plain := value.NewSymbols(strs), value.NewStrings(value.Symbol, strs)
	same := coded.Gather([]int{4, 1, 2, 0, 0})
	consts := []*value.Vector{vec(value.Symbol, "A"), vec(value.String, "Z"), vec(value.String, "")}
	for _, op := range []Op{OpEq, OpNe} {
		for _, k := range consts {
			for _, pair := range [][2]Operand{{vv(coded), sc(k)}, {sc(k), vv(coded)}} {
				got, err := Binary(op, pair[0], pair[1])
				require.NoError(t, err)
				want, err := Binary(op, vv(plain), sc(k))
				require.NoError(t, err)
				require.Equal(t, want.I8, got.I8, "%v %s", op, k.StrAt(0))
			}
		}
		got, err := Binary(op, vv(coded), vv(same))
		require.NoError(t, err)
		want, err := Binary(op, vv(plain), vv(value.NewStrings(value.Symbol, same.Strings())))
		require.NoError(t, err)
		require.Equal(t, want.I8, got.I8, "%v vectors", op)
	}
}

// BoolAs is 1 for true and 0 for false in each width its callers use
// (snapshot flags, 0/1 columns).
func TestBoolAs(t *testing.T) {
	require.Equal(t, int64(1), BoolAs[int64](true))
	require.Equal(t, int64(0), BoolAs[int64](false))
	require.Equal(t, int8(1), BoolAs[int8](true))
	require.Equal(t, int32(0), BoolAs[int32](false))
}
