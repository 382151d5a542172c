package wire

import (
	"encoding/binary"
	"fmt"
	"math"

	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/chart"
	"github.com/porpoisedb/porpoise/value/tensor"
)

// WriteObject writes v as one top-level object (symbol-base ids restart
// at 0). A nil v is written as a VOID scalar.
func (w *Writer) WriteObject(v value.Value) error {
	w.symNext = 0
	w.writeObject(v, 0)
	return w.err
}

// WriteTable writes t as a top-level object, compressing column i with
// methods[i] (missing entries mean CompressNone). The table type byte is 8
// when any column is compressed. SYMBOL columns are never compressed (they
// follow EncodeOptions.Symbols); array-vector and ANY columns are written
// uncompressed. DELTA applies to SHORT/INT/LONG-based types (temporal,
// DECIMAL32/64) and falls back to LZ4 for a column whose deltas overflow
// (the C++ encoder would corrupt or reject it).
func (w *Writer) WriteTable(t *value.Table, methods []Compression) error {
	w.symNext = 0
	w.writeTable(t, methods, 0)
	return w.err
}

func (w *Writer) writeObject(v value.Value, depth int) {
	if w.err != nil {
		return
	}
	if depth >= w.opts.MaxDepth {
		w.fail(limitErr("objects nested deeper than %d", w.opts.MaxDepth))
		return
	}
	switch x := v.(type) {
	case nil:
		w.write([]byte{0, 0, 0})
	case *value.Scalar:
		if x == nil {
			w.write([]byte{0, 0, 0})
			return
		}
		w.writeScalar(x)
	case *value.Vector:
		w.writeVector(x, value.FormVector, depth)
	case *value.Pair:
		w.writeVector(x.V, value.FormPair, depth)
	case *value.Matrix:
		w.writeMatrix(x, depth)
	case *value.Set:
		if x.V.T.IsArray() || x.V.T == value.Any {
			w.fail(unsupported("set of %s", x.V.T))
			return
		}
		w.hdr(byte(x.V.T), value.FormSet)
		w.writeVector(x.V, value.FormVector, depth+1)
	case *value.Dict:
		// DolphinDB sends a dictionary's SYMBOL keys and values as STRING:
		// the C++ and Python APIs cannot build a SYMBOL-typed dictionary
		// ("Not Support create this internalType dictionary SYMBOL").
		keys, vals := symbolsAsStrings(x.Keys), symbolsAsStrings(x.Vals)
		w.hdr(byte(vals.T), value.FormDictionary)
		w.writeVector(keys, value.FormVector, depth+1)
		w.writeVector(vals, value.FormVector, depth+1)
	case *value.Table:
		w.writeTable(x, nil, depth)
	case *chart.Chart:
		// a chart is its dictionary under the chart form
		w.hdr(byte(value.Any), value.FormChart)
		w.writeVector(x.Dict.Keys, value.FormVector, depth+1)
		w.writeVector(x.Dict.Vals, value.FormVector, depth+1)
	case *tensor.Tensor:
		w.writeTensor(x)
	default:
		w.fail(unsupported("cannot serialize %T (%s)", v, v.Form()))
	}
}

// symbolsAsStrings views a SYMBOL vector as a STRING vector (same texts).
func symbolsAsStrings(v *value.Vector) *value.Vector {
	if v == nil || v.T != value.Symbol {
		return v
	}
	return value.NewStrings(value.String, v.Strings())
}

func (w *Writer) writeScalar(s *value.Scalar) {
	t := s.T
	w.hdr(byte(t), value.FormScalar)
	switch t {
	case value.Void:
		w.u8(0)
		return
	case value.Decimal32, value.Decimal64, value.Decimal128:
		w.scale(t, s.Scale)
	case value.Duration:
		w.duration(s)
		return
	case value.FunctionDef:
		w.u8(byte(s.I))
		w.cstring(s.S)
		return
	}
	switch t.Storage() {
	case value.StInt8:
		if s.Null {
			w.u8(0x80)
		} else {
			w.u8(byte(s.I))
		}
	case value.StInt16:
		if s.Null {
			w.u16(uint16(0x8000))
		} else {
			w.u16(uint16(s.I))
		}
	case value.StInt32:
		if s.Null {
			w.i32(value.NullInt32)
		} else {
			w.i32(int32(s.I))
		}
	case value.StInt64:
		if s.Null {
			w.u64(uint64(1) << 63)
		} else {
			w.u64(uint64(s.I))
		}
	case value.StFloat32:
		f := float32(s.F)
		if s.Null {
			f = value.NullFloat32
		}
		w.u32(math.Float32bits(f))
	case value.StFloat64:
		f := s.F
		if s.Null {
			f = value.NullFloat64
		}
		w.f64(f)
	case value.StString:
		str := s.S
		if s.Null {
			str = ""
		}
		if t == value.Blob {
			w.blob(str)
		} else {
			w.cstring(str)
		}
	case value.StBytes16:
		b := s.B
		if s.Null {
			b = [16]byte{}
			if t == value.Decimal128 {
				b = nullDecimal128
			}
		}
		w.b16(b)
	case value.StPair2F64:
		if s.Null {
			w.f64(value.NullFloat64)
			w.f64(value.NullFloat64)
		} else {
			w.f64(s.F)
			w.f64(binaryF64(s.B[:8]))
		}
	default:
		w.fail(unsupported("scalar of type %s", t))
	}
}

