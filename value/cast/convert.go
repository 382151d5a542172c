package cast

import (
	"math"
	"math/big"
	"math/bits"
	"strconv"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/value"
)

// Explicit conversions (int(), date(), string(), cast/$ ...), type
// promotion and comparison.
//
// DolphinDB rules implemented here, with their sources:
//   - "Data Type Conversion" page: short/int/long round floating values and
//     read the leading digits of strings (int("10.9") = 10,
//     short("120.9c") = 120); int(2147483648) = 00i; bool(100.2) = true;
//     char(99) = 'c'; string(10) = "10"; date(1) = 1970.01.02;
//     datehour(1) = 1970.01.01T01; second(61) = 00:01:01;
//     date(2016.03M) = 2016.03.01; datetime/timestamp/nanotimestamp/
//     datehour(2012.01M) = the month's first midnight (2.00.12+);
//     month(2012.12.23) = 2012.12M; double(now()) is the raw count;
//     char("990") fails with "Failed to convert the string to CHAR".
//   - "short" reference page: integral narrowing keeps the low bits
//     (short(65578) = 42, short(32789) = -32747, short(32768) = NULL because
//     -32768 is SHORT's NULL).
//   - Official C++ API (ScalarImp.h): floating to integral is
//     (v < 0 ? v-0.5 : v+0.5) truncated, i.e. half away from zero.
//   - "Temporal Type Comparison" tutorial: date types (DATE, MONTH) and
//     datetime types (DATEHOUR, DATETIME, TIMESTAMP, NANOTIMESTAMP) convert
//     to each other; datetime types also convert to time types (MINUTE,
//     SECOND, TIME, NANOTIME), which convert among themselves; date types
//     never become time types and time types never become date or
//     datetime types.
//   - DECIMAL tutorial and "Data Types" page: numbers to DECIMAL truncate
//     (decimal32(1.23456, 3) = 1.234; 77.32 as DECIMAL32(5) is 77.31999);
//     strings round since 2.00.10; the unscaled value must fit the storage
//     integer (decimal32(1000000000, 0) works, decimal32(1000000000, 1)
//     fails with "Decimal math overflow"); scales outside [0,9]/[0,18]/
//     [0,38] fail with S05010's "Scale out of bounds (valid range: ...)";
//     BOOL, CHAR, UUID, IPADDR, INT128 and temporal values do not convert
//     to DECIMAL.

// cell is one element in flight between types: integral, temporal, BOOL,
// CHAR and DECIMAL32/64 values in i, floating in f, literals in s, 16-byte
// values in b. It lives on the stack, so the generic conversion loop
// allocates nothing per element.
type cell struct {
	null bool
	i    int64
	f    float64
	s    string
	b    [16]byte
}

// To converts x to type t, as DolphinDB's conversion functions and
// cast/$ do; scale is the target scale for DECIMAL types (a negative scale
// keeps a DECIMAL source's scale). Scalars, vectors (including tuples and
// array vectors) and pairs are supported. A NULL (including VOID NULL)
// becomes t's NULL. Impossible conversions return DolphinDB-style errors
// ("Can't convert DATE to UUID").
func To(x value.Value, t value.Type, scale int32) (value.Value, error) {
	switch v := x.(type) {
	case *value.Scalar:
		if v.IsNothing() {
			return nil, ddberr.Errorf("Can't convert nothing to %s", t)
		}
		return castScalar(v, t, scale)
	case *value.Vector:
		return Vector(v, t, scale)
	case *value.Pair:
		out, err := Vector(v.V, t, scale)
		if err != nil {
			return nil, err
		}
		if out == v.V {
			return v, nil
		}
		return &value.Pair{V: out}, nil
	case *value.Matrix:
		out, err := Vector(v.V, t, scale)
		if err != nil {
			return nil, err
		}
		return v.WithData(out), nil
	case nil:
		return nil, ddberr.Errorf("Can't convert nothing to %s", t)
	}
	return nil, ddberr.Errorf("Can't convert %s %s to %s", x.Form(), x.Type(), t)
}

// decimalScale is the scale a conversion to DECIMAL type t gives: scale,
// or the source's own (from of scale fromScale) when scale is negative,
// which only a DECIMAL source has.
func decimalScale(t value.Type, scale int32, from value.Type, fromScale int32) (int32, error) {
	if scale < 0 {
		if !from.IsDecimal() {
			return 0, ddberr.Errorf("Scale is out of bounds")
		}
		scale = fromScale
	}
	return scale, checkScale(t, scale)
}

func castScalar(s *value.Scalar, t value.Type, scale int32) (*value.Scalar, error) {
	if t == value.Any {
		return s, nil
	}
	if t.IsDecimal() {
		var err error
		if scale, err = decimalScale(t, scale, s.T, s.Scale); err != nil {
			return nil, err
		}
	} else {
		scale = 0
	}
	if s.T == t && (!t.IsDecimal() || s.Scale == scale) {
		return s, nil
	}
	if !castableTarget(t) || (!castableTarget(s.T) && s.T != value.Void) {
		return nil, ddberr.Errorf("Can't convert %s to %s", s.T, t)
	}
	var c cell
	scalarCell(s, &c)
	if !c.null {
		if err := convertCell(&c, s.T, s.Scale, t, scale); err != nil {
			return nil, err
		}
	}
	return cellScalar(&c, t, scale), nil
}

// castableTarget reports whether values can be converted to t.
func castableTarget(t value.Type) bool {
	switch t.Category() {
	case value.CatLogical, value.CatIntegral, value.CatFloating, value.CatTemporal, value.CatLiteral, value.CatDecimal:
		return true
	case value.CatBinary:
		return t == value.UUID || t == value.IPAddr || t == value.Int128
	}
	return false
}

func scalarCell(s *value.Scalar, c *cell) {
	*c = cell{null: s.Null}
	if s.Null {
		return
	}
	switch s.T.Storage() {
	case value.StInt8, value.StInt16, value.StInt32, value.StInt64:
		c.i = s.I
	case value.StFloat32, value.StFloat64:
		c.f = s.F
		if s.F != s.F {
			c.null = true
		}
	case value.StString:
		c.s = s.S
	case value.StBytes16:
		c.b = s.B
	default:
		c.null = true
	}
}

