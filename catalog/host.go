package catalog

import (
	"context"

	"github.com/porpoisedb/porpoise/audit"
	"github.com/porpoisedb/porpoise/auth"
	"github.com/porpoisedb/porpoise/dfs"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// Host is what the catalog functions need from the interpreter.
type Host interface {
	funcs.Env
	State
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

// DatabaseDropped forgets the schema naming a dropped database, recording
// it in ctx's ACL audit trail as tryDropSchemaByDatabase (dbUrl=xxx).
func DatabaseDropped(ctx context.Context, h State, dbURL string) error {
	r, err := Of(h)
	if err != nil {
		return err
	}
	found, err := r.Forget(dbURL)
	if found && err == nil {
		audit.RecordACL(ctx, "tryDropSchemaByDatabase", "dbUrl="+dbURL)
	}
	return err
}

// builtin calls the built-in called name.
func builtin(env funcs.Env, name string, args ...value.Value) (value.Value, error) {
	s, _ := funcs.Lookup(name)
	return s.Fn(env, args)
}
