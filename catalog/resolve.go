package catalog

import (
	"fmt"
	"github.com/porpoisedb/porpoise/audit"
	"strings"
	"time"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
)

// target is a session's view of the registry: the host, the registry
// and the session's current catalog.
type target struct {
	h   Host
	r   *Registry
	cur string
}

func targetOf(env funcs.Env) (target, error) {
	h, err := funcs.HostOf[Host](env)
	if err != nil {
		return target{}, err
	}
	r, err := Of(h)
	if err != nil {
		return target{}, err
	}
	return target{h, r, r.Current(env.SessionInfo().ID)}, nil
}

// schema splits a schema reference, catalog.schema or schema, into its
// catalog (the current one when it names none) and schema.
func (t target) schema(parts []string) (string, string, error) {
	if len(parts) == 2 {
		return parts[0], parts[1], nil
	}
	if t.cur == "" {
		return "", "", errNoCatalog()
	}
	return t.cur, parts[0], nil
}

// schemaPath is sqlparse.CatalogSchemaPath(name, create): the dfs://
// path of the schema name ("catalog.schema", or "schema" in the current
// catalog) stands for; with create it makes a new schema and its path,
// for create database. A name that is a variable gives the variable's
// value (create table dbPath.t with dbPath = "dfs://...").
func schemaPath(env funcs.Env, args []value.Value) (value.Value, error) {
	name, _ := funcs.StringArg(args[0])
	create, _ := funcs.ScalarArg(args[1])
	parts := strings.Split(name, ".")
	if v, ok := env.Var(parts[0]); ok && len(parts) == 1 {
		return v, nil
	}
	t, err := targetOf(env)
	if err != nil {
		return nil, err
	}
	cat, schema, err := t.schema(parts)
	if err != nil {
		return nil, err
	}
	if create == nil || create.I == 0 {
		url, err := t.r.Resolve(cat, schema)
		return value.NewString(url), err
	}
	// catalog.md: create database names the new database
	// dfs://{catalog}_{schema}_{timestamp}.
	url := fmt.Sprintf("dfs://%s_%s_%d", cat, schema, time.Now().UnixMilli())
	if err := t.r.AddSchema(cat, url, schema); err != nil {
		return nil, err
	}
	// the schema create database adds, recorded as createSchema records it
	audit.RecordACL(env.Context(), "createSchema", fmt.Sprintf(createSchemaDetail, cat, url, schema))
	return value.NewString(url), nil
}

// drop is sqlparse.CatalogDrop(name, ifExists), drop table on a dotted
// name: a catalog's table (catalog.schema.table, schema.table in the
// current catalog) or, for catalog.schema, the schema's database
// (drop.md). A root that is a variable is a database (drop table db.t).
func drop(env funcs.Env, args []value.Value) (value.Value, error) {
	name, _ := funcs.StringArg(args[0])
	ifExists, _ := funcs.ScalarArg(args[1])
	parts := strings.Split(name, ".")
	if len(parts) < 2 || len(parts) > 3 {
		return nil, ddberr.Errorf("Invalid table name [%s].", name)
	}
	skip := func(err error) (value.Value, error) {
		if ifExists != nil && ifExists.I != 0 {
			return nil, nil
		}
		return nil, err
	}
	var db value.Value
	if v, ok := env.Var(parts[0]); ok && len(parts) == 2 {
		db = v // drop table dbPath.t with dbPath a variable
	} else {
		t, err := targetOf(env)
		if err != nil {
			return nil, err
		}
		cat, schema := t.cur, parts[0]
		if len(parts) == 3 {
			cat, schema = parts[0], parts[1]
		} else if _, err := t.r.Resolve(t.cur, parts[0]); t.cur == "" || err != nil {
			// catalog.schema: the schema's database
			url, err := t.r.Resolve(parts[0], parts[1])
			if err != nil {
				return skip(err)
			}
			return builtin(env, "dropDatabase", value.NewString(url))
		}
		url, err := t.r.Resolve(cat, schema)
		if err != nil {
			return skip(err)
		}
		db = value.NewString(url)
	}
	tbl := value.NewString(parts[len(parts)-1])
	if ifExists != nil && ifExists.I != 0 {
		if ok, err := builtin(env, "existsTable", db, tbl); err != nil || !ok.(*value.Scalar).Bool() {
			return nil, err
		}
	}
	h, err := builtin(env, "database", db)
	if err != nil {
		return nil, err
	}
	return builtin(env, "dropTable", h, tbl)
}

// Member resolves a member expression whose root the interpreter could
// not evaluate (err): catalog.schema.table, or schema.table in the
// session's current catalog, is that table, as loadTable gives it. A
// root that is a variable wins (catalog.md), and a name that names no
// catalog keeps err.
func Member(env funcs.Env, n *ast.MemberExpr, err error) (value.Value, error) {
	parts := []string{n.Name}
	x := n.X
	for {
		m, ok := x.(*ast.MemberExpr)
		if !ok {
			break
		}
		parts = append([]string{m.Name}, parts...)
		x = m.X
	}
	root, ok := x.(*ast.Ident)
	if !ok || len(parts) > 2 {
		return nil, err
	}
	if _, ok := env.Var(root.Name); ok {
		return nil, err
	}
	t, terr := targetOf(env)
	if terr != nil {
		return nil, err
	}
	cat, schema := t.cur, root.Name
	if len(parts) == 2 {
		cat, schema = root.Name, parts[0]
	}
	if cat == "" || !t.r.Exists(cat) {
		return nil, err
	}
	url, rerr := t.r.Resolve(cat, schema)
	if rerr != nil {
		return nil, rerr
	}
	return builtin(env, "loadTable", value.NewString(url), value.NewString(parts[len(parts)-1]))
}

// Databases lists the databases the schemas of catalogs name, the
// objects a CATALOG_ privilege on them covers; a catalog that doesn't
// exist is an error.
func Databases(env funcs.Env, catalogs []string) ([]string, error) {
	t, err := targetOf(env)
	if err != nil {
		return nil, err
	}
	var dbs []string
	for _, c := range catalogs {
		s, err := t.r.Schemas(c)
		if err != nil {
			return nil, err
		}
		for _, x := range s {
			dbs = append(dbs, x.DBURL)
		}
	}
	return dbs, nil
}

// Objects translates the privilege objects of grant, deny and revoke
// written catalog.schema or catalog.schema.table (catalog.md) into the
// path of the schema's database, or of its table; other objects, and
// dotted names whose first part is no catalog, stay as they are.
func Objects(env funcs.Env, objs []string) ([]string, error) {
	var t target
	for i, obj := range objs {
		parts := strings.Split(obj, ".")
		if len(parts) < 2 || len(parts) > 3 || strings.Contains(obj, "://") || strings.Contains(obj, "::") {
			continue
		}
		if t.r == nil {
			var err error
			if t, err = targetOf(env); err != nil {
				return nil, err
			}
		}
		if !t.r.Exists(parts[0]) {
			continue
		}
		url, err := t.r.Resolve(parts[0], parts[1])
		if err != nil {
			return nil, err
		}
		if len(parts) == 3 {
			url += "/" + parts[2]
		}
		objs[i] = url
	}
	return objs, nil
}
