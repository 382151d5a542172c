package wire

import (
	"maps"
	"slices"

	"github.com/porpoisedb/porpoise/value"
)

// An IOTANY vector (type 41) travels as DolphinDB's Java, C# and
// JavaScript APIs read and write it: after the type-41 header, the
// count and columns of an ANY vector (1 + the number of value types, 1)
// and its elements, each a whole object: first an INT vector of n, the
// number of value types, each row's index in its type's vector and each
// row's type id (0 for a row without a value, which has no vector), then
// one typed vector per value type in ascending type id.

// writeIOTAny writes v, an IOTANY vector, in that layout.
func (w *Writer) writeIOTAny(v *value.Vector, form value.Form, depth int) {
	n := v.Len()
	meta := make([]int32, 2+2*n)
	subs := map[value.Type]*value.Vector{}
	for i, x := range v.Any {
		s, ok := x.(*value.Scalar)
		if !ok {
			w.fail(unsupported("IOTANY element of form %s", x.Form()))
			return
		}
		if s.T == value.Void {
			continue
		}
		sub := subs[s.T]
		if sub == nil {
			sub = value.NewVector(s.T, 0, 0)
			subs[s.T] = sub
		}
		meta[2+i] = int32(sub.Len())
		meta[2+n+i] = int32(s.T)
		sub.AppendScalar(s)
	}
	meta[0], meta[1] = int32(n), int32(len(subs))
	types := slices.Sorted(maps.Keys(subs))
	w.hdr(byte(value.IOTAny), form)
	w.i32(int32(1 + len(subs)))
	w.i32(1)
	w.writeVector(value.NewInts(meta), value.FormVector, depth+1)
	for _, t := range types {
		w.writeVector(subs[t], value.FormVector, depth+1)
	}
}

// readIOTAny reads the rest of an IOTANY vector once its type byte is read.
func (r *Reader) readIOTAny() (*value.Vector, error) {
	_, _, k, err := r.readDims()
	if err != nil {
		return nil, err
	}
	items, err := r.readTuple(k)
	if err != nil {
		return nil, err
	}
	var meta *value.Vector
	if len(items) > 0 {
		meta, _ = items[0].(*value.Vector)
	}
	if meta == nil || meta.T != value.Int || meta.Len() < 2 {
		return nil, malformed("IOTANY vector's index is not an INT vector")
	}
	n, nsub := int(meta.I32[0]), int(meta.I32[1])
	if n < 0 || meta.Len() != 2+2*n || nsub != len(items)-1 {
		return nil, malformed("IOTANY index of %d elements for %d rows and %d types", meta.Len(), n, nsub)
	}
	subs := map[value.Type]*value.Vector{}
	for _, it := range items[1:] {
		sub, ok := it.(*value.Vector)
		if !ok {
			return nil, malformed("IOTANY value vector of form %s", it.Form())
		}
		subs[sub.T] = sub
	}
	out := value.NewVector(value.IOTAny, 0, n)
	for i := range n {
		t, at := value.Type(meta.I32[2+n+i]), int(meta.I32[2+i])
		if t == value.Void {
			out.Any = append(out.Any, value.NullScalar(value.Void))
			continue
		}
		sub := subs[t]
		if sub == nil || at < 0 || at >= sub.Len() {
			return nil, malformed("IOTANY row %d: no %s value %d", i, t, at)
		}
		out.Any = append(out.Any, sub.At(at))
	}
	return out, nil
}
