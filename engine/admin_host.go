package engine

import (
	"path/filepath"
	"sync"
	"time"

	// The catalog, storage-control and system functions register from
	// their own packages; the interpreter is their Host.
	_ "github.com/porpoisedb/porpoise/dbadmin"
	"github.com/porpoisedb/porpoise/dfs"
	"github.com/porpoisedb/porpoise/value"
)

// Catalog implements dbadmin.Host: the engine's dfs:// databases.
func (in *interp) Catalog() *dfs.Catalog { return in.s.eng.dbs }

// CheckRead implements dbadmin.Host.
func (in *interp) CheckRead() error { return in.s.checkRead() }

// CheckWrite implements dbadmin.Host.
func (in *interp) CheckWrite() error { return in.s.checkWrite() }

// DFSTable implements dbadmin.Host: the partitioned table a script value
// (loadTable's result) stands for.
func (in *interp) DFSTable(v value.Value) (*dfs.Table, bool) {
	if p, ok := v.(*ptable); ok && p.Table != nil {
		return p.Table, true
	}
	return nil, false
}

// DataDir implements dbadmin.Host: the absolute directory of the store,
// "" for an in-memory engine.
func (in *interp) DataDir() string {
	if in.s.eng.opts.InMemory {
		return ""
	}
	if abs, err := filepath.Abs(in.s.eng.opts.DataDir); err == nil {
		return abs
	}
	return in.s.eng.opts.DataDir
}

// MaxMemSizeGB implements dbadmin.Host.
func (in *interp) MaxMemSizeGB() float64 { return in.s.eng.maxMemSizeGB() }

// Now implements dbadmin.Host.
func (in *interp) Now() time.Time { return in.s.eng.Now() }

// extensions holds, per engine, the state packages outside engine keep
// for it (see EngineState), created on first use and closed with it.
var extensions sync.Map // *Engine -> *extState

type extState struct {
	mu     sync.Mutex
	byKey  map[string]any
	closed bool
}

// EngineState implements dbadmin.Host: the engine's value under key,
// made by create on first use. A value with a Close() method is closed
// when the engine closes.
func (in *interp) EngineState(key string, create func() any) any {
	v, _ := extensions.LoadOrStore(in.s.eng, &extState{byKey: map[string]any{}})
	st := v.(*extState)
	st.mu.Lock()
	defer st.mu.Unlock()
	if x, ok := st.byKey[key]; ok {
		return x
	}
	x := create()
	st.byKey[key] = x
	return x
}

// closeExtensions closes the engine's extension states (scheduled-job
// timers and the like) before storage goes.
func (e *Engine) closeExtensions() {
	v, ok := extensions.LoadAndDelete(e)
	if !ok {
		return
	}
	st := v.(*extState)
	st.mu.Lock()
	defer st.mu.Unlock()
	st.closed = true
	for _, x := range st.byKey {
		if c, ok := x.(interface{ Close() }); ok {
			c.Close()
		}
	}
}
