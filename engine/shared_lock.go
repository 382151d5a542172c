package engine

import (
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/sqlparse"
	"github.com/porpoisedb/porpoise/value"
)

// Shared objects (tables, dictionaries, sets, stream tables) are used by
// every session at once, and script reaches them through many paths:
// SQL, x[i], x.col, x[i]=v, size(x), x.append!(y), passing x to any
// built-in. Rather than lock at each of those call sites, the
// interpreter locks at the statement boundary: before a simple statement
// (or a loop/if condition) runs, it takes the lock of every shared object
// the statement names — for writing if the statement can change
// anything (an assignment, a '!' or otherwise mutating call, SQL DML),
// for reading otherwise — and releases them when it ends, panics
// included. Locks are taken in name order so two statements can't
// deadlock each other, and a session never re-takes a lock it already
// holds (a user function called from a locked statement). Wire
// "function" requests (Session.Call) lock the same way. The object's own
// locks (value.Table.Mu, taken by tableInsert and SQL internally) nest
// inside this one, so every path orders them alike.

// sharedObj is one entry of the engine's shared-object catalog: the value
// and the lock sessions take around statements that use it.
type sharedObj struct {
	v  value.Value
	mu sync.RWMutex
	// owner is the user who shared it; controlled is set by
	// addAccessControl or a grant on it (package authfuncs, through
	// the interpreter's ControlShared).
	owner      string
	controlled atomic.Bool
}

func newSharedObj(v value.Value) *sharedObj { return &sharedObj{v: v} }

// sharedEntry is the catalog entry registered under name.
func (e *Engine) sharedEntry(name string) *sharedObj {
	e.mu.RLock()
	defer e.mu.RUnlock()
	return e.shared[name]
}

// sharedCount is how many objects are shared; 0 lets statements skip the
// lock planning.
func (e *Engine) sharedCount() int {
	e.mu.RLock()
	defer e.mu.RUnlock()
	return len(e.shared)
}

// writingFuncs change an object they name without a '!' in their name.
var writingFuncs = map[string]bool{
	"tableInsert": true, "insert": true, "undef": true, "share": true,
	"append": true, "push": true, "erase": true, "clear": true,
	"update": true, "upsert": true, "sortBy": true,
}

// isWritingFunc reports whether calling name can change its arguments.
func isWritingFunc(name string) bool {
	if strings.HasSuffix(name, "!") || writingFuncs[name] {
		return true
	}
	if s, ok := funcs.Lookup(name); ok && s.Props&funcs.Mutating != 0 {
		return true
	}
	return false
}

// lockPlan is the set of shared names a statement uses and whether it
// may write.
type lockPlan struct {
	names []string
	write bool
}

// planLocks collects the shared names node uses. Local variables shadow
// shared ones, so a name bound in the frame is skipped.
func (in *interp) planLocks(node sqlparse.Node) lockPlan {
	var p lockPlan
	seen := map[string]bool{}
	add := func(name string) {
		if seen[name] {
			return
		}
		seen[name] = true
		if _, local := in.frame[name]; local {
			return
		}
		if in.s.eng.sharedEntry(name) != nil {
			p.names = append(p.names, name)
		}
	}
	fnName := func(x sqlparse.Expr) string {
		if id, ok := x.(*sqlparse.Ident); ok {
			return id.Name
		}
		return ""
	}
	var visit func(n sqlparse.Node) bool
	visit = func(n sqlparse.Node) bool {
		switch t := n.(type) {
		case *sqlparse.Ident:
			add(t.Name)
		case *sqlparse.Literal:
			if t.Kind == sqlparse.LitString {
				add(t.Text)
			}
		case *sqlparse.AssignStmt, *sqlparse.InsertStmt, *sqlparse.UpdateStmt, *sqlparse.DeleteStmt, *sqlparse.ShareStmt:
			p.write = true
		case *sqlparse.CallExpr:
			if isWritingFunc(fnName(t.Fn)) {
				p.write = true
			}
		case *sqlparse.PartialExpr:
			if isWritingFunc(fnName(t.Fn)) {
				p.write = true
			}
		case *sqlparse.AssertStmt:
			// Inspect does not descend into these two.
			visitExprs(visit, t.Case, t.X)
			return false
		case *sqlparse.ThrowStmt:
			visitExprs(visit, t.X)
			return false
		case *sqlparse.DefStmt, *sqlparse.LambdaExpr:
			// A definition runs later, under its own statements' locks.
			return false
		}
		return true
	}
	sqlparse.Inspect(node, visit)
	sort.Strings(p.names)
	return p
}

