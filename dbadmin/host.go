package dbadmin

import (
	"sync"
	"time"

	"github.com/porpoisedb/porpoise/auth"
	"github.com/porpoisedb/porpoise/dbfuncs"
	"github.com/porpoisedb/porpoise/dfs"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// Host is what these functions need of the interpreter beyond the
// store.
type Host interface {
	dbfuncs.StoreHost
	// DFSTable is the partitioned table a script value stands for.
	DFSTable(v value.Value) (*dfs.Table, bool)
	// CheckAlterTable fails when the session may not change t's columns
	// or name.
	CheckAlterTable(t *dfs.Table, drop bool) error
	// MaxMemSizeGB is the memory cap (maxMemSize), 0 when unlimited.
	MaxMemSizeGB() float64
	// Now is the engine's clock.
	Now() time.Time
	// Principal is the session's user and the engine's access store,
	// whose privileges on a table follow renameTable.
	Principal() auth.Principal
}

// writableDB is the Host and the database v names for a function that
// changes a database: the session must be allowed to write first.
func writableDB(env funcs.Env, v value.Value) (Host, *dfs.Database, error) {
	return dbfuncs.WritableDatabase[Host](env, v)
}

// allTables lists every DFS table of the catalog, by database path then
// table name.
func allTables(cat *dfs.Catalog) []*dfs.Table {
	var out []*dfs.Table
	for _, p := range cat.Paths() {
		db, err := cat.Lookup(p)
		if err != nil {
			continue // dropped meanwhile
		}
		for _, name := range db.TableNames() {
			if t := db.Table(name); t != nil {
				out = append(out, t)
			}
		}
	}
	return out
}

// state is the engine's settings and records that these functions keep.
type state struct {
	mu                       sync.Mutex
	olapCacheGB, tsdbCacheGB float64 // 0: not set
	recoveryWorkers          int
	asyncSorting             bool
	queryMonitor             bool
	reservedMemGB            float64
	maxBlockKB               float64
	compactions              []compaction
	// lastUpdated is setChunkLastUpdateTime's time by chunk id.
	lastUpdated map[string]time.Time
}

func stateOf(h Host) *state {
	return h.EngineState("dbadmin", func() any {
		return &state{recoveryWorkers: 1, queryMonitor: true}
	}).(*state)
}

// update changes the engine's dbadmin state under its lock.
func update(h Host, f func(s *state)) {
	st := stateOf(h)
	st.mu.Lock()
	defer st.mu.Unlock()
	f(st)
}

func boolVector(bs []bool) *value.Vector {
	v := value.NewVector(value.Bool, 0, len(bs))
	for _, b := range bs {
		if b {
			v.I8 = append(v.I8, 1)
		} else {
			v.I8 = append(v.I8, 0)
		}
	}
	return v
}
