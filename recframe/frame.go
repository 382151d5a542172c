package recframe

import (
	"encoding/binary"
	"hash/crc32"
	"io"
)

// Header is the size of a record's header: a 4-byte little-endian
// payload length, the payload's CRC-32 (IEEE) and the kind byte.
const Header = 9

// Append appends one record of kind holding payload to dst.
func Append(dst []byte, kind byte, payload []byte) []byte {
	dst = binary.LittleEndian.AppendUint32(dst, uint32(len(payload)))
	dst = binary.LittleEndian.AppendUint32(dst, crc32.ChecksumIEEE(payload))
	dst = append(dst, kind)
	return append(dst, payload...)
}

// Next reads the record at the start of b: its kind, its payload (a
// slice of b) and the record's whole length. It returns
// io.ErrUnexpectedEOF when b ends inside the record or the checksum
// doesn't match, which is what a torn write leaves.
func Next(b []byte) (kind byte, payload []byte, n int, err error) {
	if len(b) < Header {
		return 0, nil, 0, io.ErrUnexpectedEOF
	}
	size := int(binary.LittleEndian.Uint32(b))
	if len(b)-Header < size {
		return 0, nil, 0, io.ErrUnexpectedEOF
	}
	payload = b[Header : Header+size]
	if crc32.ChecksumIEEE(payload) != binary.LittleEndian.Uint32(b[4:]) {
		return 0, nil, 0, io.ErrUnexpectedEOF
	}
	return b[8], payload, Header + size, nil
}
