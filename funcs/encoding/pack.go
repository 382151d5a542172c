package encoding

import (
	"encoding/binary"
	"math"
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// A format string (funcs/appendix.md) is Python's struct format: an
// optional first character choosing byte order, sizes and alignment,
// then items, each an optional count and a format character. '@' (the
// default) is the machine's order with C's native sizes and alignment;
// '=', '<', '>' and '!' use standard sizes without alignment.

// item is one format character with its count: for 's' and 'p' the
// count is the byte length of one string, for the others a repetition.
type item struct {
	code  byte
	count int
}

// byteOrder reads and appends in one byte order.
type byteOrder interface {
	binary.ByteOrder
	binary.AppendByteOrder
}

type layout struct {
	order  byteOrder
	native bool
	items  []item
}

// nativeSizes and standardSizes are the byte sizes of the format
// characters ('s' and 'p' aside); a character missing from
// standardSizes exists only in native mode.
var (
	nativeSizes = map[byte]int{'x': 1, 'c': 1, 'b': 1, 'B': 1, '?': 1, 'h': 2, 'H': 2, 'i': 4, 'I': 4,
		'l': 8, 'L': 8, 'q': 8, 'Q': 8, 'n': 8, 'N': 8, 'f': 4, 'd': 8, 'P': 8}
	standardSizes = map[byte]int{'x': 1, 'c': 1, 'b': 1, 'B': 1, '?': 1, 'h': 2, 'H': 2, 'i': 4, 'I': 4,
		'l': 4, 'L': 4, 'q': 8, 'Q': 8, 'f': 4, 'd': 8}
)

func badFormat(format string) error {
	return ddberr.Errorf("Invalid format string '%s'.", format)
}

// formatArg is the format argument of pack and unpack, parsed.
func formatArg(fn string, x value.Value) (*layout, error) {
	format, err := funcs.StrScalarArg(fn, "format", x)
	if err != nil {
		return nil, err
	}
	return parseFormat(format)
}

func parseFormat(format string) (*layout, error) {
	l := &layout{order: binary.LittleEndian, native: true}
	f := format
	if f != "" {
		switch f[0] {
		case '@':
			f = f[1:]
		case '=', '<':
			l.native, f = false, f[1:]
		case '>', '!':
			l.order, l.native, f = binary.BigEndian, false, f[1:]
		}
	}
	for i := 0; i < len(f); {
		if f[i] == ' ' || f[i] == '\t' || f[i] == '\n' {
			i++
			continue
		}
		count, digits := 0, false
		for ; i < len(f) && f[i] >= '0' && f[i] <= '9'; i++ {
			count, digits = count*10+int(f[i]-'0'), true
			if count > 1<<20 {
				return nil, badFormat(format)
			}
		}
		if i == len(f) {
			return nil, badFormat(format)
		}
		c := f[i]
		i++
		if !digits {
			count = 1
		}
		if c != 's' && c != 'p' && l.size(c) == 0 {
			return nil, badFormat(format)
		}
		l.items = append(l.items, item{c, count})
	}
	return l, nil
}

func (l *layout) size(c byte) int {
	if l.native {
		return nativeSizes[c]
	}
	return standardSizes[c]
}

// align is the padding before a value of format c at offset off.
func (l *layout) align(c byte, off int) int {
	if !l.native || c == 's' || c == 'p' {
		return 0
	}
	n := l.size(c)
	return (n - off%n) % n
}

// args is how many values the layout packs: one per string, one per
// repetition of the others ('x' included, whose value is ignored).
func (l *layout) args() int {
	n := 0
	for _, it := range l.items {
		if it.code == 's' || it.code == 'p' {
			n++
		} else {
			n += it.count
		}
	}
	return n
}

// length is the packed byte length.
func (l *layout) length() int {
	off := 0
	for _, it := range l.items {
		if it.code == 's' || it.code == 'p' {
			off += it.count
			continue
		}
		for range it.count {
			off += l.align(it.code, off) + l.size(it.code)
		}
	}
	return off
}

// pack is pack(format, args...): the args laid out as the format says,
// as a BLOB.
func pack(_ funcs.Env, args []value.Value) (value.Value, error) {
	l, err := formatArg("pack", args[0])
	if err != nil {
		return nil, err
	}
	vals := args[1:]
	if len(vals) != l.args() {
		return nil, ddberr.Errorf("pack expected %d items for packing (got %d).", l.args(), len(vals))
	}
	buf := make([]byte, 0, l.length())
	k := 0
	for _, it := range l.items {
		if it.code == 's' || it.code == 'p' {
			s, ok := funcs.StringArg(vals[k])
			if !ok {
				return nil, ddberr.Errorf("The argument for '%c' of pack must be a string.", it.code)
			}
			k++
			buf = packString(buf, it, s)
			continue
		}
		for range it.count {
			buf = append(buf, make([]byte, l.align(it.code, len(buf)))...)
			if buf, err = l.packOne(buf, it.code, vals[k]); err != nil {
				return nil, err
			}
			k++
		}
	}
	return &value.Scalar{T: value.Blob, S: string(buf)}, nil
}

// packString writes s into it.count bytes, truncated or padded with
// zeros; 'p' (a Pascal string) spends the first byte on the length.
func packString(buf []byte, it item, s string) []byte {
	n := it.count
	if it.code == 'p' && n > 0 {
		s = s[:min(len(s), n-1, 255)]
		buf = append(buf, byte(len(s)))
		n--
	}
	s = s[:min(len(s), n)]
	buf = append(buf, s...)
	return append(buf, make([]byte, n-len(s))...)
}

// intRanges are the integer format characters' ranges in standard size.
var intRanges = map[byte][2]float64{
	'b': {math.MinInt8, math.MaxInt8}, 'B': {0, math.MaxUint8}, '?': {math.MinInt64, math.MaxInt64},
	'h': {math.MinInt16, math.MaxInt16}, 'H': {0, math.MaxUint16},
	'i': {math.MinInt32, math.MaxInt32}, 'I': {0, math.MaxUint32},
	'q': {math.MinInt64, math.MaxInt64}, 'Q': {0, math.MaxInt64},
	'n': {math.MinInt64, math.MaxInt64}, 'N': {0, math.MaxInt64}, 'P': {math.MinInt64, math.MaxInt64},
}

func (l *layout) packOne(buf []byte, c byte, x value.Value) ([]byte, error) {
	size := l.size(c)
	switch c {
	case 'x':
		return append(buf, 0), nil
	case 'c':
		s, ok := x.(*value.Scalar)
		switch {
		case ok && s.T == value.Char:
			return append(buf, byte(s.I)), nil
		case ok && s.T.Category() == value.CatLiteral && len(s.S) == 1:
			return append(buf, s.S[0]), nil
		}
		return nil, ddberr.Errorf("The argument for 'c' of pack must be a CHAR or a string of length 1.")
	case 'f', 'd':
		s, ok := x.(*value.Scalar)
		if !ok || s.T.Category() != value.CatIntegral && s.T.Category() != value.CatFloating {
			return nil, ddberr.Errorf("The argument for '%c' of pack must be a number.", c)
		}
		f := s.Float64()
		if c == 'f' {
			return l.order.AppendUint32(buf, math.Float32bits(float32(f))), nil
		}
		return l.order.AppendUint64(buf, math.Float64bits(f)), nil
	}
	s, ok := x.(*value.Scalar)
	if !ok || s.Null || s.T.Category() != value.CatIntegral && s.T != value.Bool {
		return nil, ddberr.Errorf("The argument for '%c' of pack must be an integer.", c)
	}
	// l and L are C's long: the range of i and I in 4 bytes, q and Q in 8
	if c == 'l' || c == 'L' {
		c = map[[2]int]byte{{'l', 4}: 'i', {'L', 4}: 'I', {'l', 8}: 'q', {'L', 8}: 'Q'}[[2]int{int(c), size}]
	}
	if r := intRanges[c]; float64(s.I) < r[0] || float64(s.I) > r[1] {
		return nil, ddberr.Errorf("The argument for '%c' of pack is out of range.", c)
	}
	switch size {
	case 1:
		return append(buf, byte(s.I)), nil
	case 2:
		return l.order.AppendUint16(buf, uint16(s.I)), nil
	case 4:
		return l.order.AppendUint32(buf, uint32(s.I)), nil
	}
	return l.order.AppendUint64(buf, uint64(s.I)), nil
}

// unpack is unpack(format, buf): the values buf holds, as a tuple.
// Integers come back as LONG, 'c' as CHAR, 's' and 'p' as STRING, 'x'
// as NULL, 'f' and 'd' as DOUBLE.
func unpack(_ funcs.Env, args []value.Value) (value.Value, error) {
	l, err := formatArg("unpack", args[0])
	if err != nil {
		return nil, err
	}
	buf, err := funcs.StrScalarArg("unpack", "buf", args[1])
	if err != nil {
		return nil, err
	}
	if n := l.length(); len(buf) != n {
		return nil, ddberr.Errorf("unpack requires a buffer of %d bytes.", n)
	}
	out := make([]value.Value, 0, l.args())
	off := 0
	for _, it := range l.items {
		if it.code == 's' || it.code == 'p' {
			s := buf[off : off+it.count]
			if it.code == 'p' && it.count > 0 {
				s = s[1 : 1+min(int(s[0]), it.count-1)]
			}
			out = append(out, value.NewString(strings.Clone(s)))
			off += it.count
			continue
		}
		for range it.count {
			off += l.align(it.code, off)
			size := l.size(it.code)
			out = append(out, l.unpackOne(it.code, []byte(buf[off:off+size])))
			off += size
		}
	}
	return value.NewTuple(out), nil
}

func (l *layout) unpackOne(c byte, b []byte) value.Value {
	switch c {
	case 'x':
		return value.NullScalar(value.Void)
	case 'c':
		return value.NewTyped(value.Char, int64(int8(b[0])))
	case 'f':
		return value.NewDouble(float64(math.Float32frombits(l.order.Uint32(b))))
	case 'd':
		return value.NewDouble(math.Float64frombits(l.order.Uint64(b)))
	}
	signed := c == 'b' || c == 'h' || c == 'i' || c == 'l' || c == 'q' || c == 'n' || c == 'P' || c == '?'
	var n int64
	switch len(b) {
	case 1:
		n = int64(b[0])
		if signed {
			n = int64(int8(b[0]))
		}
	case 2:
		n = int64(l.order.Uint16(b))
		if signed {
			n = int64(int16(n))
		}
	case 4:
		n = int64(l.order.Uint32(b))
		if signed {
			n = int64(int32(n))
		}
	default:
		n = int64(l.order.Uint64(b))
	}
	return value.NewLong(n)
}
