package mtw

import (
	"math"
	"math/big"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/value"
)

type myFloat float64

// convertRow is a Go value, a column type and the printed result or the
// error text.
type convertRow struct {
	x     any
	t     value.Type
	scale int32
	want  string // printed result, or the error text when err
	err   bool
}

// convertRows walks mtw.md §6's table with Go values.
func convertRows() []convertRow {
	ts := time.Date(2022, 3, 23, 9, 30, 0, 123456789, time.UTC)
	cst := time.FixedZone("CST", 8*3600)
	type row = convertRow
	return []row{
		// nil and the "empty" values are NULL of any type.
		{nil, value.Int, 0, "", false},
		{nil, value.Symbol, 0, "", false},
		{nil, value.UUID, 0, "", false},
		{"", value.Date, 0, "", false},
		{"", value.Double, 0, "", false},
		{math.NaN(), value.Long, 0, "", false},
		// bool.
		{true, value.Bool, 0, "true", false},
		{false, value.Bool, 0, "false", false},
		{true, value.Int, 0, "Cannot convert bool to INT", true},
		// Integers: the ladder.
		{5, value.Long, 0, "5", false},
		{5, value.Int, 0, "5", false},
		{5, value.Short, 0, "5", false},
		{5, value.Char, 0, "5", false},
		{1, value.Bool, 0, "true", false},
		{5, value.Double, 0, "5", false},
		{5, value.Float, 0, "5", false},
		{19074, value.Date, 0, "2022.03.23", false},
		{1, value.Month, 0, "0000.02M", false},
		{1000, value.Time, 0, "00:00:01.000", false},
		{1, value.Timestamp, 0, "1970.01.01T00:00:00.001", false},
		{int64(1) << 40, value.NanoTimestamp, 0, "1970.01.01T00:18:19.511627776", false},
		{5, value.Decimal32, 2, "5.00", false},
		{5, value.Decimal64, 4, "5.0000", false},
		{-5, value.Decimal128, 3, "-5.000", false},
		{int32(7), value.Long, 0, "7", false},
		{int8(-3), value.Int, 0, "-3", false},
		{uint16(65535), value.Int, 0, "65535", false},
		{myFloat(1.5), value.Double, 0, "1.5", false},
		{1 << 31, value.Int, 0, "long cannot be converted because it exceeds the range of INT", true},
		{70000, value.Short, 0, "long cannot be converted because it exceeds the range of SHORT", true},
		{int32(200), value.Char, 0, "int cannot be converted because it exceeds the range of CHAR", true},
		{-129, value.Char, 0, "long cannot be converted because it exceeds the range of CHAR", true},
		{300, value.Bool, 0, "long cannot be converted because it exceeds the range of BOOL", true},
		{32767, value.Short, 0, "32767", false},
		{-32769, value.Short, 0, "long cannot be converted because it exceeds the range of SHORT", true},
		{math.MaxInt32, value.Int, 0, "2147483647", false},
		{uint64(math.MaxUint64), value.Long, 0, "long cannot be converted because it exceeds the range of LONG", true},
		{1 << 40, value.Decimal32, 2, "long cannot be converted because it exceeds the range of DECIMAL32(2)", true},
		{222, value.Symbol, 0, "Cannot convert long to SYMBOL", true},
		{int32(1), value.String, 0, "Cannot convert int to STRING", true},
		{1, value.UUID, 0, "Cannot convert long to UUID", true},
		// Floating.
		{1.5, value.Double, 0, "1.5", false},
		{float32(1.5), value.Float, 0, "1.5", false},
		{1.5, value.Float, 0, "1.5", false},
		{1.005, value.Decimal32, 2, "1.01", false},
		{-2.5, value.Decimal64, 0, "-3", false},
		{1.5, value.Long, 0, "Cannot convert double to LONG", true},
		{float32(1.5), value.Int, 0, "Cannot convert float to INT", true},
		{1.5, value.Date, 0, "Cannot convert double to DATE", true},
		{math.Inf(1), value.Decimal64, 2, "double cannot be converted because it exceeds the range of DECIMAL64(2)", true},
		// Strings.
		{"AAPL", value.Symbol, 0, "AAPL", false},
		{"AAPL", value.String, 0, "AAPL", false},
		{"5d212a78-cc48-e3b1-4235-b4d91473ee87", value.UUID, 0, "5d212a78-cc48-e3b1-4235-b4d91473ee87", false},
		{"192.168.1.13", value.IPAddr, 0, "192.168.1.13", false},
		{"e1671797c52e15f763380b45e841ec32", value.Int128, 0, "e1671797c52e15f763380b45e841ec32", false},
		{"12.345", value.Decimal64, 2, "12.35", false},
		{"nope", value.UUID, 0, "Cannot convert string to UUID", true},
		{"1.2.3", value.IPAddr, 0, "Cannot convert string to IPADDR", true},
		{"abc", value.Decimal32, 2, "Cannot convert string to DECIMAL32(2)", true},
		{"5", value.Int, 0, "Cannot convert string to INT", true},
		{"2022.03.23", value.Date, 0, "Cannot convert string to DATE", true},
		{[]byte("raw"), value.Blob, 0, "raw", false},
		{[]byte("raw"), value.Int, 0, "Cannot convert blob to INT", true},
		// time.Time: every temporal type by its wall clock.
		{ts, value.Date, 0, "2022.03.23", false},
		{ts, value.Month, 0, "2022.03M", false},
		{ts, value.Time, 0, "09:30:00.123", false},
		{ts, value.Minute, 0, "09:30m", false},
		{ts, value.Second, 0, "09:30:00", false},
		{ts, value.DateTime, 0, "2022.03.23T09:30:00", false},
		{ts, value.DateHour, 0, "2022.03.23T09", false},
		{ts, value.Timestamp, 0, "2022.03.23T09:30:00.123", false},
		{ts, value.NanoTime, 0, "09:30:00.123456789", false},
		{ts, value.NanoTimestamp, 0, "2022.03.23T09:30:00.123456789", false},
		{time.Date(2022, 3, 23, 1, 0, 0, 0, cst), value.Date, 0, "2022.03.23", false},
		{time.Date(1969, 12, 31, 23, 0, 0, 0, time.UTC), value.Date, 0, "1969.12.31", false},
		{time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC), value.DateTime, 0, "nanotimestamp cannot be converted because it exceeds the range of DATETIME", true},
		{ts, value.Int, 0, "Cannot convert nanotimestamp to INT", true},
		{ts, value.Symbol, 0, "Cannot convert nanotimestamp to SYMBOL", true},
		{90 * time.Minute, value.Minute, 0, "01:30m", false},
		{1500 * time.Millisecond, value.Time, 0, "00:00:01.500", false},
		{time.Second, value.Date, 0, "Cannot convert duration to DATE", true},
		// Decimal.
		{Decimal{Unscaled: big.NewInt(1234), Scale: 2}, value.Decimal64, 2, "12.34", false},
		{Decimal{Unscaled: big.NewInt(1234), Scale: 2}, value.Decimal32, 4, "12.3400", false},
		{Decimal{Unscaled: big.NewInt(1235), Scale: 3}, value.Decimal128, 2, "1.24", false},
		{Decimal{}, value.Decimal32, 2, "", false},
		{Decimal{Unscaled: big.NewInt(1), Scale: 0}, value.Double, 0, "Cannot convert decimal to DOUBLE", true},
		// Pairs and value scalars.
		{complex(1, 2), value.Double, 0, "Cannot convert complex to DOUBLE", true},
		{value.NewInt(5), value.Long, 0, "5", false},
		{value.NewString("x"), value.Symbol, 0, "x", false},
		// Unsupported Go types.
		{struct{}{}, value.Int, 0, "Cannot convert struct {} to INT", true},
		{[]int{1}, value.Int, 0, "Cannot convert list to INT", true},
	}
}

