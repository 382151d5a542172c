package filesys

import (
	"encoding/binary"
	"errors"
	"io"
	"math"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// Binary files (progr/file_io/process_bin.md): write lays a scalar's or
// a vector's elements out as the machine does (little endian, a string
// as its bytes and a terminating zero byte); read! reads them back into
// a buffer of the same type, swapping the byte order when the handle was
// opened big endian (file's isLittleEndian=false). writeRecord and
// readRecord! do the same row by row over the columns of a table or a
// tuple of vectors, fixed-width types only.

// width is the bytes of one element of t in a binary file, 0 for a
// string type (zero-terminated) and -1 for a type that has no binary
// form.
func width(t value.Type) int {
	if t.IsArray() || t == value.Any || t == value.Void || t == value.Blob {
		return -1
	}
	switch st := t.Storage(); st {
	case value.StString:
		return 0
	case value.StPair2F64:
		return -1 // COMPLEX and POINT: decodeInto has no case for them
	default:
		if w := st.Width(); w > 0 {
			return w
		}
		return -1
	}
}

// appendElems appends elements lo..hi-1 of v (a fixed-width or string
// type, strings NUL-terminated) to b in little-endian order.
func appendElems(b []byte, v *value.Vector, lo, hi int) []byte {
	b, _ = funcs.AppendElemBytes(b, v, lo, hi, true)
	return b
}

// decodeInto stores the elements of b (fixed width, order bo) into v
// from position at on.
func decodeInto(v *value.Vector, at int, b []byte, bo binary.ByteOrder) {
	switch v.T.Storage() {
	case value.StInt8:
		for i, x := range b {
			v.I8[at+i] = int8(x)
		}
	case value.StInt16:
		for i := range len(b) / 2 {
			v.I16[at+i] = int16(bo.Uint16(b[2*i:]))
		}
	case value.StInt32:
		for i := range len(b) / 4 {
			v.I32[at+i] = int32(bo.Uint32(b[4*i:]))
		}
	case value.StInt64:
		for i := range len(b) / 8 {
			v.I64[at+i] = int64(bo.Uint64(b[8*i:]))
		}
	case value.StFloat32:
		for i := range len(b) / 4 {
			v.F32[at+i] = math.Float32frombits(bo.Uint32(b[4*i:]))
		}
	case value.StFloat64:
		for i := range len(b) / 8 {
			v.F64[at+i] = math.Float64frombits(bo.Uint64(b[8*i:]))
		}
	case value.StBytes16:
		for i := range len(b) / 16 {
			copy(v.B16[at+i][:], b[16*i:])
		}
	}
}

// readElems reads up to n elements of v's type into v from position at
// on and returns how many it read: fewer at the end of the file.
func (h *Handle) readElems(v *value.Vector, at, n int) (int, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	r, err := h.reader()
	if err != nil {
		return 0, err
	}
	w := width(v.T)
	if w == 0 {
		for i := range n {
			s, err := r.ReadString(0)
			if err == io.EOF {
				return i, nil
			}
			if err != nil {
				return i, err
			}
			v.Set(at+i, value.NewString(s[:len(s)-1]))
		}
		return n, nil
	}
	buf := make([]byte, n*w)
	got, err := io.ReadFull(r, buf)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, io.ErrUnexpectedEOF) {
		return 0, err
	}
	got /= w
	decodeInto(v, at, buf[:got*w], h.order())
	return got, nil
}

// order is the byte order the handle's file is read in.
func (h *Handle) order() binary.ByteOrder {
	if h.big {
		return binary.BigEndian
	}
	return binary.LittleEndian
}

