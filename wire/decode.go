package wire

import (
	"encoding/binary"
	"io"
	"math"

	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/chart"
)

// Decode reads one object from r. Unless r is a *bufio.Reader it is
// wrapped in one, which may read past the object: use a Reader to decode a
// sequence of objects from one stream.
func Decode(r io.Reader) (value.Value, error) {
	return NewReader(r).ReadObject()
}

// DecodeBytes decodes the object at the start of b and returns it with the
// number of bytes it occupied.
func DecodeBytes(b []byte) (value.Value, int, error) {
	r := NewBytesReader(b)
	v, err := r.ReadObject()
	return v, r.off, err
}

// ReadObject reads one top-level object (its symbol-base id space is its
// own) in the Reader's current byte order.
func (r *Reader) ReadObject() (value.Value, error) {
	r.beginFrame()
	return r.readTop()
}

// readTop reads a top-level object inside the current frame.
func (r *Reader) readTop() (value.Value, error) {
	r.syms = nil
	r.st.BeginObject()
	r.depth = 0
	return r.readObject()
}

func (r *Reader) readObject() (value.Value, error) {
	if r.depth >= r.MaxDepth {
		return nil, limitErr("objects nested deeper than %d", r.MaxDepth)
	}
	r.depth++
	defer func() { r.depth-- }()
	h, err := r.next(2)
	if err != nil {
		return nil, err
	}
	tb, form := h[0], value.Form(h[1])
	switch form {
	case value.FormScalar:
		return r.readScalar(value.Type(tb))
	case value.FormVector:
		return r.readVector(tb)
	case value.FormPair:
		v, err := r.readVector(tb)
		if err != nil {
			return nil, err
		}
		return &value.Pair{V: v}, nil
	case value.FormMatrix:
		return r.readMatrix(tb)
	case value.FormSet:
		v, err := r.readInnerVector()
		if err != nil {
			return nil, err
		}
		if v.T.IsArray() || v.T == value.Any {
			return nil, unsupported("set of %s", v.T)
		}
		return value.NewSet(v), nil
	case value.FormDictionary:
		return r.readDict()
	case value.FormChart:
		d, err := r.readDict()
		if err != nil {
			return nil, err
		}
		return &chart.Chart{Dict: d.(*value.Dict)}, nil
	case value.FormTable:
		return r.readTable()
	case value.FormTensor:
		return r.readTensor(tb)
	}
	return nil, unsupported("data form %s (type byte %d)", form, tb)
}

// readInnerVector reads a nested full VECTOR object (set keys, dictionary
// keys and values, matrix labels).
func (r *Reader) readInnerVector() (*value.Vector, error) {
	o, err := r.readObject()
	if err != nil {
		return nil, err
	}
	v, ok := o.(*value.Vector)
	if !ok {
		return nil, malformed("expected a vector, got %s", o.Form())
	}
	return v, nil
}

func (r *Reader) readScalar(t value.Type) (value.Value, error) {
	s := &value.Scalar{T: t}
	var err error
	switch t {
	case value.Void:
		_, err = r.u8()
		s.Null = true
		return s, err
	case value.Decimal32, value.Decimal64, value.Decimal128:
		if s.Scale, err = r.scale(t); err != nil {
			return nil, err
		}
	case value.Duration:
		v, unit, err := r.i32x2()
		if err != nil {
			return nil, err
		}
		s.I, s.Scale, s.Null = int64(v), unit, v == value.NullInt32
		if unit > 10 {
			// a trading calendar: its name packed as encode's
			// durationUnitCode does
			s.Scale, s.S = -1, string(binary.BigEndian.AppendUint32(nil, uint32(unit)))
		}
		return s, nil
	case value.FunctionDef:
		// C++ layout: one byte of function kind, then the text.
		k, err := r.u8()
		if err != nil {
			return nil, err
		}
		b, err := r.cstring()
		if err != nil {
			return nil, err
		}
		s.I, s.S = int64(k), string(b)
		return s, nil
	}
	switch t.Storage() {
	case value.StInt8:
		var b byte
		b, err = r.u8()
		s.I, s.Null = int64(int8(b)), int8(b) == value.NullInt8
	case value.StInt16:
		var u uint16
		u, err = r.u16()
		s.I, s.Null = int64(int16(u)), int16(u) == value.NullInt16
	case value.StInt32:
		var u int32
		u, err = r.i32()
		s.I, s.Null = int64(u), u == value.NullInt32
	case value.StInt64:
		var u uint64
		u, err = r.u64()
		s.I, s.Null = int64(u), int64(u) == value.NullInt64
	case value.StFloat32:
		var u uint32
		u, err = r.u32()
		f := math.Float32frombits(u)
		s.F, s.Null = float64(f), f == value.NullFloat32 || f != f
	case value.StFloat64:
		s.F, err = r.f64()
		s.Null = s.F == value.NullFloat64 || s.F != s.F
	case value.StString:
		var b []byte
		if t == value.Blob {
			b, err = r.blob()
		} else {
			b, err = r.cstring()
		}
		s.S, s.Null = string(b), len(b) == 0
	case value.StBytes16:
		s.B, err = r.b16()
		if t == value.Decimal128 {
			s.Null = s.B == nullDecimal128
		} else {
			s.Null = s.B == [16]byte{}
		}
	case value.StPair2F64:
		var a, b float64
		if a, err = r.f64(); err == nil {
			b, err = r.f64()
		}
		s.F = a
		binaryPutF64(s.B[:8], b)
		s.Null = a == value.NullFloat64 && b == value.NullFloat64
	default:
		return nil, unsupported("scalar of type %s", t)
	}
	if err != nil {
		return nil, err
	}
	return s, nil
}

