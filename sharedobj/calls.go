package sharedobj

import (
	"slices"

	"github.com/porpoisedb/porpoise/extpart"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
)

// A statement's plan reaches into the script functions it calls: their
// statements run nested inside it, and a lock one of them took there
// could sort before one the statement holds, so that two sessions
// calling such functions in opposite orders could each wait for the
// other. The plan takes the shared objects every function the statement
// names uses (a session's definition, a module's function, a lambda, a
// function held in a variable or bound in a partial application), and
// those its functions name in turn, up front; a call it can't see (a
// function reached through a value computed at run time) takes its lock
// by Held.Lock's safe path.
//
// What a function's body reaches does not depend on the frame the call
// is made from, so the planner keeps it (Scans.reach) while neither the
// catalog's names nor the scope's functions change: a statement in a
// loop, or the statements of a function called from it, plan from it
// without walking the bodies again.

// Def is a script function as the planner sees it.
type Def struct {
	// Params shadow shared names in Body; a mutable one lets a call
	// change what it is passed.
	Params []ast.Param
	Body   []ast.Stmt
	// Where is where Body's calls are resolved (its module): the
	// interpreter's, given back to Scope.Func. It must be comparable:
	// the planner keeps what a body reaches by body and Where.
	Where any
	// Holds are values the function carries: a closure's captured
	// variables, a partial application's bound arguments and function.
	Holds []value.Value
}

// Scope is what the interpreter tells the planner of the frame a
// statement runs in.
type Scope interface {
	// Local is the frame's variable name, which shadows a shared name.
	Local(name string) (value.Value, bool)
	// Func is the script function a call of name runs: from a body
	// whose Def's Where is where when inBody is set, else from the frame.
	Func(name string, inBody bool, where any) (Def, bool)
	// FuncValue is the script function v is, if it is one.
	FuncValue(v value.Value) (Def, bool)
	// Gen changes whenever what Func answers from a body may change (a
	// definition, an import, a module loaded system-wide), and only
	// grows.
	Gen() uint64
}

// Plan collects the shared names node uses in c, in name order, and the
// tables a statement naming them must lock by identity (Find's vals): a
// variable of s's frame shadows a shared name and may hold handles and
// shared tables itself (AppendHeld), and a handle's own name (the
// argument of loadIPCInMemoryTable) names it. The script functions node
// names, and theirs, add what their bodies use; a call of a function
// with a mutable parameter may write what the statement names, since its
// statements could not take the write lock under a read lock held here.
//
// A plan made where none of node's names was a variable is kept with
// node's scan, and serves again while that holds and neither the
// catalog's names nor s's functions change: the slices it returns are
// then shared, for reading only.
func (sc *Scans) Plan(node ast.Node, c *Catalog, s Scope) (Plan, []value.Value) {
	x := sc.of(node)
	cg, sg := c.gen.Load(), s.Gen()
	if k := x.kept; k != nil && k.catGen == cg && k.scopeG == sg && !anyLocal(x.names, s) {
		return Plan{Names: k.names, Write: k.write}, k.vals
	}
	pl := planner{sc: sc, c: c, s: s, seen: sc.seen}
	pl.p.Write = x.write
	pl.uses(x, nil)
	if len(pl.seen) > 0 {
		pl.p.Names = sortedSet(pl.p.Names)
	}
	sc.seen = pl.seen[:0]
	if !pl.local {
		pl.p.Names, pl.vals = slices.Clip(pl.p.Names), slices.Clip(pl.vals)
		x.kept = &reached{names: pl.p.Names, write: pl.p.Write, vals: pl.vals, catGen: cg, scopeG: sg}
	}
	return pl.p, pl.vals
}

// anyLocal reports whether one of names is a variable of s's frame.
func anyLocal(names []string, s Scope) bool {
	for _, n := range names {
		if _, ok := s.Local(n); ok {
			return true
		}
	}
	return false
}

