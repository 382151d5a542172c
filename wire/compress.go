package wire

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/pierrec/lz4/v4"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/wire/delta"
)

// Compression is a column compression method of the compressed-vector
// header (§4.2).
type Compression uint8

// Compression methods.
const (
	CompressNone  Compression = 0
	CompressLZ4   Compression = 1
	CompressDelta Compression = 2
	// CompressZstd is compress(X, "zstd") (funcs/c/compress.md): the LZ4
	// block layout with zstd blocks. The protocol spec defines codes 1
	// and 2 only; 3 is Porpoise's, which DolphinDB's APIs don't read.
	CompressZstd Compression = 3
)

func (c Compression) String() string {
	switch c {
	case CompressNone:
		return "NONE"
	case CompressLZ4:
		return "LZ4"
	case CompressDelta:
		return "DELTA"
	case CompressZstd:
		return "ZSTD"
	}
	return "COMPRESS?"
}

const (
	compHeaderSize = 28
	// maxRawBlock is the most a block decompresses to.
	maxRawBlock = 1 << 16
	// maxCompBlock is the largest compressed block the C++ API accepts
	// (DELTA's buffer; LZ4's bound is smaller).
	maxCompBlock = 2 << 16
	// lz4Ratio bounds how much an LZ4 block can expand (255:1 plus slack).
	lz4Ratio = 256
)

// fixedWidth is the element size of non-array fixed-width types, 0 for
// others.
func fixedWidth(t value.Type) int {
	if t.IsArray() {
		return 0
	}
	return t.Storage().Width()
}

// compressible reports whether WriteTable compresses a column of type t.
func compressible(t value.Type) bool {
	if t == value.Symbol || t.IsArray() {
		return false
	}
	return fixedWidth(t) > 0 || t == value.String || t == value.Blob
}

type compHeader struct {
	byteSize int32
	flag     byte
	method   Compression
	dataType value.Type
	unit     byte
	scale    int16
	count    int32
}

// readCompressed reads a compressed vector (after its "1a 01" header).
func (r *Reader) readCompressed() (*value.Vector, error) {
	hb, err := r.next(compHeaderSize)
	if err != nil {
		return nil, err
	}
	var bo binary.ByteOrder = binary.LittleEndian
	if r.big {
		bo = binary.BigEndian
	}
	h := compHeader{
		byteSize: int32(bo.Uint32(hb[0:])),
		flag:     hb[9],
		method:   Compression(hb[11]),
		dataType: value.Type(hb[12]),
		unit:     hb[13],
		scale:    int16(bo.Uint16(hb[14:])),
		count:    int32(bo.Uint32(hb[20:])),
	}
	if h.byteSize < 20 || h.count < 0 {
		return nil, malformed("compressed vector header: byteSize %d, elementCount %d", h.byteSize, h.count)
	}
	payload := int64(h.byteSize) - 20
	if err := r.need(payload, 1); err != nil {
		return nil, err
	}
	t := h.dataType
	if t == value.Symbol || t == value.SymbolExtended || t.Storage() == value.StNone || t.Storage() == value.StAny {
		return nil, unsupported("compressed vector of type %s", t)
	}
	if h.method != CompressLZ4 && h.method != CompressDelta && h.method != CompressZstd {
		return nil, unsupported("compression method %d", h.method)
	}
	big := h.flag == 0
	blocks, total, err := r.readBlocks(payload, h.method == CompressDelta)
	if err != nil {
		return nil, err
	}
	var v *value.Vector
	switch h.method {
	case CompressLZ4:
		v, err = r.readBlocked(t, h, blocks, total, big, lz4Codec)
	case CompressZstd:
		v, err = r.readBlocked(t, h, blocks, total, big, zstdCodec)
	default:
		v, err = r.readDelta(t, h, blocks, total, big)
	}
	if err != nil {
		return nil, err
	}
	if t.Elem().IsDecimal() {
		if h.scale < 0 || int32(h.scale) > int32(t.Elem().MaxScale()) {
			return nil, malformed("%s scale %d", t, h.scale)
		}
		v.Scale = int32(h.scale)
	}
	return v, nil
}

// maxKeptCompBuf bounds the compressed-payload buffer a Reader keeps
// between columns, so that one huge request does not pin its memory for
// the life of a connection.
const maxKeptCompBuf = 64 << 20

