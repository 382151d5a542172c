package insert

import "github.com/porpoisedb/porpoise/value"

// Sink is the input of a stream engine (createTimeSeriesEngine and its
// kin): a table with the engine's input schema that keeps no rows. Each
// append's rows are converted by the table's rules, taken out of the
// table and handed to Consume, whose error fails the append.
type Sink interface {
	value.Publisher
	Consume(batch *value.Table) error
	// Writes are the values Consume may write besides the table: the
	// engine's outputs, and theirs where they feed other engines. An
	// appender locks the shared ones among them before the table.
	Writes() []value.Value
}

// consume hands the rows [from, dst.Rows()) an append added to dst's
// sink and removes them from dst.
func consume(s Sink, dst *value.Table, from int) error {
	cols := make([]*value.Vector, len(dst.Cols))
	for i, c := range dst.Cols {
		if from == 0 {
			// the usual case: the table was empty, so the batch takes
			// its columns and the table gets fresh ones
			cols[i] = c
			e := c.Like(0)
			e.Scale = c.Scale
			dst.Cols[i] = e
			continue
		}
		cols[i] = c.Slice(from, c.Len()).Clone()
		c.Truncate(from)
	}
	return s.Consume(value.NewTable(dst.Names, cols))
}