// planner is one statement's planning.
type planner struct {
	sc   *Scans
	c    *Catalog
	s    Scope
	p    Plan
	vals []value.Value
	// seen are the bodies planned (their first statements' slots), so a
	// recursive function is planned once.
	seen []*ast.Stmt
	// walking is set on the planner of a body's reach (Scans.reach),
	// which walks the bodies its calls reach itself.
	walking bool
	// local is set once one of the statement's names is a variable.
	local bool
}

// uses plans the names x uses, run in the statement's frame when from is
// nil, else in from's body.
func (pl *planner) uses(x *scanned, from *Def) {
	for _, name := range x.names {
		if from == nil {
			if v, ok := pl.s.Local(name); ok {
				pl.local = true
				pl.value(v)
				continue
			}
		} else if isParam(from.Params, name) {
			continue
		}
		shared, handle := pl.c.lookup(name)
		if handle != nil {
			pl.vals = append(pl.vals, handle)
		}
		if shared {
			pl.p.Names = append(pl.p.Names, name)
			pl.p.Write = pl.p.Write || x.writesName(name)
			if v, ok := pl.c.Value(name); ok {
				if _, ok := v.(extpart.Partitioned); ok { // its shared partitions, by identity
					pl.vals = AppendHeld(pl.vals, v)
				}
			}
		}
		if from == nil {
			pl.call(pl.s.Func(name, false, nil))
		} else {
			pl.call(pl.s.Func(name, true, from.Where))
		}
	}
}

// value plans what a variable's value holds: handles and shared tables
// (AppendHeld), and a script function.
func (pl *planner) value(v value.Value) {
	pl.vals = AppendHeld(pl.vals, v)
	pl.call(pl.s.FuncValue(v))
}

// call plans what a call of d uses, if it is a function (ok).
func (pl *planner) call(d Def, ok bool) {
	if !ok {
		return
	}
	pl.p.Write = pl.p.Write || ast.HasMutable(d.Params)
	for _, v := range d.Holds {
		pl.value(v)
	}
	if len(d.Body) == 0 || slices.Contains(pl.seen, &d.Body[0]) {
		return
	}
	pl.seen = append(pl.seen, &d.Body[0])
	if pl.walking {
		pl.uses(pl.sc.body(d.Body), &d)
		return
	}
	r := pl.sc.reach(d, pl.c, pl.s)
	pl.p.Names = append(pl.p.Names, r.names...)
	pl.p.Write = pl.p.Write || r.write
	pl.vals = append(pl.vals, r.vals...)
}

// bodyKey is a body by its first statement's slot, and its module.
type bodyKey struct {
	body  *ast.Stmt
	where any
}

// reached is a plan kept: what a call of a function reaches (the shared
// names its body and the functions it calls use, in name order, whether
// they may write, the tables to lock by identity), or a statement's
// plan; with the generations of the catalog and the scope it was
// planned at.
type reached struct {
	names          []string
	write          bool
	vals           []value.Value
	catGen, scopeG uint64
}

// reach is what a call of d's body reaches, kept in sc until c's names
// or s's functions change. d has a body.
func (sc *Scans) reach(d Def, c *Catalog, s Scope) *reached {
	key := bodyKey{&d.Body[0], d.Where}
	cg, sg := c.gen.Load(), s.Gen()
	if r, ok := sc.reached[key]; ok && r.catGen == cg && r.scopeG == sg {
		return r
	}
	pl := planner{sc: sc, c: c, s: s, seen: []*ast.Stmt{&d.Body[0]}, walking: true}
	pl.uses(sc.body(d.Body), &d)
	r := &reached{names: sortedSet(pl.p.Names), write: pl.p.Write, vals: pl.vals, catGen: cg, scopeG: sg}
	if sc.reached == nil || len(sc.reached) >= scansMax {
		sc.reached = map[bodyKey]*reached{}
	}
	sc.reached[key] = r
	return r
}

// isParam reports whether name is one of params.
func isParam(params []ast.Param, name string) bool {
	for _, p := range params {
		if p.Name == name {
			return true
		}
	}
	return false
}
