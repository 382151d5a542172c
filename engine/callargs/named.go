package callargs

import (
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/query/colname"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
)

// Bind places named arguments at the positions of fn's parameters of
// those names (funcs.ParamIndex), past the end of args if need be.
func Bind(fn string, params []string, args []value.Value, named map[string]value.Value) ([]value.Value, error) {
	for name, v := range named {
		pos := funcs.ParamIndex(params, name)
		if pos < 0 {
			return nil, ddberr.Errorf("The function [%s] doesn't have a parameter named %s.", fn, name)
		}
		for len(args) <= pos {
			args = append(args, nil)
		}
		args[pos] = v
	}
	return args, nil
}

// Name is the name an argument expression gives a column; for a
// function that asks for element names (funcs.Spec.ElemNames), a
// bracketed literal gives its elements' names.
func Name(a ast.Expr, elemNames bool) string {
	if elemNames {
		var elems []ast.Expr
		switch x := a.(type) {
		case *ast.ArrayExpr:
			elems = x.Elems
		case *ast.TupleExpr:
			elems = x.Elems
		}
		if len(elems) > 1 {
			names := make([]string, len(elems))
			for i, e := range elems {
				names[i] = colname.Given(e)
			}
			return strings.Join(names, funcs.ElemNameSep)
		}
	}
	return colname.Given(a)
}
