package wire

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"math"
	"slices"

	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/wire/strtab"
)

// Limits applied by a Reader unless its fields are changed.
const (
	// DefaultMaxFrame caps the bytes of one object (or of all arguments of
	// one request) read from a stream.
	DefaultMaxFrame = 1 << 30
	// DefaultMaxDepth caps object nesting (tuples in tuples, dictionaries
	// of tables ...).
	DefaultMaxDepth = 64
	// DefaultMaxBody caps a request body (script text).
	DefaultMaxBody = 256 << 20
	// maxLine caps a reply's header or status line.
	maxLine = 64 << 10
	// maxRequestLine caps a request's header line; real ones are < 200
	// bytes.
	maxRequestLine = 4096
	// initialAlloc is the most a stream decoder allocates ahead of the data
	// it has received, so a lying count cannot make it allocate far more
	// than the peer actually sends; slices then grow 4x at a time.
	initialAlloc = 1 << 20
	// maxKeptNames and maxKeptName bound the column names a stream
	// Reader keeps.
	maxKeptNames = 256
	maxKeptName  = 64
	// defaultBufSize is the bufio buffer used when the caller does not
	// supply a *bufio.Reader or *bufio.Writer.
	defaultBufSize = 64 << 10
)

// Reader decodes objects and frames from a byte slice or a stream. It is
// not safe for concurrent use. A stream Reader buffers: keep using the same
// Reader for everything read from the connection.
type Reader struct {
	br  *bufio.Reader // stream source, nil for a byte slice
	src []byte        // byte-slice source
	off int

	used, limit int64 // stream accounting for the current frame

	// MaxFrame caps the bytes of one top-level object (or of a request's
	// arguments) read from a stream; counts are validated against what is
	// left of it. A byte-slice Reader validates against the slice instead.
	MaxFrame int64
	// MaxDepth caps object nesting.
	MaxDepth int
	// MaxBody caps the body of a request.
	MaxBody int
	// Message, when set, receives the text of each print-output record
	// of a reply as ReadResponse reads it (a client shows output while a
	// request runs); Response.Messages then stays empty.
	Message func(text string)
	// TableName, when set, is called with every decoded table whose wire
	// name is not empty (value.Table has no name field).
	TableName func(t *value.Table, name string)

	big     bool // data is big endian
	swapNum bool // numeric data byte order differs from the host's
	depth   int
	syms    map[int32]*wireSymbols // symbol bases of the current top-level object
	scratch []byte
	lzbuf   []byte // LZ4 block buffer of compressed STRING vectors
	compBuf []byte // a stream's compressed payload, reused column to column
	st      strtab.Table
	names   map[string]string // column names seen by a stream Reader
}

// NewReader returns a Reader over r, which it wraps in a bufio.Reader
// unless r already is one.
func NewReader(r io.Reader) *Reader {
	br, ok := r.(*bufio.Reader)
	if !ok {
		br = bufio.NewReaderSize(r, defaultBufSize)
	}
	rd := &Reader{br: br}
	rd.init()
	return rd
}

// NewBytesReader returns a Reader over b; counts are validated against
// the bytes left in b.
func NewBytesReader(b []byte) *Reader {
	rd := &Reader{src: b}
	rd.init()
	return rd
}

func (r *Reader) init() {
	r.MaxFrame = DefaultMaxFrame
	r.MaxDepth = DefaultMaxDepth
	r.MaxBody = DefaultMaxBody
	r.SetBigEndian(false)
}

// SetBigEndian sets the byte order of the objects that follow (requests
// and responses announce it; the default is little endian).
func (r *Reader) SetBigEndian(big bool) {
	r.big = big
	r.swapNum = big != hostBigEndian
}

// Offset is the number of bytes consumed from a byte-slice Reader.
func (r *Reader) Offset() int { return r.off }

// beginFrame starts a new accounting frame for a stream.
func (r *Reader) beginFrame() {
	r.used = 0
	r.limit = r.MaxFrame
	if r.limit <= 0 {
		r.limit = DefaultMaxFrame
	}
}

// remaining is the number of bytes the current frame can still hold.
func (r *Reader) remaining() int64 {
	if r.br == nil {
		return int64(len(r.src) - r.off)
	}
	return r.limit - r.used
}

// need checks that count elements of at least size bytes each can still be
// present in the frame.
func (r *Reader) need(count, size int64) error {
	if count < 0 {
		return malformed("negative count %d", count)
	}
	if size > 0 && count > r.remaining()/size {
		if r.br == nil {
			return io.ErrUnexpectedEOF
		}
		return limitErr("%d elements of %d bytes exceed the frame limit", count, size)
	}
	return nil
}

func eofErr(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}

// take returns a view of the next n bytes of an in-memory source.
func (r *Reader) take(n int) ([]byte, error) {
	if n > len(r.src)-r.off {
		r.off = len(r.src)
		return nil, io.ErrUnexpectedEOF
	}
	b := r.src[r.off : r.off+n : r.off+n]
	r.off += n
	return b, nil
}