// cellScalar builds a scalar of type t from a converted cell.
func cellScalar(c *cell, t value.Type, scale int32) *value.Scalar {
	s := &value.Scalar{T: t, Scale: scale}
	if c.null {
		s.Null = true
		return s
	}
	switch t.Storage() {
	case value.StInt8, value.StInt16, value.StInt32, value.StInt64:
		s.I = c.i
		s.Null = c.i == nullRaw(t)
	case value.StFloat32:
		s.F = float64(float32(c.f))
		s.Null = float32(c.f) == value.NullFloat32 || c.f != c.f
	case value.StFloat64:
		s.F = c.f
		s.Null = c.f == value.NullFloat64 || c.f != c.f
	case value.StString:
		s.S = c.s
		s.Null = c.s == ""
	case value.StBytes16:
		s.B = c.b
		s.Null = c.b == value.NullBytes16(t)
	}
	return s
}

// intBits is the width in bits of an integer-stored type's storage; the
// other storages count as 64 bits (LONG).
func intBits(t value.Type) uint {
	switch st := t.Storage(); st {
	case value.StInt8, value.StInt16, value.StInt32:
		return uint(8 * st.Width())
	}
	return 64
}

// nullRaw is the NULL sentinel of an integer-stored type: its minimum.
func nullRaw(t value.Type) int64 { return -1 << (intBits(t) - 1) }

// wrapInt keeps the low bits of v that fit t's storage (two's complement),
// as DolphinDB's integral narrowing does.
func wrapInt(t value.Type, v int64) int64 {
	s := 64 - intBits(t)
	return v << s >> s
}

// IntRange is the non-NULL range of an integer-stored type: from one
// above its NULL sentinel to its maximum.
func IntRange(t value.Type) (int64, int64) {
	null := nullRaw(t)
	return null + 1, ^null
}

// roundHalfAway rounds f half away from zero the way DolphinDB's C++ code
// does ((v < 0 ? v-0.5 : v+0.5) truncated) and reports whether the result
// lies in [lo, hi].
func roundHalfAway(f float64, lo, hi int64) (int64, bool) {
	if f != f {
		return 0, false
	}
	if f < 0 {
		f -= 0.5
	} else {
		f += 0.5
	}
	f = math.Trunc(f)
	if f < float64(lo) || f >= float64(hi)+1 || f >= 9.223372036854775807e18 {
		return 0, false
	}
	return int64(f), true
}

func checkScale(t value.Type, scale int32) error {
	if scale < 0 || int(scale) > t.MaxScale() {
		return ddberr.Errorf("Scale out of bounds (valid range: [0, %d], but get: %d). RefId: S05010", t.MaxScale(), scale)
	}
	return nil
}

// maxF64Int64 is the largest float64 below 2^63 (2^63-1024).
const maxF64Int64 = 9223372036854774784.0

var pow10i64 = func() [19]int64 {
	var p [19]int64
	p[0] = 1
	for i := 1; i < 19; i++ {
		p[i] = p[i-1] * 10
	}
	return p
}()

// typeLabel names t for error messages (DECIMAL types with their scale).
func typeLabel(t value.Type, scale int32) string {
	if t.IsDecimal() {
		return decimalName(t, scale)
	}
	return t.String()
}

func cantConvert(from value.Type, fs int32, to value.Type, ts int32) error {
	return ddberr.Errorf("Can't convert %s to %s", typeLabel(from, fs), typeLabel(to, ts))
}

// convertCell converts a non-NULL cell of type from (scale fs) to type to
// (scale ts) in place; c.null may become true.
func convertCell(c *cell, from value.Type, fs int32, to value.Type, ts int32) error {
	if from == to && (!to.IsDecimal() || fs == ts) {
		return nil
	}
	switch from.Category() {
	case value.CatNothing:
		c.null = true
		return nil
	case value.CatLogical, value.CatIntegral:
		return fromInt(c, from, to, ts)
	case value.CatFloating:
		return fromFloat(c, from, to, ts)
	case value.CatTemporal:
		return fromTemporal(c, from, to, ts)
	case value.CatLiteral:
		return fromString(c, to, ts)
	case value.CatDecimal:
		return fromDecimal(c, from, fs, to, ts)
	case value.CatBinary:
		if from == value.UUID || from == value.IPAddr || from == value.Int128 {
			switch to {
			case value.UUID, value.IPAddr, value.Int128:
				return nil
			case value.String, value.Symbol, value.Blob:
				c.s = value.FormatBytes16(from, c.b, 0)
				return nil
			}
		}
	}
	return cantConvert(from, fs, to, ts)
}

// setInt stores v as type t (already in range or wrapped), marking NULL
// when it is the sentinel.
func setInt(c *cell, t value.Type, v int64) {
	c.i = v
	c.null = v == nullRaw(t)
}

// intToNumeric stores the integer v as a logical, integral (wrapped) or
// floating type; ok is false for the other categories.
func intToNumeric(c *cell, to value.Type, v int64) (ok bool) {
	switch to.Category() {
	case value.CatLogical:
		c.i = b2i(v != 0)
	case value.CatIntegral:
		setInt(c, to, wrapInt(to, v))
	case value.CatFloating:
		c.f = float64(v)
	default:
		return false
	}
	return true
}

func fromInt(c *cell, from, to value.Type, ts int32) error {
	v := c.i
	if intToNumeric(c, to, v) {
		return nil
	}
	switch to.Category() {
	case value.CatTemporal:
		return intToTemporal(c, to, v)
	case value.CatLiteral:
		c.s = formatRawString(from, v)
		return nil
	case value.CatDecimal:
		if from == value.Bool || from == value.Char {
			break
		}
		return intToDecimal(c, v, to, ts)
	}
	return cantConvert(from, 0, to, ts)
}

