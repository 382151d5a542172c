package joinengine

import (
	"github.com/porpoisedb/porpoise/insert"
	"github.com/porpoisedb/porpoise/value"
)

// keptRows is the rows a join engine keeps of one input, by key: with dup
// every row (a key's rows in the order they came), else each key's
// latest, which takes the place of the row before it.
type keptRows struct {
	store  *value.Table
	dup    bool
	latest map[string]int   // without dup: a key's row in store
	all    map[string][]int // with dup: a key's rows in store
}

func newKeptRows(schema *value.Table, dup bool) keptRows {
	return keptRows{store: schema.EmptyLike(0), dup: dup, latest: map[string]int{}, all: map[string][]int{}}
}

// put keeps row r of batch under key, unless stays (nil: never) says the
// key's kept row, at in store, is to stay. It returns where the row is
// kept (-1: it is not) and whether it took an earlier row's place.
func (k *keptRows) put(key string, batch *value.Table, r int, stays func(at int) bool) (at int, replaced bool) {
	if at, ok := k.latest[key]; ok && !k.dup {
		if stays != nil && stays(at) {
			return -1, false
		}
		for c, col := range k.store.Cols {
			insert.SetRow(col, at, batch.Cols[c], r)
		}
		return at, true
	}
	at = k.store.Rows()
	for c, col := range k.store.Cols {
		col.AppendFrom(batch.Cols[c], r)
	}
	if k.dup {
		k.all[key] = append(k.all[key], at)
	} else {
		k.latest[key] = at
	}
	return at, false
}

// reset forgets every row.
func (k *keptRows) reset() {
	for _, c := range k.store.Cols {
		c.Truncate(0)
	}
	clear(k.latest)
	clear(k.all)
}
