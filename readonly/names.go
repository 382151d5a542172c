package readonly

import (
	"maps"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/sqlparse/exprs"
)

// Names are the read-only names of one frame, and its parameters declared
// mutable. The zero value has none; a nil *Names has none and takes none.
type Names struct {
	consts, mutables nameSet
}

// nameSet is a set of names: a slice while it is small, as a function's
// few parameters are (every call declares them in a new frame, and a map
// would be allocated per call), and a map once it is not, as a session's
// constants may be.
type nameSet struct {
	few  []string
	many map[string]bool
}

// smallSet is how many names nameSet keeps in its slice.
const smallSet = 16

func (s *nameSet) add(name string) {
	switch {
	case s.has(name):
	case s.many != nil:
		s.many[name] = true
	case len(s.few) < smallSet:
		s.few = append(s.few, name)
	default:
		s.many = make(map[string]bool, 2*smallSet)
		for _, f := range s.few {
			s.many[f] = true
		}
		s.many[name] = true
		s.few = nil
	}
}

func (s *nameSet) has(name string) bool {
	if s.many != nil {
		return s.many[name]
	}
	for _, f := range s.few {
		if f == name {
			return true
		}
	}
	return false
}

func (s *nameSet) remove(name string) {
	if s.many != nil {
		delete(s.many, name)
		return
	}
	for i, f := range s.few {
		if f == name {
			// a fresh array: a forked set may share this one (fork)
			s.few = append(s.few[:i:i], s.few[i+1:]...)
			return
		}
	}
}

// fork is a copy of s that shares its slice but can't write to it: an
// add appends past the slice's capacity and a remove copies.
func (s *nameSet) fork() nameSet {
	if s.many != nil {
		return nameSet{many: maps.Clone(s.many)}
	}
	return nameSet{few: s.few[:len(s.few):len(s.few)]}
}

func (s *nameSet) empty() bool { return len(s.few) == 0 && len(s.many) == 0 }

// Declare makes name read-only: a const statement, or a parameter
// declared without mutable.
func (n *Names) Declare(name string) {
	n.consts.add(name)
}

// Fork is a copy of n that changes to either leave the other as it was.
// A function's parameters are declared once in names that every call
// forks, so a call allocates none for them.
func (n *Names) Fork() Names {
	return Names{consts: n.consts.fork(), mutables: n.mutables.fork()}
}

// DeclareMutable records a parameter declared mutable: its changes are the
// caller's.
func (n *Names) DeclareMutable(name string) {
	n.mutables.add(name)
}

// Mutable reports whether name is a parameter declared mutable.
func (n *Names) Mutable(name string) bool { return n != nil && n.mutables.has(name) }

// Forget drops name's read-only mark: the variable was undefined, so the
// name may be bound again.
func (n *Names) Forget(name string) {
	if n != nil {
		n.consts.remove(name)
	}
}

// CheckAssign fails when assigning to target would modify a read-only
// variable or rebind the built-in constants pi and e, which DolphinDB
// reads as the comparison pi == v (objs/const.md: e=1 is that error).
func (n *Names) CheckAssign(target ast.Expr) error {
	if id, ok := target.(*ast.Ident); ok && (id.Name == "pi" || id.Name == "e") {
		return ddberr.Errorf("Syntax Error: [line #%d] Please use '==' rather than '=' as equal operator in non-sql expression.", id.At.Line)
	}
	if n == nil || n.consts.empty() {
		return nil
	}
	if name, line := exprs.RootName(target); name != "" && n.consts.has(name) {
		return ddberr.Errorf("Syntax Error: [line #%d] Constant variable [%s] can't be modified.", line, name)
	}
	return nil
}

// CheckMutableArg fails when a mutating built-in (its name ends in !) is
// applied to a read-only variable.
func (n *Names) CheckMutableArg(fn string, args []ast.Expr) error {
	if n == nil || n.consts.empty() || len(args) == 0 || len(fn) == 0 || fn[len(fn)-1] != '!' {
		return nil
	}
	if id, ok := args[0].(*ast.Ident); ok && n.consts.has(id.Name) {
		return ddberr.Errorf("Read only object can't be applied to mutable function %s", fn)
	}
	return nil
}
