package kernel

import (
	"encoding/binary"
	"math"
	"math/bits"

	"github.com/porpoisedb/porpoise/value"
)

// Int128 is a two's-complement 128-bit integer, DECIMAL128's unscaled
// storage: exact running sums of unscaled DECIMALs, without a big.Int a
// row. Its minimum is DECIMAL128's NULL, so NULL compares smallest.
type Int128 struct {
	Hi int64
	Lo uint64
}

// Int128Of reads DECIMAL128's little-endian storage.
func Int128Of(b [16]byte) Int128 {
	return Int128{Hi: int64(binary.LittleEndian.Uint64(b[8:])), Lo: binary.LittleEndian.Uint64(b[:8])}
}

// Int128From sign-extends x.
func Int128From(x int64) Int128 { return Int128{Hi: x >> 63, Lo: uint64(x)} }

// Bytes is a's DECIMAL128 storage.
func (a Int128) Bytes() [16]byte {
	var b [16]byte
	binary.LittleEndian.PutUint64(b[:8], a.Lo)
	binary.LittleEndian.PutUint64(b[8:], uint64(a.Hi))
	return b
}

// Add is a + b; ok is false when the sum leaves 128 bits.
func (a Int128) Add(b Int128) (Int128, bool) {
	lo, c := bits.Add64(a.Lo, b.Lo, 0)
	hi := a.Hi + b.Hi + int64(c)
	ok := (a.Hi < 0) != (b.Hi < 0) || (hi < 0) == (a.Hi < 0)
	return Int128{Hi: hi, Lo: lo}, ok
}

// Sub is a - b for a difference that fits (a window of a running sum).
func (a Int128) Sub(b Int128) Int128 {
	lo, c := bits.Sub64(a.Lo, b.Lo, 0)
	return Int128{Hi: a.Hi - b.Hi - int64(c), Lo: lo}
}

// Cmp is -1, 0 or 1 as a is below, equal to or above b.
func (a Int128) Cmp(b Int128) int {
	switch {
	case a.Hi != b.Hi:
		return cmpOrder(a.Hi < b.Hi)
	case a.Lo != b.Lo:
		return cmpOrder(a.Lo < b.Lo)
	}
	return 0
}

func cmpOrder(less bool) int {
	if less {
		return -1
	}
	return 1
}

// Float64 is a rounded to a float64. A negative a is converted as its
// magnitude: Hi*2^64 + Lo would cancel its digits away.
func (a Int128) Float64() float64 {
	if x, ok := a.Int64(); ok {
		return float64(x)
	}
	if a.Hi == math.MinInt64 && a.Lo == 0 { // no magnitude within 128 bits
		return -math.Ldexp(1, 127)
	}
	if a.Hi < 0 {
		return -Int128{}.Sub(a).Float64()
	}
	return float64(a.Hi)*(1<<64) + float64(a.Lo)
}

// Int64 is a when it fits in an int64.
func (a Int128) Int64() (int64, bool) {
	x := int64(a.Lo)
	return x, a.Hi == x>>63
}

// DecimalSumType is the type of the sum family's result over DECIMAL
// type t: DECIMAL32 sums into DECIMAL64 and DECIMAL64 into DECIMAL128,
// with the same scale
// (tutorials/DECIMAL_Calculation_Characteristics.md 1.2).
func DecimalSumType(t value.Type) value.Type {
	if t == value.Decimal32 {
		return value.Decimal64
	}
	return value.Decimal128
}

// eachDecimal calls f with DECIMAL vector v's rows in order, unscaled,
// until f returns false; it reports whether f never did.
func eachDecimal(v *value.Vector, f func(i int, x Int128, null bool) bool) bool {
	n := v.Len()
	switch v.T.Storage() {
	case value.StInt32:
		for i, x := range v.I32[:n] {
			if !f(i, Int128From(int64(x)), x == value.NullInt32) {
				return false
			}
		}
	case value.StInt64:
		for i, x := range v.I64[:n] {
			if !f(i, Int128From(x), x == value.NullInt64) {
				return false
			}
		}
	default:
		null := value.NullBytes16(value.Decimal128)
		for i, b := range v.B16[:n] {
			if !f(i, Int128Of(b), b == null) {
				return false
			}
		}
	}
	return true
}

// DecimalTotal is the exact sum of DECIMAL vector v's unscaled non-NULL
// values and their count; it fails when the sum leaves 128 bits.
func DecimalTotal(v *value.Vector) (Int128, int, error) {
	var s Int128
	c := 0
	ok := eachDecimal(v, func(_ int, x Int128, null bool) bool {
		if null {
			return true
		}
		c++
		var fits bool
		s, fits = s.Add(x)
		return fits
	})
	if !ok {
		return Int128{}, 0, ErrDecimalOverflow
	}
	return s, c, nil
}

// DecimalRows is DECIMAL vector v's unscaled values, null flagging its
// NULL rows: for sums over rows picked out of order (the TopN families).
func DecimalRows(v *value.Vector) (xs []Int128, null []bool) {
	xs, null = make([]Int128, v.Len()), make([]bool, v.Len())
	eachDecimal(v, func(i int, x Int128, isNull bool) bool {
		xs[i], null[i] = x, isNull
		return true
	})
	return xs, null
}