// readBlocks reads the blocks of a compressed payload: views of a byte
// slice source, or copies accumulated as stream data arrives. lsn skips the
// 8-byte LSN that follows a block whose length has bit 31 set (DELTA).
func (r *Reader) readBlocks(payload int64, lsn bool) ([][]byte, int64, error) {
	type span struct{ off, n int }
	var spans []span
	var blocks [][]byte
	// The previous column is decoded by now, so its compressed bytes'
	// buffer can take this column's: a table of compressed columns then
	// allocates it once instead of growing a new one per column.
	buf := r.compBuf[:0]
	defer func() {
		if cap(buf) <= maxKeptCompBuf {
			r.compBuf = buf[:0]
		} else {
			r.compBuf = nil
		}
	}()
	total := int64(0)
	for payload > 0 {
		if payload < 4 {
			return nil, 0, malformed("%d stray bytes after the last compressed block", payload)
		}
		n, err := r.i32()
		if err != nil {
			return nil, 0, err
		}
		payload -= 4
		hasLSN := n < 0
		n &= 0x7fffffff
		if n == 0 || n > maxCompBlock || int64(n) > payload {
			return nil, 0, malformed("compressed block of %d bytes (%d left)", n, payload)
		}
		if r.br == nil {
			b, err := r.next(int(n))
			if err != nil {
				return nil, 0, err
			}
			blocks = append(blocks, b)
		} else {
			off := len(buf)
			if buf, err = r.readGrow(buf, int(n), int(payload)); err != nil {
				return nil, 0, err
			}
			r.used += int64(n)
			spans = append(spans, span{off, int(n)})
		}
		payload -= int64(n)
		total += int64(n)
		if hasLSN && lsn && payload >= 8 {
			if _, err := r.next(8); err != nil {
				return nil, 0, err
			}
			payload -= 8
		}
	}
	for _, sp := range spans {
		blocks = append(blocks, buf[sp.off:sp.off+sp.n:sp.off+sp.n])
	}
	return blocks, total, nil
}

func (r *Reader) maxDecoded() int64 {
	if r.MaxFrame > 0 {
		return r.MaxFrame
	}
	return DefaultMaxFrame
}

// blockCodec decodes the blocks of a compressed vector laid out as LZ4's
// (independent blocks of at most maxRawBlock decoded bytes).
type blockCodec struct {
	name   string // for errors
	decode func(src, dst []byte) (int, error)
	ratio  int64 // the most a compressed byte decodes to
}

var lz4Codec = blockCodec{"LZ4", uncompressBlock, lz4Ratio}

// readBlocked decodes blocks (total compressed bytes) into count elements.
func (r *Reader) readBlocked(t value.Type, h compHeader, blocks [][]byte, total int64, big bool, c blockCodec) (*value.Vector, error) {
	count := int(h.count)
	if w := fixedWidth(t); w > 0 {
		size := int64(count) * int64(w)
		if size > total*c.ratio+maxRawBlock {
			return nil, malformed("%d bytes of %s data cannot hold %d elements of %s", total, c.name, count, t)
		}
		if size > r.maxDecoded() {
			return nil, limitErr("compressed vector decodes to %d bytes", size)
		}
		v := value.NewVector(t, count, count)
		dst, _ := v.FixedBytes()
		if !uncompressFullBlocks(blocks, dst, c.decode) {
			off := 0
			for _, b := range blocks {
				end := min(len(dst), off+maxRawBlock)
				n, err := c.decode(b, dst[off:end])
				if err != nil {
					return nil, malformed("%s block: %v", c.name, err)
				}
				off += n
			}
			if off != len(dst) {
				return nil, malformed("%s data holds %d bytes, want %d", c.name, off, len(dst))
			}
		}
		if t.Storage() == value.StBytes16 {
			if big {
				swapUnits(dst, 8)
			}
		} else if w := min(w, 8); big != hostBigEndian {
			swapUnits(dst, w)
		}
		return v, nil
	}
	if t == value.String {
		return r.readBlockedStrings(t, count, blocks, total, c)
	}
	var out []byte
	for _, b := range blocks {
		if int64(len(out)) > r.maxDecoded() {
			return nil, limitErr("compressed vector decodes to more than %d bytes", r.maxDecoded())
		}
		out = slices.Grow(out, maxRawBlock)
		n, err := c.decode(b, out[len(out):len(out)+maxRawBlock])
		if err != nil {
			return nil, malformed("%s block: %v", c.name, err)
		}
		out = out[:len(out)+n]
	}
	sub := NewBytesReader(out)
	sub.SetBigEndian(big)
	sub.MaxDepth = r.MaxDepth - r.depth
	var v *value.Vector
	var err error
	if t.IsArray() {
		v, err = sub.readArrayBody(t, count)
	} else {
		v = &value.Vector{T: t}
		v.Str, err = sub.readStrings(t, count)
	}
	if err != nil {
		if errors.Is(err, ErrUnsupported) {
			return nil, err
		}
		return nil, malformed("decompressed %s data: %v", t, err)
	}
	return v, nil
}

