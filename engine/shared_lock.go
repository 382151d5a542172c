package engine

import (
	"slices"
	"strings"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/modules"
	"github.com/porpoisedb/porpoise/sharedobj"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
)

// Statements lock the shared objects they name (package sharedobj says
// how); the interpreter plans them over its frame and checks the
// session's rights on the DFS tables among them. Wire "function"
// requests (Session.Call) lock the same way.

// planLocks plans node's locks over the frame (sharedobj.Scans.Plan).
func (in *interp) planLocks(node ast.Node) (sharedobj.Plan, []value.Value) {
	return in.s.scans.Plan(node, &in.s.eng.shared, planScope{in})
}

// planScope is the planner's view of in (sharedobj.Scope).
type planScope struct{ in *interp }

func (p planScope) Local(name string) (value.Value, bool) {
	v, ok := p.in.frame[name]
	return v, ok
}

// Func finds the script function name calls by resolve's rules: a
// session's definition or a module's function; built-ins and function
// views are no script function of the session's.
func (p planScope) Func(name string, inBody bool, where any) (sharedobj.Def, bool) {
	s, mod := p.in.s, p.in.mod
	if inBody {
		mod, _ = where.(*modules.Module)
	}
	f, ok := s.defs[name]
	if mod != nil || !ok && (len(s.used) > 0 || strings.IndexByte(name, ':') >= 0) {
		d, m, root := s.eng.mods.Func(name, mod, s.used)
		if d != nil {
			return sharedobj.Def{Params: d.Params, Body: d.Body, Where: m}, true
		}
		f, ok = s.defs[root]
	}
	if !ok {
		return sharedobj.Def{}, false
	}
	return p.FuncValue(f)
}

// Gen grows with every change of the session's definitions and imports
// and of the modules loaded system-wide.
func (p planScope) Gen() uint64 { return p.in.s.funcsGen + p.in.s.eng.mods.Gen() }

func (p planScope) FuncValue(v value.Value) (sharedobj.Def, bool) {
	switch f := v.(type) {
	case *userFunc:
		d := sharedobj.Def{Params: f.params, Body: f.body, Where: f.mod}
		for _, c := range f.captured {
			d.Holds = append(d.Holds, c)
		}
		return d, true
	case *partialFunc:
		return sharedobj.Def{Holds: append(slices.Clip(f.bound), f.fn)}, true
	}
	return sharedobj.Def{}, false
}

// lockShared takes the locks node's plan names and returns their release.
func (in *interp) lockShared(node ast.Node) (func(), error) {
	if node == nil || in.s.eng.shared.Len() == 0 {
		return func() {}, nil
	}
	p, handles := in.planLocks(node)
	return in.s.lockObjects(p.Names, handles, p.Write)
}

// lockObjects locks the shared objects registered under names, plus
// those among vals (by identity or as a string naming one) and the
// handles among them, in name order, skipping the ones this session holds already. A DFS table
// shared under a name (share loadTable(...) as t) is checked for the
// session's rights here, so the shared handle is no way around them.
func (s *Session) lockObjects(names []string, vals []value.Value, write bool) (func(), error) {
	objs, err := s.lockable(names, vals, write)
	if err != nil || len(objs) == 0 {
		return func() {}, err
	}
	return s.held.Lock(objs, write)
}

// lockable finds the objects lockObjects locks and checks the session's
// rights on the DFS tables among them.
func (s *Session) lockable(names []string, vals []value.Value, write bool) ([]sharedobj.Entry, error) {
	objs := s.eng.shared.Find(names, vals)
	for _, x := range objs {
		t, dfsTable := x.Obj.V.(Table)
		if !dfsTable {
			continue
		}
		// A guest's write is refused as a write; otherwise reaching the
		// table at all needs TABLE_READ, and writes are checked again
		// where they happen (ptable.Append, SQL update/delete).
		if write {
			if err := s.checkWrite(); err != nil {
				return nil, err
			}
		}
		if err := s.checkScan(t); err != nil {
			return nil, err
		}
	}
	return objs, nil
}

// detach returns v, or a copy of it when it exposes a locked shared
// object's storage.
func (s *Session) detach(v value.Value) value.Value {
	if s.held.Exposes(v) {
		return value.DeepCopy(v)
	}
	return v
}

// IPC in-memory tables (package ipctable) are handles of the engine's
// shared catalog: every session reaches them through a function, not a
// shared name, and the statement lock finds them by identity
// (shared_lock.go).

// PutHandle implements ipctable's host.
func (in *interp) PutHandle(name string, t *value.Table) bool {
	return in.s.eng.shared.PutHandle(name, t)
}

// Handle implements ipctable's host.
func (in *interp) Handle(name string) (*value.Table, bool) { return in.s.eng.shared.Handle(name) }

// Within implements streamengine's host: caller's statement, appending
// to the engine this session computes for, holds what it writes.
func (in *interp) Within(caller funcs.Env) func() {
	if c, ok := caller.(*interp); ok && c.s != in.s {
		return in.s.held.Within(&c.s.held)
	}
	return func() {}
}

// Guard implements streaming.Host.
func (in *interp) Guard(t *value.Table) { in.s.eng.shared.Guard(t) }

// DropHandle implements ipctable's host.
func (in *interp) DropHandle(name string) bool { return in.s.eng.shared.DropHandle(name) }
