package funcs

import (
	"math"
	"slices"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/value"
)

// Arg returns args[i], or nil when the caller left it out.
func Arg(args []value.Value, i int) value.Value {
	if i < len(args) {
		return args[i]
	}
	return nil
}

// GivenArg returns args[i], or nil when the caller left it out or gave
// a NULL scalar: an optional argument that keeps its default.
func GivenArg(args []value.Value, i int) value.Value {
	x := Arg(args, i)
	if NullOrAbsent(x) {
		return nil
	}
	return x
}

// DictField is the value of an options dictionary under the string key
// name, nil when absent.
func DictField(d *value.Dict, name string) value.Value {
	for i := 0; i < d.Len(); i++ {
		if k, ok := StringArg(d.Keys.Elem(i)); ok && k == name {
			return d.Vals.Elem(i)
		}
	}
	return nil
}

// BadArg is the error of argument param of fn not being what (a phrase:
// "a positive integer").
func BadArg(fn, param, what string) error {
	return ddberr.Errorf("The argument [%s] of %s must be %s.", param, fn, what)
}

// ScalarArg returns x as a non-nil scalar.
func ScalarArg(x value.Value) (*value.Scalar, bool) {
	s, ok := x.(*value.Scalar)
	return s, ok && s != nil
}

// StringArg returns the text of a STRING, SYMBOL or CHAR-free literal
// scalar.
func StringArg(x value.Value) (string, bool) {
	s, ok := ScalarArg(x)
	if !ok || (s.T != value.String && s.T != value.Symbol && s.T != value.Blob) {
		return "", false
	}
	return s.S, true
}

// OptStringArg reads an optional string argument: def when x is absent,
// ok false when x is not a string.
func OptStringArg(x value.Value, def string) (string, bool) {
	if x == nil {
		return def, true
	}
	return StringArg(x)
}

// ChoiceArg reads an optional string argument that must be one of
// choices, the first of which is its default; ok is false for anything
// else.
func ChoiceArg(x value.Value, choices ...string) (string, bool) {
	s, ok := OptStringArg(x, choices[0])
	return s, ok && slices.Contains(choices, s)
}

// StringsArg returns the elements of a STRING/SYMBOL scalar or vector.
func StringsArg(x value.Value) ([]string, bool) {
	switch v := x.(type) {
	case *value.Scalar:
		s, ok := StringArg(v)
		return []string{s}, ok
	case *value.Vector:
		if v.T != value.String && v.T != value.Symbol && v.T != value.Blob {
			return nil, false
		}
		return v.Strings(), true
	}
	return nil, false
}

// PositiveArg returns a numeric, non-NULL scalar's value as a float64;
// ok is false unless it is finite and positive.
func PositiveArg(x value.Value) (f float64, ok bool) {
	s, isScalar := ScalarArg(x)
	if !isScalar || !s.T.IsNumeric() || s.Null {
		return 0, false
	}
	f = s.Float64()
	return f, f > 0 && !math.IsInf(f, 0) && !math.IsNaN(f)
}

// IntArg returns an integral scalar's value; def when x is nil (left
// out). A NULL or a non-integral value is an error.
func IntArg(fn, param string, x value.Value, def int64) (int64, error) {
	if x == nil {
		return def, nil
	}
	s, ok := ScalarArg(x)
	if ok && s.T.Category() == value.CatIntegral && !s.Null {
		return s.I, nil
	}
	return 0, ddberr.Errorf("The argument [%s] of %s must be an integer.", param, fn)
}

// BoolArg returns a BOOL scalar's value; def when x is nil.
func BoolArg(fn, param string, x value.Value, def bool) (bool, error) {
	if x == nil {
		return def, nil
	}
	s, ok := ScalarArg(x)
	if ok && !s.Null && (s.T == value.Bool || s.T.Category() == value.CatIntegral) {
		return s.I != 0, nil
	}
	return false, ddberr.Errorf("The argument [%s] of %s must be a boolean.", param, fn)
}

// IsFunction reports whether x is a function value the Env can call.
func IsFunction(x value.Value) bool {
	return x != nil && x.Type() == value.FunctionDef
}