func b2i(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

// intToTemporal reinterprets an integer as the raw value of a temporal
// type (date(1) = 1970.01.02); time-of-day types reject values outside a
// day, as the C++ API's validate() does.
func intToTemporal(c *cell, to value.Type, v int64) error {
	if per := TimeOfDayUnits(to); per > 0 {
		if v < 0 || v >= per {
			c.null = true
			return nil
		}
	}
	setInt(c, to, wrapInt(to, v))
	return nil
}

// formatRawString is string(x) for an integer-stored value: its printed
// form (CHAR as the character when printable).
func formatRawString(t value.Type, v int64) string {
	if t == value.Char {
		return value.FormatChar(int8(v))
	}
	return value.FormatRaw(t, v, 0)
}

func fromFloat(c *cell, from, to value.Type, ts int32) error {
	f := c.f
	if f != f {
		c.null = true
		return nil
	}
	switch to.Category() {
	case value.CatLogical:
		c.i = b2i(f != 0)
		return nil
	case value.CatIntegral:
		lo, hi := IntRange(to)
		r, ok := roundHalfAway(f, lo, hi)
		if !ok {
			c.null = true
			return nil
		}
		c.i = r
		return nil
	case value.CatFloating:
		if to == value.Float {
			f32 := float32(f)
			if math.IsInf(float64(f32), 0) && !math.IsInf(f, 0) {
				c.null = true
				return nil
			}
			c.f = float64(f32)
		}
		// an infinity stays one (-inf sorts below NULL, sort_null.md);
		// only a DOUBLE too large for FLOAT becomes NULL
		return nil
	case value.CatTemporal:
		r, ok := roundHalfAway(f, math.MinInt64+1, math.MaxInt64)
		if !ok {
			c.null = true
			return nil
		}
		lo, hi := IntRange(to)
		if r < lo || r > hi {
			c.null = true
			return nil
		}
		return intToTemporal(c, to, r)
	case value.CatLiteral:
		c.s = value.FormatFloat(f, 6)
		return nil
	case value.CatDecimal:
		return floatToDecimal(c, f, to, ts)
	}
	return cantConvert(from, 0, to, ts)
}

func fromTemporal(c *cell, from, to value.Type, ts int32) error {
	v := c.i
	if intToNumeric(c, to, v) {
		return nil
	}
	switch to.Category() {
	case value.CatTemporal:
		r, null, err := convertTemporal(v, from, to)
		if err != nil {
			return err
		}
		c.i, c.null = r, null
		return nil
	case value.CatLiteral:
		c.s = value.FormatTemporal(from, v)
		return nil
	}
	return cantConvert(from, 0, to, ts)
}

// fromString converts c.s (a STRING/SYMBOL/BLOB) to type to.
func fromString(c *cell, to value.Type, ts int32) error {
	s := c.s
	if s == "" {
		c.null = true
		return nil
	}
	switch to {
	case value.String, value.Symbol, value.Blob:
		return nil
	case value.Bool:
		switch {
		case s == "00":
			c.null = true
		case equalFold(s, "true"):
			c.i = 1
		case equalFold(s, "false"):
			c.i = 0
		default:
			v, ok := leadingInt(s)
			if !ok {
				// Bool::parseBool (C++ API): atoi(s) != 0, so text
				// without a number is false.
				f, _ := leadingFloat(s)
				c.i = b2i(f != 0)
				return nil
			}
			c.i = b2i(v != 0)
		}
		return nil
	case value.Char:
		if len(s) == 3 && s[0] == '\'' && s[2] == '\'' {
			c.i = int64(int8(s[1]))
			return nil
		}
		v, ok := leadingInt(s)
		if !ok {
			c.null = true
			return nil
		}
		if v > 127 || v < -128 {
			return ddberr.Errorf("Failed to convert the string to CHAR")
		}
		setInt(c, value.Char, v)
		return nil
	case value.Short, value.Int, value.Long:
		v, ok := leadingInt(s)
		if !ok {
			c.null = true
			return nil
		}
		setInt(c, to, wrapInt(to, v))
		return nil
	case value.Float, value.Double:
		f, ok := leadingFloat(s)
		if !ok {
			c.null = true
			return nil
		}
		c.f = f
		if to == value.Float {
			c.f = float64(float32(f))
		}
		if math.IsInf(c.f, 0) && !infText(s) {
			// an overflowing number, not an explicit inf
			c.null = true
		}
		return nil
	case value.UUID, value.Int128, value.IPAddr:
		parse := parseUUID
		switch to {
		case value.Int128:
			parse = parseHex128
		case value.IPAddr:
			parse = parseIPAddr
		}
		b, ok := parse(s)
		switch {
		case ok:
			c.b = b
		case to == value.UUID:
			return ddberr.Errorf("Invalid UUID string")
		default:
			c.null = true
		}
		return nil
	case value.Decimal32, value.Decimal64, value.Decimal128:
		return stringToDecimal(c, to, ts)
	}
	if to.IsTemporal() {
		v, ok := textTemporal(s, to)
		c.i, c.null = v, !ok
		return nil
	}
	return cantConvert(value.String, 0, to, ts)
}

// textTemporal is the text s as a raw value of temporal type to; ok is
// false for text that is no date or time, or one outside to's range
// (NULL).
func textTemporal(s string, to value.Type) (int64, bool) {
	txt := trimSpace(s)
	if n := len(txt); n > 1 && temporalSuffix[txt[n-1]] != 0 {
		txt = txt[:n-1]
	}
	v, typ, _, err := parseTemporalCore(txt, true)
	if err != nil {
		return 0, false
	}
	if typ == to {
		return v, true
	}
	r, null, err := convertTemporal(v, typ, to)
	return r, err == nil && !null
}

func equalFold(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if x >= 'A' && x <= 'Z' {
			x += 'a' - 'A'
		}
		if y >= 'A' && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}

func trimSpace(s string) string {
	s = trimLeftSpace(s)
	j := len(s)
	for j > 0 && isSpace(s[j-1]) {
		j--
	}
	return s[:j]
}

// ---- decimals ----

// intToDecimal scales an integer to a DECIMAL (error "Decimal math
// overflow" when the unscaled value does not fit the storage integer).
func intToDecimal(c *cell, v int64, to value.Type, ts int32) error {
	if to == value.Decimal128 {
		x := new(big.Int).Mul(big.NewInt(v), new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(ts)), nil))
		return setDecimalBig(c, to, x)
	}
	r, err := scaleUp(v, ts, to)
	c.i = r
	return err
}

// scaleUp is v*10^d in the storage integer of DECIMAL type to ("Decimal
// math overflow" when it does not fit).
func scaleUp(v int64, d int32, to value.Type) (int64, error) {
	hi, lo := bits.Mul64(absU64(v), uint64(pow10i64[d]))
	_, max := IntRange(to)
	if hi != 0 || lo > uint64(max) {
		return 0, ddberr.Errorf("Decimal math overflow")
	}
	r := int64(lo)
	if v < 0 {
		r = -r
	}
	return r, nil
}

