package main

import "slices"

// movePartShape names updatePartCol's statements.
const movePartShape = "update partitioning column"

// pMovePart is -movepart: under -dml on a DFS table, the chance that a
// statement of a sequence updates a partitioning column.
var pMovePart float64

// updatePartCol sets one partitioning column (of one level) to a value
// a row of t was loaded with, under a where: since 2.00.10 DolphinDB
// updates the partitioning columns of OLAP tables and of TSDB ones
// keeping all duplicates (the default, ALL; under -keep LAST and -pkey,
// whose refusal's text the manual does not give, none is drawn),
// moving the rows to the partitions of their new values
// (progr/sql/update.md). A loaded value has a partition in every scheme,
// so no row is routed outside the domain (which fails the update, a rule
// of Porpoise's the manual leaves open); NULLs are not drawn, as a VALUE
// or RANGE column can't take one and hash-i drops its row on append.
// DuckDB's copy is not partitioned: a plain update is the model, and the
// comparison of all of t after it (as a multiset) checks that every row
// moved whole. A moved row goes after the rows of its new partition
// (Porpoise appends it there; the manual does not say where DolphinDB
// puts it), so the statement ends its sequence: DuckDB's copy keeps the
// rows in their old order, which context by's cumulative and first/last
// functions would read.
func (g *dmlGen) updatePartCol() (string, stmt) {
	cols := partCols()
	c := cols[g.mr.IntN(len(cols))]
	j := slices.Index(g.names, c)
	k := g.kinds[j]
	for range 20 {
		cell := g.orig[g.mr.IntN(len(g.orig))][j]
		if cell.null {
			continue
		}
		w1, w2 := g.where()
		return movePartShape, stmt{ddb: "update t set " + c + " = " + ddbLit(k, cell) + w1,
			duck: []string{"update t set " + c + " = " + duckLit(k, cell) + w2}}
	}
	return g.delete()
}
