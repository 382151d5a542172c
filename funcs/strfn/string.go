package strfn

import (
	"crypto/md5"
	"errors"
	"hash/crc32"
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
	"github.com/porpoisedb/porpoise/value/kernel"
)

// String functions (manual category "string"): each takes a STRING,
// SYMBOL or CHAR scalar or vector and maps its elements in one loop.

func isASCIILetter(c byte) bool { return isASCIILower(c) || isASCIIUpper(c) }
func isASCIILower(c byte) bool  { return c >= 'a' && c <= 'z' }
func isASCIIUpper(c byte) bool  { return c >= 'A' && c <= 'Z' }
func isASCIIDigit(c byte) bool  { return c >= '0' && c <= '9' }

// allBytes is true for a non-empty string whose every byte satisfies f;
// the pages of isAlpha, isDigit ... say the empty string is false.
func allBytes(f func(byte) bool) func(string) bool {
	return func(s string) bool {
		if s == "" {
			return false
		}
		for i := 0; i < len(s); i++ {
			if !f(s[i]) {
				return false
			}
		}
		return true
	}
}

// casedAll is true when s has at least one letter and every letter
// satisfies f (isLower("123") is false, isLower("123456abc") true).
func casedAll(s string, f func(byte) bool) bool {
	cased := false
	for i := 0; i < len(s); i++ {
		if c := s[i]; isASCIILetter(c) {
			if !f(c) {
				return false
			}
			cased = true
		}
	}
	return cased
}

// isTitle is true when s has a letter, every letter that follows a
// non-letter is upper case and every other letter lower case.
func isTitle(s string) bool {
	cased, prevCased := false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case isASCIIUpper(c):
			if prevCased {
				return false
			}
			prevCased, cased = true, true
		case isASCIILower(c):
			if !prevCased {
				return false
			}
			prevCased, cased = true, true
		default:
			prevCased = false
		}
	}
	return cased
}

// initcap upper-cases the first letter or digit of each word and
// lower-cases the rest; any other byte separates words.
func initcap(s string) string {
	b := []byte(s)
	start := true
	for i, c := range b {
		alnum := isASCIILetter(c) || isASCIIDigit(c)
		switch {
		case !alnum:
			start = true
			continue
		case start && isASCIILower(c):
			b[i] = c - 'a' + 'A'
		case !start && isASCIIUpper(c):
			b[i] = c - 'A' + 'a'
		}
		start = false
	}
	return string(b)
}

// substr is substr, which cuts length bytes from offset, or with runes
// substru, which cuts runes.
func substr(fn string, runes bool) funcs.Impl {
	return func(_ funcs.Env, args []value.Value) (value.Value, error) {
		in, err := funcs.StringInput(fn, args[0])
		if err != nil {
			return nil, err
		}
		offs, offOK, err := perStringInts(fn, "offset", args[1], len(in.S))
		if err != nil {
			return nil, err
		}
		var lens []int64
		var lenOK []bool
		if x := funcs.Arg(args, 2); x != nil {
			if lens, lenOK, err = perStringInts(fn, "length", x, len(in.S)); err != nil {
				return nil, err
			}
		}
		out := make([]string, len(in.S))
		for i, s := range in.S {
			if !offOK[i] || lens != nil && !lenOK[i] {
				continue // a NULL offset or length: a NULL string
			}
			// [lo, hi) of n elements: from the offset, length of them
			// (no length: the rest)
			cut := func(n int) (lo, hi int) {
				lo, hi = min(int(offs[i]), n), n
				if lens != nil {
					hi = min(lo+int(lens[i]), n)
				}
				return lo, hi
			}
			if runes {
				r := []rune(s)
				lo, hi := cut(len(r))
				out[i] = string(r[lo:hi])
				continue
			}
			lo, hi := cut(len(s))
			out[i] = s[lo:hi]
		}
		return in.Wrap(value.NewStrings(value.String, out)), nil
	}
}

// perStringInts reads a non-negative integer parameter that applies to
// each of n strings: a scalar for all of them, or a vector with one per
// string, as substr(t.str, strpos(t.str, "_") + 1) passes
// (tutorials/func_progr_cases.md); ok is false at NULL elements.
func perStringInts(fn, param string, x value.Value, n int) ([]int64, []bool, error) {
	if _, vec := x.(*value.Vector); !vec {
		v, err := funcs.NonNegIntArg(fn, param, x, 0)
		if err != nil {
			return nil, nil, err
		}
		xs, ok := make([]int64, n), make([]bool, n)
		for i := range xs {
			xs[i], ok[i] = v, true
		}
		return xs, ok, nil
	}
	xs, ok, err := funcs.IntsArg(fn, param, x, n)
	if err != nil {
		return nil, nil, err
	}
	for i, v := range xs {
		if ok[i] && v < 0 {
			return nil, nil, ddberr.Errorf("The argument [%s] of %s must be a non-negative integer.", param, fn)
		}
	}
	return xs, ok, nil
}

