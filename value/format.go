package value

import (
	"encoding/hex"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// FormatElem renders element i of v as the DolphinDB console prints it
// inside a vector or table cell; NULL renders as "". Literals are not quoted.
func (v *Vector) FormatElem(i int) string {
	if v.T == Any {
		return formatNested(v.Any[i])
	}
	if v.T.IsArray() {
		return v.Row(i).String()
	}
	if v.T.Storage() == StBytes16 && v.T != Decimal128 {
		// UUID, IPADDR and INT128 NULLs print as zeros.
		return FormatBytes16(v.T, v.B16[i], v.Scale)
	}
	if v.IsNull(i) {
		return ""
	}
	switch v.T.Storage() {
	case StInt8:
		if v.T == Char {
			return FormatChar(v.I8[i])
		}
		return FormatRaw(v.T, int64(v.I8[i]), v.Scale)
	case StInt16:
		return FormatRaw(v.T, int64(v.I16[i]), v.Scale)
	case StInt32:
		return FormatRaw(v.T, int64(v.I32[i]), v.Scale)
	case StInt64:
		return FormatRaw(v.T, v.I64[i], v.Scale)
	case StFloat32:
		return FormatFloat(float64(v.F32[i]), 6)
	case StFloat64:
		return FormatFloat(v.F64[i], 6)
	case StString:
		return v.StrAt(i)
	case StBytes16:
		return FormatBytes16(v.T, v.B16[i], v.Scale)
	case StPair2F64:
		return formatPair2(v.T, v.F64[2*i], v.F64[2*i+1])
	}
	return v.At(i).String()
}

// formatPair2 prints a COMPLEX as re+imi (complex(1, 3) is 1+3i) and a
// POINT as (x, y), as the complex and point reference pages show them.
func formatPair2(t Type, a, b float64) string {
	part := func(x float64) string {
		if x == NullFloat64 {
			return ""
		}
		return FormatFloat(x, 6)
	}
	if t == Point {
		return "(" + part(a) + ", " + part(b) + ")"
	}
	if b != NullFloat64 && (b < 0 || b == 0 && math.Signbit(b)) {
		return part(a) + "-" + part(-b) + "i"
	}
	return part(a) + "+" + part(b) + "i"
}

// String renders the scalar as the DolphinDB console prints it (NULL as
// the empty string, CHAR as 'c', literals bare).
func (s *Scalar) String() string {
	if s.T.Storage() == StBytes16 && s.T != Decimal128 {
		// uuid("") prints 00000000-0000-0000-0000-000000000000 ("Data Type
		// Conversion" page): UUID, IPADDR and INT128 NULLs print as zeros.
		if s.Null {
			return FormatBytes16(s.T, [16]byte{}, 0)
		}
		return FormatBytes16(s.T, s.B, s.Scale)
	}
	if s.Null {
		return ""
	}
	if s.T == Duration {
		return strconv.FormatInt(s.I, 10) + DurationUnit(s)
	}
	switch s.T.Storage() {
	case StInt8, StInt16, StInt32, StInt64:
		if s.T == Char {
			// char(99) prints 'c' ("char" reference page); a
			// non-printable CHAR prints its code (C++ API Char::getScript).
			if c := int8(s.I); c > 31 && c < 127 {
				return "'" + string(rune(c)) + "'"
			}
			return strconv.FormatInt(s.I, 10)
		}
		return FormatRaw(s.T, s.I, s.Scale)
	case StFloat32, StFloat64:
		return FormatFloat(s.F, 6)
	case StString:
		return s.S
	case StBytes16:
		return FormatBytes16(s.T, s.B, s.Scale)
	case StPair2F64:
		return formatPair2(s.T, s.F, pairSecond(s.B))
	}
	return ""
}

// String renders the vector as DolphinDB prints it: [1,,3], ["A","B"].
func (v *Vector) String() string { return v.format("") }

// nullLiterals are the typed NULL literals an array vector's rows print
// their NULLs as: [[00i,1,2]] (rowPrev, stretch reference pages).
var nullLiterals = map[Type]string{Bool: "00b", Char: "00c", Short: "00h", Int: "00i",
	Long: "00l", Float: "00f", Double: "00F", Date: "00d", Month: "00M", Time: "00t",
	Minute: "00m", Second: "00s", DateTime: "00D", Timestamp: "00T", NanoTime: "00n",
	NanoTimestamp: "00N", DateHour: "00H"}

// format renders v with its NULLs as null (empty at the top level).
func (v *Vector) format(null string) string {
	if v.T == Any {
		var b strings.Builder
		b.WriteByte('(')
		for i, x := range v.Any {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(formatNested(x))
		}
		b.WriteByte(')')
		return b.String()
	}
	var b strings.Builder
	b.WriteByte('[')
	n := v.Len()
	quote := v.T.Elem() == String || v.T.Elem() == Symbol || v.T.Elem() == Blob
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		if v.T.IsArray() {
			row := v.Row(i)
			b.WriteString(row.format(nullLiterals[row.T]))
			continue
		}
		if null != "" && v.IsNull(i) {
			b.WriteString(null)
			continue
		}
		if quote {
			if !v.IsNull(i) {
				b.WriteString(strconv.Quote(v.StrAt(i)))
			}
			continue
		}
		if v.T == Char && !v.IsNull(i) {
			// ['I','t',' ',10]: printable CHARs quoted, others as codes
			// ("toCharArray" reference page).
			if c := v.I8[i]; c > 31 && c < 127 {
				b.WriteByte('\'')
				b.WriteByte(byte(c))
				b.WriteByte('\'')
			} else {
				b.WriteString(strconv.Itoa(int(c)))
			}
			continue
		}
		b.WriteString(v.FormatElem(i))
	}
	b.WriteByte(']')
	return b.String()
}

