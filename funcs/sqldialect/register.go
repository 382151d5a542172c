package sqldialect

import (
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/sqlparse/words"
	"github.com/porpoisedb/porpoise/value"
)

func init() {
	funcs.Register(
		// runsql.go
		funcs.Spec{Name: "runSQL", Params: []string{"X", "sqlStd", "variables"}, Min: 1, Max: 3, Props: funcs.Session, Category: "sql", Fn: xrunSQL},

		// text.go
		oracle("asciistr", []string{"char"}, 1, 1, elementWise, xasciistr),
		oracle("concat", []string{"char1", "char2"}, 2, 2, elementWise, xconcat),
		dialect(words.OracleConcat, []string{"char1", "char2"}, 2, 2, elementWise, xconcatOp),
		oracle("instr", []string{"string", "substring", "position", "occurrence"}, 2, 4, elementWise, xinstr),
		oracle("length", []string{"char"}, 1, 1, elementWise, xlength),
		oracle("replace", []string{"char", "search_string", "replacement_string"}, 2, 3, elementWise, xreplace),
		oracle("regexp_like", []string{"source_char", "pattern", "match_param"}, 2, 3, elementWise, xregexpLike),
		oracle("listagg", []string{"measure_expr", "delimiter"}, 1, 2, funcs.Pure|funcs.Aggregate, xlistagg),
		oracle("wm_concat", []string{"measure_expr"}, 1, 1, funcs.Pure|funcs.Aggregate, xwmConcat),

		// nulls.go
		oracle("nvl", []string{"expr1", "expr2"}, 2, 2, elementWise, xnvl),
		oracle("nvl2", []string{"expr1", "expr2", "expr3"}, 3, 3, elementWise, xnvl2),
		oracle("decode", []string{"expr", "search", "result", "default"}, 3, -1, elementWise, xdecode),

		// convert.go
		oracle("to_char", []string{"n", "fmt"}, 1, 2, elementWise, xtoChar),
		oracle("to_date", []string{"char", "fmt"}, 1, 2, elementWise, xtoDate),
		oracle("to_number", []string{"expr", "fmt"}, 1, 2, elementWise, xtoNumber),
		oracle("trunc", []string{"x", "fmt"}, 1, 2, elementWise, xtrunc),

		// mysql.go
		dialect(mysqlName("sysdate"), nil, 0, 0, 0, xsysdate),
	)
}

const elementWise = funcs.Pure | funcs.ElementWise

// oracle declares the Oracle function name (words.DialectFunction's
// list).
func oracle(name string, params []string, min, max int, props funcs.Props, fn funcs.Impl) funcs.Spec {
	internal, ok := words.DialectFunction(words.Oracle, name)
	if !ok {
		panic("sqldialect: " + name + " is not an Oracle function of words")
	}
	return dialect(internal, params, min, max, props, fn)
}

func mysqlName(name string) string {
	internal, ok := words.DialectFunction(words.MySQL, name)
	if !ok {
		panic("sqldialect: " + name + " is not a MySQL function of words")
	}
	return internal
}

// dialect declares a dialect function. Its arity is checked here, so that
// the error names the function as the user wrote it (decode, not
// oracle.decode).
func dialect(internal string, params []string, min, max int, props funcs.Props, fn funcs.Impl) funcs.Spec {
	shown := funcs.Spec{Name: words.UserName(internal), Min: min, Max: max}
	return funcs.Spec{Name: internal, Params: params, Min: 0, Max: -1, Props: props, Category: "sql",
		Fn: func(env funcs.Env, args []value.Value) (value.Value, error) {
			if err := shown.CheckArity(len(args)); err != nil {
				return nil, err
			}
			return fn(env, args)
		}}
}