func absU64(v int64) uint64 {
	if v < 0 {
		return uint64(-v)
	}
	return uint64(v)
}

// floatToDecimal truncates f*10^scale toward zero (DECIMAL tutorial:
// decimal32(1.23456, 3) = 1.234).
func floatToDecimal(c *cell, f float64, to value.Type, ts int32) error {
	if math.IsInf(f, 0) {
		c.null = true
		return nil
	}
	p := math.Pow10(int(ts))
	x := math.Trunc(f * p)
	if to == value.Decimal128 {
		bf := new(big.Float).SetFloat64(x)
		bi, _ := bf.Int(nil)
		return setDecimalBig(c, to, bi)
	}
	lo, hi := IntRange(to)
	if x < float64(lo) || x >= float64(hi)+1 || x >= 9.223372036854775807e18 {
		return ddberr.Errorf("Decimal math overflow")
	}
	c.i = int64(x)
	return nil
}

var (
	maxDecimal128 = new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 127), big.NewInt(1))
	minDecimal128 = new(big.Int).Neg(maxDecimal128)
)

// setDecimalBig stores an unscaled big value into c for type t, checking
// the storage range.
func setDecimalBig(c *cell, t value.Type, x *big.Int) error {
	switch t {
	case value.Decimal128:
		if x.Cmp(maxDecimal128) > 0 || x.Cmp(minDecimal128) < 0 {
			return ddberr.Errorf("Decimal math overflow")
		}
		c.b = value.Decimal128Bytes(x)
		return nil
	default:
		lo, hi := IntRange(t)
		if !x.IsInt64() || x.Int64() < lo || x.Int64() > hi {
			return ddberr.Errorf("Decimal math overflow")
		}
		c.i = x.Int64()
		return nil
	}
}

// decimalBig returns the unscaled value held in a decimal cell.
func decimalBig(c *cell, t value.Type) *big.Int {
	if t == value.Decimal128 {
		return value.Decimal128Big(c.b)
	}
	return big.NewInt(c.i)
}

func fromDecimal(c *cell, from value.Type, fs int32, to value.Type, ts int32) error {
	switch to.Category() {
	case value.CatDecimal:
		if from != value.Decimal128 && to != value.Decimal128 {
			v := c.i
			switch {
			case ts >= fs:
				d := ts - fs
				if d > 18 {
					return ddberr.Errorf("Decimal math overflow")
				}
				r, err := scaleUp(v, d, to)
				if err != nil {
					return err
				}
				c.i = r
			default:
				r := v / pow10i64[fs-ts]
				lo, hi := IntRange(to)
				if r < lo || r > hi {
					return ddberr.Errorf("Decimal math overflow")
				}
				c.i = r
			}
			return nil
		}
		x := decimalBig(c, from)
		if ts >= fs {
			x.Mul(x, new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(ts-fs)), nil))
		} else {
			x.Quo(x, new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(fs-ts)), nil))
		}
		return setDecimalBig(c, to, x)
	case value.CatFloating:
		if from == value.Decimal128 {
			f, _ := new(big.Float).Quo(new(big.Float).SetInt(value.Decimal128Big(c.b)),
				new(big.Float).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(fs)), nil))).Float64()
			c.f = f
		} else {
			c.f = float64(c.i) / math.Pow10(int(fs))
		}
		if to == value.Float {
			c.f = float64(float32(c.f))
		}
		return nil
	case value.CatLogical:
		if from == value.Decimal128 {
			c.i = b2i(value.Decimal128Big(c.b).Sign() != 0)
		} else {
			c.i = b2i(c.i != 0)
		}
		return nil
	case value.CatIntegral:
		x := decimalBig(c, from)
		d := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(fs)), nil)
		q, r := new(big.Int).QuoRem(x, d, new(big.Int))
		// half away from zero
		r2 := new(big.Int).Mul(new(big.Int).Abs(r), big.NewInt(2))
		if r2.Cmp(d) >= 0 {
			if x.Sign() < 0 {
				q.Sub(q, big.NewInt(1))
			} else {
				q.Add(q, big.NewInt(1))
			}
		}
		lo, hi := IntRange(to)
		if !q.IsInt64() || q.Int64() < lo || q.Int64() > hi {
			c.null = true
			return nil
		}
		c.i = q.Int64()
		return nil
	case value.CatLiteral:
		if from == value.Decimal128 {
			c.s = value.FormatBytes16(value.Decimal128, c.b, fs)
		} else {
			c.s = value.FormatRaw(from, c.i, fs)
		}
		return nil
	}
	return cantConvert(from, fs, to, ts)
}

// ---- temporal ----

const (
	kindNone = iota
	kindDate
	kindTime
	kindDateTime
)

func temporalKind(t value.Type) int {
	switch t {
	case value.Date, value.Month:
		return kindDate
	case value.Minute, value.Second, value.Time, value.NanoTime:
		return kindTime
	case value.DateHour, value.DateMinute, value.DateTime, value.Timestamp, value.NanoTimestamp:
		return kindDateTime
	}
	return kindNone
}

// TimeOfDayUnits is the number of raw units in a day of a time-of-day
// type (SECOND, MINUTE, TIME, NANOTIME), which wraps within a day; 0 for
// the other types.
func TimeOfDayUnits(t value.Type) int64 {
	if temporalKind(t) != kindTime {
		return 0
	}
	return unitsPerDay(t)
}

// unitsPerDay is the number of raw units in a day (0 for MONTH).
func unitsPerDay(t value.Type) int64 {
	if u := value.TickNanos(t); u > 0 {
		return value.NsPerDay / u
	}
	return 0
}