// next returns a view of the next n bytes, valid until the next read.
func (r *Reader) next(n int) ([]byte, error) {
	if n < 0 {
		return nil, malformed("negative length")
	}
	if r.br == nil {
		return r.take(n)
	}
	if int64(n) > r.limit-r.used {
		return nil, limitErr("frame larger than %d bytes", r.limit)
	}
	r.used += int64(n)
	if n <= r.br.Size() {
		b, err := r.br.Peek(n)
		if err != nil {
			return nil, eofErr(err)
		}
		_, _ = r.br.Discard(n)
		return b, nil
	}
	b, err := r.readGrow(r.scratch[:0], n, n)
	if err != nil {
		return nil, err
	}
	r.scratch = b
	return b, nil
}

// readGrow appends exactly n bytes from the stream to buf, growing it as
// data actually arrives: at most initialAlloc (or 3x what it already holds)
// ahead of the received data, and never beyond hint more bytes in total.
func (r *Reader) readGrow(buf []byte, n, hint int) ([]byte, error) {
	want := len(buf) + n
	for len(buf) < want {
		if len(buf) == cap(buf) {
			buf = slices.Grow(buf, min(max(want-len(buf), hint), max(initialAlloc, 3*len(buf))))
		}
		k := min(want-len(buf), cap(buf)-len(buf))
		old := len(buf)
		buf = buf[:old+k]
		if _, err := io.ReadFull(r.br, buf[old:]); err != nil {
			return nil, eofErr(err)
		}
		hint -= k
	}
	return buf, nil
}

// preCap is how many of n elements of size bytes to allocate up front: all
// of them for a byte slice (n was validated against it), at most
// initialAlloc bytes' worth for a stream, whose frame size is only bounded
// by MaxFrame; stream decoders grow their slices as data arrives.
func (r *Reader) preCap(n, size int) int {
	if r.br == nil || n <= initialAlloc/size {
		return n
	}
	return max(1, initialAlloc/size)
}

// fill reads exactly len(dst) bytes into dst.
func (r *Reader) fill(dst []byte) error {
	if r.br == nil {
		if len(dst) > len(r.src)-r.off {
			r.off = len(r.src)
			return io.ErrUnexpectedEOF
		}
		r.off += copy(dst, r.src[r.off:])
		return nil
	}
	if int64(len(dst)) > r.limit-r.used {
		return limitErr("frame larger than %d bytes", r.limit)
	}
	r.used += int64(len(dst))
	_, err := io.ReadFull(r.br, dst)
	return eofErr(err)
}

func (r *Reader) u8() (byte, error) {
	if r.br == nil {
		if r.off >= len(r.src) {
			return 0, io.ErrUnexpectedEOF
		}
		b := r.src[r.off]
		r.off++
		return b, nil
	}
	if r.used >= r.limit {
		return 0, limitErr("frame larger than %d bytes", r.limit)
	}
	b, err := r.br.ReadByte()
	if err != nil {
		return 0, eofErr(err)
	}
	r.used++
	return b, nil
}

// order is the byte order of the data's numbers.
func (r *Reader) order() binary.ByteOrder {
	if r.big {
		return binary.BigEndian
	}
	return binary.LittleEndian
}

// readNum reads one n-byte number with get, in the data's byte order.
func readNum[T any](r *Reader, n int, get func(binary.ByteOrder, []byte) T) (T, error) {
	b, err := r.next(n)
	if err != nil {
		var zero T
		return zero, err
	}
	return get(r.order(), b), nil
}

func (r *Reader) u16() (uint16, error) { return readNum(r, 2, binary.ByteOrder.Uint16) }

func (r *Reader) u32() (uint32, error) { return readNum(r, 4, binary.ByteOrder.Uint32) }

func (r *Reader) i32() (int32, error) {
	u, err := r.u32()
	return int32(u), err
}

// i32x2 reads two consecutive INTs (rows and columns, id and size).
func (r *Reader) i32x2() (a, b int32, err error) {
	if a, err = r.i32(); err != nil {
		return 0, 0, err
	}
	b, err = r.i32()
	return a, b, err
}

func (r *Reader) u64() (uint64, error) { return readNum(r, 8, binary.ByteOrder.Uint64) }

func (r *Reader) f64() (float64, error) {
	u, err := r.u64()
	return math.Float64frombits(u), err
}

// b16 reads a 16-byte value, returned in little-endian (wire) order.
func (r *Reader) b16() ([16]byte, error) {
	var v [16]byte
	b, err := r.next(16)
	if err != nil {
		return v, err
	}
	copy(v[:], b)
	if r.big {
		swapUnits(v[:], 8)
	}
	return v, nil
}

// cstring returns the bytes up to the next NUL (consumed, not included),
// valid until the next read.
func (r *Reader) cstring() ([]byte, error) {
	if r.br == nil {
		i := bytes.IndexByte(r.src[r.off:], 0)
		if i < 0 {
			r.off = len(r.src)
			return nil, io.ErrUnexpectedEOF
		}
		b := r.src[r.off : r.off+i : r.off+i]
		r.off += i + 1
		return b, nil
	}
	return r.streamDelim(0, r.limit-r.used, true)
}

