package explainplan

import (
	"strconv"
	"strings"
	"time"

	"github.com/porpoisedb/porpoise/value"
)

// Plan is what a query's run measured, in DolphinDB_Explain.md's
// structure: for a partitioned table from (getting the data source) and map
// (the partitions the query reads, after pruning, and the time reading and
// querying them), then the rows the query returns and its whole cost,
// every cost in microseconds. Porpoise does not time the merge of the
// partitions' results apart from reading them, nor each partition's
// query, so map holds no merge stage and no per-partition detail.
type Plan struct {
	// From is the time taken to get the data source.
	From time.Duration
	// Partitioned is set for a query over a partitioned table; Partitions
	// is how many of its partitions holding data the query reads.
	Partitioned bool
	Partitions  int
	// Map is the time taken reading and querying the partitions.
	Map time.Duration
	// Rows is the number of rows the query returns; Cost its whole time.
	Rows int
	Cost time.Duration
	// LastQuery, for a latest-value query of an IOTDB table, is the
	// optimization that serves it (package iotdb).
	LastQuery string
}

// JSON is the plan as DolphinDB prints it. Porpoise runs as one node, so
// all of a query's partitions are local.
func (p Plan) JSON() string {
	var b strings.Builder
	us := func(d time.Duration) string { return strconv.FormatInt(d.Microseconds(), 10) }
	b.WriteString(`{"measurement":"microsecond","explain":{`)
	if p.Partitioned {
		b.WriteString(`"from":{"cost":` + us(p.From) + `},"map":{"partitions":{"local":` + strconv.Itoa(p.Partitions) +
			`,"remote":0},"cost":` + us(p.Map) + `},`)
	}
	if p.LastQuery != "" {
		// iotdb.md prints the method unquoted, as DolphinDB writes it
		b.WriteString(`"lastQuery":{"optimizationMethod":` + p.LastQuery + `},`)
	}
	b.WriteString(`"rows":` + strconv.Itoa(p.Rows) + `,"cost":` + us(p.Cost) + `}}`)
	return b.String()
}

// Rows is the number of rows a query result holds: a table's rows, a
// vector's length, 1 for a scalar.
func Rows(v value.Value) int {
	switch x := v.(type) {
	case *value.Table:
		return x.Rows()
	case *value.Vector:
		return x.Len()
	case *value.Matrix:
		return x.Rows
	}
	return 1
}
