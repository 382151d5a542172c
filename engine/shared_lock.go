package engine

import (
	"strings"

	"github.com/porpoisedb/porpoise/sharedobj"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
)

// Statements lock the shared objects they name (package sharedobj says
// how); the interpreter plans them over its frame and checks the
// session's rights on the DFS tables among them. Wire "function"
// requests (Session.Call) lock the same way.

// planLocks collects the shared names node uses, and the handles (IPC
// tables) and shared tables it names: by a variable of the frame, which
// shadows a shared name, holding them itself or in a tuple, dictionary
// or partial application (sharedobj.AppendHeld), or by the handle's own
// name (loadIPCInMemoryTable's argument). A call of a function with a
// mutable parameter may write what the statement names: its statements
// could not take the write lock under the read lock held here.
func (in *interp) planLocks(node ast.Node) (sharedobj.Plan, []value.Value) {
	var handles []value.Value
	mutable := false
	p := in.s.scans.PlanLocks(node, func(name string) bool {
		v, local := in.frame[name]
		mutable = mutable || takesMutable(v) || !local && in.callsMutable(name)
		if local {
			handles = sharedobj.AppendHeld(handles, v)
			return false
		}
		if t, ok := in.s.eng.shared.Handle(name); ok {
			handles = append(handles, t)
		}
		return in.s.eng.shared.Get(name) != nil
	})
	p.Write = p.Write || mutable
	return p, handles
}

// takesMutable reports whether v is a function with a mutable parameter.
func takesMutable(v value.Value) bool {
	switch f := v.(type) {
	case *userFunc:
		return ast.HasMutable(f.params)
	case *partialFunc:
		return takesMutable(f.fn)
	}
	return false
}

// callsMutable reports whether name, not a variable of the frame, calls a
// session's or a module's function with a mutable parameter (resolve's).
func (in *interp) callsMutable(name string) bool {
	f, ok := in.s.defs[name]
	if in.mod != nil || !ok && (len(in.s.used) > 0 || strings.IndexByte(name, ':') >= 0) {
		params, root := in.s.eng.mods.FuncParams(name, in.mod, in.s.used)
		if f, ok = in.s.defs[root]; !ok {
			return ast.HasMutable(params)
		}
	}
	return ok && ast.HasMutable(f.params)
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
	objs := s.eng.shared.Find(names, vals)
	if len(objs) == 0 {
		return func() {}, nil
	}
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
	return s.held.Lock(objs, write), nil
}

// detach returns v, or a copy of it when it exposes a locked shared
// object's storage.
func (s *Session) detach(v value.Value) value.Value {
	if s.held.Exposes(v) {
		return value.DeepCopy(v)
	}
	return v
}