// pad is lpad (left) or rpad: it fills str to length with pattern (blank
// by default); a longer str is cut to its first length bytes.
func pad(fn string, left bool) funcs.Impl {
	return func(env funcs.Env, args []value.Value) (value.Value, error) {
		r := funcs.ReadArgs(fn, args)
		n := r.NonNegInt("length", args[1], 0)
		fill := r.OptStrScalar("pattern", funcs.Arg(args, 2), " ")
		if err := r.Err(); err != nil {
			return nil, err
		}
		if err := reserveText(env, args[0], n, 0); err != nil {
			return nil, err
		}
		return funcs.MapStrings(fn, args[0], func(s string) string {
			if len(s) >= int(n) {
				return s[:n]
			}
			if fill == "" {
				return s
			}
			return padded(s, fill, int(n), left)
		})
	}
}

// padded is s filled to n bytes with repeats of fill on the left or the
// right, made in one allocation of n bytes: the fill repeated and then
// joined to s held twice the result at once, which reserveText does not
// count (rpad("a", 8000000000) took 16 GB).
func padded(s, fill string, n int, left bool) string {
	var b strings.Builder
	b.Grow(n)
	if !left {
		b.WriteString(s)
	}
	start, need := b.Len(), n-len(s)
	b.WriteString(fill[:min(len(fill), need)])
	// double the fill written so far, copying it from the builder's own
	// bytes: Grow made room for all of it, so nothing moves
	for done := b.Len() - start; done < need; done = b.Len() - start {
		b.WriteString(b.String()[start : start+min(done, need-done)])
	}
	if left {
		b.WriteString(s)
	}
	return b.String()
}

// charAt returns the CHAR at position Y of each string, NULL when Y is
// outside the string.
func charAt(_ funcs.Env, args []value.Value) (value.Value, error) {
	in, err := funcs.StringInput("charAt", args[0])
	if err != nil {
		return nil, err
	}
	pos, ok, err := funcs.IntsArg("charAt", "Y", args[1], len(in.S))
	if err != nil {
		return nil, err
	}
	out := make([]int8, len(in.S))
	for i, s := range in.S {
		p := pos[i]
		if !ok[i] || p < 0 || p >= int64(len(s)) {
			out[i] = value.NullInt8
			continue
		}
		out[i] = int8(s[p])
	}
	r := &value.Vector{T: value.Char, I8: out}
	if in.Scalar {
		if _, vec := args[1].(*value.Vector); vec {
			return r, nil
		}
	}
	return in.Wrap(r), nil
}

// like matches each string against a pattern where % stands for any run
// of characters and ? for one character (SQL "like" page).
func like(fn string, args []value.Value, fold bool) (value.Value, error) {
	pat, err := funcs.StrScalarArg(fn, "pattern", args[1])
	if err != nil {
		return nil, err
	}
	if fold {
		pat = strings.ToLower(pat)
	}
	return funcs.MapStringBools(fn, args[0], func(s string) bool {
		if fold {
			s = strings.ToLower(s)
		}
		return kernel.LikeMatch(s, pat)
	})
}

// notBools negates a BOOL scalar or vector.
func notBools(x value.Value) value.Value {
	switch v := x.(type) {
	case *value.Scalar:
		return value.NewBool(v.I == 0)
	case *value.Vector:
		out := make([]int8, len(v.I8))
		for i, b := range v.I8 {
			out[i] = 1 - b
		}
		return &value.Vector{T: value.Bool, I8: out}
	}
	return x
}

// split cuts a string at each delimiter. Without a delimiter a scalar
// becomes its CHAR vector; a vector of strings gives one result per
// element.
func split(_ funcs.Env, args []value.Value) (value.Value, error) {
	in, err := funcs.StringInput("split", args[0])
	if err != nil {
		return nil, err
	}
	delim, err := funcs.OptStrScalarArg("split", "delimiter", funcs.Arg(args, 1), "")
	if err != nil {
		return nil, err
	}
	hasDelim := delim != ""
	one := func(s string) *value.Vector {
		if !hasDelim {
			return charVector(s)
		}
		return value.NewStrings(value.String, strings.Split(s, delim))
	}
	if in.Scalar {
		return one(in.S[0]), nil
	}
	out := make([]value.Value, len(in.S))
	for i, s := range in.S {
		out[i] = one(s)
	}
	// split.md: a vector gives a columnar tuple, a[0] its first column
	tp := value.NewTuple(out)
	tp.Columnar = true
	return tp, nil
}