// scanCStrings reads n NUL-terminated texts of a stream, cut in bulk
// inside the bufio buffer.
func (r *Reader) scanCStrings(n int) ([]string, error) {
	out := make([]string, 0, r.preCap(n, 16))
	for len(out) < n {
		if len(out) == cap(out) {
			out = slices.Grow(out, min(n-len(out), 3*len(out)))
		}
		buf, _ := r.br.Peek(r.br.Buffered())
		if avail := r.limit - r.used; int64(len(buf)) > avail {
			buf = buf[:avail]
		}
		k, pos := r.st.Cut(out[len(out):min(n, cap(out))], buf)
		r.used += int64(pos)
		_, _ = r.br.Discard(pos)
		out = out[:len(out)+k]
		if k == 0 && len(out) < n {
			// Nothing complete is buffered: read one text the slow way
			// (it may span the buffer), which also refills the buffer.
			b, err := r.cstring()
			if err != nil {
				return nil, err
			}
			out = append(out, r.st.Text(b))
		}
	}
	return out, nil
}

// streamDelim reads up to and including delim from the stream, at most max
// bytes, returning the bytes before delim (valid until the next read).
func (r *Reader) streamDelim(delim byte, max int64, account bool) ([]byte, error) {
	var acc []byte
	got := int64(0)
	for {
		b, err := r.br.ReadSlice(delim)
		got += int64(len(b))
		if got > max {
			return nil, limitErr("unterminated text longer than %d bytes", max)
		}
		if err == nil {
			if account {
				r.used += got
			}
			if acc == nil {
				return b[:len(b)-1], nil
			}
			acc = append(acc, b...)
			r.scratch = acc
			return acc[:len(acc)-1], nil
		}
		if err != bufio.ErrBufferFull {
			return nil, eofErr(err)
		}
		if acc == nil {
			acc = r.scratch[:0]
		}
		acc = append(acc, b...)
	}
}

// readFixed reads a vector of n elements of the fixed-width type t in
// bulk. From a stream, whose count only the data proves, the elements
// grow as they arrive.
func (r *Reader) readFixed(t value.Type, n int) (*value.Vector, error) {
	width := t.Storage().Width()
	if err := r.need(int64(n), int64(width)); err != nil {
		return nil, err
	}
	step := r.preCap(n, width)
	v := value.NewVector(t, 0, step)
	for got := 0; got < n; {
		k := min(n-got, max(step, 3*got))
		b, _ := v.ExtendFixed(k)
		if err := r.fill(b); err != nil {
			return nil, err
		}
		got += k
	}
	b, _ := v.FixedBytes()
	r.fixOrder(b, swapUnit(t), t.Storage() == value.StBytes16)
	return v, nil
}

// fixOrder converts bulk-read data to host order (numbers) or wire order
// (16-byte values).
func (r *Reader) fixOrder(b []byte, unit int, bytes16 bool) {
	if unit <= 1 {
		return
	}
	if bytes16 {
		if r.big {
			swapUnits(b, 8)
		}
		return
	}
	if r.swapNum {
		swapUnits(b, unit)
	}
}

// readLine reads a LF-terminated line (LF not included) of at most max
// bytes; a clean EOF before any byte is returned as io.EOF. Lines are not
// counted against the object frame.
func (r *Reader) readLine(max int) (string, error) {
	if r.br == nil {
		if r.off >= len(r.src) {
			return "", io.EOF
		}
		i := bytes.IndexByte(r.src[r.off:], '\n')
		if i < 0 {
			r.off = len(r.src)
			return "", io.ErrUnexpectedEOF
		}
		if i > max {
			return "", limitErr("line longer than %d bytes", max)
		}
		s := string(r.src[r.off : r.off+i])
		r.off += i + 1
		return s, nil
	}
	if _, err := r.br.Peek(1); err != nil {
		if errors.Is(err, io.EOF) {
			return "", io.EOF
		}
		return "", err
	}
	b, err := r.streamDelim('\n', int64(max)+1, false)
	if err != nil {
		return "", err
	}
	return string(b), nil
}

// readText reads up to a NUL outside any frame accounting (MSG records).
func (r *Reader) readText(max int64) (string, error) {
	if r.br == nil {
		i := bytes.IndexByte(r.src[r.off:], 0)
		if i < 0 {
			r.off = len(r.src)
			return "", io.ErrUnexpectedEOF
		}
		s := string(r.src[r.off : r.off+i])
		r.off += i + 1
		return s, nil
	}
	b, err := r.streamDelim(0, max, false)
	return string(b), err
}

// readBody reads exactly n bytes outside the object frame, growing the
// buffer progressively for streams.
func (r *Reader) readBody(n int) ([]byte, error) {
	if r.br == nil {
		return r.take(n)
	}
	return r.readGrow(nil, n, n)
}
