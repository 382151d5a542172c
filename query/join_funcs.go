package query

import (
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/join"
	"github.com/porpoisedb/porpoise/query/sqljoin"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
)

// joinerFn runs a table joiner under h: the query whose FROM calls it, or
// a query of its own when a script calls it.
type joinerFn func(h host, args []value.Value, names []string) (value.Value, error)

// joiners are the table joiners' specs and how each runs, by name.
var joiners = map[string]struct {
	spec *funcs.Spec
	run  joinerFn
}{}

// The table joiners as script functions: ej, lj, lsj, fj, aj, pj, sej,
// cj, and the window joins wj and pwj, whose aggregates the interpreter
// evaluates over the right table's rows. Each runs under the calling
// interpreter as its Env.
func init() {
	for _, kind := range []join.Kind{join.Equi, join.Left, join.LeftSemi, join.Full, join.Asof, join.Prefix, join.SortedEqui} {
		kind := kind
		params := []string{"leftTable", "rightTable", "matchingCols", "rightMatchingCols"}
		if sqljoin.HasFilters(kind) {
			params = append(params, "leftFilter", "rightFilter")
		}
		registerJoiner(funcs.Spec{Name: kind.Name(), Params: params, Min: 3, Max: len(params)},
			func(h host, args []value.Value, names []string) (value.Value, error) {
				return sqljoin.Join(h, kind, args, names)
			})
	}
	registerJoiner(funcs.Spec{Name: "cj", Params: []string{"leftTable", "rightTable"}, Min: 2, Max: 2},
		func(h host, args []value.Value, names []string) (value.Value, error) {
			return sqljoin.CrossJoin(h, args, names)
		})
	for _, name := range []string{"wj", "pwj"} {
		prevailing := name == "pwj"
		registerJoiner(funcs.Spec{Name: name, Params: []string{"leftTable", "rightTable", "window", "aggs", "matchingCols", "rightMatchingCols"}, Min: 5, Max: 6},
			func(h host, args []value.Value, _ []string) (value.Value, error) {
				return sqljoin.WindowJoin(h, args, prevailing)
			})
	}
}

// registerJoiner registers spec (a joiner) as a script function running
// run under a query of its own.
func registerJoiner(spec funcs.Spec, run joinerFn) {
	named := func(env funcs.Env, args []value.Value, names []string) (value.Value, error) {
		qe, err := queryEnv(env)
		if err != nil {
			return nil, err
		}
		return run(newHost(&executor{env: qe}), args, names)
	}
	spec.Category, spec.Fn, spec.NamedFn = "joins", unnamed(named), named
	funcs.Register(spec)
	joiners[spec.Name] = struct {
		spec *funcs.Spec
		run  joinerFn
	}{&spec, run}
}

// fromJoiner runs FROM's call of a table joiner that IsJoinerCall leaves
// to the interpreter (wj, a side that is no variable) under the
// query, so the tables it reads are the query's reads (access.go); a
// joiner nested in its arguments runs as a script function, as in
// DolphinDB, whose resource tracking records only the outer joiner's
// tables (tutorials/user_level_resource_tracking.md). ok is false for
// anything else, which the interpreter evaluates.
func (ex *executor) fromJoiner(from ast.Expr) (value.Value, bool, error) {
	c, ok := from.(*ast.CallExpr)
	if !ok || c.Method {
		return nil, false, nil
	}
	id, ok := c.Fn.(*ast.Ident)
	if !ok {
		return nil, false, nil
	}
	j, ok := joiners[id.Name]
	if !ok || ex.isUserFunction(id.Name) || j.spec.CheckArity(len(c.Args)) != nil {
		return nil, false, nil
	}
	args := make([]value.Value, len(c.Args))
	names := make([]string, len(c.Args))
	for i, a := range c.Args {
		switch x := a.(type) {
		case nil, *ast.NamedArg, *ast.AliasExpr:
			return nil, false, nil // as the interpreter passes them
		case *ast.Ident:
			names[i] = x.Name
		}
	}
	for i, a := range c.Args {
		v, err := ex.eval(a)
		if err != nil {
			return nil, true, err
		}
		args[i] = v
	}
	v, err := j.run(newHost(ex), args, names)
	return v, true, err
}

func queryEnv(env funcs.Env) (Env, error) { return funcs.HostOf[Env](env) }

// unnamed is a joiner called without argument names (Env.Call): its
// arguments name no columns.
func unnamed(fn func(funcs.Env, []value.Value, []string) (value.Value, error)) funcs.Impl {
	return func(env funcs.Env, args []value.Value) (value.Value, error) {
		return fn(env, args, make([]string, len(args)))
	}
}