// holderArg is read!'s and write's buffer as a vector (a scalar as a
// vector of one) and the range [offset, offset+length) of it to use;
// length defaults to def(size).
func holderArg(fn string, args []value.Value, def func(n int) int64) (v *value.Vector, off, n int, err error) {
	switch x := args[1].(type) {
	case *value.Scalar:
		v = x.Vector()
	case *value.Vector:
		v = x
	default:
		return nil, 0, 0, ddberr.Errorf("The buffer of %s must be a scalar or a vector.", fn)
	}
	if width(v.T) < 0 {
		return nil, 0, 0, ddberr.Errorf("%s doesn't support data of type %s.", fn, v.T)
	}
	size := v.Len()
	o, err := funcs.IntArg(fn, "offset", nilIfNull(funcs.Arg(args, 2)), 0)
	if err != nil || o < 0 || o > int64(size) {
		return nil, 0, 0, ddberr.Errorf("The optional argument offset is invalid.")
	}
	l, err := funcs.IntArg(fn, "length", nilIfNull(funcs.Arg(args, 3)), def(size-int(o)))
	if err != nil || l < 0 || o+l > int64(size) {
		return nil, 0, 0, ddberr.Errorf("The optional argument length is invalid.")
	}
	return v, int(o), int(l), nil
}

// readInto is read!(handle, holder, [offset=0], [length=1]): it reads up
// to length elements of holder's type into holder from offset on and
// returns how many it read, fewer at the end of the file.
func readInto(h *Handle, _ funcs.Env, args []value.Value) (value.Value, error) {
	v, off, n, err := holderArg("read!", args, func(int) int64 { return 1 })
	if err != nil {
		return nil, err
	}
	got, err := h.readElems(v, off, n)
	if err != nil {
		return nil, err
	}
	if s, ok := args[1].(*value.Scalar); ok && got == 1 {
		*s = *v.Elem(0).(*value.Scalar)
	}
	return value.NewInt(int32(got)), nil
}

// writeFn is write(handle, object, [offset=0], [length]): it writes
// elements offset..offset+length-1 of object (all that follow offset by
// default) and returns how many.
func writeFn(h *Handle, _ funcs.Env, args []value.Value) (value.Value, error) {
	v, off, n, err := holderArg("write", args, func(rest int) int64 { return int64(rest) })
	if err != nil {
		return nil, err
	}
	if err := h.write(appendElems(nil, v, off, off+n)); err != nil {
		return nil, err
	}
	return value.NewInt(int32(n)), nil
}

// readLinesInto is readLines!(handle, holder, [offset=0], [length=1]):
// it reads up to length lines into the STRING vector holder from offset
// on and returns how many it read.
func readLinesInto(h *Handle, _ funcs.Env, args []value.Value) (value.Value, error) {
	v, ok := args[1].(*value.Vector)
	if !ok || v.T != value.String {
		return nil, ddberr.Errorf("The buffer of readLines! must be a STRING vector.")
	}
	_, off, n, err := holderArg("readLines!", args, func(int) int64 { return 1 })
	if err != nil {
		return nil, err
	}
	lines, err := h.readLines(n)
	if err != nil {
		return nil, err
	}
	for i, s := range lines {
		v.Set(off+i, value.NewString(s))
	}
	return value.NewInt(int32(len(lines))), nil
}

// recordColumns are the columns of writeRecord's and readRecord!'s
// object: a table's, or a tuple's vectors, all of one length and of
// fixed-width types.
func recordColumns(fn string, x value.Value) ([]*value.Vector, error) {
	var cols []*value.Vector
	switch o := x.(type) {
	case *value.Table:
		cols = o.Cols
	case *value.Vector:
		if o.T != value.Any {
			break
		}
		for _, e := range o.Any {
			c, ok := e.(*value.Vector)
			if !ok {
				return nil, ddberr.Errorf("The object of %s must be a table or a tuple of vectors of the same length.", fn)
			}
			cols = append(cols, c)
		}
	}
	if len(cols) == 0 {
		return nil, ddberr.Errorf("The object of %s must be a table or a tuple of vectors of the same length.", fn)
	}
	for _, c := range cols {
		if c.Len() != cols[0].Len() {
			return nil, ddberr.Errorf("The object of %s must be a table or a tuple of vectors of the same length.", fn)
		}
		if width(c.T) <= 0 {
			return nil, ddberr.Errorf("%s doesn't support data of type %s.", fn, c.T)
		}
	}
	return cols, nil
}

