package query

import (
	"context"
	"strings"

	"github.com/porpoisedb/porpoise/auth"
	"github.com/porpoisedb/porpoise/dfs"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/join"
	"github.com/porpoisedb/porpoise/query/sqljoin"
	"github.com/porpoisedb/porpoise/restrack"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
)

// Env is what a query needs from the interpreter running it.
type Env interface {
	// EvalIn evaluates e in the interpreter's current frame; when scope is
	// not nil its columns are seen ahead of variables (and * is its
	// table), as inside a SQL clause.
	EvalIn(scope *Scope, e ast.Expr) (value.Value, error)
	// ResolveTable finds the table a FROM clause names by a string (a
	// shared table or a variable).
	ResolveTable(name string) (value.Value, error)
	// ScriptFunction reports whether name is a function the session
	// defined (those run per group as they are, never as a built-in
	// aggregate) and whether it is an aggregate one (defg).
	ScriptFunction(name string) (user, aggregate bool)
	// Schema lists an insert target's column names and types.
	Schema(target value.Value) ([]string, []value.Type, error)
	// Insert appends src to target by position with INSERT INTO's rules.
	Insert(target value.Value, src *value.Table) error
	// Context is the running statement's context (cancellation).
	Context() context.Context
	// DFSTable is the partitioned (or dimension) table a script value
	// stands for (loadTable's result), if it is one.
	DFSTable(v value.Value) (*dfs.Table, bool)
	// CheckTableRead fails when the session may not read t.
	CheckTableRead(t *dfs.Table) error
	// CheckTableWrite fails when the session may not change t that way.
	CheckTableWrite(t *dfs.Table, kind auth.Priv) error
	// CheckShared fails when the session may not read (or write) the
	// shared in-memory table called name.
	CheckShared(name string, write bool) error
	// NullSafeJoin reports the enableNullSafeJoin setting: NULL keys
	// match each other in joins.
	NullSafeJoin() bool
	// BuiltinProps reports the properties of a built-in the funcs
	// registry does not hold yet (fn is the value the name evaluated to),
	// which partition pruning needs to know a call is safe.
	BuiltinProps(name string, fn value.Value) (funcs.Props, bool)
	// Bind makes each name a variable holding its value (the tables of a
	// with statement) and returns the function that restores what the
	// names held before.
	Bind(vars map[string]value.Value) (restore func())
	// Owns reports whether t, the value of the variable called name, is
	// the only thing that can see its columns' storage, so a statement may
	// change that storage in place.
	Owns(name string, t *value.Table) bool
}

// Scope is the table whose columns a SQL clause sees.
type Scope struct {
	t *value.Table
	// qual resolves table-qualified columns (t1.id) in a query over a
	// SQL join: lower-case table name -> lower-case column -> result
	// column; nil otherwise.
	qual map[string]map[string]string
	// from is the name FROM gives its one table (t or the alias s of
	// `from t as s`), whose columns from.col names; "" otherwise.
	from string
}

// NewScope puts t's columns in scope.
func NewScope(t *value.Table) *Scope { return &Scope{t: t} }

// Column is the column called name, if the table has it.
func (s *Scope) Column(name string) (value.Value, bool) {
	if hidden, ok := s.qual[sqljoin.Unqualified][strings.ToLower(name)]; ok {
		name = hidden
	}
	if c := s.t.Column(name); c != nil {
		return c, true
	}
	return nil, false
}

// Star is the whole table (select *).
func (s *Scope) Star() value.Value { return sqljoin.Visible(s.t) }

// Qualified resolves t.col in a query over a SQL join; ok is false when
// e is not a column of a joined table (then it is evaluated as usual).
func (s *Scope) Qualified(e *ast.MemberExpr) (v value.Value, ok bool, err error) {
	t, c, isQual := sqljoin.Qualified(e)
	if !isQual {
		return nil, false, nil
	}
	if s.qual == nil {
		// t.col in a query over t: the column in scope, after where
		if s.from == "" || t != s.from {
			return nil, false, nil
		}
		v, ok := s.Column(c)
		return v, ok, nil
	}
	cols, ok := s.qual[strings.ToLower(t)]
	if !ok {
		return nil, false, nil
	}
	if name, ok := cols[strings.ToLower(c)]; ok {
		// name is the result's column itself: the unqualified lookup of
		// Column would turn a right join's t2.id into t1's key
		if v := s.t.Column(name); v != nil {
			return v, true, nil
		}
	}
	return nil, true, join.ColumnMissing(c)
}

// executor runs one statement: it carries the Env and the column
// qualification of the current FROM join.
type executor struct {
	env  Env
	qual map[string]map[string]string
	// from is the name the query's FROM gives its table (t1 in
	// t1.sym), which a correlated subquery in the where clause names.
	from string
	// partCols are the partitioning columns (lower case) of the DFS
	// table a pivot by reads, for asis's rule (pivot_asis.go).
	partCols map[string]bool
	// part is the partitioned table the query reads, whose partitions
	// partition(col, keys) in the where clause names (partition_fn.go).
	part *dfs.Table
	// limits are the values of the query's top/limit and offset, by the
	// top/limit expression: evaluated once (limitWindow).
	limits map[ast.Expr][2]value.Value
	// stmt is the SQL query the executor runs (nil: a joiner called as
	// a function), and reads its reads of DFS tables while resource
	// tracking is on (access.go).
	stmt   *ast.SelectExpr
	reads  map[*dfs.Table]*restrack.TableQuery
	rootID string // the query's root query id, once it reads a DFS table
	narrow bool   // an update's set values are of the rows set alone
}

// withTable evaluates e with t's columns in scope.
func (ex *executor) withTable(t *value.Table, e ast.Expr) (value.Value, error) {
	return ex.env.EvalIn(&Scope{t: t, qual: ex.qual, from: ex.from}, e)
}

// eval evaluates e outside any table's scope (limits, sample sizes,
// FROM items).
func (ex *executor) eval(e ast.Expr) (value.Value, error) {
	return ex.env.EvalIn(nil, e)
}