// TestConvertTable walks mtw.md §6's table with Go values.
func TestConvertTable(t *testing.T) {
	for i, r := range convertRows() {
		v, err := Convert(r.x, r.t, r.scale)
		if r.err {
			require.Error(t, err, "row %d: %v → %s", i, r.x, r.t)
			require.Equal(t, r.want, err.Error(), "row %d", i)
			continue
		}
		require.NoError(t, err, "row %d: %v → %s", i, r.x, r.t)
		s := v.(*value.Scalar)
		require.Equal(t, r.t, s.T, "row %d", i)
		if r.want == "" {
			require.True(t, s.Null, "row %d: %v", i, s)
			continue
		}
		require.False(t, s.Null, "row %d", i)
		require.Equal(t, r.want, s.String(), "row %d: %v → %s", i, r.x, r.t)
	}
}

func TestConvertPairs(t *testing.T) {
	for _, x := range []any{complex(1, 2), [2]float64{1, 2}} {
		for _, ty := range []value.Type{value.Complex, value.Point} {
			c, err := convert(x, ty, 0)
			require.NoError(t, err)
			v := value.NewVector(ty, 0, 1)
			appendCell(v, &c)
			require.Equal(t, []float64{1, 2}, v.F64)
		}
	}
}

func TestConvertArrayVector(t *testing.T) {
	v, err := Convert([]int32{1, 2, 3}, value.Int+value.ArrayOffset, 0)
	require.NoError(t, err)
	vec := v.(*value.Vector)
	require.Equal(t, 1, vec.Len())
	require.Equal(t, "[1,2,3]", vec.Row(0).String())
	v, err = Convert([]any{1.5, nil, 2}, value.Double+value.ArrayOffset, 0)
	require.NoError(t, err)
	require.Equal(t, "[1.5,,2]", v.(*value.Vector).Row(0).String())
	v, err = Convert(nil, value.Int+value.ArrayOffset, 0)
	require.NoError(t, err)
	require.Equal(t, 1, v.(*value.Vector).Len())
	_, err = Convert(5, value.Int+value.ArrayOffset, 0)
	require.EqualError(t, err, "Cannot convert long to INT[]")
	_, err = Convert([]any{1, "x"}, value.Int+value.ArrayOffset, 0)
	require.EqualError(t, err, "Cannot convert string to INT")
}

