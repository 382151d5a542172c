package catalog

import (
	"fmt"

	"github.com/porpoisedb/porpoise/audit"
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/sqlparse"
	"github.com/porpoisedb/porpoise/value"
)

func init() {
	const cat = "catalog"
	p := func(names ...string) []string { return names }
	funcs.Register(
		funcs.Spec{Name: "createCatalog", Params: p("catalog"), Min: 1, Max: 1, Props: funcs.Session, Category: cat,
			Fn: create},
		funcs.Spec{Name: "dropCatalog", Params: p("catalog"), Min: 1, Max: 1, Props: funcs.Session, Category: cat,
			Fn: manage("dropCatalog", "catalog=%s", func(r *Registry, a []string) error { return r.Drop(a[0]) })},
		funcs.Spec{Name: "renameCatalog", Params: p("oldCatalog", "newCatalog"), Min: 2, Max: 2, Props: funcs.Session, Category: cat,
			Fn: manage("renameCatalog", "catalog=%s new catalog=%s", func(r *Registry, a []string) error { return r.Rename(a[0], a[1]) })},
		funcs.Spec{Name: "createSchema", Params: p("catalog", "dbUrl", "schema"), Min: 3, Max: 3, Props: funcs.Session, Category: cat,
			Fn: manage("createSchema", createSchemaDetail, func(r *Registry, a []string) error {
				if !r.exists(a[1]) {
					return ddberr.Errorf("The database [%s] does not exist.", a[1])
				}
				return r.AddSchema(a[0], a[1], a[2])
			})},
		funcs.Spec{Name: "dropSchema", Params: p("catalog", "schema"), Min: 2, Max: 2, Props: funcs.Session, Category: cat,
			Fn: manage("dropSchema", "catalog=%s schema=%s", func(r *Registry, a []string) error { return r.DropSchema(a[0], a[1]) })},
		funcs.Spec{Name: "renameSchema", Params: p("catalog", "oldSchema", "newSchema"), Min: 3, Max: 3, Props: funcs.Session, Category: cat,
			Fn: manage("renameSchema", "catalog=%s schema=%s new schema=%s", func(r *Registry, a []string) error { return r.RenameSchema(a[0], a[1], a[2]) })},
		funcs.Spec{Name: "existsCatalog", Params: p("catalog"), Min: 1, Max: 1, Props: funcs.Session, Category: cat,
			Fn: read("existsCatalog", func(_ int64, r *Registry, a []string) (value.Value, error) { return value.NewBool(r.Exists(a[0])), nil })},
		funcs.Spec{Name: "getAllCatalogs", Min: 0, Max: 0, Props: funcs.Session, Category: cat,
			Fn: read("getAllCatalogs", func(_ int64, r *Registry, _ []string) (value.Value, error) {
				return value.NewStrings(value.String, r.Names()), nil
			})},
		funcs.Spec{Name: "getSchemaByCatalog", Params: p("catalog"), Min: 1, Max: 1, Props: funcs.Session, Category: cat, Fn: read("getSchemaByCatalog", getSchemaByCatalog)},
		funcs.Spec{Name: "setDefaultCatalog", Params: p("catalog"), Min: 1, Max: 1, Props: funcs.Session, Category: cat,
			Fn: read("setDefaultCatalog", func(session int64, r *Registry, a []string) (value.Value, error) {
				return nil, r.SetCurrent(session, a[0])
			})},
		funcs.Spec{Name: "getCurrentCatalog", Min: 0, Max: 0, Props: funcs.Session, Category: cat,
			Fn: read("getCurrentCatalog", func(session int64, r *Registry, _ []string) (value.Value, error) {
				return value.NewString(r.Current(session)), nil
			})},
		// the internal functions catalog DDL lowers to (sqlparse/ddl.go)
		funcs.Spec{Name: sqlparse.CatalogSchemaPath, Params: p("name", "create"), Min: 2, Max: 2, Props: funcs.Session, Category: cat, Fn: schemaPath},
		funcs.Spec{Name: sqlparse.CatalogDrop, Params: p("name", "ifExists"), Min: 2, Max: 2, Props: funcs.Session, Category: cat, Fn: drop},
	)
}

// createSchemaDetail is createSchema's opDetail in the ACL audit trail,
// of its three arguments (funcs/g/getaclauditlog.md).
const createSchemaDetail = "catalog=%s dbUrl=%s schema=%s"

// Who may call a catalog function.
type caller int8

const (
	anyone  caller = iota
	admin          // an administrator
	manager        // an administrator, or CATALOG_MANAGE on the first argument's catalog
)

// call is the registry and the string arguments of the catalog function
// fn, when who may call it.
func call(env funcs.Env, fn string, who caller, args []value.Value) (*Registry, []string, error) {
	h, err := funcs.HostOf[Host](env)
	if err != nil {
		return nil, nil, err
	}
	if who == admin && !h.SessionInfo().Admin {
		return nil, nil, errAdminOnly(fn)
	}
	s, _ := funcs.Lookup(fn)
	strs := make([]string, len(args))
	for i, a := range args {
		if strs[i], err = funcs.StrScalarArg(fn, s.Params[i], a); err != nil {
			return nil, nil, err
		}
	}
	if who == manager && !h.Principal().ManagesCatalog(strs[0]) {
		return nil, nil, errAdminOnly(fn)
	}
	r, err := Of(h)
	return r, strs, err
}

func errAdminOnly(fn string) error {
	return ddberr.Errorf("Only administrators execute function %s", fn)
}

// create is createCatalog, for administrators.
func create(env funcs.Env, args []value.Value) (value.Value, error) {
	r, a, err := call(env, "createCatalog", admin, args)
	if err != nil {
		return nil, err
	}
	if err := r.Create(a[0]); err != nil {
		return nil, err
	}
	audit.RecordACL(env.Context(), "createCatalog", "catalog="+a[0])
	return nil, nil
}

// manage is a function that changes a catalog (its first argument): op
// with the registry and the string arguments. It takes an administrator
// or CATALOG_MANAGE on the catalog (catalog.md). Once op succeeds it is
// recorded in the ACL audit trail as fn, with the opDetail detail, a
// format of the string arguments in order (funcs/g/getaclauditlog.md).
func manage(fn, detail string, op func(r *Registry, args []string) error) funcs.Impl {
	return func(env funcs.Env, args []value.Value) (value.Value, error) {
		r, a, err := call(env, fn, manager, args)
		if err != nil {
			return nil, err
		}
		if err := op(r, a); err != nil {
			return nil, err
		}
		strs := make([]any, len(a))
		for i, x := range a {
			strs[i] = x
		}
		audit.RecordACL(env.Context(), fn, fmt.Sprintf(detail, strs...))
		return nil, nil
	}
}

// read is a function any session may call: op with the session's id,
// the registry and the string arguments.
func read(fn string, op func(session int64, r *Registry, args []string) (value.Value, error)) funcs.Impl {
	return func(env funcs.Env, args []value.Value) (value.Value, error) {
		r, a, err := call(env, fn, anyone, args)
		if err != nil {
			return nil, err
		}
		return op(env.SessionInfo().ID, r, a)
	}
}

func getSchemaByCatalog(_ int64, r *Registry, a []string) (value.Value, error) {
	s, err := r.Schemas(a[0])
	if err != nil {
		return nil, err
	}
	names, urls := make([]string, len(s)), make([]string, len(s))
	for i, x := range s {
		names[i], urls[i] = x.Name, x.DBURL
	}
	return value.NewTable([]string{"schema", "dbUrl"}, []*value.Vector{value.NewStrings(value.String, names), value.NewStrings(value.String, urls)}), nil
}
