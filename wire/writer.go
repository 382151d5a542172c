package wire

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"math"

	"github.com/pierrec/lz4/v4"
	"github.com/porpoisedb/porpoise/value"
)

// SymbolMode selects how a Writer sends non-empty SYMBOL vectors.
type SymbolMode uint8

// Symbol encodings (§3.4).
const (
	// SymbolPlain sends type 17 with NUL-terminated texts, as the Go API
	// does; every client reads it.
	SymbolPlain SymbolMode = iota
	// SymbolBase sends type 145 with a fresh symbol base per vector (ids
	// 0, 1, 2 ... within one top-level object), as the C++ API does.
	SymbolBase
	// SymbolSharedBase sends type 145 and lets all SYMBOL columns of a
	// table share one base: the first column carries it, the others repeat
	// its id with size 0 (outside tables it behaves like SymbolBase).
	SymbolSharedBase
)

// EncodeOptions controls a Writer. The zero value writes little endian with
// plain symbols.
type EncodeOptions struct {
	// Symbols selects the SYMBOL vector encoding.
	Symbols SymbolMode
	// BigEndian writes multi-byte numbers big endian (only for tests and
	// exotic peers; every real client sends and expects little endian).
	BigEndian bool
	// TableName, when set, supplies the wire name of each table written
	// (value.Table has no name field); otherwise names are empty.
	TableName func(*value.Table) string
	// MaxDepth caps object nesting (and so guards against cyclic tuples);
	// 0 means DefaultMaxDepth.
	MaxDepth int
}

// Writer encodes objects and frames onto a buffered stream. Object methods
// do not flush; frame methods (WriteRequest, WriteResponse, WriteError,
// WriteMessage) do. It is not safe for concurrent use.
type Writer struct {
	bw      *bufio.Writer
	opts    EncodeOptions
	swapNum bool
	err     error
	symNext int32
	scratch []byte
	lz4     lz4.CompressorCCompat
	frame   *bytes.Buffer // frame encoding buffer (WriteRequest/WriteResponse)
	inner   *Writer
}

// NewWriter returns a Writer onto w (wrapped in a bufio.Writer unless it
// already is one); opts may be nil.
func NewWriter(w io.Writer, opts *EncodeOptions) *Writer {
	bw, ok := w.(*bufio.Writer)
	if !ok {
		bw = bufio.NewWriterSize(w, defaultBufSize)
	}
	wr := &Writer{bw: bw}
	wr.SetOptions(opts)
	return wr
}

// SetOptions replaces the encoding options (nil = defaults).
func (w *Writer) SetOptions(opts *EncodeOptions) {
	if opts != nil {
		w.opts = *opts
	} else {
		w.opts = EncodeOptions{}
	}
	if w.opts.MaxDepth <= 0 {
		w.opts.MaxDepth = DefaultMaxDepth
	}
	w.swapNum = w.opts.BigEndian != hostBigEndian
}

// Options returns the current encoding options.
func (w *Writer) Options() EncodeOptions { return w.opts }

// Flush writes buffered data to the underlying writer.
func (w *Writer) Flush() error {
	if w.err != nil {
		return w.err
	}
	w.err = w.bw.Flush()
	return w.err
}

// Err returns the first error met by the Writer. After an error the Writer
// writes nothing more; the stream may hold a partial object.
func (w *Writer) Err() error { return w.err }

// Reset clears a previous encoding error so the Writer can be reused (the
// peer will have received a partial object: only do this when the output
// is discarded, e.g. a bytes.Buffer that is truncated).
func (w *Writer) Reset(dst io.Writer) {
	w.bw.Reset(dst)
	w.err = nil
}

func (w *Writer) fail(err error) {
	if w.err == nil {
		w.err = err
	}
}

func (w *Writer) write(b []byte) {
	if w.err != nil {
		return
	}
	if _, err := w.bw.Write(b); err != nil {
		w.err = err
	}
}

func (w *Writer) writeString(s string) {
	if w.err != nil {
		return
	}
	if _, err := w.bw.WriteString(s); err != nil {
		w.err = err
	}
}

