package engine

import (
	"github.com/porpoisedb/porpoise/value"
)

// Table is a table kept by the engine rather than as one value.Table:
// partitioned in-memory tables and DFS tables. Scripts see it as a table.
type Table interface {
	value.Value
	// TableName is the table's name.
	TableName() string
	// Schema lists the column names, types and decimal scales.
	Schema() (names []string, types []value.Type, scales []int32)
	// RowCount counts the rows.
	RowCount() (int64, error)
	// Scan materializes the rows of the partitions that keep admits
	// (nil: all), in partition order then write order.
	Scan(keep PartitionFilter) (*value.Table, error)
	// Append inserts rows by position (tableInsert, append!); stmt is set
	// for INSERT INTO. It returns the number of rows written.
	Append(s *Session, src *value.Table, stmt bool) (int, error)
	// SchemaDict is schema(t).
	SchemaDict() *value.Dict
}

// PartitionFilter reports whether a partition (by its index at each
// domain level) may hold rows a query wants; used for pruning.
type PartitionFilter func(levelIdx []int) bool

func scanAll(t Table) (*value.Table, error) { return t.Scan(nil) }

// tableSchemaDict builds schema(t) for an in-memory table.
func tableSchemaDict(names []string, types []value.Type, scales []int32) *value.Dict {
	d := value.NewDict(value.String, value.Any)
	put := func(k string, v value.Value) {
		keys := value.NewStrings(value.String, []string{k})
		d.Put(keys, 0, value.NewTuple([]value.Value{v}), 0)
	}
	put("partitionColumnIndex", value.NewInt(-1))
	put("chunkPath", value.NullScalar(value.String))
	put("colDefs", colDefs(names, types, scales))
	return d
}

// colDefs is the colDefs table of schema().
func colDefs(names []string, types []value.Type, scales []int32) *value.Table {
	n := len(names)
	name := value.NewVector(value.String, 0, n)
	typeString := value.NewVector(value.String, 0, n)
	typeInt := value.NewVector(value.Int, 0, n)
	extra := value.NewVector(value.Int, 0, n)
	comment := value.NewVector(value.String, 0, n)
	for i := range names {
		name.Str = append(name.Str, names[i])
		ts := types[i].String()
		if types[i].Elem().IsDecimal() {
			ts = types[i].Elem().String() + "(" + itoa(int(scales[i])) + ")"
			if types[i].IsArray() {
				ts += "[]"
			}
			extra.I32 = append(extra.I32, scales[i])
		} else {
			extra.I32 = append(extra.I32, value.NullInt32)
		}
		typeString.Str = append(typeString.Str, ts)
		typeInt.I32 = append(typeInt.I32, int32(types[i]))
		comment.Str = append(comment.Str, "")
	}
	return value.NewTable([]string{"name", "typeString", "typeInt", "extra", "comment"},
		[]*value.Vector{name, typeString, typeInt, extra, comment})
}

func itoa(i int) string { return value.NewInt(int32(i)).String() }

func valueTableSchema(t *value.Table) ([]string, []value.Type, []int32) {
	scales := make([]int32, len(t.Cols))
	for i, c := range t.Cols {
		scales[i] = c.Scale
	}
	return t.Names, t.Types(), scales
}
