package sharedobj

import (
	"sort"
	"strings"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/sqlparse"
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

// PlanLocks collects the shared names node uses: shared reports whether
// a name stands for a shared object (false for a variable of the frame,
// which shadows it).
func PlanLocks(node sqlparse.Node, shared func(name string) bool) Plan {
	var p Plan
	seen := map[string]bool{}
	add := func(name string) {
		if seen[name] {
			return
		}
		seen[name] = true
		if shared(name) {
			p.Names = append(p.Names, name)
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
			p.Write = true
		case *sqlparse.CallExpr:
			if IsWritingFunc(fnName(t.Fn)) {
				p.Write = true
			}
		case *sqlparse.PartialExpr:
			if IsWritingFunc(fnName(t.Fn)) {
				p.Write = true
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
	astwalk.Inspect(node, visit)
	sort.Strings(p.Names)
	return p
}

// visitExprs inspects each non-nil expression with f.
func visitExprs(f func(sqlparse.Node) bool, xs ...sqlparse.Expr) {
	for _, x := range xs {
		if x != nil {
			astwalk.Inspect(x, f)
		}
	}
}
