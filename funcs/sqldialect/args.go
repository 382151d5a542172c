package sqldialect

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// line is the arguments of an element-wise call lined up: each a vector
// of n elements (a scalar repeated), scalar when every argument was one
// (the result is then a scalar too).
type line struct {
	cols   []*value.Vector
	n      int
	scalar bool
}

// lineUp reads args, which must be scalars or vectors, vectors of one
// length; params name them in errors.
func lineUp(fn string, params []string, args []value.Value) (line, error) {
	l := line{n: 1, scalar: true}
	for i, a := range args {
		v, ok := a.(*value.Vector)
		if !ok {
			if _, isScalar := a.(*value.Scalar); !isScalar {
				return l, funcs.BadArg(fn, param(params, i), "a scalar or a vector")
			}
			continue
		}
		if v.T.IsArray() || v.T == value.Any {
			return l, funcs.BadArg(fn, param(params, i), "a scalar or a vector")
		}
		if l.scalar {
			l.n, l.scalar = v.Len(), false
		} else if v.Len() != l.n {
			return l, ddberr.Errorf("All arguments of %s must have the same length.", fn)
		}
	}
	l.cols = make([]*value.Vector, len(args))
	for i, a := range args {
		v, err := value.Broadcast(a, l.n)
		if err != nil {
			return l, ddberr.Wrap(err)
		}
		l.cols[i] = v
	}
	return l, nil
}

func param(params []string, i int) string {
	if i < len(params) {
		return params[i]
	}
	return params[len(params)-1]
}

// wrap is r, or its only element when every argument was a scalar.
func (l line) wrap(r *value.Vector) value.Value {
	if l.scalar {
		return r.At(0)
	}
	return r
}

// texts reads a column as Oracle reads any value where it wants
// characters: the text of a STRING, SYMBOL or CHAR, the printed form of a
// number or time, "" (Oracle's NULL) for NULL.
func texts(v *value.Vector) []string {
	switch {
	case v.T.Category() == value.CatLiteral:
		return v.Strings()
	case v.T == value.Char:
		out := make([]string, len(v.I8))
		for i, c := range v.I8 {
			if c != value.NullInt8 {
				out[i] = string(rune(byte(c)))
			}
		}
		return out
	}
	n := v.Len()
	out := make([]string, n)
	if v.T == value.Void {
		return out
	}
	for i := 0; i < n; i++ {
		if !v.IsNull(i) {
			out[i] = v.FormatElem(i)
		}
	}
	return out
}

// strings is a STRING result.
func stringsOf(xs []string) *value.Vector { return value.NewStrings(value.String, xs) }

// nulls are the NULL flags of v's elements.
func nulls(v *value.Vector) []bool {
	out := make([]bool, v.Len())
	if !v.HasNull() {
		return out
	}
	for i := range out {
		out[i] = v.IsNull(i)
	}
	return out
}
