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
	if v.IsNull(i) {
		return ""
	}
	switch v.T.Storage() {
	case StInt8:
		return formatRaw(v.T, int64(v.I8[i]), v.Scale)
	case StInt16:
		return formatRaw(v.T, int64(v.I16[i]), v.Scale)
	case StInt32:
		return formatRaw(v.T, int64(v.I32[i]), v.Scale)
	case StInt64:
		return formatRaw(v.T, v.I64[i], v.Scale)
	case StFloat32:
		return FormatFloat(float64(v.F32[i]), 6)
	case StFloat64:
		return FormatFloat(v.F64[i], 6)
	case StString:
		return v.Str[i]
	case StBytes16:
		return formatBytes16(v.T, v.B16[i], v.Scale)
	}
	return v.At(i).String()
}

// String renders the scalar as the DolphinDB console prints it (NULL as
// the empty string, CHAR as 'c', literals bare).
func (s *Scalar) String() string {
	if s.Null {
		return ""
	}
	switch s.T.Storage() {
	case StInt8, StInt16, StInt32, StInt64:
		if s.T == Char {
			return "'" + string(rune(byte(s.I))) + "'"
		}
		return formatRaw(s.T, s.I, s.Scale)
	case StFloat32, StFloat64:
		return FormatFloat(s.F, 6)
	case StString:
		return s.S
	case StBytes16:
		return formatBytes16(s.T, s.B, s.Scale)
	}
	return ""
}

// String renders the vector as DolphinDB prints it: [1,,3], ["A","B"].
func (v *Vector) String() string {
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
			b.WriteString(v.Row(i).String())
			continue
		}
		if quote {
			if !v.IsNull(i) {
				b.WriteString(strconv.Quote(v.Str[i]))
			}
			continue
		}
		if v.T == Char && !v.IsNull(i) {
			b.WriteString(strconv.Itoa(int(v.I8[i])))
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

// String renders a set as set(a,b,...).
func (s *Set) String() string {
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
	return NewTable(names, cols).String()
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
	case Char:
		if v.IsNull(i) {
			return ""
		}
		return strconv.Itoa(int(v.I8[i]))
	}
	return v.FormatElem(i)
}

// FormatFloat prints f with at most prec decimals, trailing zeros
// dropped; magnitudes that fixed notation cannot show fall back to
// exponent notation.
func FormatFloat(f float64, prec int) string {
	if math.IsInf(f, 1) {
		return "inf"
	}
	if math.IsInf(f, -1) {
		return "-inf"
	}
	if math.IsNaN(f) {
		return "nan"
	}
	a := math.Abs(f)
	if a != 0 && (a < math.Pow10(-prec) || a >= 1e18) {
		s := strconv.FormatFloat(f, 'e', prec-1, 64)
		mant, exp, _ := strings.Cut(s, "e")
		if strings.Contains(mant, ".") {
			mant = strings.TrimRight(strings.TrimRight(mant, "0"), ".")
		}
		return mant + "e" + exp
	}
	s := strconv.FormatFloat(f, 'f', prec, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if s == "-0" {
		s = "0"
	}
	return s
}

func formatRaw(t Type, x int64, scale int32) string {
	switch t {
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
		y, m := floorDiv(x, 12), floorMod(x, 12)+1
		return fmt.Sprintf("%04d.%02dM", y, m)
	case Time:
		return formatClock(floorDiv(x, 1000)) + fmt.Sprintf(".%03d", floorMod(x, 1000))
	case Minute:
		return fmt.Sprintf("%02d:%02dm", x/60, x%60)
	case Second:
		return formatClock(x)
	case DateTime:
		return formatDate(floorDiv(x, secPerDay)) + "T" + formatClock(floorMod(x, secPerDay))
	case Timestamp:
		days, ms := floorDiv(x, msPerDay), floorMod(x, msPerDay)
		return formatDate(days) + "T" + formatClock(ms/1000) + fmt.Sprintf(".%03d", ms%1000)
	case NanoTime:
		return formatClock(floorDiv(x, nsPerSec)) + fmt.Sprintf(".%09d", floorMod(x, nsPerSec))
	case NanoTimestamp:
		days, ns := floorDiv(x, nsPerDay), floorMod(x, nsPerDay)
		return formatDate(days) + "T" + formatClock(ns/nsPerSec) + fmt.Sprintf(".%09d", ns%nsPerSec)
	case DateHour:
		days, h := floorDiv(x, 24), floorMod(x, 24)
		return formatDate(days) + fmt.Sprintf("T%02d", h)
	case DateMinute:
		days, m := floorDiv(x, 1440), floorMod(x, 1440)
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

func formatBytes16(t Type, b [16]byte, scale int32) string {
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
		var parts []string
		for i := 15; i > 0; i -= 2 {
			parts = append(parts, strconv.FormatUint(uint64(b[i])<<8|uint64(b[i-1]), 16))
		}
		return strings.Join(parts, ":")
	case Decimal128:
		return formatDecimal128(b, scale)
	}
	var c [16]byte
	for i := range c {
		c[i] = b[15-i]
	}
	return hex.EncodeToString(c[:])
}
