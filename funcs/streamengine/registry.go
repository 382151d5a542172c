package streamengine

import (
	"context"
	"slices"
	"sync"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/streaming"
	"github.com/porpoisedb/porpoise/funcs/system"
	"github.com/porpoisedb/porpoise/value"
)

// registry is a server's engines by name.
type registry struct {
	mu      sync.Mutex
	engines map[string]*handle
	// byEnv is every live engine's handle by its background
	// interpreter, from before the engine is built: its timer's ticks
	// find the handle so (Ticked).
	byEnv map[funcs.Env]*handle
}

const stateKey = "streamengine"

func registryOf(h streaming.Host) *registry {
	return h.EngineState(stateKey, func() any {
		return &registry{engines: map[string]*handle{}, byEnv: map[funcs.Env]*handle{}}
	}).(*registry)
}

// Close closes every engine: the server is closing.
func (r *registry) Close() {
	r.mu.Lock()
	hs := make([]*handle, 0, len(r.engines))
	for _, h := range r.engines {
		hs = append(hs, h)
	}
	r.engines = map[string]*handle{}
	r.byEnv = map[funcs.Env]*handle{}
	r.mu.Unlock()
	for _, h := range hs {
		h.close()
	}
}

// sorted is the engines in name order.
func (r *registry) sorted() []*handle {
	r.mu.Lock()
	defer r.mu.Unlock()
	hs := make([]*handle, 0, len(r.engines))
	for _, h := range r.engines {
		hs = append(hs, h)
	}
	slices.SortFunc(hs, func(a, b *handle) int {
		if a.name < b.name {
			return -1
		}
		if a.name > b.name {
			return 1
		}
		return 0
	})
	return hs
}

// Create registers a new engine of kind kind (its table's name in
// getStreamEngineStat: TimeSeriesEngine, ReactiveStreamEngine, ...)
// called name, whose input has dummy's columns, and returns its input
// table (a *value.Table): the handle scripts append to, pass as a subscription's handler
// or get back with getStreamEngine. build makes the engine given a
// background interpreter of the caller's user, functions and variables, which
// runs its metrics and writes its output and is cancelled when the
// engine is dropped.
func Create(env funcs.Env, kind string, name value.Value, dummy *value.Table, build func(bg funcs.Env) (Engine, error)) (value.Value, error) {
	return CreateWithSnapshot(env, kind, name, dummy, Snapshot{}, build)
}

// CreateWithSnapshot is Create for an engine given snapshot options s.
// With a snapshotDir, an engine that implements Snapshotter restores
// the snapshot of its name found there and, given an interval too,
// saves one every interval messages appendMsg appends
// (funcs/c/createTimeSeriesEngine.md); the directory must exist. The
// pages turn snapshots on with both options and give no error for one
// alone: a snapshotDir alone restores and saves nothing, an interval
// alone does nothing.
func CreateWithSnapshot(env funcs.Env, kind string, name value.Value, dummy *value.Table, s Snapshot, build func(bg funcs.Env) (Engine, error)) (value.Value, error) {
	h, err := host(env)
	if err != nil {
		return nil, err
	}
	n, ok := funcs.StringArg(name)
	if !ok || n == "" {
		return nil, ddberr.Errorf("The name of a stream engine must be a non-empty string.")
	}
	ctx, cancel := context.WithCancel(context.Background())
	r := registryOf(h)
	hd := &handle{name: n, kind: kind, user: env.SessionInfo().User, bg: h.EngineBackground(ctx), reg: r, cancel: cancel}
	r.mu.Lock()
	r.byEnv[hd.bg] = hd
	r.mu.Unlock()
	eng, err := build(hd.bg)
	var snap *snapshots
	if se, ok := eng.(Snapshotter); ok && err == nil && s.Dir != "" {
		snap, err = openSnapshots(env, s, kind, n, se)
	}
	hd.mu.Lock()
	hd.eng, hd.snap = eng, snap
	hd.mu.Unlock()
	if err != nil {
		hd.close()
		return nil, err
	}
	cols := make([]*value.Vector, len(dummy.Cols))
	for i, c := range dummy.Cols {
		cols[i] = c.Like(0)
		cols[i].Scale = c.Scale
	}
	hd.input = value.NewTable(slices.Clone(dummy.Names), cols)
	// appenders lock a shared table, which serializes the appends whose
	// rows the handle takes out of it
	hd.input.Shared = n
	hd.input.Stream = hd
	// subscriptions' goroutines append to the input, and the engine
	// writes its outputs from them and from its timer's: statements
	// lock them all
	h.Guard(hd.input)
	system.GuardWritten(h, eng.Outputs()...)
	r.mu.Lock()
	_, dup := r.engines[n]
	if !dup {
		r.engines[n] = hd
	}
	r.mu.Unlock()
	if dup {
		hd.close()
		return nil, ddberr.Errorf("The engine '%s' already exists. Choose another name or release the existing engine using 'dropStreamEngine()'. RefId: S03001", n)
	}
	return hd.input, nil
}

// lookup is the engine called name.
func lookup(env funcs.Env, fn string, name value.Value) (*registry, *handle, error) {
	h, err := host(env)
	if err != nil {
		return nil, nil, err
	}
	n, ok := funcs.StringArg(name)
	if !ok {
		return nil, nil, ddberr.Errorf("The argument [name] of %s must be a string scalar.", fn)
	}
	r := registryOf(h)
	r.mu.Lock()
	defer r.mu.Unlock()
	hd, ok := r.engines[n]
	if !ok {
		return nil, nil, ddberr.Errorf("The stream engine [%s] does not exist.", n)
	}
	return r, hd, nil
}
