package engine

import (
	"github.com/porpoisedb/porpoise/join"
	"github.com/porpoisedb/porpoise/query"
	"github.com/porpoisedb/porpoise/value"
)

// The table joiners (package query runs them): ej, lj, lsj, fj, aj, pj,
// sej, cj, and the window joins wj and pwj, whose aggregates the
// interpreter evaluates over the right table's rows.
func init() {
	for _, kind := range []join.Kind{join.Equi, join.Left, join.LeftSemi, join.Full, join.Asof, join.Prefix, join.SortedEqui} {
		kind := kind
		reg(kind.Name(), p("leftTable", "rightTable", "matchingCols", "rightMatchingCols"), 3, 4, func(in *interp, args []value.Value, names []string) (value.Value, error) {
			return query.Join(in, kind, args, names)
		})
	}
	reg("cj", p("leftTable", "rightTable"), 2, 2, func(in *interp, args []value.Value, names []string) (value.Value, error) {
		return query.CrossJoin(in, args, names)
	})
	for _, name := range []string{"wj", "pwj"} {
		prevailing := name == "pwj"
		reg(name, p("leftTable", "rightTable", "window", "aggs", "matchingCols", "rightMatchingCols"), 5, 6, func(in *interp, args []value.Value, _ []string) (value.Value, error) {
			return query.WindowJoin(in, args, prevailing)
		})
	}
}
