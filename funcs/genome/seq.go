package genome

import (
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// The code of a sequence of n bases (the manual's examples fix it:
// "TCGATCG" is 465691 = 7<<16 | 0b01101100011011): each base takes two
// bits, A=0 T=1 C=2 G=3, the first base highest, and n itself sits in the
// byte just above the whole bytes the 2n bits fill. The empty sequence is
// 0; a sequence longer than 28 bases, or one with any other character
// (lower case included), has no code.
const maxBases = 28

// baseBits is a base's two bits, -1 for a character that is not one.
var baseBits = func() (t [256]int8) {
	for i := range t {
		t[i] = -1
	}
	t['A'], t['T'], t['C'], t['G'] = 0, 1, 2, 3
	return t
}()

const bases = "ATCG"

// lengthShift is where the length of an n-base code sits.
func lengthShift(n int) uint { return uint(8 * ((n + 3) / 4)) }

// encode is s's code; ok is false when s has none.
func encode(s string) (code int64, ok bool) {
	if len(s) > maxBases {
		return 0, false
	}
	for i := 0; i < len(s); i++ {
		b := baseBits[s[i]]
		if b < 0 {
			return 0, false
		}
		code = code<<2 | int64(b)
	}
	return code | int64(len(s))<<lengthShift(len(s)), true
}

// decode is the sequence of code, "" for NULL, 0 and any integer that is
// not a code.
func decode(code int64) string {
	if code <= 0 {
		return ""
	}
	top := uint(0)
	for code>>(top+8) != 0 {
		top += 8
	}
	n := int(code >> top)
	if n > maxBases || lengthShift(n) != top {
		return ""
	}
	seq := code & (1<<top - 1)
	if seq>>(2*n) != 0 {
		return ""
	}
	var b strings.Builder
	b.Grow(n)
	for i := n - 1; i >= 0; i-- {
		b.WriteByte(bases[seq>>(2*i)&3])
	}
	return b.String()
}

// encodeFn is encodeShortGenomeSeq(X): a STRING scalar or vector gives a
// LONG per string, a CHAR vector one LONG for its characters.
func encodeFn(_ funcs.Env, args []value.Value) (value.Value, error) {
	switch x := args[0].(type) {
	case *value.Scalar:
		if x.T.Category() == value.CatLiteral && x.T != value.Blob {
			return longOf(encode(x.S)), nil
		}
	case *value.Vector:
		switch {
		case x.T == value.Char:
			s := make([]byte, len(x.I8))
			for i, c := range x.I8 {
				s[i] = byte(c)
			}
			return longOf(encode(string(s))), nil
		case x.T.Category() == value.CatLiteral && x.T != value.Blob && !x.T.IsArray():
			strs := x.Strings()
			out := make([]int64, len(strs))
			for i, s := range strs {
				c, ok := encode(s)
				if !ok {
					c = value.NullInt64
				}
				out[i] = c
			}
			return value.NewLongs(out), nil
		}
	}
	return nil, ddberr.Errorf("The argument [X] of encodeShortGenomeSeq must be a STRING scalar or vector, or a CHAR vector.")
}

func longOf(code int64, ok bool) *value.Scalar {
	if !ok {
		return value.NullScalar(value.Long)
	}
	return value.NewLong(code)
}

// decodeFn is decodeShortGenomeSeq(X) over an integral scalar or vector.
func decodeFn(_ funcs.Env, args []value.Value) (value.Value, error) {
	bad := ddberr.Errorf("The argument [%s] of %s must be an integer scalar or vector.", "X", "decodeShortGenomeSeq")
	switch x := args[0].(type) {
	case *value.Scalar:
		if x.T == value.Void {
			return value.NewString(""), nil
		}
		if x.T.Category() != value.CatIntegral {
			return nil, bad
		}
		if x.Null {
			return value.NewString(""), nil
		}
		return value.NewString(decode(x.I)), nil
	case *value.Vector:
		if x.T.Category() != value.CatIntegral || x.T.IsArray() {
			return nil, bad
		}
		l, err := cast.Vector(x, value.Long, 0)
		if err != nil {
			return nil, err
		}
		out := make([]string, len(l.I64))
		for i, c := range l.I64 {
			if c != value.NullInt64 {
				out[i] = decode(c)
			}
		}
		return value.NewStrings(value.String, out), nil
	}
	return nil, bad
}

// genFn is genShortGenomeSeq(X, window): the code of the window bases
// starting at each character of X, NULL where the window runs past the
// end or holds a character that is not a base. The result is SHORT for
// windows of up to 4 bases, INT up to 12, LONG beyond.
func genFn(_ funcs.Env, args []value.Value) (value.Value, error) {
	var s string
	switch x := args[0].(type) {
	case *value.Scalar:
		if x.T.Category() != value.CatLiteral || x.T == value.Blob {
			return nil, genArgError()
		}
		s = x.S
	case *value.Vector:
		if x.T != value.Char {
			return nil, genArgError()
		}
		b := make([]byte, len(x.I8))
		for i, c := range x.I8 {
			b[i] = byte(c)
		}
		s = string(b)
	default:
		return nil, genArgError()
	}
	w, err := funcs.IntArg("genShortGenomeSeq", "window", args[1], 0)
	if err != nil || w < 2 || w > maxBases {
		return nil, ddberr.Errorf("The argument [window] of genShortGenomeSeq must be an integer between 2 and 28.")
	}
	codes := make([]int64, len(s))
	valid := make([]bool, len(s))
	for i := 0; i+int(w) <= len(s); i++ {
		codes[i], valid[i] = encode(s[i : i+int(w)])
	}
	switch {
	case w <= 4:
		return &value.Vector{T: value.Short, I16: narrow(codes, valid, value.NullInt16)}, nil
	case w <= 12:
		return value.NewInts(narrow(codes, valid, value.NullInt32)), nil
	}
	return value.NewLongs(narrow(codes, valid, value.NullInt64)), nil
}

// narrow converts codes to the result's integer type, null where a
// window has no code.
func narrow[T int16 | int32 | int64](codes []int64, valid []bool, null T) []T {
	out := make([]T, len(codes))
	for i, c := range codes {
		out[i] = null
		if valid[i] {
			out[i] = T(c)
		}
	}
	return out
}

func genArgError() error {
	return ddberr.Errorf("The argument [X] of genShortGenomeSeq must be a STRING scalar or a CHAR vector.")
}