// convertTemporal converts raw value v of temporal type from to type to.
// null reports a result outside the target's range.
func convertTemporal(v int64, from, to value.Type) (int64, bool, error) {
	fk, tk := temporalKind(from), temporalKind(to)
	if fk == kindNone || tk == kindNone {
		return 0, false, cantConvert(from, 0, to, 0)
	}
	if from == to {
		return v, false, nil
	}
	if (fk == kindTime) != (tk == kindTime) && !(fk == kindDateTime && tk == kindTime) {
		return 0, false, cantConvert(from, 0, to, 0)
	}
	if from == value.Month {
		y, m := value.FloorDiv(v, 12), value.FloorMod(v, 12)+1
		if y < -5000000 || y > 5000000 {
			return 0, true, nil
		}
		v, from = value.DaysFromCivil(int(y), int(m), 1), value.Date
		if to == value.Date {
			return fitTemporal(v, to)
		}
	}
	if to == value.Month {
		days := value.FloorDiv(v, unitsPerDay(from))
		y, m, _ := value.CivilFromDays(days)
		return fitTemporal(int64(y)*12+int64(m)-1, to)
	}
	if tk == kindTime && fk == kindDateTime {
		v = value.FloorMod(v, unitsPerDay(from))
	}
	fu, tu := value.TickNanos(from), value.TickNanos(to)
	if fu >= tu {
		k := fu / tu
		if k > 1 {
			hi, lo := bits.Mul64(absU64(v), uint64(k))
			if hi != 0 || lo > math.MaxInt64 {
				return 0, true, nil
			}
			r := int64(lo)
			if v < 0 {
				r = -r
			}
			v = r
		}
	} else {
		v = value.FloorDiv(v, tu/fu)
	}
	return fitTemporal(v, to)
}

func fitTemporal(v int64, t value.Type) (int64, bool, error) {
	lo, hi := IntRange(t)
	if v < lo || v > hi {
		return 0, true, nil
	}
	return v, false, nil
}

// ---- vectors ----

// AppendVector appends v to dst, converted to dst's type (and scale) when
// its type differs: concatenating results, partitions or arguments into
// the first one's type.
func AppendVector(dst, v *value.Vector) error {
	v, err := Like(v, dst)
	if err != nil {
		return err
	}
	dst.AppendVector(v)
	return nil
}

// Like converts v to like's type and scale, unless v already has like's
// type (a DECIMAL then keeps its own scale).
func Like(v, like *value.Vector) (*value.Vector, error) {
	if v.T == like.T {
		return v, nil
	}
	return Vector(v, like.T, like.Scale)
}

// Vector converts every element of v to type t (scale as in To). It
// returns v itself when v already has type t (and scale); otherwise it
// allocates the result once and converts in a single typed loop for the
// common numeric and temporal pairs.
func Vector(v *value.Vector, t value.Type, scale int32) (*value.Vector, error) {
	if t.IsDecimal() {
		var err error
		if scale, err = decimalScale(t, scale, v.T, v.Scale); err != nil {
			return nil, err
		}
	} else if t.IsArray() && t.Elem().IsDecimal() {
		if scale < 0 {
			scale = v.Scale
		}
	} else {
		scale = 0
	}
	if v.T == t && (!t.Elem().IsDecimal() || v.Scale == scale) {
		return v, nil
	}
	if v.T.IsArray() || t.IsArray() {
		return castArrayVector(v, t, scale)
	}
	if t == value.Any {
		n := v.Len()
		out := &value.Vector{T: value.Any, Any: make([]value.Value, n)}
		for i := 0; i < n; i++ {
			out.Any[i] = v.Elem(i)
		}
		return out, nil
	}
	if !castableTarget(t) {
		return nil, ddberr.Errorf("Can't convert %s to %s", v.T, t)
	}
	if v.T == value.Any {
		return castTuple(v, t, scale)
	}
	if !castableTarget(v.T) && v.T != value.Void {
		return nil, ddberr.Errorf("Can't convert %s to %s", v.T, t)
	}
	if v.T == value.Void {
		out := value.NewNullVector(t, v.Len())
		out.Scale = scale
		return out, nil
	}
	if out, ok, err := fastCast(v, t, scale); ok || err != nil {
		return out, err
	}
	n := v.Len()
	out := value.NewVector(t, n, n)
	out.Scale = scale
	var c cell
	var elem value.Scalar
	for i := 0; i < n; i++ {
		v.ReadAt(i, &elem)
		scalarCell(&elem, &c)
		if !c.null {
			if err := convertCell(&c, v.T, v.Scale, t, scale); err != nil {
				return nil, err
			}
		}
		writeCell(out, i, &c)
	}
	return out, nil
}

func castArrayVector(v *value.Vector, t value.Type, scale int32) (*value.Vector, error) {
	if !v.T.IsArray() || !t.IsArray() {
		return nil, ddberr.Errorf("Can't convert %s to %s", v.T, t)
	}
	flat := *v
	flat.T = v.T.Elem()
	flat.Offsets = nil
	cv, err := Vector(&flat, t.Elem(), scale)
	if err != nil {
		return nil, err
	}
	out := *cv
	if cv == &flat {
		out = flat
	}
	out.T = t
	out.Offsets = append([]int64(nil), v.Offsets...)
	return &out, nil
}

// castTuple converts a tuple whose elements are scalars into a typed
// vector.
func castTuple(v *value.Vector, t value.Type, scale int32) (*value.Vector, error) {
	n := len(v.Any)
	out := value.NewVector(t, n, n)
	out.Scale = scale
	var c cell
	for i, x := range v.Any {
		s, ok := x.(*value.Scalar)
		if !ok {
			return nil, ddberr.Errorf("Can't convert %s %s to %s", x.Form(), x.Type(), t)
		}
		scalarCell(s, &c)
		if !c.null {
			if err := convertCell(&c, s.T, s.Scale, t, scale); err != nil {
				return nil, err
			}
		}
		writeCell(out, i, &c)
	}
	return out, nil
}

func writeCell(v *value.Vector, i int, c *cell) {
	if c.null {
		v.SetNull(i)
		return
	}
	switch v.T.Storage() {
	case value.StInt8:
		v.I8[i] = int8(c.i)
	case value.StInt16:
		v.I16[i] = int16(c.i)
	case value.StInt32:
		v.I32[i] = int32(c.i)
	case value.StInt64:
		v.I64[i] = c.i
	case value.StFloat32:
		v.F32[i] = float32(c.f)
	case value.StFloat64:
		v.F64[i] = c.f
	case value.StString:
		v.Str[i] = c.s
	case value.StBytes16:
		v.B16[i] = c.b
	}
}

type sint interface {
	~int8 | ~int16 | ~int32 | ~int64
}
type sfloat interface{ ~float32 | ~float64 }