func charVector(s string) *value.Vector {
	cs := make([]int8, len(s))
	for i := 0; i < len(s); i++ {
		cs[i] = int8(s[i])
	}
	return &value.Vector{T: value.Char, I8: cs}
}

// toCharArray returns a scalar's bytes as a CHAR vector and a vector's as
// a CHAR[] array vector.
func toCharArray(_ funcs.Env, args []value.Value) (value.Value, error) {
	in, err := funcs.StringInput("toCharArray", args[0])
	if err != nil {
		return nil, err
	}
	if in.Scalar {
		return charVector(in.S[0]), nil
	}
	total := 0
	for _, s := range in.S {
		total += len(s)
	}
	data := make([]int8, 0, total)
	offs := make([]int64, len(in.S))
	for i, s := range in.S {
		for j := 0; j < len(s); j++ {
			data = append(data, int8(s[j]))
		}
		offs[i] = int64(len(data))
	}
	return &value.Vector{T: value.Char + value.ArrayOffset, I8: data, Offsets: offs}, nil
}

// int128Digest stores a 16-byte digest as an INT128, whose bytes are kept
// little-endian so it prints in the digest's own order.
func int128Digest(d [16]byte) [16]byte {
	var b [16]byte
	for i := range d {
		b[i] = d[15-i]
	}
	return b
}

func md5Of(_ funcs.Env, args []value.Value) (value.Value, error) {
	in, err := funcs.StringInput("md5", args[0])
	if err != nil {
		return nil, err
	}
	out := make([][16]byte, len(in.S))
	for i, s := range in.S {
		out[i] = int128Digest(md5.Sum([]byte(s)))
	}
	return in.Wrap(&value.Vector{T: value.Int128, B16: out}), nil
}

func crc32Of(_ funcs.Env, args []value.Value) (value.Value, error) {
	in, err := funcs.StringInput("crc32", args[0])
	if err != nil {
		return nil, err
	}
	seed := []int64{0}
	seedOK := []bool{true}
	if x := funcs.Arg(args, 1); x != nil {
		if seed, seedOK, err = funcs.IntsArg("crc32", "cksum", x, len(in.S)); err != nil {
			return nil, err
		}
	}
	out := make([]int32, len(in.S))
	for i, s := range in.S {
		k := 0
		if len(seed) > 1 {
			k = i
		}
		if !seedOK[k] {
			out[i] = value.NullInt32
			continue
		}
		out[i] = int32(crc32.Update(uint32(seed[k]), crc32.IEEETable, []byte(s)))
	}
	return in.Wrap(value.NewInts(out)), nil
}

// regexArgs is shared by the regex functions' argument errors.
func offsetArg(fn string, x value.Value) (int, error) {
	off, err := funcs.NonNegIntArg(fn, "offset", x, 0)
	if err != nil {
		return 0, ddberr.Errorf("The argument [offset] of %s must be a non-negative integer.", fn)
	}
	return int(off), nil
}

// literalText is a STRING/SYMBOL/CHAR scalar's text ("" for NULL); other
// scalars are converted to STRING first, as concat does.
func literalText(x value.Value) (string, error) {
	s, ok := x.(*value.Scalar)
	if !ok {
		return "", errors.New("not a scalar")
	}
	switch {
	case s.Null:
		return "", nil
	case s.T.Category() == value.CatLiteral:
		return s.S, nil
	case s.T == value.Char:
		return string([]byte{byte(s.I)}), nil
	}
	c, err := cast.To(s, value.String, 0)
	if err != nil {
		return "", err
	}
	return c.(*value.Scalar).S, nil
}

func leftFn(_ funcs.Env, args []value.Value) (value.Value, error) {
	in, err := funcs.StringInput("left", args[0])
	if err != nil {
		return nil, err
	}
	ns, ok, err := perStringInts("left", "n", args[1], len(in.S))
	if err != nil {
		return nil, err
	}
	out := make([]string, len(in.S))
	for i, s := range in.S {
		if ok[i] {
			out[i] = s[:min(int(ns[i]), len(s))]
		}
	}
	return in.Wrap(value.NewStrings(value.String, out)), nil
}

func rightFn(_ funcs.Env, args []value.Value) (value.Value, error) {
	n, err := funcs.NonNegIntArg("right", "n", args[1], 0)
	if err != nil {
		return nil, err
	}
	return funcs.MapStrings("right", args[0], func(s string) string { return s[len(s)-min(int(n), len(s)):] })
}

