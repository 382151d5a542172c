package groupkeys

import (
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/query/clausecheck"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
)

// Result assembles a group by's result: the keys the select list
// doesn't name come first, then the select items in order (a named key
// where the list names it); item gives an item's columns of per-group
// values and their names.
func Result(n *ast.SelectExpr, keyNames []string, keyCols []*value.Vector, item func(ast.Expr) ([]string, []*value.Vector, error)) (*value.Table, error) {
	isKey := map[string]bool{}
	for _, k := range keyNames {
		isKey[strings.ToLower(k)] = true
	}
	selected := map[string]bool{}
	for _, c := range n.Cols {
		if id, ok := c.(*ast.Ident); ok && isKey[strings.ToLower(id.Name)] {
			selected[strings.ToLower(id.Name)] = true
		}
	}
	var names []string
	var cols []*value.Vector
	for i, k := range keyNames {
		if !selected[strings.ToLower(k)] {
			names = append(names, k)
			cols = append(cols, keyCols[i])
		}
	}
	for _, c := range n.Cols {
		if id, ok := c.(*ast.Ident); ok && isKey[strings.ToLower(id.Name)] {
			for i, k := range keyNames {
				if strings.EqualFold(k, id.Name) {
					names = append(names, k)
					cols = append(cols, keyCols[i])
				}
			}
			continue
		}
		if _, ok := c.(*ast.StarExpr); ok {
			return nil, ddberr.Errorf("The column [*] must use aggregate function. RefId:S02022")
		}
		ns, vs, err := item(c)
		if err != nil {
			return nil, err
		}
		names = append(names, ns...)
		cols = append(cols, vs...)
	}
	if err := clausecheck.DuplicateNames(names); err != nil {
		return nil, err
	}
	return value.NewTable(names, cols), nil
}