var nullDecimal128 = [16]byte{15: 0x80}

func binaryPutF64(b []byte, f float64) {
	u := math.Float64bits(f)
	for k := 0; k < 8; k++ {
		b[k] = byte(u >> (8 * k))
	}
}

func binaryF64(b []byte) float64 {
	u := uint64(0)
	for k := 0; k < 8; k++ {
		u |= uint64(b[k]) << (8 * k)
	}
	return math.Float64frombits(u)
}

// blob reads a uint32 length and that many bytes.
func (r *Reader) blob() ([]byte, error) {
	n, err := r.u32()
	if err != nil {
		return nil, err
	}
	if int64(n) > r.remaining() {
		if r.br == nil {
			return nil, io.ErrUnexpectedEOF
		}
		return nil, limitErr("blob of %d bytes exceeds the frame limit", n)
	}
	return r.next(int(n))
}

// scale reads and validates the scale of a DECIMAL type.
func (r *Reader) scale(t value.Type) (int32, error) {
	s, err := r.i32()
	if err != nil {
		return 0, err
	}
	if s < 0 || s > int32(t.MaxScale()) {
		return 0, malformed("%s scale %d", t, s)
	}
	return s, nil
}

// readDims reads a vector's rows and columns and returns rows*columns.
func (r *Reader) readDims() (rows, cols int32, n int, err error) {
	if rows, cols, err = r.i32x2(); err != nil {
		return
	}
	if rows < 0 || cols < 0 {
		return 0, 0, 0, malformed("negative dimensions %dx%d", rows, cols)
	}
	p := int64(rows) * int64(cols)
	if p > math.MaxInt32 {
		return 0, 0, 0, malformed("dimensions %dx%d too large", rows, cols)
	}
	return rows, cols, int(p), nil
}

// readVector reads the payload of a VECTOR (or PAIR) whose type byte is tb.
func (r *Reader) readVector(tb byte) (*value.Vector, error) {
	switch {
	case tb == byte(value.Compress):
		return r.readCompressed()
	case tb == byte(value.SymbolExtended):
		_, _, n, err := r.readDims()
		if err != nil {
			return nil, err
		}
		return r.readSymbolExtended(n)
	case tb >= byte(value.ArrayOffset) && tb < byte(value.ArrayOffset)+64:
		rows, _, err := r.readDimsRows()
		if err != nil {
			return nil, err
		}
		t := value.Type(tb)
		return r.readScaled(t.Elem(), func() (*value.Vector, error) { return r.readArrayBody(t, rows) })
	case tb >= 128:
		return nil, unsupported("vector type byte %d", tb)
	}
	t := value.Type(tb)
	if t == value.IOTAny {
		return r.readIOTAny()
	}
	if t == value.Duration {
		_, _, n, err := r.readDims()
		if err != nil {
			return nil, err
		}
		return r.readDurations(n)
	}
	if vectorless(t) {
		return nil, unsupported("vector of type %s", t)
	}
	_, _, n, err := r.readDims()
	if err != nil {
		return nil, err
	}
	return r.readScaled(t, func() (*value.Vector, error) { return r.readElems(t, n) })
}

