package mtw

import (
	"fmt"
	"math"
	"math/big"
	"reflect"
	"strconv"
	"strings"
	"time"

	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// Decimal is an exact decimal number, Unscaled × 10^-Scale, for DECIMAL32,
// DECIMAL64 and DECIMAL128 columns (the counterpart of Python's
// decimal.Decimal). A nil Unscaled is NULL. GetUnwrittenData returns the
// values of DECIMAL columns as Decimal.
type Decimal struct {
	Unscaled *big.Int
	Scale    int32
}

// String renders d in plain decimal notation ("12.50"), "NULL" when nil.
func (d Decimal) String() string {
	if d.Unscaled == nil {
		return "NULL"
	}
	s := new(big.Int).Abs(d.Unscaled).String()
	if d.Scale > 0 {
		if len(s) <= int(d.Scale) {
			s = strings.Repeat("0", int(d.Scale)-len(s)+1) + s
		}
		s = s[:len(s)-int(d.Scale)] + "." + s[len(s)-int(d.Scale):]
	} else if d.Scale < 0 {
		s += strings.Repeat("0", int(-d.Scale))
	}
	if d.Unscaled.Sign() < 0 {
		s = "-" + s
	}
	return s
}

// column is one column of the target table as colDefs describes it.
type column struct {
	name  string
	t     value.Type
	scale int32 // DECIMAL scale (colDefs extra)
}

func typeLabel(t value.Type, scale int32) string {
	if t.Elem().IsDecimal() {
		s := t.Elem().String() + "(" + strconv.Itoa(int(scale)) + ")"
		if t.IsArray() {
			s += "[]"
		}
		return s
	}
	return t.String()
}

// cell holds one converted value of a column type: integral, temporal,
// BOOL, CHAR and DECIMAL32/64 in i; FLOAT/DOUBLE in f (COMPLEX/POINT in f
// and f2); literals in s; 16-byte types and DECIMAL128 in b; an
// array-vector row in arr (an array vector of one row).
type cell struct {
	null bool
	i    int64
	f    float64
	f2   float64
	s    string
	b    [16]byte
	arr  *value.Vector
}

// convError is a conversion failure; its text follows "Data conversion
// error: ".
type convError struct{ msg string }

func (e *convError) Error() string { return e.msg }

func cannotConvert(src string, t value.Type, scale int32) error {
	return &convError{"Cannot convert " + src + " to " + typeLabel(t, scale)}
}

func outOfRange(src string, t value.Type, scale int32) error {
	return &convError{src + " cannot be converted because it exceeds the range of " + typeLabel(t, scale)}
}

// Convert converts one Go value to the DolphinDB type t (scale for
// DECIMAL types) as the conversion goroutine does, returning the result as
// a *value.Scalar (array-vector types: a one-row *value.Vector). It is
// exported for callers that want to check values before inserting them.
//
//	nil                           NULL of any type
//	bool                          BOOL
//	int, int64, uint*, int32,     LONG, TIMESTAMP, NANOTIME, NANOTIMESTAMP (raw count),
//	int16, int8                   FLOAT, DOUBLE, DECIMAL* (scaled: 5 → 5.00); when the
//	                              value fits: INT, DATE, MONTH, TIME, MINUTE, SECOND,
//	                              DATETIME, DATEHOUR (raw count), SHORT, CHAR, BOOL
//	float64, float32              DOUBLE, FLOAT, DECIMAL* (rounded half away from zero);
//	                              NaN is NULL of any type
//	string                        STRING, SYMBOL, BLOB, UUID, INT128, IPADDR (parsed),
//	                              DECIMAL* (parsed); "" is NULL of any type
//	[]byte                        as string (nil is NULL)
//	time.Time                     every temporal type, by its wall clock in its
//	                              location (DATE truncates, MONTH keeps year and month ...)
//	time.Duration                 TIME, MINUTE, SECOND, NANOTIME (time of day)
//	Decimal                       DECIMAL* (rescaled to the column's scale)
//	complex128, [2]float64        COMPLEX, POINT
//	*value.Scalar                 whatever cast.To converts it to
//	slices ([]int32, []any ...)   array vectors, element by element
//
// Other combinations fail with "Cannot convert <src> to <TYPE>" where src
// is the DolphinDB name of the Go value (int and int64 are long, int32
// int, float64 double, string string, bool bool ...), and values outside
// the target's range with "<src> cannot be converted because it exceeds
// the range of <TYPE>". Named types (type Price float64) convert like
// their underlying kind.
func Convert(x any, t value.Type, scale int32) (value.Value, error) {
	c, err := convert(x, t, scale)
	if err != nil {
		return nil, err
	}
	if t.IsArray() {
		if c.null {
			return value.NewNullVector(t, 1), nil
		}
		return c.arr, nil
	}
	v := value.NewVector(t, 0, 1)
	v.Scale = scale
	appendCell(v, &c)
	return v.At(0), nil
}

// convert converts x to a cell of type t.
func convert(x any, t value.Type, scale int32) (c cell, err error) {
	if t.IsArray() {
		return convertArray(x, t, scale)
	}
	if k, n, ok := numKind(x); ok {
		return rawVal{k: k, n: n}.toCell(t, scale)
	}
	switch v := x.(type) {
	case nil:
		c.null = true
		return c, nil
	case string:
		return fromString(v, "string", t, scale)
	case []byte:
		if v == nil {
			c.null = true
			return c, nil
		}
		return fromString(string(v), "blob", t, scale)
	case time.Time:
		return fromTime(v, t, scale)
	case *time.Time:
		if v == nil {
			c.null = true
			return c, nil
		}
		return fromTime(*v, t, scale)
	case Decimal:
		return fromDecimal(v, t, scale)
	case *Decimal:
		if v == nil {
			c.null = true
			return c, nil
		}
		return fromDecimal(*v, t, scale)
	case complex128:
		return fromPair(real(v), imag(v), "complex", t, scale)
	case [2]float64:
		return fromPair(v[0], v[1], "point", t, scale)
	case *value.Scalar:
		if v == nil {
			c.null = true
			return c, nil
		}
		return fromScalar(v, t, scale)
	}
	return fromReflect(x, t, scale)
}

// fromReflect handles named types by their kind, and pointers.
func fromReflect(x any, t value.Type, scale int32) (c cell, err error) {
	rv := reflect.ValueOf(x)
	switch rv.Kind() {
	case reflect.Int, reflect.Int64:
		return fromInt(rv.Int(), "long", t, scale)
	case reflect.Int32:
		return fromInt(rv.Int(), "int", t, scale)
	case reflect.Int16:
		return fromInt(rv.Int(), "short", t, scale)
	case reflect.Int8:
		return fromInt(rv.Int(), "char", t, scale)
	case reflect.Uint, reflect.Uint64, reflect.Uint32, reflect.Uint16, reflect.Uint8, reflect.Uintptr:
		return fromUint(rv.Uint(), t, scale)
	case reflect.Float64:
		return fromFloat(rv.Float(), "double", t, scale)
	case reflect.Float32:
		return fromFloat(rv.Float(), "float", t, scale)
	case reflect.String:
		return fromString(rv.String(), "string", t, scale)
	case reflect.Bool:
		return convert(rv.Bool(), t, scale)
	case reflect.Pointer:
		if rv.IsNil() {
			c.null = true
			return c, nil
		}
		return convert(rv.Elem().Interface(), t, scale)
	}
	return c, cannotConvert(goName(x), t, scale)
}

// goName names a Go value's type in messages when it has no DolphinDB name.
func goName(x any) string {
	switch x.(type) {
	case []byte:
		return "blob"
	case time.Time:
		return "nanotimestamp"
	}
	rv := reflect.ValueOf(x)
	if rv.Kind() == reflect.Slice || rv.Kind() == reflect.Array {
		return "list"
	}
	return fmt.Sprintf("%T", x)
}

func fromUint(u uint64, t value.Type, scale int32) (cell, error) {
	if u > math.MaxInt64 {
		var c cell
		if t.IsNumeric() || t.IsTemporal() {
			return c, outOfRange("long", t, scale)
		}
		return c, cannotConvert("long", t, scale)
	}
	return fromInt(int64(u), "long", t, scale)
}

func fromInt(v int64, src string, t value.Type, scale int32) (c cell, err error) {
	switch t {
	case value.Long, value.Timestamp, value.NanoTime, value.NanoTimestamp:
		c.i = v
	case value.Int, value.Date, value.Month, value.Time, value.Minute, value.Second,
		value.DateTime, value.DateHour, value.Short, value.Char, value.Bool:
		// a value past the range of the integer t is stored in (BOOL's
		// byte among them) is refused, not wrapped
		if lim := int64(1) << (8*t.Storage().Width() - 1); v < -lim || v >= lim {
			return c, outOfRange(src, t, scale)
		}
		c.i = v
		if t == value.Bool && v != 0 {
			c.i = 1
		}
	case value.Float, value.Double:
		c.f = float64(v)
	case value.Decimal32, value.Decimal64, value.Decimal128:
		return decimalCell(func() (value.Value, error) {
			return cast.To(value.NewLong(v), t, scale)
		}, src, t, scale)
	default:
		return c, cannotConvert(src, t, scale)
	}
	return c, nil
}

// decimalCell runs a conversion to a DECIMAL scalar, mapping failures to
// the range error.
func decimalCell(f func() (value.Value, error), src string, t value.Type, scale int32) (c cell, err error) {
	if scale < 0 || scale > int32(t.MaxScale()) {
		return c, &convError{fmt.Sprintf("Scale %d is out of bounds for %s", scale, t)}
	}
	v, err := f()
	if err != nil {
		return c, outOfRange(src, t, scale)
	}
	return scalarCell(v.(*value.Scalar)), nil
}

func scalarCell(s *value.Scalar) (c cell) {
	if s.Null {
		c.null = true
		return c
	}
	c.i, c.f, c.s, c.b = s.I, s.F, s.S, s.B
	return c
}

func fromFloat(f float64, src string, t value.Type, scale int32) (c cell, err error) {
	if math.IsNaN(f) {
		c.null = true
		return c, nil
	}
	switch t {
	case value.Double, value.Float:
		c.f = f
	case value.Decimal32, value.Decimal64, value.Decimal128:
		if math.IsInf(f, 0) {
			return c, outOfRange(src, t, scale)
		}
		text := strconv.FormatFloat(f, 'f', -1, 64)
		return decimalCell(func() (value.Value, error) {
			return cast.ParseDecimal(text, t, scale)
		}, src, t, scale)
	default:
		return c, cannotConvert(src, t, scale)
	}
	return c, nil
}

func fromString(s, src string, t value.Type, scale int32) (c cell, err error) {
	if s == "" {
		c.null = true
		return c, nil
	}
	switch t {
	case value.String, value.Symbol, value.Blob:
		c.s = s
	case value.UUID, value.Int128, value.IPAddr:
		v, err := cast.ParseAs(s, t)
		if err != nil || (v.Null && !zeroText(s)) {
			return c, cannotConvert(src, t, scale)
		}
		return scalarCell(v), nil
	case value.Decimal32, value.Decimal64, value.Decimal128:
		if scale < 0 || scale > int32(t.MaxScale()) {
			return c, &convError{fmt.Sprintf("Scale %d is out of bounds for %s", scale, t)}
		}
		v, err := cast.ParseDecimal(s, t, scale)
		if err != nil {
			return c, cannotConvert(src, t, scale)
		}
		return scalarCell(v), nil
	default:
		return c, cannotConvert(src, t, scale)
	}
	return c, nil
}

// zeroText reports whether s spells the all-zero UUID/INT128/IP address.
func zeroText(s string) bool {
	return strings.Trim(s, "0.:-") == ""
}

// fromTime converts a time.Time by its wall clock in its own location.
func fromTime(tm time.Time, t value.Type, scale int32) (c cell, err error) {
	_, off := tm.Zone()
	sec := tm.Unix() + int64(off)
	ns := int64(tm.Nanosecond())
	const src = "nanotimestamp"
	switch t {
	case value.Date:
		c.i = value.FloorDiv(sec, value.SecPerDay)
	case value.Month:
		y, m, _ := tm.Date()
		c.i = int64(y)*12 + int64(m) - 1
	case value.Time:
		c.i = value.FloorMod(sec, value.SecPerDay)*1000 + ns/1e6
	case value.Minute:
		c.i = value.FloorMod(sec, value.SecPerDay) / 60
	case value.Second:
		c.i = value.FloorMod(sec, value.SecPerDay)
	case value.DateTime:
		c.i = sec
	case value.DateHour:
		c.i = value.FloorDiv(sec, 3600)
	case value.Timestamp:
		if sec > math.MaxInt64/1000-1 || sec < math.MinInt64/1000+1 {
			return c, outOfRange(src, t, scale)
		}
		c.i = sec*1000 + ns/1e6
	case value.NanoTime:
		c.i = value.FloorMod(sec, value.SecPerDay)*value.NsPerSec + ns
	case value.NanoTimestamp:
		if sec > math.MaxInt64/value.NsPerSec-1 || sec < math.MinInt64/value.NsPerSec+1 {
			return c, outOfRange(src, t, scale)
		}
		c.i = sec*value.NsPerSec + ns
	default:
		return c, cannotConvert(src, t, scale)
	}
	if t.Storage() == value.StInt32 && (c.i <= math.MinInt32 || c.i > math.MaxInt32) {
		return cell{}, outOfRange(src, t, scale)
	}
	return c, nil
}

// fromDuration converts a time of day.
func fromDuration(d time.Duration, t value.Type, scale int32) (c cell, err error) {
	switch t {
	case value.NanoTime:
		c.i = int64(d)
		return c, nil
	case value.Time, value.Minute, value.Second:
	default:
		return c, cannotConvert("duration", t, scale)
	}
	v := int64(d) / value.TickNanos(t)
	if v <= math.MinInt32 || v > math.MaxInt32 {
		return c, outOfRange("duration", t, scale)
	}
	c.i = v
	return c, nil
}

func fromDecimal(d Decimal, t value.Type, scale int32) (c cell, err error) {
	if d.Unscaled == nil {
		c.null = true
		return c, nil
	}
	if !t.IsDecimal() {
		return c, cannotConvert("decimal", t, scale)
	}
	text := Decimal{Unscaled: d.Unscaled, Scale: d.Scale}.String()
	return decimalCell(func() (value.Value, error) {
		return cast.ParseDecimal(text, t, scale)
	}, "decimal", t, scale)
}

func fromPair(a, b float64, src string, t value.Type, scale int32) (c cell, err error) {
	if t != value.Complex && t != value.Point {
		return c, cannotConvert(src, t, scale)
	}
	c.f, c.f2 = a, b
	return c, nil
}

func fromScalar(s *value.Scalar, t value.Type, scale int32) (c cell, err error) {
	src := strings.ToLower(s.T.String())
	if s.Null {
		c.null = true
		return c, nil
	}
	if t == value.Complex || t == value.Point {
		if s.T != value.Complex && s.T != value.Point {
			return c, cannotConvert(src, t, scale)
		}
		v := s.Vector()
		return fromPair(v.F64[0], v.F64[1], src, t, scale)
	}
	v, err := cast.To(s, t, scale)
	if err != nil {
		return c, cannotConvert(src, t, scale)
	}
	return scalarCell(v.(*value.Scalar)), nil
}

// convertArray converts a slice to one row of the array-vector type t.
func convertArray(x any, t value.Type, scale int32) (c cell, err error) {
	if x == nil {
		c.null = true
		return c, nil
	}
	rv := reflect.ValueOf(x)
	if k := rv.Kind(); (k != reflect.Slice && k != reflect.Array) || t.Elem() == value.Blob && rv.Type().Elem().Kind() == reflect.Uint8 {
		if s, ok := x.(*value.Vector); ok && s.T == t {
			c.arr = s
			return c, nil
		}
		return c, cannotConvert(srcName(x), t, scale)
	}
	if rv.Kind() == reflect.Slice && rv.IsNil() {
		c.null = true
		return c, nil
	}
	et := t.Elem()
	n := rv.Len()
	row := value.NewVector(t, 0, 1)
	row.Scale = scale
	flat := value.NewVector(et, 0, n)
	flat.Scale = scale
	for i := 0; i < n; i++ {
		e, err := convert(rv.Index(i).Interface(), et, scale)
		if err != nil {
			return c, err
		}
		appendCell(flat, &e)
	}
	row.I8, row.I16, row.I32, row.I64 = flat.I8, flat.I16, flat.I32, flat.I64
	row.F32, row.F64, row.Str, row.B16 = flat.F32, flat.F64, flat.Str, flat.B16
	row.Offsets = append(row.Offsets, int64(n))
	c.arr = row
	return c, nil
}

// srcName is the DolphinDB name of a Go value's type, for messages.
func srcName(x any) string {
	switch v := x.(type) {
	case int, int64, uint32, uint, uint64:
		return "long"
	case int32, uint16:
		return "int"
	case int16, uint8:
		return "short"
	case int8:
		return "char"
	case float64:
		return "double"
	case float32:
		return "float"
	case string:
		return "string"
	case bool:
		return "bool"
	case time.Duration:
		return "duration"
	case Decimal, *Decimal:
		return "decimal"
	case *value.Scalar:
		return strings.ToLower(v.T.String())
	}
	return goName(x)
}

// appendCell appends a converted cell to v (of the cell's type).
func appendCell(v *value.Vector, c *cell) {
	if c.null {
		v.AppendNull()
		return
	}
	if v.T.IsArray() {
		v.AppendVector(c.arr)
		return
	}
	switch v.T.Storage() {
	case value.StInt8:
		v.I8 = append(v.I8, int8(c.i))
	case value.StInt16:
		v.I16 = append(v.I16, int16(c.i))
	case value.StInt32:
		v.I32 = append(v.I32, int32(c.i))
	case value.StInt64:
		v.I64 = append(v.I64, c.i)
	case value.StFloat32:
		v.F32 = append(v.F32, float32(c.f))
	case value.StFloat64:
		v.F64 = append(v.F64, c.f)
	case value.StString:
		v.Str = append(v.Str, c.s)
	case value.StBytes16:
		v.B16 = append(v.B16, c.b)
	case value.StPair2F64:
		v.F64 = append(v.F64, c.f, c.f2)
	default:
		v.AppendNull()
	}
}

// cellAt is element i of a non-array vector as a cell (the inverse of
// appendCell).
func cellAt(v *value.Vector, i int) cell {
	var s value.Scalar
	v.ReadAt(i, &s)
	if !s.Null && s.T.Storage() == value.StPair2F64 {
		return cell{f: s.F, f2: s.PairSecond()}
	}
	return scalarCell(&s)
}

// goValue turns element i of a converted column back into a Go value that
// convert accepts for the same column: nil for NULL; bool, int8, int16,
// int32, int64, float32, float64, string; []byte for BLOB; time.Time (UTC)
// for temporal types; the text form for UUID, INT128 and IPADDR; Decimal;
// [2]float64 for COMPLEX/POINT; []any for an array-vector row.
func goValue(v *value.Vector, i int) any {
	if v.T.IsArray() {
		row := v.Row(i)
		out := make([]any, row.Len())
		for k := range out {
			out[k] = goValue(row, k)
		}
		return out
	}
	if v.IsNull(i) {
		return nil
	}
	switch v.T {
	case value.Bool:
		return v.I8[i] != 0
	case value.Char:
		return v.I8[i]
	case value.Short:
		return v.I16[i]
	case value.Int:
		return v.I32[i]
	case value.Long:
		return v.I64[i]
	case value.Float:
		return v.F32[i]
	case value.Double:
		return v.F64[i]
	case value.String, value.Symbol:
		return v.StrAt(i)
	case value.Blob:
		return []byte(v.StrAt(i))
	case value.Date:
		return time.Unix(int64(v.I32[i])*value.SecPerDay, 0).UTC()
	case value.Month:
		m := int(v.I32[i])
		return time.Date(int(value.FloorDiv(int64(m), 12)), time.Month(m-int(value.FloorDiv(int64(m), 12))*12+1), 1, 0, 0, 0, 0, time.UTC)
	case value.Time:
		return time.UnixMilli(int64(v.I32[i])).UTC()
	case value.Minute:
		return time.Unix(int64(v.I32[i])*60, 0).UTC()
	case value.Second, value.DateTime:
		return time.Unix(int64(v.I32[i]), 0).UTC()
	case value.DateHour:
		return time.Unix(int64(v.I32[i])*3600, 0).UTC()
	case value.Timestamp:
		return time.UnixMilli(v.I64[i]).UTC()
	case value.NanoTime, value.NanoTimestamp:
		return time.Unix(0, v.I64[i]).UTC()
	case value.Decimal32:
		return Decimal{Unscaled: big.NewInt(int64(v.I32[i])), Scale: v.Scale}
	case value.Decimal64:
		return Decimal{Unscaled: big.NewInt(v.I64[i]), Scale: v.Scale}
	case value.Decimal128:
		return Decimal{Unscaled: value.Decimal128Big(v.B16[i]), Scale: v.Scale}
	case value.Complex, value.Point:
		return [2]float64{v.F64[2*i], v.F64[2*i+1]}
	case value.UUID, value.Int128, value.IPAddr:
		return v.FormatElem(i)
	}
	return v.At(i)
}
