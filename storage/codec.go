package storage

import (
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"sync"
	"unsafe"

	"github.com/pierrec/lz4/v4"
	"github.com/porpoisedb/porpoise/value"
)

// Column value format (one Pebble value per column per block):
//
//	[0] format version (1)   [1] type id   [2] encoding (0 raw, 1 lz4, 2 delta+lz4)
//	uvarint rows, varint decimal scale, uvarint raw payload length, payload
//
// The raw payload is the typed slice in little endian; STRING/BLOB: rows
// uint32 lengths then the bytes; SYMBOL: rows int32 ids; array vectors:
// rows int64 end offsets then the flattened fixed-width elements. With
// delta+lz4 (32- and 64-bit integer columns) the payload holds x[0],
// x[1]-x[0], x[2]-x[1] ... (wrapping), which suits sorted and slowly
// changing columns such as timestamps.
const (
	formatV1    = 1
	encRaw      = 0
	encLZ4      = 1
	encDeltaLZ4 = 2

	// minCompress is the raw size under which LZ4 is not tried.
	minCompress = 64
	// sampleSize is the prefix LZ4 compresses first to detect
	// incompressible payloads of 4*sampleSize bytes or more.
	sampleSize = 64 << 10
)

var errCorrupt = errors.New("storage: corrupt column value")

// littleEndian reports whether the machine stores integers little endian,
// in which case typed slices are copied to and from storage as raw memory.
var littleEndian = !value.HostBigEndian()

// appendLE appends native-order memory b of w-byte elements in little endian.
func appendLE(dst, b []byte, w int) []byte {
	if littleEndian || w == 1 {
		return append(dst, b...)
	}
	n := len(dst)
	dst = append(dst, b...)
	swapInPlace(dst[n:], w)
	return dst
}

// swapInPlace reverses every w-byte group of b (little <-> big endian).
func swapInPlace(b []byte, w int) {
	for i := 0; i+w <= len(b); i += w {
		slices.Reverse(b[i : i+w])
	}
}

// fromLE converts b, just filled with little-endian w-byte elements, to
// native order.
func fromLE(b []byte, w int) {
	if !littleEndian && w > 1 {
		swapInPlace(b, w)
	}
}

// extend grows s by n elements and returns the whole slice and the new tail.
func extend[T any](s []T, n int) ([]T, []T) { return value.Extend(s, n) }

// supported reports whether a column of type t can be stored.
func supported(t value.Type) bool {
	if t.IsArray() {
		switch t.Elem().Storage() {
		case value.StInt8, value.StInt16, value.StInt32, value.StInt64, value.StFloat32, value.StFloat64, value.StBytes16:
			return t.Elem() != value.Symbol
		}
		return false
	}
	switch t.Storage() {
	case value.StInt8, value.StInt16, value.StInt32, value.StInt64, value.StFloat32, value.StFloat64,
		value.StString, value.StBytes16, value.StPair2F64:
		return t != value.FunctionDef && t != value.Handle && t != value.Code
	}
	return false
}

// fixedBytes returns the native memory of a fixed-width vector (flattened
// elements for an array vector) and the unit of its byte order.
func fixedBytes(v *value.Vector) ([]byte, int) {
	b, w := v.FixedBytes()
	return b, leUnit(v, w)
}

// leUnit is the unit storage orders bytes by for elements of width w:
// the width, but 16-byte values are stored as bytes and COMPLEX/POINT as
// two float64s.
func leUnit(v *value.Vector, w int) int {
	if w != 16 {
		return w
	}
	if v.T.Elem().Storage() == value.StBytes16 {
		return 1
	}
	return 8
}

// encoder turns columns into stored values; one per goroutine (pooled).
type encoder struct {
	c   lz4.Compressor
	out []byte  // header + payload of the last encode
	raw []byte  // scratch raw payload
	tmp []byte  // scratch for trial compression
	ids []int32 // scratch reordered symbol ids
	d32 []int32 // scratch deltas
	d64 []int64

	// scratch for reordered rows of fixed-width and string columns
	scratch value.Vector
}

// reordered returns the rows of v in order o, in the encoder's scratch
// space when v is a plain fixed-width or string vector (valid until the
// next call; call release after encoding).
func (e *encoder) reordered(v *value.Vector, o order) *value.Vector {
	if v.T.IsArray() || v.T.Storage() == value.StPair2F64 || v.T.Storage() == value.StAny {
		return gatherVec(v, o.Permutation())
	}
	return v.Reorder(&e.scratch, o.Perm, o.Inv)
}

// release drops the scratch's references to the caller's strings.
func (e *encoder) release() {
	clear(e.scratch.Str)
}

