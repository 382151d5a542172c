package engine

import (
	"github.com/porpoisedb/porpoise/access"
	"github.com/porpoisedb/porpoise/sqlparse"
	"github.com/porpoisedb/porpoise/value"
)

// evalIndexN is x[r, c] or x[i, j, ...] (package access's IndexN), a side
// left empty for all; a DFS or partitioned table is read whole first. ok
// is false when x is not indexed that way, and the caller indexes it the
// general way.
func (in *interp) evalIndexN(x value.Value, tu *sqlparse.TupleExpr) (value.Value, bool, error) {
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
	sel := make([]value.Value, len(tu.Elems))
	for k, e := range tu.Elems {
		if e == nil {
			continue
		}
		s, err := in.eval(e)
		if err != nil {
			return nil, true, err
		}
		sel[k] = s
	}
	v, err := access.IndexN(x, sel)
	return v, true, err
}