// parallelBlocks is the block count from which uncompressFullBlocks
// spreads a column over the CPUs: below it the goroutines cost more than
// they save.
const parallelBlocks = 16

// uncompressFullBlocks decodes a fixed-width column whose blocks all hold
// maxRawBlock bytes but the last, as the C++, Java and Python encoders cut
// them: block k then lands at dst[k*maxRawBlock:], so blocks decode in
// parallel. It reports false, leaving dst to be rewritten, when the
// column is small or a block does not fit that layout (another encoder, or
// bad data), for the sequential path to decode and diagnose.
func uncompressFullBlocks(blocks [][]byte, dst []byte, decode func(src, dst []byte) (int, error)) bool {
	nb := len(blocks)
	workers := min(runtime.GOMAXPROCS(0), nb/parallelBlocks)
	if workers < 2 || (nb-1)*maxRawBlock >= len(dst) || nb*maxRawBlock < len(dst) {
		return false
	}
	var next atomic.Int64
	var bad atomic.Bool
	work := func() {
		// A decoder panic must not escape a worker goroutine (it would end
		// the process): the block is bad, and the sequential path, run in
		// the caller's goroutine, diagnoses it.
		defer func() {
			if recover() != nil {
				bad.Store(true)
			}
		}()
		for !bad.Load() {
			k := int(next.Add(1) - 1)
			if k >= nb {
				return
			}
			lo := k * maxRawBlock
			hi := min(len(dst), lo+maxRawBlock)
			n, err := decode(blocks[k], dst[lo:hi])
			if err != nil || n != hi-lo {
				bad.Store(true)
			}
		}
	}
	var wg sync.WaitGroup
	for range workers - 1 {
		wg.Go(work)
	}
	work()
	wg.Wait()
	return !bad.Load()
}

// readBlockedStrings decodes blocks of count NUL-terminated texts one
// block at a time into a reused buffer, cutting the texts while the block
// is in the cache; the incomplete text at the end of a block is carried
// over to the next one. Bytes after the last text are ignored, but every
// block must still decode.
func (r *Reader) readBlockedStrings(t value.Type, count int, blocks [][]byte, total int64, c blockCodec) (*value.Vector, error) {
	if int64(count) > total*c.ratio+maxRawBlock {
		return nil, malformed("%d bytes of %s data cannot hold %d elements of %s", total, c.name, count, t)
	}
	r.st.BeginVector(count, true)
	// out costs at most 16 times the compressed bytes up front, as a
	// plain vector does; beyond that it grows with the texts found.
	size := min(count, initialAlloc/16)
	if int64(count) <= total {
		size = count
	}
	out := make([]string, 0, size)
	buf := r.lzbuf[:0]
	decoded := int64(0)
	for _, b := range blocks {
		carry := len(buf)
		buf = slices.Grow(buf, maxRawBlock)
		n, err := c.decode(b, buf[carry:carry+maxRawBlock])
		if err != nil {
			return nil, malformed("%s block: %v", c.name, err)
		}
		if decoded += int64(n); decoded > r.maxDecoded() {
			return nil, limitErr("compressed vector decodes to more than %d bytes", r.maxDecoded())
		}
		buf = buf[:carry+n]
		if len(out) == count {
			buf = buf[:0]
			continue
		}
		if bytes.IndexByte(buf[carry:], 0) < 0 {
			continue // still inside one long text: cut it once it ends
		}
		pos := 0
		for len(out) < count {
			if len(out) == cap(out) {
				out = slices.Grow(out, min(count-len(out), 3*len(out)))
			}
			slots := min(count, cap(out)) - len(out)
			k, used := r.st.Cut(out[len(out):len(out)+slots], buf[pos:])
			out = out[:len(out)+k]
			pos += used
			if k < slots {
				break
			}
		}
		buf = buf[:copy(buf, buf[pos:])]
	}
	if cap(buf) <= 4*maxRawBlock {
		r.lzbuf = buf[:0]
	}
	if len(out) < count {
		return nil, malformed("decompressed %s data: %v", t, io.ErrUnexpectedEOF)
	}
	return &value.Vector{T: t, Str: out}, nil
}