// formatNested renders a value inside a tuple: strings quoted.
func formatNested(x Value) string {
	if s, ok := x.(*Scalar); ok && (s.T == String || s.T == Symbol) && !s.Null {
		return strconv.Quote(s.S)
	}
	return x.String()
}

// String renders a pair as a:b.
func (p *Pair) String() string { return p.V.FormatElem(0) + ":" + p.V.FormatElem(1) }

// String renders a set as set(a,b,...); a set of one NULL shows its
// typed literal, set(00i), which tells it from the empty set()
// (progr/data_mani/null_in_vst.md).
func (s *Set) String() string {
	if lit, ok := nullLiterals[s.V.T]; ok && s.V.Len() == 1 && s.V.IsNull(0) {
		return "set(" + lit + ")"
	}
	inner := s.V.String()
	return "set(" + inner[1:len(inner)-1] + ")"
}

// String renders a dictionary one entry per line, key->value.
func (d *Dict) String() string {
	var b strings.Builder
	for i, n := 0, d.Len(); i < n; i++ {
		b.WriteString(d.Keys.FormatElem(i))
		b.WriteString("->")
		b.WriteString(d.Vals.Elem(i).String())
		b.WriteByte('\n')
	}
	return b.String()
}

// String renders a matrix column by column, DolphinDB console style.
func (m *Matrix) String() string {
	cols := make([]*Vector, m.Cols)
	names := make([]string, m.Cols)
	for c := 0; c < m.Cols; c++ {
		cols[c] = m.V.Slice(c*m.Rows, (c+1)*m.Rows)
		names[c] = "#" + strconv.Itoa(c)
		if m.ColLabels != nil {
			names[c] = m.ColLabels.FormatElem(c)
		}
	}
	body := NewTable(names, cols).String()
	if m.RowLabels == nil || m.RowLabels.Len() != m.Rows {
		return body
	}
	// row labels stand left of a bar, as the console prints an indexed
	// series (tutorials/panel_data.md)
	labels := make([]string, m.Rows)
	w := 0
	for r := range labels {
		labels[r] = m.RowLabels.FormatTableCell(r)
		w = max(w, len(labels[r]))
	}
	lines := strings.SplitAfter(body, "\n")
	var b strings.Builder
	for i, line := range lines {
		switch {
		case line == "":
		case i < 2:
			b.WriteString(strings.Repeat(" ", w+1))
		default:
			b.WriteString(labels[i-2] + strings.Repeat(" ", w-len(labels[i-2])) + "|")
		}
		b.WriteString(line)
	}
	return b.String()
}

// String renders the table as the DolphinDB console does: a header, a
// dashed rule and left-aligned columns.
func (t *Table) String() string {
	rows := t.Rows()
	cells := make([][]string, len(t.Cols))
	widths := make([]int, len(t.Cols))
	for c, col := range t.Cols {
		cells[c] = make([]string, rows)
		widths[c] = len(t.Names[c])
		for r := 0; r < rows; r++ {
			s := col.FormatTableCell(r)
			cells[c][r] = s
			widths[c] = max(widths[c], len(s))
		}
	}
	var b strings.Builder
	line := func(get func(c int) string) {
		for c := range t.Cols {
			s := get(c)
			b.WriteString(s)
			if c < len(t.Cols)-1 {
				b.WriteString(strings.Repeat(" ", widths[c]-len(s)+1))
			}
		}
		b.WriteByte('\n')
	}
	line(func(c int) string { return t.Names[c] })
	line(func(c int) string { return strings.Repeat("-", widths[c]) })
	for r := 0; r < rows; r++ {
		line(func(c int) string { return cells[c][r] })
	}
	return b.String()
}

