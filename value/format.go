package value

import (
	"math"
	"strconv"
	"strings"

	"github.com/porpoisedb/porpoise/value/digits"
	"github.com/porpoisedb/porpoise/value/text16"
)

// FormatElem renders element i of v as the DolphinDB console prints it
// inside a vector or table cell; NULL renders as "". Literals are not quoted.
func (v *Vector) FormatElem(i int) string {
	if s, ok := v.iotAt(i); ok { // printed as a cell of its own type
		return s.String()
	} else if v.T.Storage() == StAny {
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
// fractional digits (digits.AppendFloat).
func FormatFloat(f float64, prec int) string {
	var buf [32]byte
	return string(digits.AppendFloat(buf[:0], f, prec))
}

// FormatRaw prints an integer-stored value of type t (BOOL, integral,
// DURATION, DECIMAL32/64 with its scale, temporal) from its raw int64.
func FormatRaw(t Type, x int64, scale int32) string {
	if t == Duration {
		return strconv.FormatInt(x, 10) + DurationUnitName(scale)
	}
	var buf [32]byte
	return string(AppendRaw(buf[:0], t, x, scale))
}

// AppendRaw appends FormatRaw's text of a value of any type but DURATION.
func AppendRaw(b []byte, t Type, x int64, scale int32) []byte {
	switch t {
	case Bool:
		if x != 0 {
			return append(b, "true"...)
		}
		return append(b, "false"...)
	case Char, Short, Int, Long:
		return strconv.AppendInt(b, x, 10)
	case Decimal32, Decimal64:
		return digits.AppendDecimal(b, x, scale)
	}
	return AppendTemporal(b, t, x)
}

// FormatTemporal renders a raw temporal value of type t.
func FormatTemporal(t Type, x int64) string {
	var buf [32]byte
	return string(AppendTemporal(buf[:0], t, x))
}

// AppendTemporal appends FormatTemporal's text.
func AppendTemporal(b []byte, t Type, x int64) []byte {
	switch t {
	case Date:
		return appendDate(b, x)
	case Month:
		b = digits.AppendPadded(b, FloorDiv(x, 12), 4)
		b = append(b, '.')
		b = digits.AppendPadded(b, FloorMod(x, 12)+1, 2)
		return append(b, 'M')
	case Time:
		return appendFrac(digits.AppendClock(b, FloorDiv(x, 1000)), FloorMod(x, 1000), 3)
	case Minute:
		b = digits.AppendPadded(b, x/60, 2)
		b = append(b, ':')
		b = digits.AppendPadded(b, x%60, 2)
		return append(b, 'm')
	case Second:
		return digits.AppendClock(b, x)
	case DateTime:
		b = append(appendDate(b, FloorDiv(x, SecPerDay)), 'T')
		return digits.AppendClock(b, FloorMod(x, SecPerDay))
	case Timestamp:
		days, ms := FloorDiv(x, MsPerDay), FloorMod(x, MsPerDay)
		b = digits.AppendClock(append(appendDate(b, days), 'T'), ms/1000)
		return appendFrac(b, ms%1000, 3)
	case NanoTime:
		return appendFrac(digits.AppendClock(b, FloorDiv(x, NsPerSec)), FloorMod(x, NsPerSec), 9)
	case NanoTimestamp:
		days, ns := FloorDiv(x, NsPerDay), FloorMod(x, NsPerDay)
		b = digits.AppendClock(append(appendDate(b, days), 'T'), ns/NsPerSec)
		return appendFrac(b, ns%NsPerSec, 9)
	case DateHour:
		b = append(appendDate(b, FloorDiv(x, 24)), 'T')
		return digits.AppendPadded(b, FloorMod(x, 24), 2)
	case DateMinute:
		m := FloorMod(x, 1440)
		b = append(appendDate(b, FloorDiv(x, 1440)), 'T')
		b = append(digits.AppendPadded(b, m/60, 2), ':')
		return append(digits.AppendPadded(b, m%60, 2), 'm')
	}
	return strconv.AppendInt(b, x, 10)
}

func appendDate(b []byte, days int64) []byte {
	y, m, d := CivilFromDays(days)
	return digits.AppendDate(b, y, m, d)
}

// appendFrac appends '.' and a fraction of a second (0 <= f) in n digits.
func appendFrac(b []byte, f int64, n int) []byte {
	return digits.AppendPadded(append(b, '.'), f, n)
}

// FormatBytes16 prints a 16-byte value of type t (UUID, IPADDR, INT128,
// DECIMAL128 with its scale).
func FormatBytes16(t Type, b [16]byte, scale int32) string {
	switch t {
	case UUID:
		return text16.UUID(b)
	case IPAddr:
		return text16.IPAddr(b)
	case Decimal128:
		return text16.Decimal(b, scale)
	}
	return text16.Hex(b)
}
