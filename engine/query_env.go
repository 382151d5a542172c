package engine

import (
	"github.com/porpoisedb/porpoise/auth"
	"github.com/porpoisedb/porpoise/dfs"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/system"
	"github.com/porpoisedb/porpoise/query"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
)

// The interpreter is the Env of the SQL statements it runs.
var _ query.Env = (*interp)(nil)

// EvalIn implements query.Env: scope's columns shadow the frame's
// variables while e runs.
func (in *interp) EvalIn(scope *query.Scope, e ast.Expr) (value.Value, error) {
	saved := in.row
	in.row = scope
	defer func() { in.row = saved }()
	return in.eval(e)
}

// ResolveTable implements query.Env.
func (in *interp) ResolveTable(name string) (value.Value, error) {
	return in.resolveTable(value.NewString(name))
}

// ScriptFunction implements query.Env.
func (in *interp) ScriptFunction(name string) (user, aggregate bool) {
	f, user := in.s.defs[name]
	return user, user && f.aggregate
}

// Schema implements query.Env.
func (in *interp) Schema(target value.Value) ([]string, []value.Type, error) {
	return in.schemaOf(target)
}

// Insert implements query.Env.
func (in *interp) Insert(target value.Value, src *value.Table) error {
	_, err := system.InsertRows(in, target, []value.Value{src}, true)
	return err
}

// CheckTableRead implements query.Env.
func (in *interp) CheckTableRead(t *dfs.Table) error {
	return in.s.checkTableRead(t)
}

// CheckTableWrite implements query.Env.
func (in *interp) CheckTableWrite(t *dfs.Table, kind auth.Priv) error {
	return in.s.checkTableWrite(t, kind)
}

// CheckShared implements query.Env.
func (in *interp) CheckShared(name string, write bool) error {
	return in.s.checkSharedAccess(name, write)
}

// NullSafeJoin implements query.Env.
func (in *interp) NullSafeJoin() bool { return in.s.eng.cfg.EnableNullSafeJoin }

// BuiltinProps implements query.Env: every built-in, the interpreter's
// own included, is in the funcs registry, which states its properties,
// so there are none to add.
func (in *interp) BuiltinProps(string, value.Value) (funcs.Props, bool) { return 0, false }

// Bind implements query.Env.
func (in *interp) Bind(vars map[string]value.Value) func() { return in.bind(vars) }
