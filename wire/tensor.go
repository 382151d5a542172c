package wire

import (
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/tensor"
)

// A tensor (form 10) goes over the wire as DolphinDB sends it, which the
// JavaScript API reads and writes (the C++ and Python APIs refuse the
// form): after the type and form bytes, the tensor type and device type
// (one byte each, 0: a plain tensor on the CPU), flags (UINT, 0), the
// dimension count (INT), the shape and then the strides (a LONG per
// dimension each), a reserved LONG (0), the element count (LONG) and the
// elements, row-major.

func (w *Writer) writeTensor(t *tensor.Tensor) {
	et := t.Data.T
	if !tensor.Supports(et) {
		w.fail(unsupported("tensor of %s", et))
		return
	}
	w.hdr(byte(et), value.FormTensor)
	w.u8(0)
	w.u8(0)
	w.u32(0)
	w.i32(int32(len(t.Shape)))
	for _, d := range t.Shape {
		w.u64(uint64(d))
	}
	for _, s := range t.Strides() {
		w.u64(uint64(s))
	}
	w.u64(0)
	w.u64(uint64(t.Data.Len()))
	w.writeElems(t.Data, 0)
}

// readTensor reads a tensor's body after its type byte tb. Only
// contiguous row-major tensors of the types tensor supports are accepted.
func (r *Reader) readTensor(tb byte) (value.Value, error) {
	et := value.Type(tb)
	if !tensor.Supports(et) {
		return nil, unsupported("tensor of type byte %d", tb)
	}
	head, err := r.next(6)
	if err != nil {
		return nil, err
	}
	if head[0] != 0 || head[1] != 0 {
		return nil, unsupported("tensor type %d on device %d", head[0], head[1])
	}
	dims, err := r.i32()
	if err != nil {
		return nil, err
	}
	if dims < 1 || dims > tensor.MaxDims {
		return nil, malformed("tensor of %d dimensions", dims)
	}
	if err := r.need(int64(2*dims+2), 8); err != nil {
		return nil, err
	}
	t := &tensor.Tensor{Shape: make([]int, dims)}
	count := int64(1)
	for i := range t.Shape {
		d, err := r.u64()
		if err != nil {
			return nil, err
		}
		if int64(d) < 0 || int64(d) > r.remaining() || count*int64(d) > r.remaining() {
			return nil, malformed("tensor dimension %d of size %d", i, int64(d))
		}
		t.Shape[i] = int(d)
		count *= int64(d)
	}
	for i, want := range t.Strides() {
		s, err := r.u64()
		if err != nil {
			return nil, err
		}
		if int64(s) != int64(want) && t.Shape[i] > 1 {
			return nil, unsupported("tensor with strides other than row-major")
		}
	}
	if _, err := r.u64(); err != nil {
		return nil, err
	}
	n, err := r.u64()
	if err != nil {
		return nil, err
	}
	if int64(n) != count {
		return nil, malformed("tensor of %d elements holds %d", count, int64(n))
	}
	if t.Data, err = r.readElems(et, int(count)); err != nil {
		return nil, err
	}
	return t, nil
}
