package query

import (
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/join"
	"github.com/porpoisedb/porpoise/query/sqljoin"
	"github.com/porpoisedb/porpoise/value"
)

// The table joiners as script functions: ej, lj, lsj, fj, aj, pj, sej,
// cj, and the window joins wj and pwj, whose aggregates the interpreter
// evaluates over the right table's rows. Each runs under the calling
// interpreter as its Env.
func init() {
	for _, kind := range []join.Kind{join.Equi, join.Left, join.LeftSemi, join.Full, join.Asof, join.Prefix, join.SortedEqui} {
		kind := kind
		named := func(env funcs.Env, args []value.Value, names []string) (value.Value, error) {
			qe, err := queryEnv(env)
			if err != nil {
				return nil, err
			}
			return sqljoin.Join(qe, kind, args, names)
		}
		params := []string{"leftTable", "rightTable", "matchingCols", "rightMatchingCols"}
		if sqljoin.HasFilters(kind) {
			params = append(params, "leftFilter", "rightFilter")
		}
		funcs.Register(funcs.Spec{Name: kind.Name(), Params: params, Min: 3, Max: len(params),
			Category: "joins", Fn: unnamed(named), NamedFn: named})
	}
	crossJoin := func(env funcs.Env, args []value.Value, names []string) (value.Value, error) {
		qe, err := queryEnv(env)
		if err != nil {
			return nil, err
		}
		return sqljoin.CrossJoin(qe, args, names)
	}
	funcs.Register(funcs.Spec{Name: "cj", Params: []string{"leftTable", "rightTable"}, Min: 2, Max: 2,
		Category: "joins", Fn: unnamed(crossJoin), NamedFn: crossJoin})
	for _, name := range []string{"wj", "pwj"} {
		prevailing := name == "pwj"
		funcs.Register(funcs.Spec{Name: name, Params: []string{"leftTable", "rightTable", "window", "aggs", "matchingCols", "rightMatchingCols"}, Min: 5, Max: 6,
			Category: "joins", Fn: func(env funcs.Env, args []value.Value) (value.Value, error) {
				qe, err := queryEnv(env)
				if err != nil {
					return nil, err
				}
				return sqljoin.WindowJoin(newHost(&executor{env: qe}), args, prevailing)
			}})
	}
}

func queryEnv(env funcs.Env) (Env, error) { return funcs.HostOf[Env](env) }

// unnamed is a joiner called without argument names (Env.Call): its
// arguments name no columns.
func unnamed(fn func(funcs.Env, []value.Value, []string) (value.Value, error)) funcs.Impl {
	return func(env funcs.Env, args []value.Value) (value.Value, error) {
		return fn(env, args, make([]string, len(args)))
	}
}
