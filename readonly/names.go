package readonly

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/sqlparse/exprs"
)

// Names are the read-only names of one frame, and its parameters declared
// mutable. The zero value has none; a nil *Names has none and takes none.
type Names struct {
	consts, mutables map[string]bool
}

// Declare makes name read-only: a const statement, or a parameter
// declared without mutable.
func (n *Names) Declare(name string) {
	if n.consts == nil {
		n.consts = map[string]bool{}
	}
	n.consts[name] = true
}

// DeclareMutable records a parameter declared mutable: its changes are the
// caller's.
func (n *Names) DeclareMutable(name string) {
	if n.mutables == nil {
		n.mutables = map[string]bool{}
	}
	n.mutables[name] = true
}

// Mutable reports whether name is a parameter declared mutable.
func (n *Names) Mutable(name string) bool { return n != nil && n.mutables[name] }

// Forget drops name's read-only mark: the variable was undefined, so the
// name may be bound again.
func (n *Names) Forget(name string) {
	if n != nil {
		delete(n.consts, name)
	}
}

// CheckAssign fails when assigning to target would modify a read-only
// variable or rebind the built-in constants pi and e, which DolphinDB
// reads as the comparison pi == v (objs/const.md: e=1 is that error).
func (n *Names) CheckAssign(target ast.Expr) error {
	if id, ok := target.(*ast.Ident); ok && (id.Name == "pi" || id.Name == "e") {
		return ddberr.Errorf("Syntax Error: [line #%d] Please use '==' rather than '=' as equal operator in non-sql expression.", id.At.Line)
	}
	if n == nil || len(n.consts) == 0 {
		return nil
	}
	if name, line := exprs.RootName(target); name != "" && n.consts[name] {
		return ddberr.Errorf("Syntax Error: [line #%d] Constant variable [%s] can't be modified.", line, name)
	}
	return nil
}

// CheckMutableArg fails when a mutating built-in (its name ends in !) is
// applied to a read-only variable.
func (n *Names) CheckMutableArg(fn string, args []ast.Expr) error {
	if n == nil || len(n.consts) == 0 || len(args) == 0 || len(fn) == 0 || fn[len(fn)-1] != '!' {
		return nil
	}
	if id, ok := args[0].(*ast.Ident); ok && n.consts[id.Name] {
		return ddberr.Errorf("Read only object can't be applied to mutable function %s", fn)
	}
	return nil
}