var encoderPool = sync.Pool{New: func() any { return new(encoder) }}

// rawVector returns the raw payload of v (possibly in e.raw).
func (e *encoder) rawVector(v *value.Vector) []byte {
	if v.T.IsArray() {
		raw := appendLE(e.raw[:0], value.AsBytes(v.Offsets), 8)
		b, w := fixedBytes(v)
		flat := 0
		if n := len(v.Offsets); n > 0 {
			flat = int(v.Offsets[n-1])
		}
		raw = appendLE(raw, b[:flat*elemBytes(v.T.Elem())], w)
		e.raw = raw
		return raw
	}
	if v.T.Storage() == value.StString {
		if codes, base, ok := v.SymbolCodes(); ok {
			return e.rawCodedStrings(codes, base)
		}
		strs, n := v.Str, 0
		for _, s := range strs {
			n += len(s)
		}
		raw := slices.Grow(e.raw[:0], 4*len(strs)+n)
		for _, s := range strs {
			raw = binary.LittleEndian.AppendUint32(raw, uint32(len(s)))
		}
		for _, s := range strs {
			raw = append(raw, s...)
		}
		e.raw = raw
		return raw
	}
	b, w := fixedBytes(v)
	if littleEndian || w == 1 {
		return b
	}
	e.raw = appendLE(e.raw[:0], b, w)
	return e.raw
}

// rawCodedStrings is rawVector's string payload of a coded STRING column
// (codes into base): its texts are read through the codes, never
// materialised as a string a row.
func (e *encoder) rawCodedStrings(codes []int32, base []string) []byte {
	n := 0
	for _, c := range codes {
		n += len(base[c])
	}
	raw := slices.Grow(e.raw[:0], 4*len(codes)+n)
	for _, c := range codes {
		raw = binary.LittleEndian.AppendUint32(raw, uint32(len(base[c])))
	}
	for _, c := range codes {
		raw = append(raw, base[c]...)
	}
	e.raw = raw
	return raw
}

// elemBytes is the size of one element of a fixed-width type.
func elemBytes(t value.Type) int { return t.Storage().Width() }

// encodeVector encodes v (not SYMBOL) into e.out and returns it.
func (e *encoder) encodeVector(v *value.Vector) []byte {
	if !v.T.IsArray() {
		switch v.T.Storage() {
		case value.StInt32:
			return encodeInts(e, v.T, v.Scale, v.I32, &e.d32)
		case value.StInt64:
			return encodeInts(e, v.T, v.Scale, v.I64, &e.d64)
		}
	}
	return e.encode(v.T, v.Scale, v.Len(), e.rawVector(v))
}

// encodeIDs encodes a SYMBOL column given as symbol-base ids.
func (e *encoder) encodeIDs(ids []int32) []byte {
	raw := value.AsBytes(ids)
	if !littleEndian {
		e.raw = appendLE(e.raw[:0], raw, 4)
		raw = e.raw
	}
	return e.encode(value.Symbol, 0, len(ids), raw)
}

// encode stores raw LZ4-compressed, or as it is when it is small or a
// sample shows it does not compress.
func (e *encoder) encode(t value.Type, scale int32, rows int, raw []byte) []byte {
	if len(raw) < minCompress || (len(raw) >= 4*sampleSize && e.trial(raw[:sampleSize]) < 0) {
		return e.encodeAs(t, scale, rows, raw, encRaw)
	}
	return e.encodeAs(t, scale, rows, raw, encLZ4)
}

// encodeInts encodes a 32- or 64-bit integer column, delta-encoded when a
// sample compresses clearly better that way.
func encodeInts[T int32 | int64](e *encoder, t value.Type, scale int32, s []T, scratch *[]T) []byte {
	var z T
	w := int(unsafe.Sizeof(z))
	plainLE := func() []byte {
		if littleEndian {
			return value.AsBytes(s)
		}
		e.raw = appendLE(e.raw[:0], value.AsBytes(s), w)
		return e.raw
	}
	if len(s)*w < minCompress {
		return e.encodeAs(t, scale, len(s), plainLE(), encRaw)
	}
	n := min(len(s), sampleSize/w)
	d, _ := extend((*scratch)[:0], len(s))
	*scratch = d
	delta(d[:n], s[:n])
	plain, deltas := e.trial(value.AsBytes(s[:n])), e.trial(value.AsBytes(d[:n]))
	switch {
	case deltas >= 0 && (plain < 0 || deltas < plain*7/8):
		delta(d, s)
		deltaLE := value.AsBytes(d)
		if !littleEndian {
			e.raw = appendLE(e.raw[:0], deltaLE, w)
			deltaLE = e.raw
		}
		if out := e.encodeAs(t, scale, len(s), deltaLE, encDeltaLZ4); out != nil {
			return out
		}
		return e.encodeAs(t, scale, len(s), plainLE(), encRaw)
	case plain >= 0:
		return e.encodeAs(t, scale, len(s), plainLE(), encLZ4)
	}
	return e.encodeAs(t, scale, len(s), plainLE(), encRaw)
}