// IntScalar reads an integral scalar argument with the texts the
// interpreter's older built-ins use (take, sleep, til, hashBucket).
func IntScalar(fn string, v value.Value) (int64, error) {
	s, ok := v.(*value.Scalar)
	if !ok {
		return 0, ddberr.Errorf("The argument of %s must be an integer scalar.", fn)
	}
	x, ok := s.Int64()
	if !ok {
		return 0, ddberr.Errorf("The argument of %s must be a non-null integer.", fn)
	}
	return x, nil
}

// OptBool reads an optional flag: def when v is absent, NULL or not a
// scalar, otherwise its truth.
func OptBool(v value.Value, def bool) bool {
	if v == nil {
		return def
	}
	s, ok := v.(*value.Scalar)
	if !ok || s.Null {
		return def
	}
	return s.Bool()
}

// NamesArg reads a list of names (columns, keys, variables): a STRING or
// SYMBOL scalar or vector, or a tuple of them. The slice is a copy.
func NamesArg(v value.Value) ([]string, bool) {
	switch t := v.(type) {
	case *value.Scalar:
		if t.T.Category() == value.CatLiteral {
			return []string{t.S}, true
		}
	case *value.Vector:
		if t.T.Category() == value.CatLiteral {
			return append([]string(nil), t.Strings()...), true
		}
		if t.T == value.Any {
			out := make([]string, 0, t.Len())
			for _, e := range t.Any {
				s, ok := StringArg(e)
				if !ok {
					return nil, false
				}
				out = append(out, s)
			}
			return out, true
		}
	}
	return nil, false
}

// ArgName is names[i], the name a call gave its argument i, or "" when
// it gave none.
func ArgName(names []string, i int) string {
	if i < len(names) {
		return names[i]
	}
	return ""
}

// EmptyArg reports whether an optional argument was left out: missing,
// an empty slot (f(x, )), or a VOID NULL.
func EmptyArg(x value.Value) bool {
	if x == nil {
		return true
	}
	s, ok := x.(*value.Scalar)
	return ok && s.T == value.Void
}

// NullOrAbsent reports whether an optional argument was left out (nil)
// or given as a NULL scalar.
func NullOrAbsent(v value.Value) bool {
	s, ok := v.(*value.Scalar)
	return v == nil || ok && s.Null
}

// Truth is the boolean value of a condition: a scalar or a one-element
// vector.
func Truth(v value.Value) (bool, error) {
	switch t := v.(type) {
	case *value.Scalar:
		return t.Bool(), nil
	case *value.Vector:
		if t.Len() == 1 {
			return t.At(0).Bool(), nil
		}
		// DolphinDB's text for if(x<=8) on a vector x
		// (funcs/ho_funcs/each.md)
		return false, ddberr.Errorf("The vector can't be converted to bool scalar.")
	}
	return false, ddberr.Errorf("A condition must be a boolean scalar.")
}

// Ternary is cond ? a : b: a scalar condition evaluates one branch, a
// vector one both, picking element by element as iif does
// (ternary_operator.md: true true false ? 1..3 : 3..1 is [1,2,1]).
func Ternary(env Env, cond value.Value, a, b func() (value.Value, error)) (value.Value, error) {
	if v, ok := cond.(*value.Vector); ok && v.Len() != 1 {
		x, err := a()
		if err != nil {
			return nil, err
		}
		y, err := b()
		if err != nil {
			return nil, err
		}
		iif, _ := Lookup("iif")
		return iif.Fn(env, []value.Value{cond, x, y})
	}
	ok, err := Truth(cond)
	if err != nil {
		return nil, err
	} else if ok {
		return a()
	}
	return b()
}

// PairRange is the range lo:hi a pair index names, with a NULL end
// standing for the start (0) or the end (n) of the indexed object, as in
// x[2:] and x[:3].
func PairRange(p *value.Pair, n int) (lo, hi int64) {
	lo, ok := p.V.At(0).Int64()
	if !ok {
		lo = 0
	}
	hi, ok = p.V.At(1).Int64()
	if !ok {
		hi = int64(n)
	}
	return lo, hi
}

// PositiveIntArg is IntArg for a parameter that must be at least 1 (def
// too when x is nil), failing with DolphinDB's "must be a positive
// integer" text otherwise.
func PositiveIntArg(fn, param string, x value.Value, def int64) (int64, error) {
	n, err := IntArg(fn, param, x, def)
	if err != nil || n < 1 {
		return 0, ddberr.Errorf("The argument [%s] of %s must be a positive integer.", param, fn)
	}
	return n, nil
}