// wrapLoop converts integers keeping the low bits (NULL stays NULL).
func wrapLoop[S, D sint](dst []D, src []S, srcNull S, dstNull D) {
	for i, x := range src {
		if x == srcNull {
			dst[i] = dstNull
		} else {
			dst[i] = D(x)
		}
	}
}

// boolLoop maps integers to BOOL (non-zero is true).
func boolLoop[S sint](dst []int8, src []S, srcNull S) {
	for i, x := range src {
		switch {
		case x == srcNull:
			dst[i] = value.NullInt8
		case x != 0:
			dst[i] = 1
		default:
			dst[i] = 0
		}
	}
}

// intToFloatLoop converts integers to floating values.
func intToFloatLoop[S sint, D sfloat](dst []D, src []S, srcNull S, dstNull D) {
	for i, x := range src {
		if x == srcNull {
			dst[i] = dstNull
		} else {
			dst[i] = D(x)
		}
	}
}

// floatToIntLoop rounds half away from zero; results outside the target
// range (loEx and hiEx are the exclusive bounds lo-1 and hi+1) and NaN
// become NULL.
func floatToIntLoop[S sfloat, D sint](dst []D, src []S, srcNull S, dstNull D, loEx, hiEx float64) {
	for i, x := range src {
		f := float64(x)
		if f < 0 {
			f -= 0.5
		} else {
			f += 0.5
		}
		// NaN fails both comparisons.
		if x == srcNull || !(f > loEx && f < hiEx) {
			dst[i] = dstNull
			continue
		}
		dst[i] = D(int64(f))
	}
}

// floatToFloatLoop converts between FLOAT and DOUBLE; NaN, NULL and
// overflow become NULL, infinities stay infinities.
func floatToFloatLoop[S, D sfloat](dst []D, src []S, srcNull S, dstNull D) {
	for i, x := range src {
		y := D(x)
		if x == srcNull || x != x || math.IsInf(float64(y), 0) && !math.IsInf(float64(x), 0) {
			dst[i] = dstNull
		} else {
			dst[i] = y
		}
	}
}

// linearLoop computes FloorDiv(FloorMod(x, mod)*mul, div) per element
// (mod, mul, div of 0 or 1 are skipped); results outside [lo, hi] or
// overflowing become NULL.
func linearLoop[S, D sint](dst []D, src []S, srcNull S, dstNull D, mod, mul, div, lo, hi int64) {
	for i, x := range src {
		if x == srcNull {
			dst[i] = dstNull
			continue
		}
		v := int64(x)
		if mod > 1 {
			v %= mod
			if v < 0 {
				v += mod
			}
		}
		if mul > 1 {
			if v > math.MaxInt64/mul || v < -math.MaxInt64/mul {
				dst[i] = dstNull
				continue
			}
			v *= mul
		}
		if div > 1 {
			q := v / div
			if v%div != 0 && v < 0 {
				q--
			}
			v = q
		}
		if v < lo || v > hi {
			dst[i] = dstNull
			continue
		}
		dst[i] = D(v)
	}
}

// floatToDecimalLoop truncates x*p into unscaled decimals; it reports
// false on overflow.
func floatToDecimalLoop[S sfloat, D sint](dst []D, src []S, srcNull S, dstNull D, p, lo, hi float64) bool {
	for i, x := range src {
		f := float64(x)
		if x == srcNull || f != f || math.IsInf(f, 0) {
			dst[i] = dstNull
			continue
		}
		y := math.Trunc(f * p)
		if y < lo || y > hi {
			return false
		}
		dst[i] = D(y)
	}
	return true
}

// intToDecimalLoop multiplies integers by p; it reports false on overflow.
func intToDecimalLoop[S, D sint](dst []D, src []S, srcNull S, dstNull D, p, lo, hi int64) bool {
	for i, x := range src {
		if x == srcNull {
			dst[i] = dstNull
			continue
		}
		v := int64(x)
		if v > hi/p || v < lo/p {
			return false
		}
		dst[i] = D(v * p)
	}
	return true
}

// decimalToFloatLoop divides unscaled decimals by p.
func decimalToFloatLoop[S sint, D sfloat](dst []D, src []S, srcNull S, dstNull D, p float64) {
	for i, x := range src {
		if x == srcNull {
			dst[i] = dstNull
		} else {
			dst[i] = D(float64(x) / p)
		}
	}
}

// intToFloat converts v's integers into dst (a FLOAT or DOUBLE slice).
func intToFloat[D sfloat](dst []D, v *value.Vector, dstNull D) {
	switch v.T.Storage() {
	case value.StInt8:
		intToFloatLoop(dst, v.I8, value.NullInt8, dstNull)
	case value.StInt16:
		intToFloatLoop(dst, v.I16, value.NullInt16, dstNull)
	case value.StInt32:
		intToFloatLoop(dst, v.I32, value.NullInt32, dstNull)
	case value.StInt64:
		intToFloatLoop(dst, v.I64, value.NullInt64, dstNull)
	}
}

// floatToInt converts src (FLOAT or DOUBLE) into out's integers; values
// outside (lo, hi) become NULL.
func floatToInt[S sfloat](out *value.Vector, src []S, srcNull S, lo, hi float64) {
	switch out.T.Storage() {
	case value.StInt8:
		floatToIntLoop(out.I8, src, srcNull, value.NullInt8, lo, hi)
	case value.StInt16:
		floatToIntLoop(out.I16, src, srcNull, value.NullInt16, lo, hi)
	case value.StInt32:
		floatToIntLoop(out.I32, src, srcNull, value.NullInt32, lo, hi)
	case value.StInt64:
		floatToIntLoop(out.I64, src, srcNull, value.NullInt64, lo, hi)
	}
}

// intDispatch calls the loop matching v's and out's integer storages.
func intDispatch(v, out *value.Vector, f intLoops) bool {
	switch v.T.Storage() {
	case value.StInt8:
		return dispatchDst(v.I8, value.NullInt8, out, f)
	case value.StInt16:
		return dispatchDst(v.I16, value.NullInt16, out, f)
	case value.StInt32:
		return dispatchDst(v.I32, value.NullInt32, out, f)
	case value.StInt64:
		return dispatchDst(v.I64, value.NullInt64, out, f)
	}
	return false
}