// uncompressBlock decodes one LZ4 block into dst. pierrec/lz4's assembly
// decoder dereferences a nil destination, so an empty dst is replaced by a
// one-byte buffer that must stay empty.
func uncompressBlock(src, dst []byte) (int, error) {
	if len(dst) > 0 {
		return lz4.UncompressBlock(src, dst)
	}
	var one [1]byte
	n, err := lz4.UncompressBlock(src, one[:])
	if err == nil && n > 0 {
		err = errors.New("more data than the element count")
	}
	return 0, err
}

// readDelta decodes delta-of-delta blocks (total bytes) into count elements.
func (r *Reader) readDelta(t value.Type, h compHeader, blocks [][]byte, total int64, big bool) (*value.Vector, error) {
	w := fixedWidth(t)
	if (w != 2 && w != 4 && w != 8) || t.Storage() == value.StFloat32 || t.Storage() == value.StFloat64 {
		return nil, unsupported("DELTA compression of %s", t)
	}
	if int(h.unit) != w {
		return nil, malformed("DELTA unitLength %d for %s", h.unit, t)
	}
	count := int(h.count)
	if int64(count) > total*8 {
		return nil, malformed("%d bytes of DELTA data cannot hold %d elements", total, count)
	}
	if int64(count)*int64(w) > r.maxDecoded() {
		return nil, limitErr("compressed vector decodes to %d bytes", int64(count)*int64(w))
	}
	v := value.NewVector(t, count, count)
	done := 0
	per := maxRawBlock / w
	for _, b := range blocks {
		if done >= count {
			break
		}
		end := min(count, done+per)
		var k int
		switch w {
		case 2:
			k = delta.Decode(b, big, v.I16[done:end])
		case 4:
			k = delta.Decode(b, big, v.I32[done:end])
		case 8:
			k = delta.Decode(b, big, v.I64[done:end])
		}
		if k == 0 {
			return nil, malformed("empty DELTA block")
		}
		done += k
	}
	if done != count {
		return nil, malformed("DELTA data holds %d elements, want %d", done, count)
	}
	return v, nil
}

// writeCompressed writes v as a compressed vector (type 26).
func (w *Writer) writeCompressed(v *value.Vector, m Compression) {
	if w.err != nil {
		return
	}
	var payload []byte
	var err error
	switch m {
	case CompressDelta:
		payload, err = deltaPayload(v, w.opts.BigEndian)
		if errors.Is(err, delta.ErrRange) {
			m = CompressLZ4
			payload, err = w.lz4Payload(v)
		}
	case CompressLZ4:
		payload, err = w.lz4Payload(v)
	case CompressZstd:
		payload, err = w.blockPayload(v, zstdBlock)
	default:
		err = unsupported("compression method %d", m)
	}
	if err != nil {
		w.fail(err)
		return
	}
	var h [2 + compHeaderSize]byte
	h[0], h[1] = byte(value.Compress), byte(value.FormVector)
	var bo binary.ByteOrder = binary.LittleEndian
	flag := byte(1)
	if w.opts.BigEndian {
		bo, flag = binary.BigEndian, 0
	}
	b := h[2:]
	bo.PutUint32(b[0:], uint32(20+len(payload)))
	bo.PutUint32(b[4:], 1)
	b[8] = 0
	b[9] = flag
	b[10] = 0xff
	b[11] = byte(m)
	b[12] = byte(v.T)
	if fw := fixedWidth(v.T); fw > 0 {
		b[13] = byte(fw)
	} else {
		b[13] = 0xff
	}
	scale := int32(0)
	if v.T.IsDecimal() {
		if scale = v.Scale; scale < 0 || scale > int32(v.T.MaxScale()) {
			w.fail(malformed("%s scale %d", v.T, scale))
			return
		}
	}
	bo.PutUint16(b[14:], uint16(scale))
	bo.PutUint32(b[16:], uint32(scale))
	bo.PutUint32(b[20:], uint32(v.Len()))
	bo.PutUint32(b[24:], 0xffffffff)
	w.write(h[:])
	w.write(payload)
}

