package funcs

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// strIn is a literal argument (STRING, SYMBOL, BLOB or CHAR scalar or
// vector) read as one slice of strings, remembering whether it was a
// scalar so results go back in the same form.
type strIn struct {
	S      []string
	Scalar bool
	t      value.Type
}

// stringInput reads x as strings. CHAR values become one-byte strings (a
// NULL CHAR the empty string) so the character predicates accept both.
func StringInput(fn string, x value.Value) (strIn, error) {
	switch v := x.(type) {
	case *value.Scalar:
		switch {
		case v.T.Category() == value.CatLiteral:
			return strIn{S: []string{v.S}, Scalar: true, t: v.T}, nil
		case v.T == value.Char:
			return strIn{S: charStrings([]int8{int8(v.I)}, v.Null), Scalar: true, t: v.T}, nil
		case v.T == value.Void:
			return strIn{S: []string{""}, Scalar: true, t: value.String}, nil
		}
	case *value.Vector:
		switch {
		case v.T.Category() == value.CatLiteral && !v.T.IsArray():
			return strIn{S: v.Strings(), t: v.T}, nil
		case v.T == value.Char:
			return strIn{S: charStrings(v.I8, false), t: v.T}, nil
		case v.T == value.Void:
			return strIn{S: make([]string, v.Len()), t: value.String}, nil
		}
	}
	return strIn{}, literalArgError(fn, "X")
}

func literalArgError(fn, param string) error {
	return ddberr.Errorf("The argument [%s] of %s must be a STRING or SYMBOL scalar or vector.", param, fn)
}

func charStrings(cs []int8, null bool) []string {
	out := make([]string, len(cs))
	if null {
		return out
	}
	for i, c := range cs {
		if c != value.NullInt8 {
			out[i] = string([]byte{byte(c)})
		}
	}
	return out
}

// wrap returns r, or its only element when the input was a scalar.
func (a strIn) Wrap(r *value.Vector) value.Value {
	if a.Scalar {
		return r.At(0)
	}
	return r
}

// mapStringsTo applies f to every string of x and builds the result in
// x's form with build.
func mapStringsTo[T any](fn string, x value.Value, f func(string) T, build func(in strIn, out []T) *value.Vector) (value.Value, error) {
	in, err := StringInput(fn, x)
	if err != nil {
		return nil, err
	}
	out := make([]T, len(in.S))
	for i, s := range in.S {
		out[i] = f(s)
	}
	return in.Wrap(build(in, out)), nil
}

// mapStrings applies f to every string of x and returns STRING results in
// x's form.
func MapStrings(fn string, x value.Value, f func(string) string) (value.Value, error) {
	return mapStringsTo(fn, x, f, func(_ strIn, out []string) *value.Vector { return value.NewStrings(value.String, out) })
}

// mapStringsKeep is mapStrings whose result keeps a SYMBOL input's type.
func MapStringsKeep(fn string, x value.Value, f func(string) string) (value.Value, error) {
	return mapStringsTo(fn, x, f, func(in strIn, out []string) *value.Vector {
		t := value.String
		if in.t == value.Symbol {
			t = value.Symbol
		}
		return value.NewStrings(t, out)
	})
}

// mapStringInts applies f to every string of x and returns INT results.
func MapStringInts(fn string, x value.Value, f func(string) int32) (value.Value, error) {
	return mapStringsTo(fn, x, f, func(_ strIn, out []int32) *value.Vector { return value.NewInts(out) })
}

// mapStringBools applies f to every string of x and returns BOOL results.
func MapStringBools(fn string, x value.Value, f func(string) bool) (value.Value, error) {
	bit := func(s string) int8 {
		if f(s) {
			return 1
		}
		return 0
	}
	return mapStringsTo(fn, x, bit, func(_ strIn, out []int8) *value.Vector { return &value.Vector{T: value.Bool, I8: out} })
}

// intsArg reads an integral scalar (broadcast to n) or a vector of n
// integers; ok is false for NULL elements, which callers turn into NULL
// results.
func IntsArg(fn, param string, x value.Value, n int) ([]int64, []bool, error) {
	bad := ddberr.Errorf("The argument [%s] of %s must be an integer scalar or vector.", param, fn)
	switch v := x.(type) {
	case *value.Scalar:
		if v.T.Category() != value.CatIntegral && !(v.T == value.Void) {
			return nil, nil, bad
		}
		xs, ok := make([]int64, n), make([]bool, n)
		for i := range xs {
			xs[i], ok[i] = v.I, !v.Null
		}
		return xs, ok, nil
	case *value.Vector:
		if v.T.Category() != value.CatIntegral || v.T.IsArray() {
			return nil, nil, bad
		}
		if v.Len() != n {
			return nil, nil, ddberr.Errorf("The length of [%s] of %s must be the same as the length of X.", param, fn)
		}
		l, err := cast.Vector(v, value.Long, 0)
		if err != nil {
			return nil, nil, err
		}
		ok := make([]bool, n)
		for i, e := range l.I64 {
			ok[i] = e != value.NullInt64
		}
		return l.I64, ok, nil
	}
	return nil, nil, bad
}

// strScalarArg reads a STRING/SYMBOL/CHAR scalar parameter.
func StrScalarArg(fn, param string, x value.Value) (string, error) {
	s, ok := ScalarArg(x)
	if ok {
		switch {
		case s.T.Category() == value.CatLiteral:
			return s.S, nil
		case s.T == value.Char:
			if s.Null {
				return "", nil
			}
			return string([]byte{byte(s.I)}), nil
		case s.T == value.Void:
			return "", nil
		}
	}
	return "", ddberr.Errorf("The argument [%s] of %s must be a string scalar.", param, fn)
}

// OptStrScalarArg is StrScalarArg for an optional parameter: def when
// the argument is absent.
func OptStrScalarArg(fn, param string, x value.Value, def string) (string, error) {
	if x == nil {
		return def, nil
	}
	return StrScalarArg(fn, param, x)
}

// nonNegIntArg reads a non-negative integral scalar parameter.
func NonNegIntArg(fn, param string, x value.Value, def int64) (int64, error) {
	n, err := IntArg(fn, param, x, def)
	if err == nil && n < 0 {
		err = ddberr.Errorf("The argument [%s] of %s must be a non-negative integer.", param, fn)
	}
	return n, err
}

// StrScalar is StrScalarArg of x for param.
func (r *Args) StrScalar(param string, x value.Value) string {
	return Read(r, func() (string, error) { return StrScalarArg(r.Fn, param, x) })
}

// OptStrScalar is OptStrScalarArg of x for param.
func (r *Args) OptStrScalar(param string, x value.Value, def string) string {
	return Read(r, func() (string, error) { return OptStrScalarArg(r.Fn, param, x, def) })
}
