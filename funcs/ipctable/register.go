package ipctable

import "github.com/porpoisedb/porpoise/funcs"

// init registers the family, one section per topic file.
func init() {
	// ipctable.go.
	funcs.Register(
		funcs.Spec{Name: "createIPCInMemoryTable", Params: []string{"size", "tableName", "columnNames", "columnTypes"},
			Min: 4, Max: 4, Category: "db-table", Fn: create},
		funcs.Spec{Name: "loadIPCInMemoryTable", Params: []string{"tableName"},
			Min: 1, Max: 1, Category: "db-table", Fn: load},
		funcs.Spec{Name: "dropIPCInMemoryTable", Params: []string{"tableName"},
			Min: 1, Max: 1, Category: "db-table", Fn: drop},
	)
}
