package catalog

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/sqlparse"
	"github.com/porpoisedb/porpoise/value"
)

func init() {
	const cat = "catalog"
	p := func(names ...string) []string { return names }
	funcs.Register(
		funcs.Spec{Name: "createCatalog", Params: p("catalog"), Min: 1, Max: 1, Props: funcs.Session, Category: cat, Fn: createCatalog},
		funcs.Spec{Name: "dropCatalog", Params: p("catalog"), Min: 1, Max: 1, Props: funcs.Session, Category: cat, Fn: dropCatalog},
		funcs.Spec{Name: "renameCatalog", Params: p("oldCatalog", "newCatalog"), Min: 2, Max: 2, Props: funcs.Session, Category: cat, Fn: renameCatalog},
		funcs.Spec{Name: "existsCatalog", Params: p("catalog"), Min: 1, Max: 1, Props: funcs.Session, Category: cat, Fn: existsCatalog},
		funcs.Spec{Name: "getAllCatalogs", Min: 0, Max: 0, Props: funcs.Session, Category: cat, Fn: getAllCatalogs},
		funcs.Spec{Name: "createSchema", Params: p("catalog", "dbUrl", "schema"), Min: 3, Max: 3, Props: funcs.Session, Category: cat, Fn: createSchema},
		funcs.Spec{Name: "dropSchema", Params: p("catalog", "schema"), Min: 2, Max: 2, Props: funcs.Session, Category: cat, Fn: dropSchema},
		funcs.Spec{Name: "renameSchema", Params: p("catalog", "oldSchema", "newSchema"), Min: 3, Max: 3, Props: funcs.Session, Category: cat, Fn: renameSchema},
		funcs.Spec{Name: "getSchemaByCatalog", Params: p("catalog"), Min: 1, Max: 1, Props: funcs.Session, Category: cat, Fn: getSchemaByCatalog},
		funcs.Spec{Name: "setDefaultCatalog", Params: p("catalog"), Min: 1, Max: 1, Props: funcs.Session, Category: cat, Fn: setDefaultCatalog},
		funcs.Spec{Name: "getCurrentCatalog", Min: 0, Max: 0, Props: funcs.Session, Category: cat, Fn: getCurrentCatalog},
		// the internal functions catalog DDL lowers to (sqlparse/ddl.go)
		funcs.Spec{Name: sqlparse.CatalogSchemaPath, Params: p("name", "create"), Min: 2, Max: 2, Props: funcs.Session, Category: cat, Fn: schemaPath},
		funcs.Spec{Name: sqlparse.CatalogDrop, Params: p("name", "ifExists"), Min: 2, Max: 2, Props: funcs.Session, Category: cat, Fn: drop},
	)
}

// strings reads fn's string scalar arguments, named by params.
func strArgs(fn string, params []string, args []value.Value) ([]string, error) {
	out := make([]string, len(args))
	for i, a := range args {
		s, err := funcs.StrScalarArg(fn, params[i], a)
		if err != nil {
			return nil, err
		}
		out[i] = s
	}
	return out, nil
}

// call is the registry and the string arguments of a catalog function;
// admin asks for an administrator (catalog.md: managing catalogs and
// schemas takes CATALOG_MANAGE, which Porpoise grants administrators).
func call(env funcs.Env, fn string, admin bool, args []value.Value) (*Registry, []string, error) {
	h, err := funcs.HostOf[Host](env)
	if err != nil {
		return nil, nil, err
	}
	if admin && !h.IsAdmin() {
		return nil, nil, ddberr.Errorf("Only administrators execute function %s", fn)
	}
	s, _ := funcs.Lookup(fn)
	strs, err := strArgs(fn, s.Params, args)
	if err != nil {
		return nil, nil, err
	}
	r, err := Of(h)
	return r, strs, err
}

func createCatalog(env funcs.Env, args []value.Value) (value.Value, error) {
	r, a, err := call(env, "createCatalog", true, args)
	if err != nil {
		return nil, err
	}
	return nil, r.Create(a[0])
}

func dropCatalog(env funcs.Env, args []value.Value) (value.Value, error) {
	r, a, err := call(env, "dropCatalog", true, args)
	if err != nil {
		return nil, err
	}
	return nil, r.Drop(a[0])
}

func renameCatalog(env funcs.Env, args []value.Value) (value.Value, error) {
	r, a, err := call(env, "renameCatalog", true, args)
	if err != nil {
		return nil, err
	}
	return nil, r.Rename(a[0], a[1])
}

func existsCatalog(env funcs.Env, args []value.Value) (value.Value, error) {
	r, a, err := call(env, "existsCatalog", false, args)
	if err != nil {
		return nil, err
	}
	return value.NewBool(r.Exists(a[0])), nil
}

func getAllCatalogs(env funcs.Env, args []value.Value) (value.Value, error) {
	r, _, err := call(env, "getAllCatalogs", false, args)
	if err != nil {
		return nil, err
	}
	return value.NewStrings(value.String, r.Names()), nil
}

func createSchema(env funcs.Env, args []value.Value) (value.Value, error) {
	r, a, err := call(env, "createSchema", true, args)
	if err != nil {
		return nil, err
	}
	h, _ := funcs.HostOf[Host](env)
	if !h.Catalog().Exists(a[1]) {
		return nil, ddberr.Errorf("The database [%s] does not exist.", a[1])
	}
	return nil, r.AddSchema(a[0], a[1], a[2])
}

func dropSchema(env funcs.Env, args []value.Value) (value.Value, error) {
	r, a, err := call(env, "dropSchema", true, args)
	if err != nil {
		return nil, err
	}
	return nil, r.DropSchema(a[0], a[1])
}

func renameSchema(env funcs.Env, args []value.Value) (value.Value, error) {
	r, a, err := call(env, "renameSchema", true, args)
	if err != nil {
		return nil, err
	}
	return nil, r.RenameSchema(a[0], a[1], a[2])
}

func getSchemaByCatalog(env funcs.Env, args []value.Value) (value.Value, error) {
	r, a, err := call(env, "getSchemaByCatalog", false, args)
	if err != nil {
		return nil, err
	}
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

func setDefaultCatalog(env funcs.Env, args []value.Value) (value.Value, error) {
	r, a, err := call(env, "setDefaultCatalog", false, args)
	if err != nil {
		return nil, err
	}
	return nil, r.SetCurrent(env.SessionInfo().ID, a[0])
}

func getCurrentCatalog(env funcs.Env, args []value.Value) (value.Value, error) {
	r, _, err := call(env, "getCurrentCatalog", false, args)
	if err != nil {
		return nil, err
	}
	return value.NewString(r.Current(env.SessionInfo().ID)), nil
}