// trial returns the LZ4-compressed size of sample, or -1 when it does not
// compress to 15/16 of its size.
func (e *encoder) trial(sample []byte) int {
	e.tmp = slices.Grow(e.tmp[:0], lz4.CompressBlockBound(len(sample)))
	n, err := e.c.CompressBlock(sample, e.tmp[:cap(e.tmp)])
	if err != nil || n == 0 || n > len(sample)*15/16 {
		return -1
	}
	return n
}

// encodeAs writes the header and raw with encoding enc into e.out and
// returns it. LZ4 output that does not shrink raw is replaced by raw
// itself, except for delta+LZ4, where encodeAs returns nil instead.
func (e *encoder) encodeAs(t value.Type, scale int32, rows int, raw []byte, enc byte) []byte {
	const maxHdr = 3 + 3*binary.MaxVarintLen64
	bound := len(raw)
	if enc != encRaw {
		bound = lz4.CompressBlockBound(len(raw))
	}
	out := slices.Grow(e.out[:0], maxHdr+bound)
	out = append(out, formatV1, byte(t), encRaw)
	out = binary.AppendUvarint(out, uint64(rows))
	out = binary.AppendVarint(out, int64(scale))
	out = binary.AppendUvarint(out, uint64(len(raw)))
	h := len(out)
	e.out = out
	if enc != encRaw {
		n, err := e.c.CompressBlock(raw, out[h:h+bound])
		if err == nil && n > 0 && n < len(raw) {
			out[2] = enc
			e.out = out[:h+n]
			return e.out
		}
		if enc == encDeltaLZ4 {
			return nil
		}
	}
	e.out = append(out, raw...)
	return e.out
}

// header is a parsed column value.
type header struct {
	t       value.Type
	enc     byte
	rows    int
	scale   int32
	rawLen  int
	payload []byte
}

func parseHeader(val []byte) (header, error) {
	var h header
	if len(val) < 3 || val[0] != formatV1 || val[2] > encDeltaLZ4 {
		return h, errCorrupt
	}
	h.t, h.enc = value.Type(val[1]), val[2]
	p := val[3:]
	rows, n := binary.Uvarint(p)
	if n <= 0 {
		return h, errCorrupt
	}
	p = p[n:]
	scale, n := binary.Varint(p)
	if n <= 0 {
		return h, errCorrupt
	}
	p = p[n:]
	rawLen, n := binary.Uvarint(p)
	if n <= 0 || rawLen > 1<<40 || rows > 1<<40 {
		return h, errCorrupt
	}
	h.rows, h.scale, h.rawLen, h.payload = int(rows), int32(scale), int(rawLen), p[n:]
	if h.enc == encRaw && len(h.payload) != h.rawLen {
		return h, errCorrupt
	}
	return h, nil
}

// into writes the raw payload into dst, which must be exactly rawLen long.
func (h header) into(dst []byte) error {
	if len(dst) != h.rawLen {
		return errCorrupt
	}
	if h.enc == encRaw {
		copy(dst, h.payload)
		return nil
	}
	if h.enc == encDeltaLZ4 && !h.deltaOK(len(dst)) {
		return errCorrupt
	}
	n, err := lz4.UncompressBlock(h.payload, dst)
	if err != nil || n != h.rawLen {
		return errCorrupt
	}
	return nil
}

// deltaOK reports whether delta encoding is plausible for the header's
// type and an n-byte payload.
func (h header) deltaOK(n int) bool {
	if h.t.IsArray() {
		return false
	}
	switch h.t.Storage() {
	case value.StInt32:
		return n == 4*h.rows
	case value.StInt64:
		return n == 8*h.rows
	}
	return false
}

// raw returns the raw payload in a new buffer.
func (h header) raw() ([]byte, error) {
	b := make([]byte, h.rawLen)
	return b, h.into(b)
}

// colBuf accumulates one column while reading: a vector, or for SYMBOL the
// ids into the chunk's symbol base.
type colBuf struct {
	t     value.Type
	scale int32
	v     *value.Vector
	ids   []int32
	sym   bool
}

