package streamfilter

import (
	"bytes"
	"encoding/binary"
	"fmt"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/wire"
)

// A heterogeneous stream table's msgBody is one row of an input table:
// each column's cell as DolphinDB's protocol writes a vector's elements,
// one after another, with no header — fixed-width values little endian,
// STRING and SYMBOL texts zero-terminated, BLOBs length-prefixed, DECIMALs
// as their raw integers (the reader takes the scale from the schema), and
// an array vector's cell as a one-row block (row count, count width,
// reserved byte, count, values). The APIs' StreamDeserializer reads it so
// (the C++/Python core's StreamDeserializer::parseBlob, the Java API's
// MsgDeserializer).

// vectorHeader is the protocol's header for a vector like col: type and
// form, row count, column count, and a DECIMAL's scale. The counts are
// patched by the caller.
func vectorHeader(col *value.Vector) ([]byte, error) {
	empty := col.Like(0)
	empty.Scale = col.Scale
	var b bytes.Buffer
	if err := wire.Encode(&b, empty, nil); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// EncodeRows serializes each row of t as a msgBody.
func EncodeRows(t *value.Table) ([]string, error) {
	n := t.Rows()
	rows := make([][]byte, n)
	for c, col := range t.Cols {
		if err := appendCells(rows, col); err != nil {
			return nil, ddberr.Errorf("Failed to serialize the column %s for heterogeneous replay: %v", t.Names[c], err)
		}
	}
	out := make([]string, n)
	for i, r := range rows {
		out[i] = string(r)
	}
	return out, nil
}

// appendCells appends each row's cell of col to rows.
func appendCells(rows [][]byte, col *value.Vector) error {
	t := col.T
	switch {
	case t == value.String || t == value.Symbol:
		for i := range rows {
			rows[i] = append(append(rows[i], col.StrAt(i)...), 0)
		}
		return nil
	case t == value.Blob:
		for i := range rows {
			s := col.StrAt(i)
			rows[i] = binary.LittleEndian.AppendUint32(rows[i], uint32(len(s)))
			rows[i] = append(rows[i], s...)
		}
		return nil
	case t.IsArray():
		hdr, err := vectorHeader(col)
		if err != nil {
			return err
		}
		var b bytes.Buffer
		for i := range rows {
			b.Reset()
			if err := wire.Encode(&b, col.Slice(i, i+1), nil); err != nil {
				return err
			}
			rows[i] = append(rows[i], b.Bytes()[len(hdr):]...)
		}
		return nil
	}
	if t.Storage().Width() <= 0 || t.IsArray() {
		return fmt.Errorf("type %s has no fixed width", t)
	}
	hdr, err := vectorHeader(col)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if err := wire.Encode(&b, col, nil); err != nil {
		return err
	}
	body := b.Bytes()[len(hdr):]
	w := len(body) / max(1, len(rows))
	for i := range rows {
		rows[i] = append(rows[i], body[i*w:(i+1)*w]...)
	}
	return nil
}

// DecodeRows parses msgBodies serialized from tables shaped like schema
// into one table of schema's columns.
func DecodeRows(schema *value.Table, bodies []string) (*value.Table, error) {
	nc := len(schema.Cols)
	cells := make([][]byte, nc)
	widths := make([]int, nc)
	for c, col := range schema.Cols {
		widths[c] = col.T.Elem().Storage().Width()
	}
	bad := func(r int) error {
		return ddberr.Errorf("The message body of row %d doesn't match the schema of its table.", r)
	}
	for r, s := range bodies {
		b := []byte(s)
		p := 0
		for c, col := range schema.Cols {
			start := p
			switch t := col.T; {
			case t == value.String || t == value.Symbol:
				i := bytes.IndexByte(b[p:], 0)
				if i < 0 {
					return nil, bad(r)
				}
				p += i + 1
			case t == value.Blob:
				if p+4 > len(b) {
					return nil, bad(r)
				}
				p += 4 + int(binary.LittleEndian.Uint32(b[p:]))
			case t.IsArray():
				if p+4 > len(b) || binary.LittleEndian.Uint16(b[p:]) != 1 {
					return nil, bad(r)
				}
				cb := int(b[p+2])
				p += 4
				if p+cb > len(b) {
					return nil, bad(r)
				}
				var count int
				switch cb {
				case 1:
					count = int(b[p])
				case 2:
					count = int(binary.LittleEndian.Uint16(b[p:]))
				case 4:
					count = int(binary.LittleEndian.Uint32(b[p:]))
				default:
					return nil, bad(r)
				}
				p += cb + count*widths[c]
			default:
				if widths[c] <= 0 {
					return nil, ddberr.Errorf("Failed to deserialize the column %s: %v", schema.Names[c], fmt.Errorf("type %s has no fixed width", t))
				}
				p += widths[c]
			}
			if p > len(b) {
				return nil, bad(r)
			}
			cells[c] = append(cells[c], b[start:p]...)
		}
		if p != len(b) {
			return nil, bad(r)
		}
	}
	cols := make([]*value.Vector, nc)
	for c, col := range schema.Cols {
		hdr, err := vectorHeader(col)
		if err != nil {
			return nil, err
		}
		hdr = bytes.Clone(hdr)
		binary.LittleEndian.PutUint32(hdr[2:], uint32(len(bodies)))
		if col.T.IsArray() {
			// the column count of an array vector is its cells' total,
			// which the blocks carry; the reader reads blocks by rows
			binary.LittleEndian.PutUint32(hdr[6:], 0)
		}
		v, _, err := wire.DecodeBytes(append(hdr, cells[c]...))
		if err != nil {
			return nil, ddberr.Errorf("Failed to deserialize the column %s: %v", schema.Names[c], err)
		}
		vec, ok := v.(*value.Vector)
		if !ok {
			return nil, ddberr.Errorf("Failed to deserialize the column %s: %v", schema.Names[c], fmt.Errorf("not a vector"))
		}
		if len(bodies) == 0 {
			vec = col.Like(0)
			vec.Scale = col.Scale
		}
		cols[c] = vec
	}
	return value.NewTable(append([]string(nil), schema.Names...), cols), nil
}