func repeatFn(env funcs.Env, args []value.Value) (value.Value, error) {
	n, err := funcs.NonNegIntArg("repeat", "n", args[1], 0)
	if err != nil {
		return nil, err
	}
	if err := reserveText(env, args[0], 0, n); err != nil {
		return nil, err
	}
	return funcs.MapStrings("repeat", args[0], func(s string) string { return strings.Repeat(s, int(n)) })
}

func startsWithFn(_ funcs.Env, args []value.Value) (value.Value, error) {
	pre, err := funcs.StrScalarArg("startsWith", "str", args[1])
	if err != nil {
		return nil, err
	}
	return funcs.MapStringBools("startsWith", args[0], func(s string) bool { return strings.HasPrefix(s, pre) })
}

func endsWithFn(_ funcs.Env, args []value.Value) (value.Value, error) {
	suf, err := funcs.StrScalarArg("endsWith", "str", args[1])
	if err != nil {
		return nil, err
	}
	return funcs.MapStringBools("endsWith", args[0], func(s string) bool { return strings.HasSuffix(s, suf) })
}

func strposFn(_ funcs.Env, args []value.Value) (value.Value, error) {
	sub, err := funcs.StrScalarArg("strpos", "str", args[1])
	if err != nil {
		return nil, err
	}
	return funcs.MapStringInts("strpos", args[0], func(s string) int32 { return int32(strings.Index(s, sub)) })
}

func strReplaceFn(_ funcs.Env, args []value.Value) (value.Value, error) {
	r := funcs.ReadArgs("strReplace", args)
	pat := r.StrScalar("pattern", args[1])
	rep := r.StrScalar("replacement", args[2])
	if err := r.Err(); err != nil {
		return nil, err
	}
	return funcs.MapStrings("strReplace", args[0], func(s string) string {
		if pat == "" {
			return s
		}
		return strings.ReplaceAll(s, pat, rep)
	})
}

func notLikeFn(_ funcs.Env, args []value.Value) (value.Value, error) {
	r, err := like("notLike", args, false)
	if err != nil {
		return nil, err
	}
	return notBools(r), nil
}

// concat joins two strings, or the elements of a vector with Y between
// them; NULLs (and a missing Y) count as empty strings.
func concatFn(_ funcs.Env, args []value.Value) (value.Value, error) {
	sep := ""
	if y := funcs.Arg(args, 1); !funcs.EmptyArg(y) {
		s, err := literalText(y)
		if err != nil {
			return nil, ddberr.Errorf("The argument [Y] of concat must be a string or a character.")
		}
		sep = s
	}
	x := args[0]
	if funcs.EmptyArg(x) {
		return value.NewString(sep), nil
	}
	if s, ok := x.(*value.Scalar); ok {
		t, err := literalText(s)
		if err != nil {
			return nil, ddberr.Errorf("The argument [X] of concat must be a string or a character scalar or vector.")
		}
		return value.NewString(t + sep), nil
	}
	if v, ok := x.(*value.Vector); ok && v.T == value.Compress {
		// compress's bytes are characters: blob(compress(x).concat())
		// stores them (funcs/t/toCharArray.md)
		b := make([]byte, len(v.I8))
		for i, c := range v.I8 {
			b[i] = byte(c)
		}
		if sep == "" {
			return value.NewString(string(b)), nil
		}
		parts := make([]string, len(b))
		for i := range b {
			parts[i] = string(b[i : i+1])
		}
		return value.NewString(strings.Join(parts, sep)), nil
	}
	in, err := funcs.StringInput("concat", x)
	if err != nil {
		return nil, err
	}
	return value.NewString(strings.Join(in.S, sep)), nil
}

// reserveText accounts, in Reserve's 16-byte elements, the text a string
// function is about to build when each of x's strings becomes at most
// fixed bytes plus scale times its own length: lpad(st, 2000000000) and
// repeat(st, 100000) over 200K strings asked for tens of gigabytes and
// took the process down with Go's fatal out-of-memory. An x that is not
// text is left for the function to refuse.
func reserveText(env funcs.Env, x value.Value, fixed, scale int64) error {
	in, err := funcs.StringInput("", x)
	if err != nil || env == nil {
		return nil
	}
	const most = 1 << 44 // past Reserve's ceiling, whatever the limit
	total := int64(0)
	for _, s := range in.S {
		each := min(fixed, most)
		if l := int64(len(s)); scale > 0 && l > 0 {
			if l > most/scale {
				each = most
			} else {
				each += l * scale
			}
		}
		total = min(most, total+each)
		if total == most {
			break
		}
	}
	return env.Reserve(int(total / 16))
}