func (w *Writer) u8(b byte) {
	if w.err != nil {
		return
	}
	if err := w.bw.WriteByte(b); err != nil {
		w.err = err
	}
}

// The fixed-size writers append to the bufio buffer's free space: a
// local array passed to Write would escape and cost an allocation per
// number.

func (w *Writer) hdr(t byte, f value.Form) { w.write(append(w.bw.AvailableBuffer(), t, byte(f))) }

func (w *Writer) u16(v uint16) {
	if w.opts.BigEndian {
		w.write(binary.BigEndian.AppendUint16(w.bw.AvailableBuffer(), v))
	} else {
		w.write(binary.LittleEndian.AppendUint16(w.bw.AvailableBuffer(), v))
	}
}

func (w *Writer) u32(v uint32) {
	if w.opts.BigEndian {
		w.write(binary.BigEndian.AppendUint32(w.bw.AvailableBuffer(), v))
	} else {
		w.write(binary.LittleEndian.AppendUint32(w.bw.AvailableBuffer(), v))
	}
}

func (w *Writer) i32(v int32) { w.u32(uint32(v)) }

func (w *Writer) u64(v uint64) {
	if w.opts.BigEndian {
		w.write(binary.BigEndian.AppendUint64(w.bw.AvailableBuffer(), v))
	} else {
		w.write(binary.LittleEndian.AppendUint64(w.bw.AvailableBuffer(), v))
	}
}

func (w *Writer) f64(f float64) { w.u64(math.Float64bits(f)) }

func (w *Writer) b16(v [16]byte) {
	b := append(w.bw.AvailableBuffer(), v[:]...)
	if w.opts.BigEndian {
		swapUnits(b, 8)
	}
	w.write(b)
}

var errNUL = errors.New("wire: STRING/SYMBOL text contains a NUL byte")

// cstring writes s and a NUL terminator; s must not contain NUL.
func (w *Writer) cstring(s string) {
	if w.err != nil {
		return
	}
	if len(s) > 0 && bytesIndexNUL(s) {
		w.fail(errNUL)
		return
	}
	w.writeString(s)
	w.u8(0)
}

func bytesIndexNUL(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == 0 {
			return true
		}
	}
	return false
}

func (w *Writer) blob(s string) {
	if uint64(len(s)) > math.MaxUint32 {
		w.fail(errors.New("wire: BLOB longer than 4 GiB"))
		return
	}
	w.u32(uint32(len(s)))
	w.writeString(s)
}

// writeRaw writes fixed-width elements viewed as raw memory in the
// Writer's byte order: numbers swapped in units of unit bytes when it
// differs from the host's, 16-byte values (bytes16) as two 8-byte halves
// swapped only for a big-endian Writer.
func (w *Writer) writeRaw(raw []byte, unit int, bytes16 bool) {
	if w.err != nil || len(raw) == 0 {
		return
	}
	swap := unit > 1 && (bytes16 && w.opts.BigEndian || !bytes16 && w.swapNum)
	if !swap {
		w.write(raw)
		return
	}
	const chunk = 64 << 10
	if cap(w.scratch) < chunk {
		w.scratch = make([]byte, chunk)
	}
	for len(raw) > 0 {
		k := copy(w.scratch[:min(chunk, len(raw))], raw)
		swapUnits(w.scratch[:k], unit)
		w.write(w.scratch[:k])
		raw = raw[k:]
	}
}

// Marshal encodes v into a new byte slice.
func Marshal(v value.Value, opts *EncodeOptions) ([]byte, error) {
	var b bytes.Buffer
	if err := Encode(&b, v, opts); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Encode writes v to w and flushes.
func Encode(w io.Writer, v value.Value, opts *EncodeOptions) error {
	wr := NewWriter(w, opts)
	if err := wr.WriteObject(v); err != nil {
		return err
	}
	return wr.Flush()
}

// EncodeTable writes t to w with a compression method per column (see
// Writer.WriteTable) and flushes.
func EncodeTable(w io.Writer, t *value.Table, methods []Compression, opts *EncodeOptions) error {
	wr := NewWriter(w, opts)
	if err := wr.WriteTable(t, methods); err != nil {
		return err
	}
	return wr.Flush()
}
