package cached

import "github.com/porpoisedb/porpoise/funcs"

// init registers the family, one section per topic file.
func init() {
	// cached.go.
	funcs.Register(funcs.Spec{Name: "cachedTable", Params: []string{"updateFunc", "retentionSeconds"},
		Min: 2, Max: 2, Category: "db-table", Fn: cachedTable})
}