// FormatTableCell renders element i as a table cell: like FormatElem but
// with DOUBLE/FLOAT shown to at most 4 decimals, as DolphinDB does in
// tables.
func (v *Vector) FormatTableCell(i int) string {
	switch v.T {
	case Double:
		if v.IsNull(i) {
			return ""
		}
		return FormatFloat(v.F64[i], 4)
	case Float:
		if v.IsNull(i) {
			return ""
		}
		return FormatFloat(float64(v.F32[i]), 4)
	}
	return v.FormatElem(i)
}

// FormatChar renders a CHAR the way DolphinDB's Char::toString does (C++
// API ScalarImp.cpp): the character itself when printable (32..126),
// otherwise its code.
func FormatChar(c int8) string {
	if c > 31 && c < 127 {
		return string(rune(c))
	}
	return strconv.Itoa(int(c))
}

// FormatFloat prints f the way DolphinDB does, with at most prec
// fractional digits: magnitudes in (1e-6, 1e6) use the pattern "0.###…"
// (prec optional digits, trailing zeros dropped: 1\3 prints 0.333333,
// 11\3 prints 3.666667), others the scientific pattern "0.0##…E0"
// (1234567.0 prints 1.234567E6, 1e-7 prints 1.0E-7). Rounding adds half a
// unit of the last digit plus 1e-12 and truncates. This ports
// Double::toString and NumberFormat::format of DolphinDB's official C++
// API (src/ScalarImp.cpp, src/Format.cpp); the 6-decimal scalar form is
// confirmed by the "ratio" reference page. prec 4 is the table-cell form.
func FormatFloat(f float64, prec int) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	}
	if prec < 1 {
		prec = 1
	}
	a := math.Abs(f)
	if (a > 0 && a <= 0.000001) || a >= 1000000.0 {
		return numberFormat(f, 1, prec-1, true)
	}
	return numberFormat(f, 0, prec, false)
}

var pow10f = [10]float64{1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10}

// numberFormat is NumberFormat::format for the patterns "0.{fracMin zeros}
// {fracOpt #}" and, with sci, the same followed by "E0".
func numberFormat(x float64, fracMin, fracOpt int, sci bool) string {
	rounding := 0.5
	for d := fracMin + fracOpt; d > 0; {
		k := min(d, 10)
		d -= k
		rounding /= pow10f[k-1]
	}
	if 1e-12 < rounding/10 {
		rounding += 1e-12
	}
	var b []byte
	if x < 0 {
		b = append(b, '-')
		x = -x
	}
	sci = sci || x >= 1e15
	power := 0
	if sci {
		for x < 1 {
			power -= 10
			x *= pow10f[9]
		}
		if x >= 10 {
			for x >= pow10f[9] {
				power += 10
				x /= pow10f[9]
			}
			i := 0
			for i < 10 && x >= pow10f[i] {
				i++
			}
			if i >= 1 {
				power += i
				x /= pow10f[i-1]
			}
		}
	}
	x += rounding
	integral := int64(x)
	fraction := x - float64(integral)
	intPart := strconv.FormatInt(integral, 10)
	if sci && len(intPart) == 2 {
		power++
		fraction /= 10
		intPart = intPart[:1]
	}
	b = append(b, intPart...)
	if fracMin+fracOpt > 0 {
		b = append(b, '.')
		if fracMin > 0 {
			b = appendFraction(b, fracMin, false, &fraction)
		}
		if fracOpt > 0 {
			b = appendFraction(b, fracOpt, true, &fraction)
		}
		if b[len(b)-1] == '.' {
			b = b[:len(b)-1]
		}
	}
	if sci {
		b = append(b, 'E')
		b = strconv.AppendInt(b, int64(power), 10)
	}
	return string(b)
}

// appendFraction is NumberFormat::printFraction.
func appendFraction(b []byte, digits int, optional bool, fraction *float64) []byte {
	start := len(b)
	for digits != 0 {
		k := min(digits, 10)
		digits -= k
		val := *fraction * pow10f[k-1]
		x := int64(val)
		*fraction = val - float64(x)
		s := strconv.FormatInt(x, 10)
		if x == 0 {
			s = ""
		}
		if len(s) < k && (!optional || digits != 0 || x != 0) {
			b = append(b, strings.Repeat("0", k-len(s))...)
		}
		b = append(b, s...)
	}
	if optional {
		for len(b) > start && b[len(b)-1] == '0' {
			b = b[:len(b)-1]
		}
	}
	return b
}

// FormatRaw prints an integer-stored value of type t (BOOL, integral,
// DURATION, DECIMAL32/64 with its scale, temporal) from its raw int64.
func FormatRaw(t Type, x int64, scale int32) string {
	switch t {
	case Duration:
		return strconv.FormatInt(x, 10) + DurationUnitName(scale)
	case Bool:
		if x != 0 {
			return "true"
		}
		return "false"
	case Char, Short, Int, Long:
		return strconv.FormatInt(x, 10)
	case Decimal32, Decimal64:
		return formatDecimal(x, scale)
	}
	return FormatTemporal(t, x)
}

