package partition

import (
	"github.com/porpoisedb/porpoise/value"
)

// murmurM and murmurR are MurmurHash2's constants.
const (
	murmurM = 0x5bd1e995
	murmurR = 24
)

// Murmur2 is MurmurHash2 (Austin Appleby, 32-bit) of b with seed len(b), as
// DolphinDB hashes STRING, SYMBOL, BLOB and 16-byte values.
func Murmur2(b []byte) uint32 { return murmur2(b) }

// murmur2 is Murmur2 over the bytes of a string or a byte slice, so a
// string is hashed without copying it.
func murmur2[S string | []byte](b S) uint32 {
	h := uint32(len(b))
	for len(b) >= 4 {
		k := uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24
		k *= murmurM
		k ^= k >> murmurR
		k *= murmurM
		h *= murmurM
		h ^= k
		b = b[4:]
	}
	switch len(b) {
	case 3:
		h ^= uint32(b[2]) << 16
		fallthrough
	case 2:
		h ^= uint32(b[1]) << 8
		fallthrough
	case 1:
		h ^= uint32(b[0])
		h *= murmurM
	}
	h ^= h >> 13
	h *= murmurM
	h ^= h >> 15
	return h
}

// murmur2Bytes16 is Murmur2 of a 16-byte value in the server's in-memory
// (little-endian 128-bit) order, which is Porpoise's [16]byte order.
func murmur2Bytes16(b *[16]byte) uint32 { return murmur2(b[:]) }

// Hashable reports whether hashBucket is defined for elements of type t:
// BOOL, CHAR, SHORT, INT, LONG, every temporal type, STRING, SYMBOL, BLOB,
// UUID, IPADDR and INT128. FLOAT, DOUBLE, DECIMAL and the rest are not.
func Hashable(t value.Type) bool {
	switch t {
	case value.Bool, value.Char, value.Short, value.Int, value.Long,
		value.Date, value.Month, value.Time, value.Minute, value.Second, value.DateTime,
		value.DateHour, value.DateMinute, value.Timestamp, value.NanoTime, value.NanoTimestamp,
		value.String, value.Symbol, value.Blob, value.UUID, value.IPAddr, value.Int128:
		return true
	}
	return false
}

// hash32 is hashBucket of a 32-bit (or narrower, sign-extended) value.
func hash32(v int32, null int32, b uint32) int32 {
	if v == null {
		return -1
	}
	return int32(uint32(v) % b)
}

// hash64 is hashBucket of a 64-bit value.
func hash64(v int64, b uint64) int32 {
	if v == value.NullInt64 {
		return -1
	}
	return int32(uint64(v) % b)
}

// HashBucket returns DolphinDB's hashBucket(v, buckets) for every element of
// v: a bucket in [0, buckets), or -1 for an integral or temporal NULL. The
// empty string (the STRING NULL) hashes to bucket 0 and the all-zero UUID
// like any other value. Elements of a type that is not Hashable, and every
// element when buckets <= 0, give -1.
func HashBucket(v *value.Vector, buckets int) []int32 {
	out := make([]int32, v.Len())
	hashBucketInto(v, buckets, out)
	return out
}

func hashBucketInto(v *value.Vector, buckets int, out []int32) {
	if buckets <= 0 || !Hashable(v.T) {
		for i := range out {
			out[i] = -1
		}
		return
	}
	b := uint32(buckets)
	switch v.T.Storage() {
	case value.StInt8:
		for i, x := range v.I8 {
			out[i] = hash32(int32(x), int32(value.NullInt8), b)
		}
	case value.StInt16:
		for i, x := range v.I16 {
			out[i] = hash32(int32(x), int32(value.NullInt16), b)
		}
	case value.StInt32:
		for i, x := range v.I32 {
			out[i] = hash32(x, value.NullInt32, b)
		}
	case value.StInt64:
		b64 := uint64(buckets)
		for i, x := range v.I64 {
			out[i] = hash64(x, b64)
		}
	case value.StString:
		if codes, base, ok := v.SymbolCodes(); ok && len(base) <= len(codes) {
			// Hash each symbol once, then look rows up by code.
			byCode := make([]int32, len(base))
			for c, s := range base {
				byCode[c] = int32(murmur2(s) % b)
			}
			for i, c := range codes {
				out[i] = byCode[c]
			}
			return
		}
		for i, s := range v.Strings() {
			out[i] = int32(murmur2(s) % b)
		}
	case value.StBytes16:
		for i := range v.B16 {
			out[i] = int32(murmur2Bytes16(&v.B16[i]) % b)
		}
	}
}

// HashBucketScalar is HashBucket for one scalar.
func HashBucketScalar(s *value.Scalar, buckets int) int32 {
	if buckets <= 0 || !Hashable(s.T) {
		return -1
	}
	b := uint32(buckets)
	// a NULL is the Null flag or, as in vectors, the type's sentinel
	switch s.T.Storage() {
	case value.StInt8:
		if s.Null || int8(s.I) == value.NullInt8 {
			return -1
		}
		return int32(uint32(int32(int8(s.I))) % b)
	case value.StInt16:
		if s.Null || int16(s.I) == value.NullInt16 {
			return -1
		}
		return int32(uint32(int32(int16(s.I))) % b)
	case value.StInt32:
		if s.Null || int32(s.I) == value.NullInt32 {
			return -1
		}
		return int32(uint32(int32(s.I)) % b)
	case value.StInt64:
		if s.Null || s.I == value.NullInt64 {
			return -1
		}
		return int32(uint64(s.I) % uint64(buckets))
	case value.StString:
		if s.Null {
			return 0
		}
		return int32(murmur2(s.S) % b)
	case value.StBytes16:
		var zero [16]byte
		if s.Null {
			return int32(murmur2Bytes16(&zero) % b)
		}
		return int32(murmur2Bytes16(&s.B) % b)
	}
	return -1
}