// readScaled reads the scale that precedes the elements of a DECIMAL
// type t (none for other types), then the elements with body.
func (r *Reader) readScaled(t value.Type, body func() (*value.Vector, error)) (*value.Vector, error) {
	var scale int32
	if t.IsDecimal() {
		var err error
		if scale, err = r.scale(t); err != nil {
			return nil, err
		}
	}
	v, err := body()
	if err != nil {
		return nil, err
	}
	v.Scale = scale
	return v, nil
}

// readDimsRows reads rows and the (unreliable) columns of an array vector.
func (r *Reader) readDimsRows() (int, int32, error) {
	rows, cols, err := r.i32x2()
	if err != nil {
		return 0, 0, err
	}
	if rows < 0 {
		return 0, 0, malformed("negative row count %d", rows)
	}
	return int(rows), cols, nil
}

// readElems reads n elements of type t.
func (r *Reader) readElems(t value.Type, n int) (*value.Vector, error) {
	if t.Storage().Width() > 0 {
		return r.readFixed(t, n)
	}
	v := &value.Vector{T: t}
	var err error
	switch t.Storage() {
	case value.StString:
		v.Str, err = r.readStrings(t, n)
	case value.StAny:
		v.Any, err = r.readTuple(n)
	default:
		if t == value.Void && n == 0 {
			return v, nil
		}
		return nil, unsupported("vector of type %s", t)
	}
	if err != nil {
		return nil, err
	}
	return v, nil
}