// lz4Payload serializes v and compresses it in LZ4 blocks (blockPayload).
func (w *Writer) lz4Payload(v *value.Vector) ([]byte, error) {
	return w.blockPayload(v, func(raw, dst []byte) ([]byte, error) {
		n, err := w.lz4.CompressBlock(raw, dst[:cap(dst)])
		if err != nil || n == 0 {
			return nil, errors.New("wire: LZ4 compression failed")
		}
		return dst[:n], nil
	})
}

// blockPayload serializes v and compresses it in blocks of at most 64 KiB
// the way the C++ API does for LZ4: whole elements per block for
// fixed-width types, whole strings per block for STRING (a string longer
// than a block is split), and a continuous stream for BLOB (its length
// prefix never split). compress returns one block's bytes, in dst when
// they fit.
func (w *Writer) blockPayload(v *value.Vector, compress func(raw, dst []byte) ([]byte, error)) ([]byte, error) {
	var payload []byte
	dst := make([]byte, 0, lz4.CompressBlockBound(maxRawBlock))
	emit := func(raw []byte) error {
		c, err := compress(raw, dst)
		if err != nil {
			return err
		}
		n := len(c)
		if n > maxCompBlock {
			return errors.New("wire: a compressed block exceeds its bound")
		}
		var l [4]byte
		if w.opts.BigEndian {
			binary.BigEndian.PutUint32(l[:], uint32(n))
		} else {
			binary.LittleEndian.PutUint32(l[:], uint32(n))
		}
		payload = append(payload, l[:]...)
		payload = append(payload, c...)
		return nil
	}
	if fw := fixedWidth(v.T); fw > 0 {
		raw, _ := v.FixedBytes()
		unit := fw
		if fw == 16 {
			unit = 8
		}
		swap := v.T.Storage() == value.StBytes16 && w.opts.BigEndian ||
			v.T.Storage() != value.StBytes16 && unit > 1 && w.swapNum
		per := maxRawBlock / fw * fw
		var tmp []byte
		for off := 0; off < len(raw); off += per {
			chunk := raw[off:min(len(raw), off+per)]
			if swap {
				tmp = append(tmp[:0], chunk...)
				swapUnits(tmp, unit)
				chunk = tmp
			}
			if err := emit(chunk); err != nil {
				return nil, err
			}
		}
		return payload, nil
	}
	buf := make([]byte, 0, maxRawBlock)
	flush := func() error {
		if len(buf) == 0 {
			return nil
		}
		err := emit(buf)
		buf = buf[:0]
		return err
	}
	// put appends s, flushing full blocks on the way, so that reserve
	// more bytes still fit the block after it
	put := func(s string, reserve int) error {
		for len(s)+reserve > maxRawBlock-len(buf) {
			k := maxRawBlock - len(buf)
			buf = append(buf, s[:k]...)
			s = s[k:]
			if err := flush(); err != nil {
				return err
			}
		}
		buf = append(buf, s...)
		return nil
	}
	switch v.T {
	case value.String:
		for i, n := 0, v.Len(); i < n; i++ {
			s := v.StrAt(i) // coded STRING reads through its codes
			if bytesIndexNUL(s) {
				return nil, errNUL
			}
			if len(buf)+len(s)+1 > maxRawBlock && len(buf) > 0 {
				if err := flush(); err != nil {
					return nil, err
				}
			}
			if err := put(s, 1); err != nil {
				return nil, err
			}
			buf = append(buf, 0)
		}
	case value.Blob:
		for i, n := 0, v.Len(); i < n; i++ {
			s := v.StrAt(i)
			if maxRawBlock-len(buf) < 4 {
				if err := flush(); err != nil {
					return nil, err
				}
			}
			var l [4]byte
			if w.opts.BigEndian {
				binary.BigEndian.PutUint32(l[:], uint32(len(s)))
			} else {
				binary.LittleEndian.PutUint32(l[:], uint32(len(s)))
			}
			buf = append(buf, l[:]...)
			if err := put(s, 0); err != nil {
				return nil, err
			}
		}
	default:
		return nil, unsupported("LZ4 compression of %s", v.T)
	}
	if err := flush(); err != nil {
		return nil, err
	}
	return payload, nil
}