// recordArgs reads the handle, the object's columns and the rows
// [offset, offset+length) of writeRecord and readRecord!. The rows
// written must exist (bounded; length defaults to the rest); the rows
// read may pass the holder's end, which grows (length defaults to -1,
// the end of the file).
func recordArgs(fn string, args []value.Value, bounded bool) (h *Handle, cols []*value.Vector, off, n int, err error) {
	if h, err = handleArg(fn, args[0]); err != nil {
		return nil, nil, 0, 0, err
	}
	if cols, err = recordColumns(fn, args[1]); err != nil {
		return nil, nil, 0, 0, err
	}
	rows := int64(cols[0].Len())
	o, err := funcs.IntArg(fn, "offset", nilIfNull(funcs.Arg(args, 2)), 0)
	if err != nil || o < 0 || o > rows {
		return nil, nil, 0, 0, ddberr.Errorf("The optional argument offset is invalid.")
	}
	def := int64(-1)
	if bounded {
		def = rows - o
	}
	l, err := funcs.IntArg(fn, "length", nilIfNull(funcs.Arg(args, 3)), def)
	bad := l < -1
	if bounded {
		bad = l < 0 || o+l > rows
	}
	if err != nil || bad {
		return nil, nil, 0, 0, ddberr.Errorf("The optional argument length is invalid.")
	}
	return h, cols, int(o), int(l), nil
}

// writeRecord is writeRecord(handle, object, [offset=0], [length]): rows
// offset..offset+length-1 of a table or tuple, each row its columns'
// values one after another; it returns the rows written.
func writeRecord(_ funcs.Env, args []value.Value) (value.Value, error) {
	h, cols, off, n, err := recordArgs("writeRecord", args, true)
	if err != nil {
		return nil, err
	}
	var buf []byte
	for i := off; i < off+n; i++ {
		for _, c := range cols {
			buf = appendElems(buf, c, i, i+1)
		}
	}
	if err := h.write(buf); err != nil {
		return nil, err
	}
	return value.NewInt(int32(n)), nil
}

// readRecord is readRecord!(handle, holder, [offset=0], [length]): it
// reads up to length rows (to the end of the file by default) into the
// table or tuple holder from row offset on, growing its columns as
// needed, and returns the rows read.
func readRecord(_ funcs.Env, args []value.Value) (value.Value, error) {
	h, cols, off, n, err := recordArgs("readRecord!", args, false)
	if err != nil {
		return nil, err
	}
	size := 0
	for _, c := range cols {
		size += width(c.T)
	}
	data, err := h.readRecords(size, n)
	if err != nil {
		return nil, err
	}
	got := len(data) / size
	if t, ok := args[1].(*value.Table); ok {
		t.Mu.Lock()
		defer t.Mu.Unlock()
	}
	bo := h.order()
	// column by column: each column's field of every record
	at := 0
	for _, c := range cols {
		if grow := off + got - c.Len(); grow > 0 {
			c.AppendNulls(grow)
		}
		w := width(c.T)
		field := make([]byte, 0, got*w)
		for i := range got {
			field = append(field, data[i*size+at:i*size+at+w]...)
		}
		decodeInto(c, off, field, bo)
		at += w
	}
	return value.NewInt(int32(got)), nil
}

// readRecords reads up to n whole records of size bytes (n < 0: to the
// end of the file); a partial last record is dropped.
func (h *Handle) readRecords(size, n int) ([]byte, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	r, err := h.reader()
	if err != nil {
		return nil, err
	}
	var data []byte
	if n < 0 {
		data, err = io.ReadAll(r)
	} else {
		data = make([]byte, n*size)
		var got int
		got, err = io.ReadFull(r, data)
		data = data[:got]
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			err = nil
		}
	}
	if err != nil {
		return nil, err
	}
	return data[:len(data)/size*size], nil
}