// SumRows is the exact sum of the non-NULL values of xs (with DecimalRows'
// null) at rows, and how many there are; it fails when the sum leaves
// 128 bits.
func SumRows(xs []Int128, null []bool, rows []int) (Int128, int, error) {
	var s Int128
	c := 0
	for _, j := range rows {
		if null[j] {
			continue
		}
		var fits bool
		if s, fits = s.Add(xs[j]); !fits {
			return Int128{}, 0, ErrDecimalOverflow
		}
		c++
	}
	return s, c, nil
}

// DecimalPrefix is the running sums of DECIMAL vector v's unscaled
// non-NULL values and their counts: sums[i] and counts[i] cover rows
// before i, so a run of rows [lo, hi) sums to sums[hi] - sums[lo]. It
// fails when a sum leaves 128 bits.
func DecimalPrefix(v *value.Vector) (sums []Int128, counts []int, err error) {
	n := v.Len()
	sums, counts = make([]Int128, n+1), make([]int, n+1)
	var s Int128
	c := 0
	ok := eachDecimal(v, func(i int, x Int128, null bool) bool {
		if !null {
			var fits bool
			if s, fits = s.Add(x); !fits {
				return false
			}
			c++
		}
		sums[i+1], counts[i+1] = s, c
		return true
	})
	if !ok {
		return nil, nil, ErrDecimalOverflow
	}
	return sums, counts, nil
}

// DecimalSums builds the sum family's result over a DECIMAL of type t and
// scale: row i is sums[i], NULL where null[i].
func DecimalSums(t value.Type, scale int32, sums []Int128, null []bool) (*value.Vector, error) {
	rt := DecimalSumType(t)
	out := value.NewVector(rt, len(sums), len(sums))
	out.Scale = scale
	for i, s := range sums {
		switch {
		case rt == value.Decimal64 && null[i]:
			out.I64[i] = value.NullInt64
		case rt == value.Decimal64:
			x, ok := s.Int64()
			if !ok {
				return nil, ErrDecimalOverflow
			}
			out.I64[i] = x
		case null[i]:
			out.B16[i] = value.NullBytes16(value.Decimal128)
		default:
			out.B16[i] = s.Bytes()
		}
	}
	return out, nil
}

// DecimalValue is unscaled sum s of a DECIMAL of the given scale as a
// float64: the exact sum converted once, as avg does
// (DECIMAL_Calculation_Characteristics.md 1.1: double(666) / 10^2 / 3).
func DecimalValue(s Int128, scale int32) float64 {
	return s.Float64() / math.Pow10(int(scale))
}

// DecimalMean is the mean of n DECIMALs of the given scale whose
// unscaled sum is s. It divides once by n*10^scale: dividing by 10^scale
// and then by n rounds twice, and the mean of 100 DECIMAL64(4) values
// 123.0003, 123.0006, ... then differs from 123.01515 in its last bit,
// where DolphinDB's avg(b) == 123.01515 is true
// (tutorials/DECIMAL_Calculation_Characteristics.md 1.3).
func DecimalMean(s Int128, scale int32, n int) float64 {
	return s.Float64() / (float64(n) * math.Pow10(int(scale)))
}

// cmpInt128 compares DECIMAL128 operands of one scale.
func cmpInt128(op Op, out []int8, x, y Operand) {
	ma, mb := mask(x), mask(y)
	for i := range out {
		c := Int128Of(x.V.B16[i&ma]).Cmp(Int128Of(y.V.B16[i&mb]))
		out[i] = BoolAs[int8](cmpResult(op, c))
	}
}

// WindowDecimal is msum or tmsum, or with avg mavg or tmavg, of DECIMAL
// vector v over row windows: row i's window is rows lo[i] to i, and row
// i is NULL where it is not ready (before a segment's lead-th row) or
// its window holds fewer than minCount (at least one) values
// (funcs/themes/mFunctions.md, tmFunctions.md). The sums are exact, from
// running 128-bit sums, in sum's wider DECIMAL; an average converts each
// exact sum once, so no running DOUBLE sum drifts
// (tutorials/DECIMAL_Calculation_Characteristics.md 4: mavg of a DECIMAL
// is moving(avg, ...)'s answer).
func WindowDecimal(v *value.Vector, lo []int, ready []bool, minCount int, avg bool) (*value.Vector, error) {
	sums, counts, err := DecimalPrefix(v)
	if err != nil {
		return nil, err
	}
	n := v.Len()
	out, null := make([]Int128, n), make([]bool, n)
	var means []float64
	if avg {
		means = make([]float64, n)
	}
	minCount = max(minCount, 1)
	for i, l := range lo[:n] {
		c := counts[i+1] - counts[l]
		out[i], null[i] = sums[i+1].Sub(sums[l]), !ready[i] || c < minCount
		if avg {
			means[i] = value.NullFloat64
			if !null[i] {
				means[i] = DecimalMean(out[i], v.Scale, c)
			}
		}
	}
	if avg {
		return value.NewDoubles(means), nil
	}
	return DecimalSums(v.T, v.Scale, out, null)
}
