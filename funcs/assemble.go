package funcs

import (
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// Seq is what a higher-order function iterates over: a vector's
// elements, a pair's two elements, a matrix's columns, a table's rows (as
// STRING->ANY dictionaries), a dictionary's values, an array vector's rows.
// A scalar (or any other value) is one item that every iteration sees.
type Seq struct {
	N      int
	At     func(i int) value.Value
	Scalar bool
	// Keys are a dictionary's keys, so a result can be keyed the same.
	Keys *value.Vector
}

// SeqOf returns the items of x.
func SeqOf(x value.Value) Seq {
	switch v := x.(type) {
	case *value.Vector:
		return Seq{N: v.Len(), At: v.Elem}
	case *value.Pair:
		return Seq{N: 2, At: v.V.Elem}
	case *value.Matrix:
		return Seq{N: v.Cols, At: func(c int) value.Value { return MatrixColumn(v, c) }}
	case *value.Table:
		return Seq{N: v.Rows(), At: func(i int) value.Value { return RowDict(v, i) }}
	case *value.Dict:
		return Seq{N: v.Len(), At: v.Vals.Elem, Keys: v.Keys}
	case *value.Set:
		return Seq{N: v.V.Len(), At: v.V.Elem}
	}
	return Seq{N: 1, At: func(int) value.Value { return x }, Scalar: true}
}

// MatrixColumn returns column c of m as a vector sharing m's memory.
func MatrixColumn(m *value.Matrix, c int) *value.Vector {
	return m.V.Slice(c*m.Rows, (c+1)*m.Rows)
}

// RowDict returns row i of t as a STRING->ANY dictionary, as DolphinDB
// hands table rows to a function.
func RowDict(t *value.Table, i int) *value.Dict {
	d := value.NewDict(value.String, value.Any)
	keys := value.NewStrings(value.String, t.Names)
	vals := make([]value.Value, len(t.Cols))
	for c, col := range t.Cols {
		vals[c] = col.Elem(i)
	}
	tv := value.NewTuple(vals)
	for c := range t.Cols {
		d.Put(keys, c, tv, c)
	}
	return d
}

// Assembly rules for the results of a higher-order function's calls
// (the assembleRule parameter).
const (
	// RuleDolphin: same-typed scalars make a vector, same-typed
	// equal-length vectors a matrix, anything else a tuple.
	RuleDolphin = 'D'
	// RuleConsistent: the first result decides the type and form.
	RuleConsistent = 'C'
	// RuleTuple: always a tuple.
	RuleTuple = 'U'
	// RuleKdb: like RuleDolphin, but any vector result makes a tuple.
	RuleKdb = 'K'
)

// AssembleRule reads an assembleRule (0-3 or "D"/"C"/"U"/"K") or a
// consistent flag; nil is RuleDolphin.
func AssembleRule(fn string, x value.Value) (byte, error) {
	if x == nil {
		return RuleDolphin, nil
	}
	s, ok := ScalarArg(x)
	if !ok {
		return 0, ddberr.Errorf("The argument [assembleRule] of %s must be an integer or a string.", fn)
	}
	if s.Null {
		return RuleDolphin, nil
	}
	if s.T == value.Bool {
		if s.I != 0 {
			return RuleConsistent, nil
		}
		return RuleDolphin, nil
	}
	if s.T == value.String || s.T == value.Symbol || s.T == value.Char {
		r := strings.ToUpper(s.S)
		if s.T == value.Char {
			r = strings.ToUpper(string(rune(s.I)))
		}
		switch r {
		case "D", "C", "U", "K":
			return r[0], nil
		}
	} else if s.T.Category() == value.CatIntegral && s.I >= 0 && s.I <= 3 {
		return "DCUK"[s.I], nil
	}
	return 0, ddberr.Errorf("The argument [assembleRule] of %s must be one of 0, 1, 2, 3, 'D', 'C', 'U' or 'K'.", fn)
}

// Assemble combines the results of a higher-order function's calls
// according to rule.
func Assemble(res []value.Value, rule byte) (value.Value, error) {
	if rule == RuleTuple || len(res) == 0 {
		return value.NewTuple(res), nil
	}
	if rule == RuleConsistent {
		return assembleLike(res)
	}
	if t, ok := scalarsType(res); ok {
		return scalarsVector(res, t)
	}
	if rule == RuleKdb {
		return value.NewTuple(res), nil
	}
	if m, ok := vectorsMatrix(res); ok {
		return m, nil
	}
	if t, ok := dictsTable(res); ok {
		return t, nil
	}
	return value.NewTuple(res), nil
}

// scalarsType reports whether every result is a scalar of one type (NULLs
// of VOID type fit any) and that type.
func scalarsType(res []value.Value) (value.Type, bool) {
	t := value.Void
	for _, r := range res {
		s, ok := r.(*value.Scalar)
		if !ok {
			return 0, false
		}
		switch {
		case s.T == value.Void:
		case t == value.Void:
			t = s.T
		case t == s.T:
		case t.Category() == value.CatLiteral && s.T.Category() == value.CatLiteral:
			t = value.String
		case widens(t) && widens(s.T):
			// integral and floating scalars make a vector of the widest
			// (funcs/ho_funcs/call.md: each(call, [avg, sum], ...) is
			// [5,5050]; accumulate.md's INT then DOUBLE results)
			t = max(t, s.T)
		default:
			return 0, false
		}
	}
	return t, true
}

// widens reports whether t is one of the integral and floating types a
// vector of scalar results widens across, ordered CHAR < SHORT < INT <
// LONG < FLOAT < DOUBLE.
func widens(t value.Type) bool {
	switch t {
	case value.Char, value.Short, value.Int, value.Long, value.Float, value.Double:
		return true
	}
	return false
}

func scalarsVector(res []value.Value, t value.Type) (value.Value, error) {
	out := value.NewVector(t, 0, len(res))
	for _, r := range res {
		s := r.(*value.Scalar)
		if s.T != t {
			if s.Null || s.T == value.Void {
				out.AppendNull()
				continue
			}
			c, err := cast.To(s, t, s.Scale)
			if err != nil {
				return nil, err
			}
			s = c.(*value.Scalar)
		}
		out.Scale = s.Scale
		out.AppendScalar(s)
	}
	return out, nil
}

// vectorsMatrix makes a matrix of same-typed, equal-length plain vectors,
// one column each.
func vectorsMatrix(res []value.Value) (value.Value, bool) {
	first, ok := res[0].(*value.Vector)
	if !ok || first.T == value.Any || first.T.IsArray() {
		return nil, false
	}
	n := first.Len()
	for _, r := range res[1:] {
		v, ok := r.(*value.Vector)
		if !ok || v.T != first.T || v.Len() != n {
			return nil, false
		}
	}
	data := value.NewVector(first.T, 0, n*len(res))
	data.Scale = first.Scale
	for _, r := range res {
		data.AppendVector(r.(*value.Vector))
	}
	return &value.Matrix{V: data, Rows: n, Cols: len(res)}, true
}

// dictsTable makes a table of STRING-keyed dictionaries: the first one
// decides the columns; later keys not among them are dropped and missing
// ones are NULL.
func dictsTable(res []value.Value) (value.Value, bool) {
	first, ok := res[0].(*value.Dict)
	if !ok || (first.Keys.T != value.String && first.Keys.T != value.Symbol) {
		return nil, false
	}
	for _, r := range res {
		d, ok := r.(*value.Dict)
		if !ok || (d.Keys.T != value.String && d.Keys.T != value.Symbol) {
			return nil, false
		}
	}
	names := append([]string(nil), first.Keys.Strings()...)
	cols := make([]*value.Vector, len(names))
	for c, name := range names {
		vals := make([]value.Value, len(res))
		key := value.NewStrings(first.Keys.T, []string{name})
		for i, r := range res {
			d := r.(*value.Dict)
			if v := d.Get(key, 0); v != nil {
				vals[i] = v
			} else {
				vals[i] = value.NullScalar(value.Void)
			}
		}
		t, ok := scalarsType(vals)
		if !ok {
			// vectors among the values: an ANY column (Dictionary.md's
			// asis:E([d1,d2]))
			cols[c] = value.NewTuple(vals)
			continue
		}
		v, err := scalarsVector(vals, t)
		if err != nil {
			return nil, false
		}
		cols[c] = v.(*value.Vector)
	}
	return value.NewTable(names, cols), true
}

// assembleLike is the Consistent rule: the first result's type and form.
func assembleLike(res []value.Value) (value.Value, error) {
	switch f := res[0].(type) {
	case *value.Scalar:
		t := f.T
		out := value.NewVector(t, 0, len(res))
		out.Scale = f.Scale
		for _, r := range res {
			s, ok := r.(*value.Scalar)
			if !ok {
				return nil, ddberr.Errorf("The result of each call must be a scalar like the first one.")
			}
			if s.T != t {
				if s.Null {
					out.AppendNull()
					continue
				}
				c, err := cast.To(s, t, f.Scale)
				if err != nil {
					return nil, err
				}
				s = c.(*value.Scalar)
			}
			out.AppendScalar(s)
		}
		return out, nil
	case *value.Vector:
		if m, ok := vectorsMatrix(res); ok {
			return m, nil
		}
	}
	return value.NewTuple(res), nil
}

// SameLength checks that the iterated (non-scalar) arguments have one
// length and returns it; -1 when every argument is a scalar.
func SameLength(fn string, seqs []Seq) (int, error) {
	n := -1
	for _, s := range seqs {
		if s.Scalar {
			continue
		}
		if n >= 0 && s.N != n {
			return 0, ddberr.Errorf("All arguments of %s must have the same length.", fn)
		}
		n = s.N
	}
	return n, nil
}

// ColumnsMatrix makes a matrix of plain vectors of one type and length
// and of scalars repeated to that length, one column each; it needs at
// least one vector.
func ColumnsMatrix(res []value.Value) (*value.Matrix, bool) {
	var first *value.Vector
	for _, r := range res {
		switch v := r.(type) {
		case *value.Vector:
			if v.T == value.Any || v.T.IsArray() || first != nil && (v.T != first.T || v.Len() != first.Len()) {
				return nil, false
			}
			if first == nil {
				first = v
			}
		case *value.Scalar:
		default:
			return nil, false
		}
	}
	if first == nil {
		return nil, false
	}
	n := first.Len()
	data := value.NewVector(first.T, 0, n*len(res))
	data.Scale = first.Scale
	for _, r := range res {
		if v, ok := r.(*value.Vector); ok {
			data.AppendVector(v)
			continue
		}
		s := r.(*value.Scalar)
		if s.Null || s.T == value.Void {
			for range n {
				data.AppendNull()
			}
			continue
		}
		if s.T != first.T {
			if !numericType(s.T) || !numericType(first.T) {
				return nil, false
			}
			c, err := cast.To(s, first.T, first.Scale)
			if err != nil {
				return nil, false
			}
			s = c.(*value.Scalar)
		}
		for range n {
			data.AppendScalar(s)
		}
	}
	return &value.Matrix{V: data, Rows: n, Cols: len(res)}, true
}

func numericType(t value.Type) bool {
	c := t.Category()
	return c == value.CatLogical || c == value.CatIntegral || c == value.CatFloating || c == value.CatDecimal
}
