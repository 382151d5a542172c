package encoding

import (
	"crypto/hmac"
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/hex"
	"hash"
	"hash/crc32"

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
	r := funcs.ReadArgs("hmac", args)
	key := r.StrScalar("key", args[0])
	msg := r.StrScalar("message", args[1])
	name := r.OptStrScalar("digest", r.Arg(2), "sha256")
	if err := r.Err(); err != nil {
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
	b, _ := funcs.AppendElemBytes(make([]byte, 0, v.Len()*v.T.Storage().Width()), v, 0, v.Len(), false)
	return value.NewInt(int32(crc32.Update(uint32(prev), crc32.IEEETable, b))), nil
}