// intLoops selects the integer-to-integer loop (loopWrap, loopLinear or
// loopDecimal) and its parameters.
type intLoops struct {
	kind                   int
	mod, mul, div, lo, hi  int64
	decimalP, decLo, decHi int64
}

const (
	loopWrap = iota
	loopLinear
	loopDecimal
)

func dispatchDst[S sint](src []S, srcNull S, out *value.Vector, f intLoops) bool {
	switch out.T.Storage() {
	case value.StInt8:
		return runIntLoop(out.I8, src, srcNull, value.NullInt8, f)
	case value.StInt16:
		return runIntLoop(out.I16, src, srcNull, value.NullInt16, f)
	case value.StInt32:
		return runIntLoop(out.I32, src, srcNull, value.NullInt32, f)
	case value.StInt64:
		return runIntLoop(out.I64, src, srcNull, value.NullInt64, f)
	}
	return false
}

func runIntLoop[S, D sint](dst []D, src []S, srcNull S, dstNull D, f intLoops) bool {
	switch f.kind {
	case loopWrap:
		wrapLoop(dst, src, srcNull, dstNull)
	case loopLinear:
		linearLoop(dst, src, srcNull, dstNull, f.mod, f.mul, f.div, f.lo, f.hi)
	case loopDecimal:
		return intToDecimalLoop(dst, src, srcNull, dstNull, f.decimalP, f.decLo, f.decHi)
	}
	return true
}

func isIntStorage(st value.Storage) bool {
	return st == value.StInt8 || st == value.StInt16 || st == value.StInt32 || st == value.StInt64
}

// fastCast handles the numeric and temporal pairs with dedicated loops;
// ok is false when the generic path must be used.
func fastCast(v *value.Vector, t value.Type, scale int32) (*value.Vector, bool, error) {
	from := v.T
	fc, tc := from.Category(), t.Category()
	fst, tst := from.Storage(), t.Storage()
	n := v.Len()
	newOut := func() *value.Vector {
		out := value.NewVector(t, n, n)
		out.Scale = scale
		return out
	}

	switch {
	// integers, BOOL and temporal raw values among themselves
	case isIntStorage(fst) && isIntStorage(tst) && !from.IsDecimal() && !t.IsDecimal() &&
		from != value.Month && t != value.Month:
		out := newOut()
		switch {
		case tc == value.CatLogical:
			switch fst {
			case value.StInt8:
				boolLoop(out.I8, v.I8, value.NullInt8)
			case value.StInt16:
				boolLoop(out.I8, v.I16, value.NullInt16)
			case value.StInt32:
				boolLoop(out.I8, v.I32, value.NullInt32)
			case value.StInt64:
				boolLoop(out.I8, v.I64, value.NullInt64)
			}
			return out, true, nil
		case fc == value.CatTemporal && tc == value.CatTemporal:
			fk, tk := temporalKind(from), temporalKind(t)
			if (fk == kindTime) != (tk == kindTime) && !(fk == kindDateTime && tk == kindTime) {
				return nil, false, cantConvert(from, 0, t, 0)
			}
			f := intLoops{kind: loopLinear}
			f.lo, f.hi = IntRange(t)
			if tk == kindTime && fk == kindDateTime {
				f.mod = unitsPerDay(from)
			}
			fu, tu := value.TickNanos(from), value.TickNanos(t)
			if fu >= tu {
				f.mul = fu / tu
			} else {
				f.div = tu / fu
			}
			intDispatch(v, out, f)
			return out, true, nil
		case tc == value.CatTemporal: // integral/BOOL -> temporal: raw
			f := intLoops{kind: loopWrap}
			if temporalKind(t) == kindTime {
				f = intLoops{kind: loopLinear, lo: 0, hi: unitsPerDay(t) - 1}
			}
			intDispatch(v, out, f)
			return out, true, nil
		default: // to integral: keep the low bits
			intDispatch(v, out, intLoops{kind: loopWrap})
			return out, true, nil
		}

	// integers / temporal -> floating
	case isIntStorage(fst) && !from.IsDecimal() && tc == value.CatFloating:
		out := newOut()
		switch t {
		case value.Double:
			intToFloat(out.F64, v, value.NullFloat64)
		case value.Float:
			intToFloat(out.F32, v, value.NullFloat32)
		}
		return out, true, nil

	// floating -> integral
	case fc == value.CatFloating && tc == value.CatIntegral:
		out := newOut()
		lo, hi := IntRange(t)
		flo, fhi := float64(lo)-1, float64(hi)+1
		if t.Storage() == value.StInt64 {
			flo, fhi = -9223372036854775808.0, 9223372036854775808.0
		}
		if from == value.Double {
			floatToInt(out, v.F64, value.NullFloat64, flo, fhi)
		} else {
			floatToInt(out, v.F32, value.NullFloat32, flo, fhi)
		}
		return out, true, nil

	// floating <-> floating
	case fc == value.CatFloating && tc == value.CatFloating:
		out := newOut()
		switch {
		case from == value.Float && t == value.Double:
			floatToFloatLoop(out.F64, v.F32, value.NullFloat32, value.NullFloat64)
		case from == value.Double && t == value.Float:
			floatToFloatLoop(out.F32, v.F64, value.NullFloat64, value.NullFloat32)
		}
		return out, true, nil

	// integers -> DECIMAL32/64
	case isIntStorage(fst) && fc == value.CatIntegral && from != value.Char && (t == value.Decimal32 || t == value.Decimal64):
		out := newOut()
		lo, hi := IntRange(t)
		if !intDispatch(v, out, intLoops{kind: loopDecimal, decimalP: pow10i64[scale], decLo: lo, decHi: hi}) {
			return nil, false, ddberr.Errorf("Decimal math overflow")
		}
		return out, true, nil

	// floating -> DECIMAL32/64
	case fc == value.CatFloating && (t == value.Decimal32 || t == value.Decimal64):
		out := newOut()
		p := math.Pow10(int(scale))
		lo, hi := IntRange(t)
		flo, fhi := float64(lo), float64(hi)
		if t == value.Decimal64 {
			flo, fhi = -maxF64Int64, maxF64Int64
		}
		ok := true
		switch {
		case from == value.Double && t == value.Decimal32:
			ok = floatToDecimalLoop(out.I32, v.F64, value.NullFloat64, value.NullInt32, p, flo, fhi)
		case from == value.Double && t == value.Decimal64:
			ok = floatToDecimalLoop(out.I64, v.F64, value.NullFloat64, value.NullInt64, p, flo, fhi)
		case from == value.Float && t == value.Decimal32:
			ok = floatToDecimalLoop(out.I32, v.F32, value.NullFloat32, value.NullInt32, p, flo, fhi)
		case from == value.Float && t == value.Decimal64:
			ok = floatToDecimalLoop(out.I64, v.F32, value.NullFloat32, value.NullInt64, p, flo, fhi)
		}
		if !ok {
			return nil, false, ddberr.Errorf("Decimal math overflow")
		}
		return out, true, nil

	// DECIMAL32/64 -> floating
	case (from == value.Decimal32 || from == value.Decimal64) && tc == value.CatFloating:
		out := newOut()
		p := math.Pow10(int(v.Scale))
		switch {
		case from == value.Decimal32 && t == value.Double:
			decimalToFloatLoop(out.F64, v.I32, value.NullInt32, value.NullFloat64, p)
		case from == value.Decimal64 && t == value.Double:
			decimalToFloatLoop(out.F64, v.I64, value.NullInt64, value.NullFloat64, p)
		case from == value.Decimal32 && t == value.Float:
			decimalToFloatLoop(out.F32, v.I32, value.NullInt32, value.NullFloat32, p)
		case from == value.Decimal64 && t == value.Float:
			decimalToFloatLoop(out.F32, v.I64, value.NullInt64, value.NullFloat32, p)
		}
		return out, true, nil

	// literal <-> literal: copy the strings once
	case fc == value.CatLiteral && tc == value.CatLiteral:
		if t == value.Symbol {
			return v.CodedAs(value.Symbol), true, nil
		}
		if _, _, ok := v.CompactSymbolCodes(); ok && t == value.String {
			// SYMBOL -> STRING keeps the codes (4 bytes a row)
			return v.CodedAs(value.String), true, nil
		}
		strs := v.Strings()
		if v.Syms == nil {
			strs = append([]string(nil), strs...)
		}
		out := value.NewStrings(t, strs)
		return out, true, nil

	// UUID / IPADDR / INT128 reinterpret
	case fst == value.StBytes16 && tst == value.StBytes16 && from != value.Decimal128 && t != value.Decimal128:
		out := &value.Vector{T: t, B16: append([][16]byte(nil), v.B16...)}
		return out, true, nil

	// dates and datetimes -> MONTH
	case t == value.Month && from != value.Month && isIntStorage(fst) &&
		(temporalKind(from) == kindDate || temporalKind(from) == kindDateTime):
		out := newOut()
		perDay := unitsPerDay(from)
		switch fst {
		case value.StInt32:
			monthLoop(out.I32, v.I32, value.NullInt32, perDay)
		case value.StInt64:
			monthLoop(out.I32, v.I64, value.NullInt64, perDay)
		default:
			return nil, false, nil
		}
		return out, true, nil

	// numbers and temporal values -> text
	case tc == value.CatLiteral:
		out, ok := textColumn(v, t)
		return out, ok, nil

	// text -> the other types
	case fc == value.CatLiteral:
		out, err := parseColumn(v, t, scale)
		return out, err == nil, err
	}
	return nil, false, nil
}

