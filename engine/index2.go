package engine

import (
	"github.com/porpoisedb/porpoise/access"
	"github.com/porpoisedb/porpoise/sqlparse"
	"github.com/porpoisedb/porpoise/value"
)

// evalIndexN is x[r, c] (package access's Index2), either side left empty
// for all, or x[i, j, ...] on a tuple (access.IndexTuple); a DFS or
// partitioned table is read whole first. ok is false when x is not
// indexed that way, and the caller indexes it the general way.
func (in *interp) evalIndexN(x value.Value, tu *sqlparse.TupleExpr) (value.Value, bool, error) {
	if t, ok := x.(Table); ok {
		v, err := scanAll(t)
		if err != nil {
			return nil, true, err
		}
		x = v
	}
	switch v := x.(type) {
	case *value.Matrix, *value.Table, *value.Dict:
	case *value.Vector:
		if !v.T.IsArray() && v.T != value.Any {
			return nil, false, nil
		}
	default:
		return nil, false, nil
	}
	if v, ok := x.(*value.Vector); !ok || v.T != value.Any {
		if len(tu.Elems) != 2 {
			return nil, false, nil
		}
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
	if v, ok := x.(*value.Vector); ok && v.T == value.Any {
		out, err := access.IndexTuple(v, sel)
		return out, true, err
	}
	return access.Index2(x, sel[0], sel[1])
}
