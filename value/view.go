package value

import (
	"slices"
	"unsafe"
)

// Fixed lists the element types of the fixed-width typed slices, which
// storage and the wire copy in bulk as raw memory.
type Fixed interface {
	~int8 | ~int16 | ~int32 | ~int64 | ~float32 | ~float64 | ~[16]byte
}

// HostBigEndian reports the host's byte order: raw-memory copies are
// little endian on every host but a big-endian one, where callers swap.
func HostBigEndian() bool { return hostBigEndian }

var hostBigEndian = func() bool {
	x := uint16(1)
	return *(*byte)(unsafe.Pointer(&x)) == 0
}()

// AsBytes views s's backing array as bytes (no copy).
func AsBytes[T Fixed](s []T) []byte {
	if len(s) == 0 {
		return nil
	}
	var z T
	return unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(s))), len(s)*int(unsafe.Sizeof(z)))
}

// Width is the size in bytes of one element stored as s: 1, 2, 4, 8, 16
// (16-byte values, and COMPLEX/POINT pairs of float64), 0 for strings and
// ANY.
func (s Storage) Width() int {
	switch s {
	case StInt8:
		return 1
	case StInt16:
		return 2
	case StInt32, StFloat32:
		return 4
	case StInt64, StFloat64:
		return 8
	case StBytes16, StPair2F64:
		return 16
	}
	return 0
}

// FixedBytes views the elements of a fixed-width vector (the flattened
// elements of an array vector) as raw memory, with the storage's element
// width, or nil and 0 for strings and ANY.
func (v *Vector) FixedBytes() ([]byte, int) {
	if c, ok := columns[v.T.Elem().Storage()].(fixedColumn); ok {
		return c.bytes(v)
	}
	return nil, 0
}

// ExtendFixed grows a fixed-width vector (or the flattened elements of an
// array vector) by n elements and views the new tail as raw memory, with
// the element width; nil and 0 for strings and ANY.
func (v *Vector) ExtendFixed(n int) ([]byte, int) {
	if c, ok := columns[v.T.Elem().Storage()].(fixedColumn); ok {
		return c.extend(v, n)
	}
	return nil, 0
}

// Extend grows s by n elements and returns the whole slice and the new
// tail.
func Extend[T any](s []T, n int) ([]T, []T) {
	s = slices.Grow(s, n)
	l := len(s)
	s = s[:l+n]
	return s, s[l:]
}