// lockShared takes the locks node's plan names and returns their release.
func (in *interp) lockShared(node sqlparse.Node) (func(), error) {
	if node == nil || in.s.eng.sharedCount() == 0 {
		return func() {}, nil
	}
	p := in.planLocks(node)
	return in.s.lockObjects(p.names, nil, p.write)
}

// lockObjects locks the shared objects registered under names, plus
// those among vals (by identity or as a string naming one), in name
// order, skipping the ones this session holds already. A DFS table
// shared under a name (share loadTable(...) as t) is checked for the
// session's rights here, so the shared handle is no way around them.
func (s *Session) lockObjects(names []string, vals []value.Value, write bool) (func(), error) {
	e := s.eng
	type entry struct {
		name string
		o    *sharedObj
	}
	var objs []entry
	e.mu.RLock()
	for _, n := range names {
		if o := e.shared[n]; o != nil {
			objs = append(objs, entry{n, o})
		}
	}
	if len(vals) > 0 {
		for n, o := range e.shared {
			for _, v := range vals {
				if v == o.v {
					objs = append(objs, entry{n, o})
					break
				}
				if sc, ok := v.(*value.Scalar); ok && !sc.Null && sc.T == value.String && sc.S == n {
					objs = append(objs, entry{n, o})
					break
				}
			}
		}
	}
	e.mu.RUnlock()
	if len(objs) == 0 {
		return func() {}, nil
	}
	for _, x := range objs {
		if _, dfsTable := x.o.v.(Table); !dfsTable {
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
		if err := s.checkScan(x.o.v.(Table)); err != nil {
			return nil, err
		}
	}
	sort.Slice(objs, func(i, j int) bool { return objs[i].name < objs[j].name })
	var taken []*sharedObj
	for i, x := range objs {
		if i > 0 && objs[i-1].o == x.o {
			continue
		}
		if s.held[x.o] {
			continue
		}
		if write {
			x.o.mu.Lock()
		} else {
			x.o.mu.RLock()
		}
		if s.held == nil {
			s.held = map[*sharedObj]bool{}
		}
		s.held[x.o] = true
		taken = append(taken, x.o)
	}
	return func() {
		for i := len(taken) - 1; i >= 0; i-- {
			o := taken[i]
			delete(s.held, o)
			if write {
				o.mu.Unlock()
			} else {
				o.mu.RUnlock()
			}
		}
	}, nil
}

// sharesHeld reports whether v exposes storage of a shared object whose
// lock this session holds: such a value must not outlive the statement
// uncopied, or its reader would race the object's next writer.
func (s *Session) sharesHeld(v value.Value) bool {
	if len(s.held) == 0 || !value.IsContainer(v) {
		return false
	}
	mine := value.HeldVectors(v, nil)
	var buf []*value.Vector
	for o := range s.held {
		buf = value.HeldVectors(o.v, buf[:0])
		for _, a := range mine {
			for _, b := range buf {
				if value.SharesStorage(a, b) {
					return true
				}
			}
		}
	}
	return false
}

// detach returns v, or a copy of it when it exposes a locked shared
// object's storage.
func (s *Session) detach(v value.Value) value.Value {
	if s.sharesHeld(v) {
		return value.DeepCopy(v)
	}
	return v
}

// visitExprs inspects each non-nil expression with f.
func visitExprs(f func(sqlparse.Node) bool, xs ...sqlparse.Expr) {
	for _, x := range xs {
		if x != nil {
			sqlparse.Inspect(x, f)
		}
	}
}
