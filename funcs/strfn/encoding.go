package strfn

import (
	"crypto/md5"
	"encoding/binary"
	"fmt"
	"math"
	"strings"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// Character-set conversions (convertEncode, toUTF8, fromUTF8) and gmd5.

// charset resolves an encoding name; names are lower case, as DolphinDB
// requires.
func charset(fn, name string) (encoding.Encoding, error) {
	if name != strings.ToLower(name) {
		return nil, ddberr.Errorf("The encoding name of %s must be lower case: %s", fn, name)
	}
	if alias, ok := charsetAliases[name]; ok {
		name = alias
	}
	e, err := htmlindex.Get(name)
	if err != nil {
		return nil, ddberr.Errorf("Unsupported encoding %s", name)
	}
	return e, nil
}

// charsetAliases are iconv names the WHATWG index lacks.
var charsetAliases = map[string]string{"euc-cn": "gb2312", "cp936": "gbk", "utf8": "utf-8"}

// recode converts each string from the src to the dst character set.
func recode(fn string, x value.Value, src, dst string) (value.Value, error) {
	from, err := charset(fn, src)
	if err != nil {
		return nil, err
	}
	to, err := charset(fn, dst)
	if err != nil {
		return nil, err
	}
	dec, enc := from.NewDecoder(), to.NewEncoder()
	var failed error
	r, err := funcs.MapStringsKeep(fn, x, func(s string) string {
		if s == "" || failed != nil {
			return s
		}
		u, err := dec.String(s)
		if err == nil {
			u, err = enc.String(u)
		}
		if err != nil {
			failed = ddberr.Errorf("Failed to convert the string from %s to %s.", src, dst)
		}
		return u
	})
	if failed != nil {
		return nil, failed
	}
	return r, err
}

// gmd5 is the MD5 digest of all of X's elements' bytes (numbers as their
// little-endian storage, strings as their text), flattening tuples,
// array vectors, pairs and matrices, as one INT128.
func gmd5(_ funcs.Env, args []value.Value) (value.Value, error) {
	h := md5.New()
	var buf []byte
	var walk func(x value.Value) error
	walk = func(x value.Value) error {
		switch v := x.(type) {
		case *value.Scalar:
			return walk(v.Vector())
		case *value.Pair:
			return walk(v.V)
		case *value.Matrix:
			return walk(v.V)
		case *value.Vector:
			if v.T == value.Any {
				for _, e := range v.Any {
					if err := walk(e); err != nil {
						return err
					}
				}
				return nil
			}
			flat := *v
			flat.T, flat.Offsets = v.T.Elem(), nil
			buf = buf[:0]
			switch flat.T.Storage() {
			case value.StInt8:
				for _, b := range flat.I8 {
					buf = append(buf, byte(b))
				}
			case value.StInt16:
				for _, b := range flat.I16 {
					buf = binary.LittleEndian.AppendUint16(buf, uint16(b))
				}
			case value.StInt32:
				for _, b := range flat.I32 {
					buf = binary.LittleEndian.AppendUint32(buf, uint32(b))
				}
			case value.StInt64:
				for _, b := range flat.I64 {
					buf = binary.LittleEndian.AppendUint64(buf, uint64(b))
				}
			case value.StFloat32:
				for _, b := range flat.F32 {
					buf = binary.LittleEndian.AppendUint32(buf, math.Float32bits(b))
				}
			case value.StFloat64, value.StPair2F64:
				for _, b := range flat.F64 {
					buf = binary.LittleEndian.AppendUint64(buf, math.Float64bits(b))
				}
			case value.StString:
				for _, s := range flat.Strings() {
					buf = append(buf, s...)
				}
			case value.StBytes16:
				for _, b := range flat.B16 {
					buf = append(buf, b[:]...)
				}
			default:
				return fmt.Errorf("gmd5 doesn't support data type %s.", v.T)
			}
			h.Write(buf)
			return nil
		}
		return fmt.Errorf("gmd5 doesn't support data form %s.", x.Form())
	}
	if err := walk(args[0]); err != nil {
		return nil, err
	}
	var d [16]byte
	copy(d[:], h.Sum(nil))
	return &value.Scalar{T: value.Int128, B: int128Digest(d)}, nil
}

func convertEncodeFn(_ funcs.Env, args []value.Value) (value.Value, error) {
	src, err := funcs.StrScalarArg("convertEncode", "srcEncode", args[1])
	if err != nil {
		return nil, err
	}
	dst, err := funcs.StrScalarArg("convertEncode", "destEncode", args[2])
	if err != nil {
		return nil, err
	}
	return recode("convertEncode", args[0], src, dst)
}

func toUTF8Fn(_ funcs.Env, args []value.Value) (value.Value, error) {
	src, err := funcs.StrScalarArg("toUTF8", "encode", args[1])
	if err != nil {
		return nil, err
	}
	return recode("toUTF8", args[0], src, "utf-8")
}

func fromUTF8Fn(_ funcs.Env, args []value.Value) (value.Value, error) {
	dst, err := funcs.StrScalarArg("fromUTF8", "encode", args[1])
	if err != nil {
		return nil, err
	}
	return recode("fromUTF8", args[0], "utf-8", dst)
}