// DeltaEncodes reports whether DELTA compression can encode a vector of
// type t: the types stored as 16, 32 or 64-bit integers (SHORT, INT, LONG,
// the temporal types, DECIMAL32/64), not array vectors. Other columns
// are sent LZ4-compressed.
func DeltaEncodes(t value.Type) bool {
	if t.IsArray() {
		return false
	}
	switch t.Storage() {
	case value.StInt16, value.StInt32, value.StInt64:
		return true
	}
	return false
}

// deltaPayload encodes v with delta-of-delta in blocks of 64 KiB of raw
// data, as the C++ API does.
func deltaPayload(v *value.Vector, big bool) ([]byte, error) {
	var payload []byte
	var bw delta.BitWriter
	var err error
	var bo binary.AppendByteOrder = binary.LittleEndian
	if big {
		bo = binary.BigEndian
	}
	switch v.T.Storage() {
	case value.StInt16:
		payload, err = deltaBlocks(v.I16, &bw, bo, payload)
	case value.StInt32:
		payload, err = deltaBlocks(v.I32, &bw, bo, payload)
	case value.StInt64:
		payload, err = deltaBlocks(v.I64, &bw, bo, payload)
	default:
		return nil, unsupported("DELTA compression of %s (only SHORT/INT/LONG-based types)", v.T)
	}
	return payload, err
}

// deltaBlocks appends the blocks of data; bo orders the block lengths and
// the 64-bit words (little endian unless the container says big endian).
func deltaBlocks[T int16 | int32 | int64](data []T, bw *delta.BitWriter, bo binary.AppendByteOrder, payload []byte) ([]byte, error) {
	per := maxRawBlock / sizeOf[T]()
	for off := 0; off < len(data); off += per {
		bw.Reset()
		if err := delta.Encode(data[off:min(len(data), off+per)], bw); err != nil {
			return nil, err
		}
		words := bw.Finish()
		payload = bo.AppendUint32(payload, uint32(8*len(words)))
		for _, x := range words {
			payload = bo.AppendUint64(payload, x)
		}
	}
	return payload, nil
}

// CompressVector is v as a little-endian compressed vector without its
// "1a 01" type and form bytes: what compress() keeps as a COMPRESSED
// vector's bytes and the writer sends behind those two bytes.
func CompressVector(v *value.Vector, m Compression) ([]byte, error) {
	var b bytes.Buffer
	w := NewWriter(&b, nil)
	w.writeCompressed(v, m)
	if err := w.Flush(); err != nil {
		return nil, err
	}
	return b.Bytes()[2:], nil
}

// DecompressVector decodes CompressVector's bytes.
func DecompressVector(b []byte) (*value.Vector, error) {
	r := NewBytesReader(append([]byte{byte(value.Compress), byte(value.FormVector)}, b...))
	v, err := r.ReadObject()
	if err != nil {
		return nil, err
	}
	vec, ok := v.(*value.Vector)
	if !ok {
		return nil, malformed("compressed vector decodes to a %T", v)
	}
	return vec, nil
}

// writeCompressedBytes sends a COMPRESSED vector value (compress()'s
// result, CompressVector's bytes) as the compressed vector it holds,
// re-encoded when the peer reads big endian.
func (w *Writer) writeCompressedBytes(b []int8) {
	raw := make([]byte, len(b))
	for i, c := range b {
		raw[i] = byte(c)
	}
	if len(raw) < compHeaderSize {
		w.fail(malformed("compressed vector of %d bytes", len(raw)))
		return
	}
	if w.opts.BigEndian {
		v, err := DecompressVector(raw)
		if err != nil {
			w.fail(err)
			return
		}
		w.writeCompressed(v, Compression(raw[11]))
		return
	}
	w.write([]byte{byte(value.Compress), byte(value.FormVector)})
	w.write(raw)
}