// readTuple reads n complete objects.
func (r *Reader) readTuple(n int) ([]value.Value, error) {
	if err := r.need(int64(n), 3); err != nil {
		return nil, err
	}
	out := make([]value.Value, 0, min(n, 1024))
	for i := 0; i < n; i++ {
		o, err := r.readObject()
		if err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, nil
}

// readStrings reads n NUL-terminated texts (or length-prefixed BLOBs).
// The texts are copied into r.st's chunks, repeated SYMBOL and STRING
// texts sharing one string.
func (r *Reader) readStrings(t value.Type, n int) ([]string, error) {
	if t != value.Blob {
		return r.readCStrings(n, true)
	}
	if err := r.need(int64(n), 4); err != nil {
		return nil, err
	}
	r.st.BeginVector(n, false)
	out := make([]string, 0, r.preCap(n, 16))
	for i := 0; i < n; i++ {
		b, err := r.blob()
		if err != nil {
			return nil, err
		}
		out = append(out, r.st.Copy(b))
	}
	return out, nil
}

// readCStrings reads n NUL-terminated texts; dedupe asks for the sharing
// of repeated texts (not worth it for a symbol base, whose texts differ).
func (r *Reader) readCStrings(n int, dedupe bool) ([]string, error) {
	if err := r.need(int64(n), 1); err != nil {
		return nil, err
	}
	r.st.BeginVector(n, dedupe)
	if r.br == nil {
		// n <= the bytes left, so out costs at most 16 times the input.
		out := make([]string, n)
		k, used := r.st.Cut(out, r.src[r.off:])
		if k < n {
			r.off = len(r.src)
			return nil, io.ErrUnexpectedEOF
		}
		r.off += used
		return out, nil
	}
	return r.scanCStrings(n)
}

// readSymbolExtended reads a type-145 vector body after rows and columns:
// the symbol base (new or reused) and n int32 indexes into it. The result
// is a coded SYMBOL vector: a wire base becomes one value.SymbolBase that
// every column sending it shares, and the indexes turn into its codes in
// place, so no row materialises a text.
func (r *Reader) readSymbolExtended(n int) (*value.Vector, error) {
	id, size, err := r.i32x2()
	if err != nil {
		return nil, err
	}
	if size < 0 {
		return nil, malformed("negative symbol base size %d", size)
	}
	ws, known := r.syms[id]
	if !known || size != 0 {
		texts, err := r.readCStrings(int(size), false)
		if err != nil {
			return nil, err
		}
		b := value.NewSymbolBase()
		ws = &wireSymbols{base: b, codes: b.InternAll(make([]int32, 0, len(texts)), texts)}
		if r.syms == nil {
			r.syms = make(map[int32]*wireSymbols)
		}
		r.syms[id] = ws
	}
	// A stream's count is proven only by the data: readFixed grows the
	// indexes as they arrive.
	codes, err := r.readFixed(value.Int, n)
	if err != nil {
		return nil, err
	}
	if err := ws.toCodes(codes.I32); err != nil {
		return nil, err
	}
	return &value.Vector{T: value.Symbol, I32: codes.I32, Syms: ws.base}, nil
}

// wireSymbols is a symbol base of the object being read: its texts
// interned into base, and the code in base of each wire index.
type wireSymbols struct {
	base  *value.SymbolBase
	codes []int32
}

// toCodes replaces wire indexes by their codes in place; index 0 outside
// the base is the empty symbol.
func (ws *wireSymbols) toCodes(idx []int32) error {
	nb := uint32(len(ws.codes))
	for i, x := range idx {
		if uint32(x) < nb {
			idx[i] = ws.codes[x]
		} else if x != 0 {
			return malformed("symbol index %d outside base of %d", x, nb)
		}
	}
	return nil
}

// readArrayBody reads the blocks of an array vector of rows rows.
func (r *Reader) readArrayBody(t value.Type, rows int) (*value.Vector, error) {
	elem := t.Elem()
	switch elem.Storage() {
	case value.StNone, value.StAny:
		return nil, unsupported("array vector of %s", elem)
	}
	if err := r.need(int64(rows), 1); err != nil {
		return nil, err
	}
	out := &value.Vector{T: t, Offsets: make([]int64, 0, min(rows, 1<<16))}
	var flat *value.Vector
	total := int64(0)
	for len(out.Offsets) < rows {
		h, err := r.next(4)
		if err != nil {
			return nil, err
		}
		var inBlock int
		if r.big {
			inBlock = int(h[0])<<8 | int(h[1])
		} else {
			inBlock = int(h[0]) | int(h[1])<<8
		}
		cb := int(h[2])
		if inBlock == 0 || inBlock > rows-len(out.Offsets) {
			return nil, malformed("array vector block of %d rows with %d left", inBlock, rows-len(out.Offsets))
		}
		if cb != 1 && cb != 2 && cb != 4 {
			return nil, malformed("array vector count width %d", cb)
		}
		cnt, err := r.next(inBlock * cb)
		if err != nil {
			return nil, err
		}
		cells := int64(0)
		for i := 0; i < inBlock; i++ {
			var c uint32
			switch cb {
			case 1:
				c = uint32(cnt[i])
			case 2:
				p := cnt[2*i:]
				if r.big {
					c = uint32(p[0])<<8 | uint32(p[1])
				} else {
					c = uint32(p[0]) | uint32(p[1])<<8
				}
			case 4:
				p := cnt[4*i:]
				if r.big {
					c = uint32(p[0])<<24 | uint32(p[1])<<16 | uint32(p[2])<<8 | uint32(p[3])
				} else {
					c = uint32(p[0]) | uint32(p[1])<<8 | uint32(p[2])<<16 | uint32(p[3])<<24
				}
			}
			cells += int64(c)
			out.Offsets = append(out.Offsets, total+cells)
		}
		if cells > math.MaxInt32 {
			return nil, malformed("array vector block of %d cells", cells)
		}
		part, err := r.readElems(elem, int(cells))
		if err != nil {
			return nil, err
		}
		total += cells
		if flat == nil {
			flat = part
		} else {
			flat.AppendVector(part)
		}
	}
	if flat == nil {
		flat = value.NewVector(elem, 0, 0)
	}
	out.I8, out.I16, out.I32, out.I64 = flat.I8, flat.I16, flat.I32, flat.I64
	out.F32, out.F64, out.Str, out.B16 = flat.F32, flat.F64, flat.Str, flat.B16
	return out, nil
}

func (r *Reader) readMatrix(tb byte) (value.Value, error) {
	flags, err := r.u8()
	if err != nil {
		return nil, err
	}
	m := &value.Matrix{}
	if flags&1 != 0 {
		if m.RowLabels, err = r.readInnerVector(); err != nil {
			return nil, err
		}
	}
	if flags&2 != 0 {
		if m.ColLabels, err = r.readInnerVector(); err != nil {
			return nil, err
		}
	}
	h, err := r.next(2)
	if err != nil {
		return nil, err
	}
	t := value.Type(h[0])
	if h[0] >= 64 || t == value.Any || vectorless(t) {
		return nil, unsupported("matrix of type byte %d", h[0])
	}
	rows, cols, n, err := r.readDims()
	if err != nil {
		return nil, err
	}
	if m.V, err = r.readScaled(t, func() (*value.Vector, error) { return r.readElems(t, n) }); err != nil {
		return nil, err
	}
	m.Rows, m.Cols = int(rows), int(cols)
	if m.RowLabels != nil && m.RowLabels.Len() != m.Rows {
		return nil, malformed("matrix has %d rows but %d row labels", m.Rows, m.RowLabels.Len())
	}
	if m.ColLabels != nil && m.ColLabels.Len() != m.Cols {
		return nil, malformed("matrix has %d columns but %d column labels", m.Cols, m.ColLabels.Len())
	}
	return m, nil
}

func (r *Reader) readDict() (value.Value, error) {
	keys, err := r.readInnerVector()
	if err != nil {
		return nil, err
	}
	vals, err := r.readInnerVector()
	if err != nil {
		return nil, err
	}
	if keys.Len() != vals.Len() {
		return nil, malformed("dictionary with %d keys and %d values", keys.Len(), vals.Len())
	}
	if keys.T.IsArray() || keys.T == value.Any || vectorless(keys.T) {
		return nil, unsupported("dictionary keys of type %s", keys.T)
	}
	if vals.T.IsArray() || vectorless(vals.T) && vals.Len() > 0 {
		return nil, unsupported("dictionary values of type %s", vals.T)
	}
	d := value.NewDict(keys.T, vals.T)
	d.Keys.Scale, d.Vals.Scale = keys.Scale, vals.Scale
	for i, n := 0, keys.Len(); i < n; i++ {
		d.Put(keys, i, vals, i)
	}
	return d, nil
}

func (r *Reader) readTable() (value.Value, error) {
	rows, ncols, err := r.i32x2()
	if err != nil {
		return nil, err
	}
	if rows < 0 || ncols < 0 {
		return nil, malformed("table of %d rows and %d columns", rows, ncols)
	}
	name, err := r.cstring()
	if err != nil {
		return nil, err
	}
	tname := string(name)
	// Each column needs at least a name byte and a 2-byte header.
	if err := r.need(int64(ncols), 3); err != nil {
		return nil, err
	}
	names := make([]string, 0, r.preCap(int(ncols), 16))
	for i := int32(0); i < ncols; i++ {
		b, err := r.cstring()
		if err != nil {
			return nil, err
		}
		names = append(names, r.columnName(b))
	}
	cols := make([]*value.Vector, len(names))
	for i := range cols {
		o, err := r.readObject()
		if err != nil {
			return nil, err
		}
		v, ok := o.(*value.Vector)
		if !ok {
			return nil, malformed("table column %q is a %s", names[i], o.Form())
		}
		if v.Len() != int(rows) {
			return nil, malformed("table column %q has %d rows, table %d", names[i], v.Len(), rows)
		}
		cols[i] = v
	}
	t := value.NewTable(names, cols)
	if tname != "" && r.TableName != nil {
		r.TableName(t, tname)
	}
	return t, nil
}

// columnName returns the string of a column name. A stream Reader (a
// connection) keeps the names it has seen, since clients send the same
// few with every batch; the lookup with string(b) does not allocate.
func (r *Reader) columnName(b []byte) string {
	if s, ok := r.names[string(b)]; ok {
		return s
	}
	s := string(b)
	if r.br != nil && len(b) <= maxKeptName && len(r.names) < maxKeptNames {
		if r.names == nil {
			r.names = make(map[string]string)
		}
		r.names[s] = s
	}
	return s
}

// readDurations reads n DURATION elements, each laid out as a scalar
// (count, unit): a tuple of them when their units differ, as a vector
// literal of durations of several units is, or are trading calendars,
// whose names a vector's unit code cannot hold.
func (r *Reader) readDurations(n int) (*value.Vector, error) {
	if err := r.need(int64(n), 8); err != nil {
		return nil, err
	}
	out, elems, same := value.NewVector(value.Duration, 0, n), make([]value.Value, n), true
	for i := range elems {
		e, err := r.readScalar(value.Duration)
		if err != nil {
			return nil, err
		}
		s := e.(*value.Scalar)
		elems[i], out.Scale = s, s.Scale
		same = same && s.S == "" && s.Scale == elems[0].(*value.Scalar).Scale
		out.AppendScalar(s)
	}
	if !same {
		return value.NewTuple(elems), nil
	}
	return out, nil
}
