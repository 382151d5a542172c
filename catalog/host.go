package catalog

import (
	"github.com/porpoisedb/porpoise/auth"
	"github.com/porpoisedb/porpoise/dfs"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// Host is what the catalog functions need from the interpreter.
type Host interface {
	funcs.Env
	State
	// IsAdmin reports whether the session's user is an administrator.
	IsAdmin() bool
	// Principal is the session's user before the access rules.
	Principal() auth.Principal
}

// State is what the registry needs from the engine.
type State interface {
	// Catalog is the engine's dfs:// databases.
	Catalog() *dfs.Catalog
	// EngineState is the engine-wide value under key, made by init on
	// first use: the registry.
	EngineState(key string, init func() any) any
}

// Of returns the engine's registry, loading it from the store on first
// use.
func Of(h State) (*Registry, error) {
	v := h.EngineState("catalog.registry", func() any {
		c := h.Catalog()
		r, err := Load(c.Store(), c.Exists)
		if err != nil {
			return err
		}
		return r
	})
	if err, ok := v.(error); ok {
		return nil, err
	}
	return v.(*Registry), nil
}

// DatabaseDropped forgets the schema naming a dropped database.
func DatabaseDropped(h State, dbURL string) error {
	r, err := Of(h)
	if err != nil {
		return err
	}
	return r.Forget(dbURL)
}

// builtin calls the built-in called name.
func builtin(env funcs.Env, name string, args ...value.Value) (value.Value, error) {
	s, _ := funcs.Lookup(name)
	return s.Fn(env, args)
}
