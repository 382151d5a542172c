package engine

import (
	"github.com/porpoisedb/porpoise/sharedobj"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
)

// Statements lock the shared objects they name (package sharedobj says
// how); the interpreter plans them over its frame and checks the
// session's rights on the DFS tables among them. Wire "function"
// requests (Session.Call) lock the same way.

// planLocks collects the shared names node uses. Local variables shadow
// shared ones, so a name bound in the frame is skipped.
func (in *interp) planLocks(node ast.Node) sharedobj.Plan {
	return sharedobj.PlanLocks(node, func(name string) bool {
		if _, local := in.frame[name]; local {
			return false
		}
		return in.s.eng.shared.Get(name) != nil
	})
}

// lockShared takes the locks node's plan names and returns their release.
func (in *interp) lockShared(node ast.Node) (func(), error) {
	if node == nil || in.s.eng.shared.Len() == 0 {
		return func() {}, nil
	}
	p := in.planLocks(node)
	return in.s.lockObjects(p.Names, nil, p.Write)
}

// lockObjects locks the shared objects registered under names, plus
// those among vals (by identity or as a string naming one), in name
// order, skipping the ones this session holds already. A DFS table
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
