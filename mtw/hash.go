package mtw

import (
	"github.com/porpoisedb/porpoise/value"
)

// Row routing hash (mtw.md §4.3): the same function as the C++/Go APIs'
// getHash / HashBucket and the server's hashBucket. Re-implemented here
// because mtw, a client, does not import the partition package.

const murmurM = 0x5bd1e995

// murmur2 is MurmurHash2 (32 bit) with the byte length as seed.
func murmur2(s string) uint32 {
	n := len(s)
	h := uint32(n)
	i := 0
	for ; n-i >= 4; i += 4 {
		k := uint32(s[i]) | uint32(s[i+1])<<8 | uint32(s[i+2])<<16 | uint32(s[i+3])<<24
		k *= murmurM
		k ^= k >> 24
		k *= murmurM
		h *= murmurM
		h ^= k
	}
	switch n - i {
	case 3:
		h ^= uint32(s[i+2]) << 16
		fallthrough
	case 2:
		h ^= uint32(s[i+1]) << 8
		fallthrough
	case 1:
		h ^= uint32(s[i])
		h *= murmurM
	}
	h ^= h >> 13
	h *= murmurM
	h ^= h >> 15
	return h
}

// murmur16 hashes a 16-byte value (UUID, INT128, IPADDR) held little
// endian, as the server's in-memory order.
func murmur16(b *[16]byte) uint32 {
	h := uint32(16)
	for w := 0; w < 4; w++ {
		k := uint32(b[4*w]) | uint32(b[4*w+1])<<8 | uint32(b[4*w+2])<<16 | uint32(b[4*w+3])<<24
		k *= murmurM
		k ^= k >> 24
		k *= murmurM
		h *= murmurM
		h ^= k
	}
	h ^= h >> 13
	h *= murmurM
	h ^= h >> 15
	return h
}

// hashCell is hash(v, buckets) of a converted, non-array value of type t:
// a bucket in [0, buckets), -1 for NULL of the integral and temporal
// types and for types that cannot be hashed (FLOAT, DOUBLE, COMPLEX,
// POINT), 0 for DURATION, DECIMAL and others.
func hashCell(t value.Type, c *cell, buckets int) int {
	if buckets <= 0 {
		return -1
	}
	b := uint64(buckets)
	switch t {
	case value.Bool, value.Char:
		if c.null || c.i == int64(value.NullInt8) {
			return -1
		}
		return int(uint64(uint32(int32(int8(c.i)))) % b)
	case value.Short:
		if c.null || c.i == int64(value.NullInt16) {
			return -1
		}
		return int(uint64(uint32(int32(int16(c.i)))) % b)
	case value.Int, value.Date, value.Month, value.Time, value.Minute, value.Second,
		value.DateTime, value.DateHour, value.DateMinute:
		if c.null || c.i == int64(value.NullInt32) {
			return -1
		}
		return int(uint64(uint32(int32(c.i))) % b)
	case value.Long, value.Timestamp, value.NanoTime, value.NanoTimestamp:
		if c.null || c.i == value.NullInt64 {
			return -1
		}
		return int(uint64(c.i) % b)
	case value.String, value.Symbol, value.Blob:
		if c.null {
			return 0
		}
		return int(uint64(murmur2(c.s)) % b)
	case value.UUID, value.Int128, value.IPAddr:
		if c.null {
			var z [16]byte
			return int(uint64(murmur16(&z)) % b)
		}
		return int(uint64(murmur16(&c.b)) % b)
	case value.Float, value.Double, value.Complex, value.Point:
		return -1
	}
	return 0
}