// writeVector writes a VECTOR or PAIR object.
func (w *Writer) writeVector(v *value.Vector, form value.Form, depth int) {
	if w.err != nil {
		return
	}
	if v == nil {
		w.fail(malformed("nil vector"))
		return
	}
	t := v.T
	n := v.Len()
	switch {
	case t.IsArray():
		w.writeArray(v, form)
		return
	case t == value.Compress && form == value.FormVector:
		w.writeCompressedBytes(v.I8)
		return
	case t == value.Symbol && form == value.FormVector && n > 0 && w.opts.Symbols != SymbolPlain:
		base, idx, err := symbolBaseOf(nil, nil, v)
		if err != nil {
			w.fail(err)
			return
		}
		w.writeSymbolExtended(w.nextSymbolID(), base, idx, true)
		return
	case t == value.IOTAny:
		w.writeIOTAny(v, form, depth)
		return
	case t == value.Duration: // each element as its scalar: count, unit
		w.hdr(byte(t), form)
		w.i32(int32(n))
		w.i32(1)
		for i := range n {
			w.duration(v.At(i))
		}
		return
	case vectorless(t) || t >= 64:
		w.fail(unsupported("vector of type %s", t))
		return
	}
	w.hdr(byte(t), form)
	w.i32(int32(n))
	w.i32(1)
	if t.IsDecimal() {
		w.scale(t, v.Scale)
	}
	w.writeElems(v, depth)
}

// scale writes a DECIMAL scale, which must be valid for t.
func (w *Writer) scale(t value.Type, s int32) {
	if s < 0 || s > int32(t.MaxScale()) {
		w.fail(malformed("%s scale %d", t, s))
		return
	}
	w.i32(s)
}

func (w *Writer) nextSymbolID() int32 {
	id := w.symNext
	w.symNext++
	return id
}

// writeElems writes the elements of a non-array vector.
func (w *Writer) writeElems(v *value.Vector, depth int) {
	if raw, width := v.FixedBytes(); width > 0 {
		w.writeRaw(raw, swapUnit(v.T), v.T.Storage() == value.StBytes16)
		return
	}
	switch v.T.Storage() {
	case value.StString:
		switch codes, base, coded := v.SymbolCodes(); {
		case coded && v.T == value.Blob:
			for _, c := range codes {
				w.blob(base[c])
			}
		case coded:
			// a coded STRING vector goes out as texts, read through its
			// codes rather than materialised
			for _, c := range codes {
				w.cstring(base[c])
			}
		case v.T == value.Blob:
			for _, s := range v.Str {
				w.blob(s)
			}
		default:
			for _, s := range v.Str {
				w.cstring(s)
			}
		}
	case value.StAny:
		for _, e := range v.Any {
			w.writeObject(e, depth+1)
		}
	}
}

// startSymbolBase is base and index, or a new base holding only entry 0
// ("") and its index where they are nil.
func startSymbolBase(base []string, index map[string]int32) ([]string, map[string]int32) {
	if base == nil {
		base = []string{""}
	}
	if index == nil {
		index = map[string]int32{"": 0}
	}
	return base, index
}

// addSymbol appends s, not yet in base, to base and index and returns its
// index; a symbol with a NUL byte cannot be sent.
func addSymbol(base []string, index map[string]int32, s string) ([]string, int32, error) {
	if bytesIndexNUL(s) {
		return nil, 0, errNUL
	}
	k := int32(len(base))
	index[s] = k
	return append(base, s), k, nil
}

