package wire

import (
	"encoding/binary"
	"unsafe"

	"github.com/porpoisedb/porpoise/value"
)

// fixed lists the element types copied in bulk between the wire and the
// value package's typed slices.
type fixed = value.Fixed

// hostBigEndian reports the host's byte order. Bulk copies reinterpret
// typed slices as bytes (valid on every host) and swap in place when the
// data's byte order differs from the host's; that swap is the portable
// fallback for big-endian hosts.
var hostBigEndian = value.HostBigEndian()

func sizeOf[T fixed]() int {
	var z T
	return int(unsafe.Sizeof(z))
}

// swapUnits reverses the bytes of every w-byte unit of b (w = 2, 4 or 8).
func swapUnits(b []byte, w int) {
	switch w {
	case 2:
		for i := 0; i+1 < len(b); i += 2 {
			b[i], b[i+1] = b[i+1], b[i]
		}
	case 4:
		for i := 0; i+3 < len(b); i += 4 {
			binary.LittleEndian.PutUint32(b[i:], binary.BigEndian.Uint32(b[i:]))
		}
	case 8:
		for i := 0; i+7 < len(b); i += 8 {
			binary.LittleEndian.PutUint64(b[i:], binary.BigEndian.Uint64(b[i:]))
		}
	}
}

// swapUnit is the byte-swap unit of t's fixed-width elements: their
// width, except 16-byte values, whose halves are swapped separately (as
// the Go API does for big-endian 128-bit values), and COMPLEX/POINT
// pairs of float64 (8).
func swapUnit(t value.Type) int { return min(t.Elem().Storage().Width(), 8) }
