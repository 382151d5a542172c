package sqljoin

import (
	"context"

	"github.com/porpoisedb/porpoise/dfs"
	"github.com/porpoisedb/porpoise/join"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
)

// Env is what a table joiner needs from the interpreter calling it.
type Env interface {
	// DFSTable is the partitioned (or dimension) table a script value
	// stands for (loadTable's result), if it is one.
	DFSTable(v value.Value) (*dfs.Table, bool)
	// ReadTable reads the partitioned (or dimension) table t whole, after
	// checking the session may read it.
	ReadTable(t *dfs.Table) (*value.Table, error)
	// NullSafeJoin reports the enableNullSafeJoin setting: NULL keys
	// match each other in joins.
	NullSafeJoin() bool
	// Context is the request's: a cancelled one stops a join.
	Context() context.Context
}

// Host is what the joins of a query need from the query running them.
type Host interface {
	Env
	// Eval evaluates e outside any table's scope (FROM items, joiner
	// arguments).
	Eval(e ast.Expr) (value.Value, error)
	// EvalTable evaluates e with t's columns in scope.
	EvalTable(t *value.Table, e ast.Expr) (value.Value, error)
	// Bind makes names visible to Eval and EvalTable (metacode's
	// captured values) until the returned function restores them.
	Bind(names map[string]value.Value) (restore func())
	// IsAggregate reports whether name is a built-in aggregate (not a
	// user function of the session).
	IsAggregate(name string) bool
	// ResolveTable finds the table a FROM item names by a string.
	ResolveTable(name string) (value.Value, error)
	// Where evaluates conditions (all must hold) over t's rows, one flag
	// per row; qual resolves table-qualified columns (lower-case table
	// -> lower-case column -> column of t).
	Where(t *value.Table, qual map[string]map[string]string, conds []ast.Expr) ([]bool, error)
}

// filtered are the joiners with leftFilter and rightFilter parameters
// (equijoin.md, leftjoin.md).
var filtered = map[join.Kind]bool{join.Equi: true, join.SortedEqui: true, join.Left: true, join.LeftSemi: true}

// HasFilters reports whether the joiner kind takes the leftFilter and
// rightFilter arguments.
func HasFilters(kind join.Kind) bool { return filtered[kind] }