// monthLoop converts raw values of a date or datetime type with perDay
// units a day to MONTH (year*12 + month-1), NULL outside MONTH's range.
func monthLoop[S sint](dst []int32, src []S, srcNull S, perDay int64) {
	lo, hi := IntRange(value.Month)
	for i, x := range src {
		if x == srcNull {
			dst[i] = value.NullInt32
			continue
		}
		days := int64(x)
		if perDay > 1 {
			days = value.FloorDiv(days, perDay)
		}
		y, m, _ := value.CivilFromDays(days)
		r := int64(y)*12 + int64(m) - 1
		if r < lo || r > hi {
			dst[i] = value.NullInt32
			continue
		}
		dst[i] = int32(r)
	}
}

// FromScalars makes a vector from evaluated elements, as a vector literal
// does: a typed vector when every element is a scalar of compatible types
// (numbers promote, literals become STRING), otherwise a tuple.
func FromScalars(vals []value.Value) (value.Value, error) {
	if len(vals) == 0 {
		return value.NewTuple(nil), nil
	}
	t := value.Void
	for _, v := range vals {
		s, ok := v.(*value.Scalar)
		if !ok {
			return value.NewTuple(vals), nil
		}
		if s.T == value.Void {
			continue
		}
		switch {
		case t == value.Void:
			t = s.T
		case t == s.T:
		case t.IsNumeric() && s.T.IsNumeric() && t != value.Bool && s.T != value.Bool:
			t = value.Promote(t, s.T)
		case t.Category() == value.CatLiteral && s.T.Category() == value.CatLiteral:
			t = value.String
		default:
			return value.NewTuple(vals), nil
		}
	}
	if t == value.Void {
		return value.NewNullVector(value.Void, len(vals)), nil
	}
	// A DECIMAL vector has one scale; DECIMALs of different scales make a
	// tuple (funcs/d/decimal32.md: [1.23$DECIMAL32(4), 3.14$DECIMAL32(3)]
	// is ANY VECTOR). A DURATION vector here has one unit too, so
	// durations of different units (1m 2s) make a tuple and keep their
	// units.
	scale := int32(-1)
	if t.IsDecimal() || t == value.Duration {
		unit := ""
		for _, v := range vals {
			if s := v.(*value.Scalar); s.T == t && !s.Null {
				u := value.DurationUnit(s)
				if t != value.Duration {
					u = strconv.Itoa(int(s.Scale))
				}
				if unit != "" && u != unit {
					return value.NewTuple(vals), nil
				}
				unit, scale = u, s.Scale
			}
		}
	}
	out := value.NewVector(t, 0, len(vals))
	for _, v := range vals {
		s := v.(*value.Scalar)
		if s.T != t && !s.Null {
			to := s.Scale
			if scale >= 0 {
				to = scale
			}
			c, err := To(s, t, to)
			if err != nil {
				return nil, err
			}
			s = c.(*value.Scalar)
		}
		if scale < 0 {
			out.Scale = s.Scale
		}
		out.AppendScalar(s)
	}
	if scale >= 0 {
		out.Scale = scale
	}
	return out, nil
}
