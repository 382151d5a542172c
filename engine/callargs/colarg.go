package callargs

import (
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
)

// NameOrColumn is Name, or for an argument t[c] that Name leaves unnamed
// the name of the column it reads: DolphinDB's column keeps its name when
// a script takes it out of its table, so groupby(avg, t[para], t[key])
// with para and key holding column names names its columns key and
// avg_<para> (tutorials/forecast_taxi_trip_dura.md renames and joins on
// them). lookup reads a variable; only plain names are looked up, so
// naming evaluates nothing a second time that could have side effects.
func NameOrColumn(a ast.Expr, elemNames bool, lookup func(*ast.Ident) (value.Value, error)) string {
	if n := Name(a, elemNames); n != "" {
		return n
	}
	ix, ok := a.(*ast.IndexExpr)
	if !ok {
		return ""
	}
	base, ok := ix.X.(*ast.Ident)
	if !ok {
		return ""
	}
	var key string
	switch k := ix.Index.(type) {
	case *ast.Literal:
		if k.Kind != ast.LitString && k.Kind != ast.LitSymbol {
			return ""
		}
		key = k.Text
	case *ast.Ident:
		v, err := lookup(k)
		if err != nil {
			return ""
		}
		if key, ok = funcs.StringArg(v); !ok {
			return ""
		}
	default:
		return ""
	}
	v, err := lookup(base)
	if err != nil {
		return ""
	}
	t, ok := v.(*value.Table)
	if !ok {
		return ""
	}
	if i := t.ColumnIndex(key); i >= 0 {
		return t.Names[i]
	}
	return ""
}
