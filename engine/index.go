package engine

import (
	"github.com/porpoisedb/porpoise/access"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
)

// evalIndexN is x[r, c] or x[i, j, ...] (package access's IndexN), a side
// left empty for all; a DFS or partitioned table is read whole first. ok
// is false when x is not indexed that way, and the caller indexes it the
// general way.
func (in *interp) evalIndexN(x value.Value, tu *ast.TupleExpr) (value.Value, bool, error) {
	if t, ok := x.(Table); ok {
		v, err := scanAll(t)
		if err != nil {
			return nil, true, err
		}
		x = v
	}
	if !access.TakesIndexN(x, len(tu.Elems)) {
		return nil, false, nil
	}
	sel, err := in.indexSels(tu)
	if err != nil {
		return nil, true, err
	}
	v, err := access.IndexN(x, sel)
	return v, true, err
}

// indexSels evaluates the indexes of x[r, c, ...], nil for one left empty.
func (in *interp) indexSels(tu *ast.TupleExpr) (sel []value.Value, err error) {
	sel = make([]value.Value, len(tu.Elems))
	for k, e := range tu.Elems {
		if e != nil {
			if sel[k], err = in.eval(e); err != nil {
				return nil, err
			}
		}
	}
	return sel, nil
}

// indexValue is x[i]; a DFS or partitioned table is read whole first,
// which package access, seeing only values, cannot do.
func indexValue(x, i value.Value) (value.Value, error) {
	if t, ok := x.(Table); ok {
		v, err := scanAll(t)
		if err != nil {
			return nil, err
		}
		x = v
	}
	return access.Index(x, i)
}
