package encoding

import (
	"crypto/hmac"
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/binary"
	"encoding/hex"
	"hash"
	"hash/crc32"
	"math"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

var digests = map[string]func() hash.Hash{
	"sha1": sha1.New, "sha224": sha256.New224, "sha256": sha256.New,
	"sha384": sha512.New384, "sha512": sha512.New, "md5": md5.New,
}

// hmacFn is hmac(key, message, [digest='sha256']): the HMAC of message
// under key, in lower-case hexadecimal.
func hmacFn(_ funcs.Env, args []value.Value) (value.Value, error) {
	key, err := funcs.StrScalarArg("hmac", "key", args[0])
	if err != nil {
		return nil, err
	}
	msg, err := funcs.StrScalarArg("hmac", "message", args[1])
	if err != nil {
		return nil, err
	}
	name, err := funcs.OptStrScalarArg("hmac", "digest", funcs.Arg(args, 2), "sha256")
	if err != nil {
		return nil, err
	}
	newHash, ok := digests[name]
	if !ok {
		return nil, ddberr.Errorf("The argument [digest] of hmac must be one of sha1, sha224, sha256, sha384, sha512 and md5.")
	}
	m := hmac.New(newHash, []byte(key))
	m.Write([]byte(msg))
	return value.NewString(hex.EncodeToString(m.Sum(nil))), nil
}

// objectChecksum is objectChecksum(vector, [prev]): the CRC-32 (IEEE) of
// the vector's elements as DolphinDB lays them out in memory (little
// endian; strings as their bytes, one after another), continuing from
// prev so a long vector can be summed piece by piece.
func objectChecksum(_ funcs.Env, args []value.Value) (value.Value, error) {
	v, ok := args[0].(*value.Vector)
	if !ok || v.T == value.Any || v.T.IsArray() {
		return nil, ddberr.Errorf("The argument [vector] of objectChecksum must be a vector.")
	}
	var prev int64
	if x := funcs.Arg(args, 1); x != nil && !funcs.NullOrAbsent(x) {
		var err error
		if prev, err = funcs.IntScalar("objectChecksum", x); err != nil {
			return nil, err
		}
	}
	return value.NewInt(int32(crc32.Update(uint32(prev), crc32.IEEETable, elemBytes(v)))), nil
}

// elemBytes is a vector's elements in DolphinDB's memory layout.
func elemBytes(v *value.Vector) []byte {
	le := binary.LittleEndian
	var b []byte
	switch v.T.Storage() {
	case value.StInt8:
		b = make([]byte, len(v.I8))
		for i, x := range v.I8 {
			b[i] = byte(x)
		}
	case value.StInt16:
		for _, x := range v.I16 {
			b = le.AppendUint16(b, uint16(x))
		}
	case value.StInt32:
		for _, x := range v.I32 {
			b = le.AppendUint32(b, uint32(x))
		}
	case value.StInt64:
		for _, x := range v.I64 {
			b = le.AppendUint64(b, uint64(x))
		}
	case value.StFloat32:
		for _, x := range v.F32 {
			b = le.AppendUint32(b, math.Float32bits(x))
		}
	case value.StFloat64, value.StPair2F64:
		for _, x := range v.F64 {
			b = le.AppendUint64(b, math.Float64bits(x))
		}
	case value.StString:
		for i := range v.Len() {
			b = append(b, v.StrAt(i)...)
		}
	case value.StBytes16:
		for _, x := range v.B16 {
			b = append(b, x[:]...)
		}
	}
	return b
}
