package sqldialect

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// A DolphinDB NULL is Oracle's NULL here: nvl, nvl2 and decode test it
// as Oracle tests its own.

// xnvl is NVL: expr1 where it is not NULL, else expr2, in expr1's type.
func xnvl(_ funcs.Env, args []value.Value) (value.Value, error) {
	l, err := lineUp("nvl", []string{"expr1", "expr2"}, args)
	if err != nil {
		return nil, err
	}
	return pickNotNull(l, l.cols[0], l.cols[0], l.cols[1])
}

// xnvl2 is NVL2: expr2 where expr1 is not NULL, else expr3, in expr2's
// type.
func xnvl2(_ funcs.Env, args []value.Value) (value.Value, error) {
	l, err := lineUp("nvl2", []string{"expr1", "expr2", "expr3"}, args)
	if err != nil {
		return nil, err
	}
	return pickNotNull(l, l.cols[0], l.cols[1], l.cols[2])
}

// pickNotNull is a where test is not NULL, else b, in a's type (b's when
// a is untyped NULL).
func pickNotNull(l line, test, a, b *value.Vector) (value.Value, error) {
	cands, err := sameType(a, b)
	if err != nil {
		return nil, err
	}
	isNull := nulls(test)
	pick := make([]bool, len(isNull))
	for i, null := range isNull {
		pick[i] = !null
	}
	return l.wrap(value.Choose(pick, cands[0], cands[1])), nil
}

// sameType converts vs to one type as Oracle converts the results of
// nvl, nvl2 and decode: after the first that is not untyped NULL, widened
// among numbers (the highest numeric precedence), and among texts to
// STRING (a quoted single letter is a CHAR in DolphinDB, text in Oracle)
// unless they are all CHAR or all SYMBOL.
func sameType(vs ...*value.Vector) ([]*value.Vector, error) {
	first := -1
	for i, v := range vs {
		if v.T != value.Void {
			first = i
			break
		}
	}
	if first < 0 {
		return vs, nil
	}
	t, scale := vs[first].T, vs[first].Scale
	out := make([]*value.Vector, len(vs))
	if isText(t) {
		for _, v := range vs[first:] {
			if v.T != value.Void && v.T != t {
				t = value.String
			}
		}
		if t == value.String {
			for i, v := range vs {
				out[i] = stringsOf(texts(v))
			}
			return out, nil
		}
	} else if t.IsNumeric() {
		for _, v := range vs[first:] {
			if p := value.Promote(t, v.T); v.T.IsNumeric() && p != value.Any && p != t {
				t, scale = p, max(scale, v.Scale)
			}
		}
	}
	for i, v := range vs {
		if v.T == t && v.Scale == scale {
			out[i] = v
			continue
		}
		c, err := cast.Vector(v, t, scale)
		if err != nil {
			return nil, ddberr.Wrap(err)
		}
		out[i] = c
	}
	return out, nil
}

// isText reports whether Oracle reads values of t as characters.
func isText(t value.Type) bool { return t == value.Char || t.Category() == value.CatLiteral }

// xdecode is DECODE(expr, search1, result1, ..., [default]): the result
// of the first search equal to expr (two NULLs are equal here, unlike in
// comparisons), else default, else NULL; results take the first result's
// type.
func xdecode(env funcs.Env, args []value.Value) (value.Value, error) {
	l, err := lineUp("decode", []string{"expr", "search", "result", "default"}, args)
	if err != nil {
		return nil, err
	}
	expr := l.cols[0]
	arms := l.cols[1:]
	npairs := len(arms) / 2
	results := make([]*value.Vector, 0, npairs+1)
	for k := 0; k < npairs; k++ {
		results = append(results, arms[2*k+1])
	}
	hasDefault := len(arms)%2 == 1
	if hasDefault {
		results = append(results, arms[len(arms)-1])
	}
	results, err = sameType(results...)
	if err != nil {
		return nil, err
	}
	choice := make([]int, l.n)
	for i := range choice {
		choice[i] = -1
		if hasDefault {
			choice[i] = npairs
		}
	}
	decided := make([]bool, l.n)
	exprNull := nulls(expr)
	for k := 0; k < npairs; k++ {
		search := arms[2*k]
		eq, err := equal(env, expr, search)
		if err != nil {
			return nil, err
		}
		searchNull := nulls(search)
		for i := range choice {
			if decided[i] {
				continue
			}
			if exprNull[i] && searchNull[i] || !exprNull[i] && !searchNull[i] && eq[i] {
				choice[i], decided[i] = k, true
			}
		}
	}
	if len(results) == 0 {
		return l.wrap(value.NewNullVector(value.Void, l.n)), nil
	}
	all := value.NewVector(results[0].T, 0, l.n*len(results))
	all.Scale = results[0].Scale
	for _, r := range results {
		all.AppendVector(r)
	}
	rows := make([]int, l.n)
	for i, c := range choice {
		rows[i] = -1
		if c >= 0 {
			rows[i] = c*l.n + i
		}
	}
	return l.wrap(value.GatherOrNull(all, rows)), nil
}

// equal compares two columns element by element with DolphinDB's ==
// (eq, which converts between numeric types, STRING and SYMBOL).
func equal(env funcs.Env, a, b *value.Vector) ([]bool, error) {
	out := make([]bool, a.Len())
	if a.T == value.Void || b.T == value.Void {
		return out, nil
	}
	eq, ok := env.Function("eq")
	if !ok {
		return nil, ddberr.Errorf("Can't recognize function name %s", "eq")
	}
	r, err := env.Call(eq, a, b)
	if err != nil {
		return nil, err
	}
	v, _, ok := value.VectorOf(r)
	if !ok || v.T != value.Bool {
		return out, nil
	}
	for i := range out {
		out[i] = i < len(v.I8) && v.I8[i] == 1
	}
	return out, nil
}