func newColBuf(t value.Type, capacity int) *colBuf {
	b := &colBuf{t: t, sym: t == value.Symbol}
	if b.sym {
		b.ids = make([]int32, 0, capacity)
	} else {
		if t.IsArray() {
			capacity = 0
		}
		b.v = value.NewVector(t, 0, capacity)
	}
	return b
}

func (b *colBuf) len() int {
	if b.sym {
		return len(b.ids)
	}
	return b.v.Len()
}

// appendNulls appends n NULLs (id 0 for SYMBOL).
func (b *colBuf) appendNulls(n int) {
	if b.sym {
		b.ids = append(b.ids, make([]int32, n)...)
		return
	}
	b.v.AppendNulls(n)
}

// compatible reports whether a column stored as type stored can be read as
// type want: the same physical representation, and SYMBOL only as SYMBOL.
func compatible(stored, want value.Type) bool {
	if stored == want {
		return true
	}
	if stored.IsArray() != want.IsArray() || (stored == value.Symbol) != (want == value.Symbol) {
		return false
	}
	return stored.Elem().Storage() == want.Elem().Storage()
}

// decode appends the column value val to b; rows is the block's row
// count (checked against the value's) or -1.
func (b *colBuf) decode(val []byte, rows int) error {
	h, err := parseHeader(val)
	if err != nil {
		return err
	}
	if rows < 0 {
		rows = h.rows
	} else if h.rows != rows {
		return fmt.Errorf("%w: %d rows in a block of %d", errCorrupt, h.rows, rows)
	}
	if !compatible(h.t, b.t) {
		return fmt.Errorf("storage: column stored as %s cannot be read as %s", h.t, b.t)
	}
	b.scale = h.scale
	if b.sym {
		var tail []int32
		b.ids, tail = extend(b.ids, rows)
		raw := value.AsBytes(tail)
		if err := h.into(raw); err != nil {
			return err
		}
		fromLE(raw, 4)
		return nil
	}
	v := b.v
	if v.T.IsArray() {
		return decodeArray(v, h)
	}
	if v.T.Storage() == value.StString {
		raw, err := h.raw()
		if err != nil {
			return err
		}
		if len(raw) < 4*rows {
			return errCorrupt
		}
		data := raw[4*rows:]
		var all string
		if len(data) > 0 {
			all = unsafe.String(&data[0], len(data)) // raw is ours and never modified
		}
		var tail []string
		v.Str, tail = extend(v.Str, rows)
		off := 0
		for i := range tail {
			l := int(binary.LittleEndian.Uint32(raw[4*i:]))
			if off+l > len(all) {
				return errCorrupt
			}
			tail[i] = all[off : off+l]
			off += l
		}
		return nil
	}
	dst, w := extendFixed(v, rows)
	if err := h.into(dst); err != nil {
		return err
	}
	fromLE(dst, w)
	if h.enc == encDeltaLZ4 {
		switch v.T.Storage() {
		case value.StInt32:
			undelta(v.I32[len(v.I32)-rows:])
		case value.StInt64:
			undelta(v.I64[len(v.I64)-rows:])
		}
	}
	return nil
}

// delta writes the differences of consecutive elements of src (the first
// element as is) into dst, with wrapping arithmetic.
func delta[T int32 | int64](dst, src []T) {
	prev := T(0)
	for i, x := range src {
		dst[i] = x - prev
		prev = x
	}
}

// undelta inverts delta in place.
func undelta[T int32 | int64](s []T) {
	acc := T(0)
	for i, d := range s {
		acc += d
		s[i] = acc
	}
}

// extendFixed grows a fixed-width vector (or the flattened data of an array
// vector) by n elements and returns the new tail's memory and byte-order
// unit.
func extendFixed(v *value.Vector, n int) ([]byte, int) {
	b, w := v.ExtendFixed(n)
	return b, leUnit(v, w)
}

func decodeArray(v *value.Vector, h header) error {
	raw, err := h.raw()
	if err != nil {
		return err
	}
	if len(raw) < 8*h.rows {
		return errCorrupt
	}
	base := int64(0)
	if n := len(v.Offsets); n > 0 {
		base = v.Offsets[n-1]
	}
	prev := int64(0)
	for i := range h.rows {
		off := int64(binary.LittleEndian.Uint64(raw[8*i:]))
		if off < prev {
			return errCorrupt
		}
		prev = off
		v.Offsets = append(v.Offsets, base+off)
	}
	dst, w := extendFixed(v, int(prev))
	if len(dst) != len(raw)-8*h.rows {
		return errCorrupt
	}
	copy(dst, raw[8*h.rows:])
	fromLE(dst, w)
	return nil
}