func formatDecimal(x int64, scale int32) string {
	neg := x < 0
	u := uint64(x)
	if neg {
		u = uint64(-x)
	}
	s := strconv.FormatUint(u, 10)
	if scale > 0 {
		for len(s) <= int(scale) {
			s = "0" + s
		}
		s = s[:len(s)-int(scale)] + "." + s[len(s)-int(scale):]
	}
	if neg {
		s = "-" + s
	}
	return s
}

// FormatTemporal renders a raw temporal value of type t.
func FormatTemporal(t Type, x int64) string {
	switch t {
	case Date:
		return formatDate(x)
	case Month:
		y, m := FloorDiv(x, 12), FloorMod(x, 12)+1
		return fmt.Sprintf("%04d.%02dM", y, m)
	case Time:
		return formatClock(FloorDiv(x, 1000)) + fmt.Sprintf(".%03d", FloorMod(x, 1000))
	case Minute:
		return fmt.Sprintf("%02d:%02dm", x/60, x%60)
	case Second:
		return formatClock(x)
	case DateTime:
		return formatDate(FloorDiv(x, SecPerDay)) + "T" + formatClock(FloorMod(x, SecPerDay))
	case Timestamp:
		days, ms := FloorDiv(x, MsPerDay), FloorMod(x, MsPerDay)
		return formatDate(days) + "T" + formatClock(ms/1000) + fmt.Sprintf(".%03d", ms%1000)
	case NanoTime:
		return formatClock(FloorDiv(x, NsPerSec)) + fmt.Sprintf(".%09d", FloorMod(x, NsPerSec))
	case NanoTimestamp:
		days, ns := FloorDiv(x, NsPerDay), FloorMod(x, NsPerDay)
		return formatDate(days) + "T" + formatClock(ns/NsPerSec) + fmt.Sprintf(".%09d", ns%NsPerSec)
	case DateHour:
		days, h := FloorDiv(x, 24), FloorMod(x, 24)
		return formatDate(days) + fmt.Sprintf("T%02d", h)
	case DateMinute:
		days, m := FloorDiv(x, 1440), FloorMod(x, 1440)
		return formatDate(days) + fmt.Sprintf("T%02d:%02dm", m/60, m%60)
	}
	return strconv.FormatInt(x, 10)
}

func formatDate(days int64) string {
	y, m, d := CivilFromDays(days)
	return fmt.Sprintf("%04d.%02d.%02d", y, m, d)
}

func formatClock(sec int64) string {
	return fmt.Sprintf("%02d:%02d:%02d", sec/3600, sec/60%60, sec%60)
}

// formatIPv6 ports IPAddr::toString of DolphinDB's C++ API
// (src/ScalarImp.cpp): groups in lowercase hex without leading zeros, and
// one run of zeros written as "::". The zero-run test is kept exactly as
// the C++ code has it for little-endian data: at group g (0 < g < 6) it
// looks at the 4 bytes b[11-2g..14-2g] (the low byte of g, group g+1 and
// the high byte of g+2), so "2001:db8::1" prints as written.
func formatIPv6(b [16]byte) string {
	zero4 := func(i int) bool { return b[11-i] == 0 && b[12-i] == 0 && b[13-i] == 0 && b[14-i] == 0 }
	var out []byte
	compressed := false
	for i := 0; i < 16; i += 2 {
		if i > 0 && i < 12 && !compressed && zero4(i) {
			compressed = true
			i += 2
			for i < 12 && zero4(i) {
				i += 2
			}
		} else {
			out = strconv.AppendUint(out, uint64(b[15-i])<<8|uint64(b[14-i]), 16)
		}
		out = append(out, ':')
	}
	return string(out[:len(out)-1])
}

// FormatBytes16 prints a 16-byte value of type t (UUID, IPADDR, INT128,
// DECIMAL128 with its scale).
func FormatBytes16(t Type, b [16]byte, scale int32) string {
	switch t {
	case UUID:
		var c [16]byte
		for i := range c {
			c[i] = b[15-i]
		}
		h := hex.EncodeToString(c[:])
		return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
	case IPAddr:
		zero := true
		for _, x := range b[4:] {
			if x != 0 {
				zero = false
			}
		}
		if zero {
			return fmt.Sprintf("%d.%d.%d.%d", b[3], b[2], b[1], b[0])
		}
		return formatIPv6(b)
	case Decimal128:
		return formatDecimal128(b, scale)
	}
	var c [16]byte
	for i := range c {
		c[i] = b[15-i]
	}
	return hex.EncodeToString(c[:])
}
