package indexed

import (
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// init registers the family, one section per file.
func init() {
	// mark.go.
	funcs.Register(
		funcs.Spec{Name: "indexedSeries", Params: []string{"index", "value"}, Min: 2, Max: 2, Props: funcs.Pure, Category: "types-conversion", Fn: indexedSeries},
		funcs.Spec{Name: "setIndexedSeries!", Params: []string{"X", "on"}, Min: 1, Max: 2, Props: funcs.Mutating, Category: "types-conversion", Fn: setIndexed(value.IndexedSeries)},
		funcs.Spec{Name: "setIndexedMatrix!", Params: []string{"X", "on"}, Min: 1, Max: 2, Props: funcs.Mutating, Category: "types-conversion", Fn: setIndexed(value.IndexedMatrix)},
		funcs.Spec{Name: "isIndexedSeries", Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.Pure, Category: "types-conversion", Fn: isIndexed(value.IndexedSeries)},
		funcs.Spec{Name: "isIndexedMatrix", Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.Pure, Category: "types-conversion", Fn: isIndexed(value.IndexedMatrix)},
	)

	// align.go.
	funcs.Register(
		funcs.Spec{Name: "align", Params: []string{"left", "right", "how", "byRow", "view"}, Min: 2, Max: 5, Props: funcs.Pure, Category: "align", Fn: align},
		funcs.Spec{Name: "merge", Params: []string{"left", "right", "how"}, Min: 2, Max: 3, Props: funcs.Pure, Category: "merge", Fn: merge},
	)
}
