package funcs

import (
	"encoding/binary"
	"math"

	"github.com/porpoisedb/porpoise/value"
)

// AppendElemBytes appends elements lo..hi-1 of the plain vector v to b as
// DolphinDB lays them out in memory (what write, gmd5 and objectChecksum
// see): fixed-width numbers little-endian, COMPLEX and POINT as two
// DOUBLEs, strings as their text, followed by a NUL byte when nulTerm is
// set. ok is false for a type with no such layout (ANY).
func AppendElemBytes(b []byte, v *value.Vector, lo, hi int, nulTerm bool) (_ []byte, ok bool) {
	le := binary.LittleEndian
	switch v.T.Storage() {
	case value.StInt8:
		for _, x := range v.I8[lo:hi] {
			b = append(b, byte(x))
		}
	case value.StInt16:
		for _, x := range v.I16[lo:hi] {
			b = le.AppendUint16(b, uint16(x))
		}
	case value.StInt32:
		for _, x := range v.I32[lo:hi] {
			b = le.AppendUint32(b, uint32(x))
		}
	case value.StInt64:
		for _, x := range v.I64[lo:hi] {
			b = le.AppendUint64(b, uint64(x))
		}
	case value.StFloat32:
		for _, x := range v.F32[lo:hi] {
			b = le.AppendUint32(b, math.Float32bits(x))
		}
	case value.StFloat64, value.StPair2F64:
		if v.T.Storage() == value.StPair2F64 {
			lo, hi = 2*lo, 2*hi
		}
		for _, x := range v.F64[lo:hi] {
			b = le.AppendUint64(b, math.Float64bits(x))
		}
	case value.StBytes16:
		for _, x := range v.B16[lo:hi] {
			b = append(b, x[:]...)
		}
	case value.StString:
		for i := lo; i < hi; i++ {
			b = append(b, v.StrAt(i)...)
			if nulTerm {
				b = append(b, 0)
			}
		}
	default:
		return b, false
	}
	return b, true
}
