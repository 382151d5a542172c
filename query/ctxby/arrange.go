package ctxby

import (
	"github.com/porpoisedb/porpoise/query/groupagg"
	"github.com/porpoisedb/porpoise/value"
)

// Arrange returns src's columns at cols, rows in g's group order (groups in id order, the
// rows of a group in g.Perm's order when g is indexed, else in input
// order) and the groups over that table: group i is rows
// Starts[i]:Starts[i+1], IDs non-decreasing. It leaves g.Perm as it
// finds it (nil when g was not indexed: callers that need the rows' old
// positions index g then), and the groups' Perm nil (groupagg indexes
// them where an aggregate needs it; it is 0..n-1).
//
// Each column is scattered: read in order, each row written to its
// group's next place. A gather by g.Perm would read the column once per
// group, each row in its own cache line, where the scatter writes one
// line per group at a time.
func Arrange(src *value.Table, cols []int, g *groupagg.Groups) (*value.Table, *groupagg.Groups) {
	n := len(g.IDs)
	starts := g.Starts
	if starts == nil {
		starts = make([]int, g.N+1)
		for _, id := range g.IDs {
			starts[id+1]++
		}
		for i := 1; i <= g.N; i++ {
			starts[i] += starts[i-1]
		}
	}
	pos := make([]int32, n)
	if g.Perm != nil {
		for k, r := range g.Perm {
			pos[r] = int32(k)
		}
	} else {
		next := make([]int32, g.N)
		for i := range next {
			next[i] = int32(starts[i])
		}
		for r, id := range g.IDs {
			pos[r] = next[id]
			next[id]++
		}
	}
	names, arranged := make([]string, len(cols)), make([]*value.Vector, len(cols))
	for i, c := range cols {
		names[i], arranged[i] = src.Names[c], src.Cols[c].Scatter(pos, n)
	}
	sg := &groupagg.Groups{N: g.N, Starts: starts, IDs: make([]int32, n), First: make([]int, g.N)}
	for i := 0; i < g.N; i++ {
		sg.First[i] = starts[i]
		ids := sg.IDs[starts[i]:starts[i+1]]
		for r := range ids {
			ids[r] = int32(i)
		}
	}
	return value.NewTable(names, arranged), sg
}
