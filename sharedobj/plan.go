package sharedobj

import (
	"slices"
	"sort"
	"strings"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/sqlparse/astwalk"
)

// writingFuncs change an object they name without a '!' in their name.
var writingFuncs = map[string]bool{
	"tableInsert": true, "insert": true, "undef": true, "share": true,
	"append": true, "push": true, "erase": true, "clear": true,
	"update": true, "upsert": true, "sortBy": true,
}

// IsWritingFunc reports whether calling name can change its arguments.
func IsWritingFunc(name string) bool {
	if strings.HasSuffix(name, "!") || writingFuncs[name] {
		return true
	}
	if s, ok := funcs.Lookup(name); ok && s.Props&funcs.Mutating != 0 {
		return true
	}
	return false
}

// Plan is the set of shared names a statement uses, in name order, and
// whether it may write.
type Plan struct {
	Names []string
	Write bool
}

// Scans keeps what statements' and function bodies' text says about
// their locks (scan), so that a loop's body or a function called in it
// is walked once, not on every pass. Only its session's goroutine uses
// it; past scansMax trees it starts over, so the trees of scripts run
// long ago are not kept.
type Scans struct {
	m map[ast.Node]*scanned
	// bodies are function bodies' scans by their first statement's
	// slot, seen the bodies one plan reached (calls.go).
	bodies map[*ast.Stmt]*scanned
	seen   []*ast.Stmt
	// reached are what calls of function bodies reach (calls.go).
	reached map[bodyKey]*reached
}

const scansMax = 4096

// scanned is what a statement's or a function body's text says about
// its locks: every name it uses (identifiers and strings) in name order;
// whether it writes as a whole (a statement: an assignment, a '!' or
// otherwise mutating call, SQL DML); and, in name order, the names used
// by the writing statements of the bodies it holds (a lambda's, or a
// function body's own statements), which need the write lock only if
// they are shared.
type scanned struct {
	names  []string
	write  bool
	writes []string
	// kept is the statement's last plan, where no name was a variable
	// (Scans.Plan).
	kept *reached
}

// writesName reports whether x writes when it uses name.
func (x *scanned) writesName(name string) bool {
	if x.write {
		return true
	}
	_, found := slices.BinarySearch(x.writes, name)
	return found
}

// of is node's scan, kept in sc.
func (sc *Scans) of(node ast.Node) *scanned {
	x, ok := sc.m[node]
	if !ok {
		if sc.m == nil || len(sc.m) >= scansMax {
			sc.m = map[ast.Node]*scanned{}
		}
		x = scan(node)
		sc.m[node] = x
	}
	return x
}

// body is the scan of a function body, each statement's names written
// by it only if that statement writes, kept in sc under its first
// statement's slot (a body with none uses nothing).
func (sc *Scans) body(stmts []ast.Stmt) *scanned {
	x, ok := sc.bodies[&stmts[0]]
	if !ok {
		if sc.bodies == nil || len(sc.bodies) >= scansMax {
			sc.bodies = map[*ast.Stmt]*scanned{}
		}
		x = scanBody(stmts)
		sc.bodies[&stmts[0]] = x
	}
	return x
}

// scan is what node's text says about its locks. A definition in it runs
// later, under its own statements' locks; a lambda's body may run during
// the statement (each(x -> t[x], 0 1)), so its names are the statement's
// too, written if its own statement writes.
func scan(node ast.Node) *scanned {
	x := &scanned{}
	fnName := func(e ast.Expr) string {
		if id, ok := e.(*ast.Ident); ok {
			return id.Name
		}
		return ""
	}
	var visit func(n ast.Node) bool
	visit = func(n ast.Node) bool {
		switch t := n.(type) {
		case *ast.Ident:
			x.names = append(x.names, t.Name)
		case *ast.Literal:
			if t.Kind == ast.LitString {
				x.names = append(x.names, t.Text)
			}
		case *ast.AssignStmt, *ast.InsertStmt, *ast.UpdateStmt, *ast.DeleteStmt, *ast.ShareStmt:
			x.write = true
		case *ast.CallExpr:
			if IsWritingFunc(fnName(t.Fn)) {
				x.write = true
			}
		case *ast.PartialExpr:
			if IsWritingFunc(fnName(t.Fn)) {
				x.write = true
			}
		case *ast.AssertStmt:
			// Inspect does not descend into these two.
			visitExprs(visit, t.Case, t.X)
			return false
		case *ast.ThrowStmt:
			visitExprs(visit, t.X)
			return false
		case *ast.DefStmt:
			return false
		case *ast.LambdaExpr:
			for _, p := range t.Params {
				visitExprs(visit, p.Default)
			}
			x.merge(scanBody(t.Body))
			return false
		}
		return true
	}
	astwalk.Inspect(node, visit)
	x.names, x.writes = sortedSet(x.names), sortedSet(x.writes)
	return x
}

// scanBody is the scan of a body's statements together.
func scanBody(stmts []ast.Stmt) *scanned {
	x := &scanned{}
	for _, st := range stmts {
		x.merge(scan(st))
	}
	x.names, x.writes = sortedSet(x.names), sortedSet(x.writes)
	return x
}

// merge adds the names a statement of a body x holds uses.
func (x *scanned) merge(st *scanned) {
	x.names = append(x.names, st.names...)
	if st.write {
		x.writes = append(x.writes, st.names...)
	} else {
		x.writes = append(x.writes, st.writes...)
	}
}

// sortedSet sorts names and drops repeats.
func sortedSet(names []string) []string {
	sort.Strings(names)
	return slices.Compact(names)
}

// visitExprs inspects each non-nil expression with f.
func visitExprs(f func(ast.Node) bool, xs ...ast.Expr) {
	for _, x := range xs {
		if x != nil {
			astwalk.Inspect(x, f)
		}
	}
}