// TestGoValueRoundTrip: GetUnwrittenData's values convert back to the
// same column values.
func TestGoValueRoundTrip(t *testing.T) {
	ts := time.Date(2022, 3, 23, 9, 30, 0, 123456789, time.UTC)
	cases := []struct {
		t     value.Type
		scale int32
		x     any
		want  any
	}{
		{value.Bool, 0, true, true},
		{value.Char, 0, 5, int8(5)},
		{value.Short, 0, 5, int16(5)},
		{value.Int, 0, 5, int32(5)},
		{value.Long, 0, 5, int64(5)},
		{value.Float, 0, 1.5, float32(1.5)},
		{value.Double, 0, 1.5, 1.5},
		{value.Symbol, 0, "A", "A"},
		{value.String, 0, "A", "A"},
		{value.Blob, 0, "A", []byte("A")},
		{value.Date, 0, ts, time.Date(2022, 3, 23, 0, 0, 0, 0, time.UTC)},
		{value.Month, 0, ts, time.Date(2022, 3, 1, 0, 0, 0, 0, time.UTC)},
		{value.Time, 0, ts, time.Date(1970, 1, 1, 9, 30, 0, 123000000, time.UTC)},
		{value.Minute, 0, ts, time.Date(1970, 1, 1, 9, 30, 0, 0, time.UTC)},
		{value.Second, 0, ts, time.Date(1970, 1, 1, 9, 30, 0, 0, time.UTC)},
		{value.DateTime, 0, ts, time.Date(2022, 3, 23, 9, 30, 0, 0, time.UTC)},
		{value.DateHour, 0, ts, time.Date(2022, 3, 23, 9, 0, 0, 0, time.UTC)},
		{value.Timestamp, 0, ts, time.Date(2022, 3, 23, 9, 30, 0, 123000000, time.UTC)},
		{value.NanoTime, 0, ts, time.Date(1970, 1, 1, 9, 30, 0, 123456789, time.UTC)},
		{value.NanoTimestamp, 0, ts, ts},
		{value.UUID, 0, "5d212a78-cc48-e3b1-4235-b4d91473ee87", "5d212a78-cc48-e3b1-4235-b4d91473ee87"},
		{value.IPAddr, 0, "10.0.0.1", "10.0.0.1"},
		{value.Decimal64, 2, "1.50", Decimal{Unscaled: big.NewInt(150), Scale: 2}},
		{value.Decimal128, 2, "-1.50", Decimal{Unscaled: big.NewInt(-150), Scale: 2}},
		{value.Point, 0, [2]float64{1, 2}, [2]float64{1, 2}},
		{value.Int, 0, nil, nil},
		{value.Int + value.ArrayOffset, 0, []int{1, 2}, []any{int32(1), int32(2)}},
	}
	for _, c := range cases {
		vec := value.NewVector(c.t, 0, 1)
		vec.Scale = c.scale
		cl, err := convert(c.x, c.t, c.scale)
		require.NoError(t, err, c.t)
		appendCell(vec, &cl)
		back := goValue(vec, 0)
		require.Equal(t, c.want, back, c.t)
		again := value.NewVector(c.t, 0, 1)
		again.Scale = c.scale
		cl2, err := convert(back, c.t, c.scale)
		require.NoError(t, err, c.t)
		appendCell(again, &cl2)
		require.Equal(t, vec.String(), again.String(), c.t)
	}
	require.Equal(t, "12.50", Decimal{Unscaled: big.NewInt(1250), Scale: 2}.String())
	require.Equal(t, "-0.05", Decimal{Unscaled: big.NewInt(-5), Scale: 2}.String())
	require.Equal(t, "NULL", Decimal{}.String())
}
