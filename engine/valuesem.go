package engine

import (
	"github.com/porpoisedb/porpoise/ddberr"
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
func (in *interp) ownedValue(v value.Value, target string) value.Value {
	if t, ok := v.(*value.Table); !value.IsContainer(v) || ok && t.Handle && t.Shared != "" {
		return v // a handle (IPC table, engine input) binds the table itself
	}
	if in.reachable(v, target) {
		return value.DeepCopy(v)
	}
	return v
}

// reachable reports whether v's storage is shared with a locked shared
// object or with a variable of the frame other than target.
func (in *interp) reachable(v value.Value, target string) bool {
	return in.s.held.Exposes(v) || owner.Reached(in.frame, target, value.HeldVectors(v, nil))
}

// ownColumns replaces each column of a newly built table that is still
// reachable from elsewhere (a variable, a shared object, an earlier
// column) by a copy; columns freshly computed by the call's arguments
// (take, rand, x + 1) are kept as they are.
func (in *interp) ownColumns(t *value.Table) { owner.OwnColumns(in.frame, t, in.s.held.Exposes) }

// storeInPlace makes a mutable parameter's new value visible to the
// caller by overwriting the object the caller passed; false when the old
// and new values are of different kinds.
func storeInPlace(old, v value.Value) bool {
	switch o := old.(type) {
	case *value.Scalar:
		if n, ok := v.(*value.Scalar); ok {
			*o = *n
			return true
		}
	case *value.Vector:
		if n, ok := v.(*value.Vector); ok {
			*o = *n
			return true
		}
	case *value.Matrix:
		if n, ok := v.(*value.Matrix); ok {
			*o = *n
			return true
		}
	}
	return false
}

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
