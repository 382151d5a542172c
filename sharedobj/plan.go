package sharedobj

import (
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

// Scans keeps what statements' text says about their locks (scan), so
// that a loop's body is walked once, not on every pass. Only its
// session's goroutine uses it; past scansMax statements it starts over,
// so the trees of scripts run long ago are not kept.
type Scans struct {
	m map[ast.Node]Plan
}

const scansMax = 4096

// PlanLocks collects the shared names node uses: shared reports whether
// a name stands for a shared object (false for a variable of the frame,
// which shadows it).
func (sc *Scans) PlanLocks(node ast.Node, shared func(name string) bool) Plan {
	all, ok := sc.m[node]
	if !ok {
		if sc.m == nil || len(sc.m) >= scansMax {
			sc.m = map[ast.Node]Plan{}
		}
		all = scan(node)
		sc.m[node] = all
	}
	p := Plan{Write: all.Write}
	for _, name := range all.Names {
		if shared(name) {
			p.Names = append(p.Names, name)
		}
	}
	return p
}

// scan is every name node uses (identifiers and strings), in name order,
// and whether it may write.
func scan(node ast.Node) Plan {
	var p Plan
	seen := map[string]bool{}
	add := func(name string) {
		if !seen[name] {
			seen[name] = true
			p.Names = append(p.Names, name)
		}
	}
	fnName := func(x ast.Expr) string {
		if id, ok := x.(*ast.Ident); ok {
			return id.Name
		}
		return ""
	}
	var visit func(n ast.Node) bool
	visit = func(n ast.Node) bool {
		switch t := n.(type) {
		case *ast.Ident:
			add(t.Name)
		case *ast.Literal:
			if t.Kind == ast.LitString {
				add(t.Text)
			}
		case *ast.AssignStmt, *ast.InsertStmt, *ast.UpdateStmt, *ast.DeleteStmt, *ast.ShareStmt:
			p.Write = true
		case *ast.CallExpr:
			if IsWritingFunc(fnName(t.Fn)) {
				p.Write = true
			}
		case *ast.PartialExpr:
			if IsWritingFunc(fnName(t.Fn)) {
				p.Write = true
			}
		case *ast.AssertStmt:
			// Inspect does not descend into these two.
			visitExprs(visit, t.Case, t.X)
			return false
		case *ast.ThrowStmt:
			visitExprs(visit, t.X)
			return false
		case *ast.DefStmt, *ast.LambdaExpr:
			// A definition runs later, under its own statements' locks.
			return false
		}
		return true
	}
	astwalk.Inspect(node, visit)
	sort.Strings(p.Names)
	return p
}

// visitExprs inspects each non-nil expression with f.
func visitExprs(f func(ast.Node) bool, xs ...ast.Expr) {
	for _, x := range xs {
		if x != nil {
			astwalk.Inspect(x, f)
		}
	}
}
