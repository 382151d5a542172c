package dataproc

import (
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// isNull, isValid and iif, moved from the interpreter's older table,
// behaviour unchanged.

// mapBool applies a per-element predicate to x, keeping its form: a
// scalar, vector, pair, matrix, array vector, table or dictionary.
func mapBool(x value.Value, f func(v *value.Vector, i int) bool) (value.Value, error) {
	bools := func(v *value.Vector) (*value.Vector, error) {
		n := v.Len()
		out := value.NewVector(value.Bool, n, n)
		for i := 0; i < n; i++ {
			if f(v, i) {
				out.I8[i] = 1
			}
		}
		return out, nil
	}
	// an array vector, matrix, table or dictionary keeps its shape, its
	// cells answered one by one (funcs/i/isNull.md)
	if out, ok, err := funcs.OverArrayCells(x, func(cells *value.Vector) (value.Value, error) { return bools(cells) }); ok {
		return out, err
	}
	switch x.(type) {
	case *value.Pair, *value.Matrix, *value.Table, *value.Dict:
		return funcs.MapForms("", x, bools)
	}
	v, scalar, err := funcs.Operand(x)
	if err != nil {
		return nil, err
	}
	out, _ := bools(v)
	if scalar {
		return out.At(0), nil
	}
	return out, nil
}

// anyNull is v.IsNull(i), and for a tuple whether element i is a NULL
// scalar: isValid checks a table row's values one by one
// (all(isValid(x.values())) in tutorials/func_progr_cases.md).
func anyNull(v *value.Vector, i int) bool {
	if v.T == value.Any {
		s, ok := v.Any[i].(*value.Scalar)
		return ok && s.Null
	}
	return v.IsNull(i)
}

// xiif is iif(cond, trueResult, falseResult): per element of cond, the
// element of trueResult or falseResult (scalars broadcast), NULL where
// cond is NULL (iif.md).
// iifMatrix is iif over a matrix condition (funcs/i/iif.md): the branches,
// scalars or matrices of as many elements, are chosen cell by cell and the
// result has the condition's shape and labels.
func iifMatrix(env funcs.Env, m *value.Matrix, args []value.Value) (value.Value, error) {
	flat := []value.Value{m.V, args[1], args[2]}
	for i := 1; i < 3; i++ {
		if b, ok := args[i].(*value.Matrix); ok && b.V.Len() == m.V.Len() {
			flat[i] = b.V
		}
	}
	v, err := xiif(env, flat)
	if err != nil {
		return nil, err
	}
	vec, ok := v.(*value.Vector)
	if !ok {
		return v, nil
	}
	out := *m
	out.V = vec
	return &out, nil
}

func xiif(env funcs.Env, args []value.Value) (value.Value, error) {
	if av, ok := args[0].(*value.Vector); ok && av.T.IsArray() {
		// a condition over an array vector's cells picks cell by cell
		return funcs.OverArrayShape(av, args, func(a []value.Value) (value.Value, error) { return xiif(env, a) })
	}
	if m, ok := args[0].(*value.Matrix); ok {
		return iifMatrix(env, m, args)
	}
	c, scalar, err := funcs.Operand(args[0])
	if err != nil {
		return nil, err
	}
	if scalar {
		switch cell := c.At(0); {
		case cell.Null:
			return funcs.NullLike(args[1]), nil
		case cell.Bool():
			return args[1], nil
		}
		return args[2], nil
	}
	n := c.Len()
	a, err := value.Broadcast(args[1], n)
	if err != nil {
		return nil, err
	}
	b, err := value.Broadcast(args[2], n)
	if err != nil {
		return nil, err
	}
	// an untyped NULL branch (case when without else) takes the other
	// branch's type
	if a.T == value.Void && b.T != value.Void {
		a = value.NewNullVector(b.T, n)
		a.Scale = b.Scale
	} else if b.T == value.Void {
		b = value.NewNullVector(a.T, n)
		b.Scale = a.Scale
	}
	// an integer branch beside a floating one widens to it, as the page's
	// iif(impv <= 0, 0, gamma) keeps its greeks (tutorials/
	// IV_Greeks_Calculation_for_ETF_Options_Using_JIT.md); otherwise the
	// false branch takes the true branch's type
	if a.T.Category() == value.CatIntegral && b.T.Category() == value.CatFloating {
		a, err = cast.Like(a, b)
	} else {
		b, err = cast.Like(b, a)
	}
	if err != nil {
		return nil, err
	}
	out := value.Choose(truths(c), a, b)
	if c.T.IsArray() || !c.HasNull() {
		return out, nil
	}
	for i := 0; i < n; i++ {
		if c.IsNull(i) {
			out.SetNull(i)
		}
	}
	return out, nil
}

// truths reads a condition's elements as booleans, NULL false: a typed
// loop for BOOL and CHAR, the scalar's reading otherwise.
func truths(c *value.Vector) []bool {
	t := make([]bool, c.Len())
	if c.T.Storage() == value.StInt8 && !c.T.IsArray() {
		for i, x := range c.I8 {
			t[i] = x != 0 && x != value.NullInt8
		}
		return t
	}
	for i := range t {
		t[i] = c.At(i).Bool()
	}
	return t
}
