package engine

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/engine/alias"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/owner"
)

// DolphinDB's value semantics ("按值赋值", named_func.md, objs/func_call.md):
//   - `x = y` copies: changing y afterwards leaves x as it was. We copy on
//     assignment, and only when the assigned object's storage is still
//     reachable from another variable of the frame (y itself, a table
//     holding y as a column, a slice of y ...); a freshly computed value
//     (x = m.val + 1) is bound without a copy.
//   - function arguments are passed by reference; a parameter without
//     `mutable` can't be modified ("Constant variable [x] can't be
//     modified."), nor passed to a mutating built-in ("Read only object
//     can't be applied to mutable function f"); a `mutable` parameter's
//     changes are the caller's (def f(mutable x){x+=1}; f(x) changes x).

// ownedValue is v, or a deep copy of it when its storage is shared with a
// variable of the frame other than target (whose binding is replaced).
// src, the expression v came from (nil when unknown), often tells which
// variables can share it, which spares a look at every variable: with a
// tuple of a million elements in the frame that look costs milliseconds.
func (in *interp) ownedValue(v value.Value, target string, src ast.Expr) value.Value {
	if t, ok := v.(*value.Table); !value.IsContainer(v) || ok && t.Handle && t.Shared != "" {
		return v // a handle (IPC table, engine input) binds the table itself
	}
	verdict := alias.Unknown
	if in.s.held.Exposes(v) {
		verdict = alias.Shared
	} else if src != nil && in.row == nil {
		verdict = alias.Check(v, target, src, aliasScope{in})
	}
	if verdict == alias.Shared || verdict == alias.Unknown && owner.Reached(in.frame, target, value.HeldVectors(v, nil)) {
		return value.DeepCopy(v)
	}
	return v
}

// aliasScope answers alias.Check's questions about names from the frame
// and the functions the interpreter would call.
type aliasScope struct{ in *interp }

func (a aliasScope) Var(name string) (value.Value, bool) {
	v, ok := a.in.frame[name]
	return v, ok && v != nil
}

func (a aliasScope) Builtin(name string) *funcs.Spec {
	if _, ok := a.in.frame[name]; ok || a.in.self.Method(name) != nil {
		return nil
	}
	f, err := a.in.resolve(name)
	if s, ok := f.(*funcs.Spec); ok && err == nil {
		return s
	}
	return nil
}

func (a aliasScope) Operator(b *ast.BinaryExpr) string { return callOperator(b) }

// ownColumns replaces each column of a newly built table that is still
// reachable from elsewhere (a variable, a shared object, an earlier
// column) by a copy; columns freshly computed by the call's arguments
// (take, rand, x + 1) are kept as they are.
func (in *interp) ownColumns(t *value.Table) { owner.OwnColumns(in.frame, t, in.s.held.Exposes) }

// assignRef runs &y = x: y names the same object as x, so changes through
// either name show in both (progr/data_types_forms/vector.md).
func (in *interp) assignRef(n *ast.AssignStmt) error {
	id := n.Targets[0].(*ast.Ident)
	if err := in.ro.CheckAssign(id); err != nil {
		return err
	}
	if _, ok := in.s.eng.Shared(id.Name); ok && in.frame[id.Name] == nil {
		return ddberr.Errorf("Can't assign a value to the shared variable '%s'.", id.Name)
	}
	v, err := in.eval(n.Value)
	if err != nil {
		return err
	}
	in.frame[id.Name] = v
	return nil
}

// Owns implements query.Env: owner.Alone says when, for a session variable.
func (in *interp) Owns(name string, t *value.Table) bool {
	return in.depth == 0 && !in.s.held.Exposes(t) && owner.Alone(in.frame, name, t)
}
