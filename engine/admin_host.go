package engine

import (
	"path/filepath"
	"sync"
	"time"

	// The catalog, storage-control and system functions register from
	// their own packages; the interpreter is their Host.
	"github.com/porpoisedb/porpoise/dbadmin"
	"github.com/porpoisedb/porpoise/dfs"
	"github.com/porpoisedb/porpoise/funcs/logging"
	_ "github.com/porpoisedb/porpoise/retention"
	"github.com/porpoisedb/porpoise/value"
)

// Catalog implements dbadmin.Host: the engine's dfs:// databases.
func (in *interp) Catalog() *dfs.Catalog { return in.s.eng.dbs }

// IoTCacheBytes implements jobs.IoTCaches.
func (in *interp) IoTCacheBytes() (static, latest int64) { return dbadmin.IoTCacheBytes(in.s.eng.dbs) }

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

// extStates holds the state packages outside engine keep for one engine
// (see EngineState), created on first use and closed with it.
type extStates struct {
	mu    sync.Mutex
	byKey map[string]any
}

// EngineState implements dbadmin.Host: the engine's value under key,
// made by create on first use. A value with a Close() method is closed
// when the engine closes.
func (in *interp) EngineState(key string, create func() any) any {
	x := &in.s.eng.ext
	x.mu.Lock()
	defer x.mu.Unlock()
	if v, ok := x.byKey[key]; ok {
		return v
	}
	v := create()
	x.putLocked(key, v)
	return v
}

// put stores v under key, replacing what was there.
func (x *extStates) put(key string, v any) {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.putLocked(key, v)
}

func (x *extStates) putLocked(key string, v any) {
	if x.byKey == nil {
		x.byKey = map[string]any{}
	}
	x.byKey[key] = v
}

// closeExtensions closes the engine's extension states (scheduled-job
// timers and the like) before storage goes, and forgets them. The lock is
// not held while they close: a job a Close waits for may still ask for
// its state.
func (e *Engine) closeExtensions() {
	x := &e.ext
	x.mu.Lock()
	states := x.byKey
	x.byKey = nil
	x.mu.Unlock()
	for _, v := range states {
		if c, ok := v.(interface{ Close() }); ok {
			c.Close()
		}
	}
}

// The interpreter is the Host of package funcs/logging (writeLog and the
// log's level and archives).
var _ logging.Host = (*interp)(nil)

// ServerLog implements logging.Host: the Log of the engine's options.
func (in *interp) ServerLog() logging.Log { return in.s.eng.opts.Log }