// buildSymbolBase extends base (entry 0 = "") with the distinct values of
// strs and returns their indexes.
func buildSymbolBase(base []string, index map[string]int32, strs []string) ([]string, []int32, error) {
	base, index = startSymbolBase(base, index)
	idx := make([]int32, len(strs))
	prev, prevIdx := "", int32(0)
	for i, s := range strs {
		if s == prev {
			idx[i] = prevIdx
			continue
		}
		k, ok := index[s]
		if !ok {
			var err error
			if base, k, err = addSymbol(base, index, s); err != nil {
				return nil, nil, err
			}
		}
		idx[i] = k
		prev, prevIdx = s, k
	}
	return base, idx, nil
}

// symbolBaseOf is buildSymbolBase for a SYMBOL vector: a coded one is
// translated through a table indexed by its codes, so each distinct
// symbol is hashed once instead of each row, with the same base order
// and indexes as its texts would give.
func symbolBaseOf(base []string, index map[string]int32, v *value.Vector) ([]string, []int32, error) {
	codes, strs, ok := v.SymbolCodes()
	if !ok {
		return buildSymbolBase(base, index, v.Strings())
	}
	base, index = startSymbolBase(base, index)
	tr := make([]int32, len(strs)) // wire index + 1, 0 while unseen
	idx := make([]int32, len(codes))
	for i, c := range codes {
		k := tr[c]
		if k == 0 {
			s := strs[c]
			w, ok := index[s]
			if !ok {
				var err error
				if base, w, err = addSymbol(base, index, s); err != nil {
					return nil, nil, err
				}
			}
			k = w + 1
			tr[c] = k
		}
		idx[i] = k - 1
	}
	return base, idx, nil
}

// writeSymbolExtended writes a type-145 vector; withBase false repeats a
// base id already sent in this object.
func (w *Writer) writeSymbolExtended(id int32, base []string, idx []int32, withBase bool) {
	w.hdr(byte(value.SymbolExtended), value.FormVector)
	w.i32(int32(len(idx)))
	w.i32(1)
	w.i32(id)
	if !withBase {
		w.i32(0)
	} else {
		w.i32(int32(len(base)))
		for _, s := range base {
			w.cstring(s)
		}
	}
	w.writeRaw(value.AsBytes(idx), 4, false)
}

// writeArray writes an array vector in the C++ layout: blocks of up to
// 65535 rows, count width 1, 2 or 4 bytes per block, columns = total cells.
func (w *Writer) writeArray(v *value.Vector, form value.Form) {
	elem := v.T.Elem()
	switch elem.Storage() {
	case value.StNone, value.StAny:
		w.fail(unsupported("array vector of %s", elem))
		return
	}
	rows := len(v.Offsets)
	flat := &value.Vector{T: elem, I8: v.I8, I16: v.I16, I32: v.I32, I64: v.I64, F32: v.F32, F64: v.F64, Str: v.Str, B16: v.B16}
	total := int64(0)
	if rows > 0 {
		total = v.Offsets[rows-1]
	}
	if total != int64(flat.Len()) || total > math.MaxInt32 {
		w.fail(malformed("array vector offsets end at %d but holds %d cells", total, flat.Len()))
		return
	}
	w.hdr(byte(v.T), form)
	w.i32(int32(rows))
	w.i32(int32(total))
	if elem.IsDecimal() {
		w.scale(elem, v.Scale)
	}
	prevEnd := int64(0)
	for start := 0; start < rows; start += 65535 {
		end := min(rows, start+65535)
		maxCnt := int64(0)
		lo := prevEnd
		for i := start; i < end; i++ {
			c := v.Offsets[i] - prevEnd
			if c < 0 {
				w.fail(malformed("array vector offsets decrease at row %d", i))
				return
			}
			maxCnt = max(maxCnt, c)
			prevEnd = v.Offsets[i]
		}
		cb := 1
		if maxCnt > math.MaxUint16 {
			cb = 4
		} else if maxCnt > math.MaxUint8 {
			cb = 2
		}
		w.u16(uint16(end - start))
		w.u8(byte(cb))
		w.u8(0)
		p := lo
		for i := start; i < end; i++ {
			c := uint32(v.Offsets[i] - p)
			p = v.Offsets[i]
			switch cb {
			case 1:
				w.u8(byte(c))
			case 2:
				w.u16(uint16(c))
			default:
				w.u32(c)
			}
		}
		w.writeElems(flat.Slice(int(lo), int(prevEnd)), 0)
	}
}

