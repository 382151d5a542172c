package streaming

import (
	"context"

	"github.com/porpoisedb/porpoise/dfs"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/system"
	"github.com/porpoisedb/porpoise/stream"
	"github.com/porpoisedb/porpoise/value"
)

// Host is what these functions need of the calling interpreter beyond
// system.Host.
type Host interface {
	system.Host
	// EngineState is the engine's value under key, made by create on
	// first use; a value with a Close() method is closed with the engine.
	EngineState(key string, create func() any) any
	// DataDir is the engine's data directory, "" in memory.
	DataDir() string
	// Catalog is the engine's databases, whose store persisted stream
	// tables share.
	Catalog() *dfs.Catalog
	// Background is an interpreter of a session of the caller's user,
	// with the caller's functions, for a goroutine of its own; ctx
	// cancels what it runs.
	Background(ctx context.Context) funcs.Env
	// EngineBackground is Background for a stream engine: its session
	// also holds the caller's variables as they are when the engine is
	// made, as DolphinDB's engines resolve the variables their metrics
	// name (a weight dictionary) in the session that creates them.
	EngineBackground(ctx context.Context) funcs.Env
}

// callShared calls fn holding the locks of the shared objects among its
// arguments and bound arguments, so that the sessions reading them wait
// for the batch.
func callShared(env funcs.Env, fn value.Value, args ...value.Value) (value.Value, error) {
	if h, ok := env.(system.Host); ok {
		return system.CallLocked(h, fn, args...)
	}
	return env.Call(fn, args...)
}

// registry is the engine's subscriptions and persisted tables, kept in
// the store of its dfs:// databases when it has a data directory (an
// in-memory engine has no persistenceDir).
func registry(h Host) *stream.Registry {
	return h.EngineState(stream.Key, func() any {
		if h.DataDir() == "" {
			return stream.NewRegistry(nil)
		}
		return stream.NewRegistry(h.Catalog().Store())
	}).(*stream.Registry)
}
