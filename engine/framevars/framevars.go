package framevars

import (
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/sqlparse/astwalk"
	"github.com/porpoisedb/porpoise/value"
)

// Named adds to got (allocated when nil and something is found) the
// variables of frame that n names, with their values now.
func Named(got, frame map[string]value.Value, n ast.Node) map[string]value.Value {
	astwalk.Inspect(n, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if v, ok := frame[id.Name]; ok {
				if got == nil {
					got = map[string]value.Value{}
				}
				got[id.Name] = v
			}
		}
		return true
	})
	return got
}
