package alias

import (
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/owner"
)

// Scope is what the analysis asks of the interpreter about names.
type Scope interface {
	// Var is the value of the frame variable called name.
	Var(name string) (value.Value, bool)
	// Builtin is the built-in that a call of name runs here: nil when
	// the name is a variable, a user function, a method of the running
	// object or anything else.
	Builtin(name string) *funcs.Spec
	// Operator is the built-in a binary operator stands for (a <- b is
	// join), or "" when the operator itself is applied.
	Operator(b *ast.BinaryExpr) string
}

// Verdict is what Check found.
type Verdict int

const (
	// Unknown means the expression's shape says nothing: the caller must
	// look at every variable.
	Unknown Verdict = iota
	// Fresh means no variable reaches the value's storage.
	Fresh
	// Shared means a variable other than the target reaches it.
	Shared
)

// Check tells whether v, the value of e about to be bound to the
// variable target, shares storage with another variable. Operators and
// the computational built-ins (kernels) return new storage or parts of
// their arguments, never anything else, so v can only share what the
// variables e names hold; a literal or a computation over literals holds
// nothing any variable holds.
func Check(v value.Value, target string, e ast.Expr, s Scope) Verdict {
	var vars []string
	if !sources(e, s, &vars) {
		return Unknown
	}
	var mine, theirs []*value.Vector
	for _, name := range vars {
		w, _ := s.Var(name)
		if mine == nil {
			mine = value.HeldVectors(v, nil)
		}
		theirs = value.HeldVectors(w, theirs[:0])
		if !owner.SharesAny(mine, theirs) {
			continue
		}
		if name == target {
			// the target's old value goes, but another variable may share
			// its storage too
			return Unknown
		}
		return Shared
	}
	return Fresh
}

// sources appends to vars the variables e's value may share storage
// with, and reports false when e's shape does not bound them.
func sources(e ast.Expr, s Scope, vars *[]string) bool {
	switch n := e.(type) {
	case *ast.Literal, *ast.SymbolVector:
		return true
	case *ast.Ident:
		w, ok := s.Var(n.Name)
		if !ok || !owner.Plain(w) {
			return false
		}
		*vars = append(*vars, n.Name)
		return true
	case *ast.ParenExpr:
		return sources(n.X, s, vars)
	case *ast.UnaryExpr:
		return sources(n.X, s, vars)
	case *ast.BinaryExpr:
		if name := s.Operator(n); name != "" && !kernel(s.Builtin(name)) {
			return false
		}
		return sources(n.L, s, vars) && sources(n.R, s, vars)
	case *ast.VectorLit:
		return all(n.Elems, s, vars)
	case *ast.ArrayExpr:
		return all(n.Elems, s, vars)
	case *ast.TupleExpr:
		return all(n.Elems, s, vars)
	case *ast.TernaryExpr:
		return all([]ast.Expr{n.Cond, n.Then, n.Else}, s, vars)
	case *ast.DictExpr:
		return all(n.Keys, s, vars) && all(n.Values, s, vars)
	case *ast.IndexExpr:
		// x[i] is a part of x or new; a function as x or i (a call, a
		// filter) is not a plain variable and stops the analysis
		return n.Index != nil && sources(n.X, s, vars) && sources(n.Index, s, vars)
	case *ast.CallExpr:
		id, ok := n.Fn.(*ast.Ident)
		if !ok {
			return false
		}
		spec := s.Builtin(id.Name)
		if spec != nil && spec.Props.Has(funcs.Owned) {
			return true
		}
		if !kernel(spec) {
			return false
		}
		for _, a := range n.Args {
			if na, ok := a.(*ast.NamedArg); ok {
				a = na.X
			}
			if a != nil && !sources(a, s, vars) {
				return false
			}
		}
		return true
	}
	return false
}

func all(es []ast.Expr, s Scope, vars *[]string) bool {
	for _, e := range es {
		if !sources(e, s, vars) {
			return false
		}
	}
	return true
}

// kernelCategories are the reference's categories of built-ins that
// compute from their arguments alone. The others (system, metaprogramming,
// higher-order, streaming, db-table, ...) may read variables, shared
// objects or code (eval, objByName, call) and so may return storage no
// argument names.
var kernelCategories = map[string]bool{
	"statistics": true, "types-conversion": true, "math": true, "string": true,
	"temporal": true, "data-processing": true, "lookup": true, "null-fill": true,
	"moving": true, "row-wise": true, "finance": true, "encoding": true,
	"cumulative": true, "sort": true, "grouping": true, "time-moving": true,
	"series": true, "reshape": true, "merge": true, "correlation": true,
	"shift": true, "distributions": true, "relational": true, "replace": true,
	"logical": true, "filter": true, "cut": true, "align": true,
	"moving-topn": true, "generate": true,
}

// kernel reports whether calling spec returns only new storage or parts
// of its arguments.
func kernel(spec *funcs.Spec) bool {
	return spec != nil && spec.Props&(funcs.Session|funcs.Mutating|funcs.Command) == 0 && kernelCategories[spec.Category]
}
