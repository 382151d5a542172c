package operator

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// Operators are also functions in DolphinDB (add(x, y) is x + y), and
// clients call them by name, e.g. the C++ API's run("add", args) example.
// They run the same code as the operators the interpreter applies, so
// they are declared beside it. Each maps elements independently and has no side
// effects, which lets the pruner evaluate them on partition values;
// pair and seq build one value from scalars.
func init() {
	for name, op := range map[string]string{
		"add": "+", "sub": "-", "mul": "*", "div": "/", "ratio": "\\", "mod": "%",
		"eq": "==", "ne": "!=", "lt": "<", "le": "<=", "gt": ">", "ge": ">=",
		"and": "&&", "or": "or", "bitAnd": "&", "bitOr": "|", "bitXor": "^",
		"lshift": "<<", "rshift": ">>",
	} {
		op := op
		funcs.Register(funcs.Spec{Name: name, Params: []string{"X", "Y"}, Min: 2, Max: 2, Props: funcs.Pure | funcs.ElementWise, Category: "operators",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) { return Binary(op, args[0], args[1]) }})
	}
	funcs.Register(
		funcs.Spec{Name: "neg", Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.Pure | funcs.ElementWise, Category: "operators",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) { return Unary("-", args[0]) }},
		funcs.Spec{Name: "not", Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.Pure | funcs.ElementWise, Category: "operators",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) { return Unary("!", args[0]) }},
		funcs.Spec{Name: "between", Params: []string{"X", "range"}, Min: 2, Max: 2, Props: funcs.Pure | funcs.ElementWise | funcs.FirstOnly, Category: "relational",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) { return Between(args[0], args[1]) }},
		funcs.Spec{Name: "in", Params: []string{"X", "Y"}, Min: 2, Max: 2, Props: funcs.Pure | funcs.ElementWise | funcs.FirstOnly, Category: "relational",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) { return In(args[0], args[1]) }},
		funcs.Spec{Name: "notBetween", Params: []string{"X", "Y"}, Min: 2, Max: 2, Props: funcs.Pure | funcs.ElementWise | funcs.FirstOnly, Category: "relational",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) { return negate(Between(args[0], args[1])) }},
		funcs.Spec{Name: "notIn", Params: []string{"X", "Y"}, Min: 2, Max: 2, Props: funcs.Pure | funcs.ElementWise | funcs.FirstOnly, Category: "relational",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) { return negate(In(args[0], args[1])) }},
		funcs.Spec{Name: "bitNot", Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.Pure | funcs.ElementWise, Category: "operators",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) { return Unary("~", args[0]) }},
		funcs.Spec{Name: "nullIf", Params: []string{"X", "Y"}, Min: 2, Max: 2, Props: funcs.Pure | funcs.ElementWise, Category: "sql",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) { return NullIf(args[0], args[1]) }},
		funcs.Spec{Name: "pair", Params: []string{"X", "Y"}, Min: 2, Max: 2, Props: funcs.Pure, Category: "operators",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) { return Binary(":", args[0], args[1]) }},
		funcs.Spec{Name: "seq", Params: []string{"start", "end"}, Min: 2, Max: 2, Props: funcs.Pure, Category: "types-conversion",
			Fn: func(env funcs.Env, args []value.Value) (value.Value, error) {
				if err := env.Reserve(int(RangeLen(args[0], args[1]))); err != nil {
					return nil, err
				}
				return Range(args[0], args[1])
			}},
	)
}

// Between is X between range: X >= range's first and <= its second.
func Between(x, rng value.Value) (value.Value, error) {
	r, ok := rng.(*value.Pair)
	if !ok {
		return nil, ddberr.Errorf("The second argument of between must be a pair.")
	}
	// Unlike the comparison operators, between doesn't move a coarser
	// temporal type up to a finer one (tutorials/
	// ddb_comparison_rules_of_time_types.md, section 3).
	if xt, rt := x.Type(), r.V.T; xt.IsTemporal() && rt.IsTemporal() && xt != rt {
		return nil, ddberr.Errorf("Temporal data comparison should have the same data type.")
	}
	lo, err := Binary(">=", x, r.V.At(0))
	if err != nil {
		return nil, err
	}
	hi, err := Binary("<=", x, r.V.At(1))
	if err != nil {
		return nil, err
	}
	return Binary("&&", lo, hi)
}

// negate is not over a membership or range test's result.
func negate(r value.Value, err error) (value.Value, error) {
	if err != nil {
		return nil, err
	}
	return Unary("!", r)
}

// NullIf is X with NULL where it equals Y (funcs/n/nullIf.md): scalars
// give X or NULL, a vector against a scalar or a vector of its length
// compares element by element.
func NullIf(x, y value.Value) (value.Value, error) {
	_, xs := x.(*value.Scalar)
	_, ys := y.(*value.Scalar)
	xv, xok := x.(*value.Vector)
	yv, yok := y.(*value.Vector)
	if !(xs || xok && xv.T != value.Any && !xv.T.IsArray()) || !(ys || yok && yv.T != value.Any && !yv.T.IsArray()) {
		return nil, ddberr.Errorf("X and Y of nullIf must be scalars or vectors.")
	}
	eq, err := Binary("==", x, y)
	if err != nil {
		return nil, err
	}
	if e, ok := eq.(*value.Scalar); ok {
		if !e.Null && e.Bool() {
			return value.NullScalar(x.Type()), nil
		}
		return x, nil
	}
	mask := eq.(*value.Vector)
	var out *value.Vector
	if xok {
		out = xv.Clone()
	} else {
		out = x.(*value.Scalar).Vector().Gather(make([]int, mask.Len()))
	}
	for i, b := range mask.I8 {
		if b == 1 {
			out.SetNull(i)
		}
	}
	return out, nil
}