func (w *Writer) writeMatrix(m *value.Matrix, depth int) {
	t := m.V.T
	if t.IsArray() || t == value.Any || vectorless(t) {
		w.fail(unsupported("matrix of %s", t))
		return
	}
	if m.Rows < 0 || m.Cols < 0 || int64(m.Rows)*int64(m.Cols) != int64(m.V.Len()) {
		w.fail(malformed("matrix %dx%d holds %d elements", m.Rows, m.Cols, m.V.Len()))
		return
	}
	w.hdr(byte(t), value.FormMatrix)
	flags := byte(0)
	if m.RowLabels != nil {
		flags |= 1
	}
	if m.ColLabels != nil {
		flags |= 2
	}
	w.u8(flags)
	if m.RowLabels != nil {
		w.writeVector(m.RowLabels, value.FormVector, depth+1)
	}
	if m.ColLabels != nil {
		w.writeVector(m.ColLabels, value.FormVector, depth+1)
	}
	w.hdr(byte(t), value.FormMatrix)
	w.i32(int32(m.Rows))
	w.i32(int32(m.Cols))
	if t.IsDecimal() {
		w.scale(t, m.V.Scale)
	}
	w.writeElems(m.V, depth)
}

func (w *Writer) writeTable(t *value.Table, methods []Compression, depth int) {
	if w.err != nil {
		return
	}
	if len(t.Names) != len(t.Cols) {
		w.fail(malformed("table with %d names and %d columns", len(t.Names), len(t.Cols)))
		return
	}
	rows := t.Rows()
	compressed := false
	for i, c := range t.Cols {
		if c == nil {
			w.fail(malformed("table column %q is nil", t.Names[i]))
			return
		}
		if c.Len() != rows {
			w.fail(malformed("table column %q has %d rows, table %d", t.Names[i], c.Len(), rows))
			return
		}
		if i < len(methods) && methods[i] != CompressNone && compressible(c.T) {
			compressed = true
		}
	}
	tt := byte(0)
	if compressed {
		tt = 8
	}
	w.hdr(tt, value.FormTable)
	w.i32(int32(rows))
	w.i32(int32(len(t.Cols)))
	name := ""
	if w.opts.TableName != nil {
		name = w.opts.TableName(t)
	}
	w.cstring(name)
	for _, n := range t.Names {
		w.cstring(n)
	}
	// Shared symbol base: one base for all SYMBOL columns of this table.
	var shared struct {
		id   int32
		sent bool
		base []string
		idx  map[*value.Vector][]int32
	}
	if w.opts.Symbols == SymbolSharedBase {
		var index map[string]int32
		for _, c := range t.Cols {
			if c.T != value.Symbol || c.Len() == 0 {
				continue
			}
			if shared.idx == nil {
				shared.idx = map[*value.Vector][]int32{}
				index = map[string]int32{"": 0}
				shared.id = w.nextSymbolID()
			}
			base, idx, err := symbolBaseOf(shared.base, index, c)
			if err != nil {
				w.fail(err)
				return
			}
			shared.base = base
			shared.idx[c] = idx
		}
	}
	for i, c := range t.Cols {
		m := CompressNone
		if i < len(methods) {
			m = methods[i]
		}
		switch {
		case c.T == value.Symbol && shared.idx != nil && c.Len() > 0:
			w.writeSymbolExtended(shared.id, shared.base, shared.idx[c], !shared.sent)
			shared.sent = true
		case m != CompressNone && compressible(c.T):
			w.writeCompressed(c, m)
		default:
			w.writeVector(c, value.FormVector, depth+1)
		}
		if w.err != nil {
			w.err = fmt.Errorf("column %q: %w", t.Names[i], w.err)
			return
		}
	}
}

// vectorless reports a type with no fixed-width vector layout: DURATION's
// elements are (count, unit) pairs, the others travel not at all.
func vectorless(t value.Type) bool { return t.Storage() == value.StNone || t == value.Duration }

// duration writes a DURATION's count (NULL as INT's) and unit.
func (w *Writer) duration(s *value.Scalar) {
	x := int32(s.I)
	if s.Null {
		x = value.NullInt32
	}
	w.i32(x)
	w.i32(durationUnitCode(s))
}

// durationUnitCode is a DURATION's unit as the wire carries it: the
// unit's code (0 ns ... 10 B), or a trading calendar's four-letter name
// (XNYS) packed big-endian into the int, which no unit code reaches.
func durationUnitCode(s *value.Scalar) int32 {
	if s.Scale >= 0 || len(s.S) != 4 {
		return s.Scale
	}
	return int32(binary.BigEndian.Uint32([]byte(s.S)))
}
