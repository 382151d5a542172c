package query

import (
	"context"
	"errors"
	"runtime"
	"sync"
	"testing"

	"github.com/porpoisedb/porpoise/auth"
	"github.com/porpoisedb/porpoise/dfs"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/partition"
	"github.com/porpoisedb/porpoise/sqlparse"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/storage"
	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

// columnEnv is an Env that knows one partitioned table, pt, and
// evaluates only bare column names (all a where-clause of a bare BOOL
// column needs); evals counts evaluations over a partition's rows rows,
// and onEval runs at each.
type columnEnv struct {
	ctx    context.Context
	pt     *dfs.Table
	rows   int
	mu     sync.Mutex
	evals  int
	onEval func()
}

func (e *columnEnv) EvalIn(scope *Scope, x ast.Expr) (value.Value, error) {
	id, ok := x.(*ast.Ident)
	if !ok {
		return nil, errors.New("columnEnv evaluates names only")
	}
	if scope == nil {
		if id.Name == "pt" {
			return e.pt, nil
		}
		return nil, errors.New("no variable " + id.Name)
	}
	if scope.t.Rows() == e.rows { // a partition, not pruning's probe
		e.mu.Lock()
		e.evals++
		e.mu.Unlock()
		if e.onEval != nil {
			e.onEval()
		}
	}
	v, ok := scope.Column(id.Name)
	if !ok {
		return nil, errors.New("no column " + id.Name)
	}
	return v, nil
}

func (e *columnEnv) ResolveTable(string) (value.Value, error)           { return nil, errors.New("none") }
func (e *columnEnv) ScriptFunction(string) (bool, bool)                 { return false, false }
func (e *columnEnv) Schema(value.Value) ([]string, []value.Type, error) { return nil, nil, nil }
func (e *columnEnv) Insert(value.Value, *value.Table) error             { return nil }
func (e *columnEnv) Context() context.Context                           { return e.ctx }
func (e *columnEnv) DFSTable(v value.Value) (*dfs.Table, bool) {
	t, ok := v.(*dfs.Table)
	return t, ok
}
func (e *columnEnv) CheckTableRead(*dfs.Table) error             { return nil }
func (e *columnEnv) CheckTableWrite(*dfs.Table, auth.Priv) error { return nil }
func (e *columnEnv) CheckShared(string, bool) error              { return nil }
func (e *columnEnv) NullSafeJoin() bool                          { return false }
func (e *columnEnv) BuiltinProps(string, value.Value) (funcs.Props, bool) {
	return 0, false
}
func (e *columnEnv) Bind(map[string]value.Value) func() { return func() {} }
func (e *columnEnv) Owns(string, *value.Table) bool     { return false }

// flagTable is a dfs:// table VALUE-partitioned on id over 1..parts,
// rows rows per partition, with a BOOL column flag set on every other row.
func flagTable(t *testing.T, parts, rows int) *dfs.Table {
	t.Helper()
	st, err := storage.Open(storage.Options{InMemory: true})
	require.NoError(t, err)
	t.Cleanup(func() { st.Close() })
	cat, err := dfs.Open(st, dfs.Config{})
	require.NoError(t, err)
	vals := make([]int32, parts)
	for i := range vals {
		vals[i] = int32(i + 1)
	}
	dom, err := partition.NewValue(value.NewInts(vals))
	require.NoError(t, err)
	db, err := cat.CreateDatabase("dfs://mr", dom, "OLAP", "TRANS")
	require.NoError(t, err)
	schema := value.NewTable([]string{"id", "flag"}, []*value.Vector{value.NewInts(nil), value.NewVector(value.Bool, 0, 0)})
	tb, err := db.CreateTable(dfs.TableSpec{Name: "pt", Schema: schema, PartitionColumns: []string{"id"}})
	require.NoError(t, err)
	ids := make([]int32, parts*rows)
	flags := value.NewVector(value.Bool, parts*rows, parts*rows)
	for i := range ids {
		ids[i] = int32(i%parts + 1)
		flags.I8[i] = int8(i / parts % 2)
	}
	_, err = tb.Append(context.Background(), value.NewTable([]string{"id", "flag"}, []*value.Vector{value.NewInts(ids), flags}), false)
	require.NoError(t, err)
	return tb
}

func parseSelect(t *testing.T, q string) *ast.SelectExpr {
	t.Helper()
	e, err := sqlparse.ParseExpr(q)
	require.NoError(t, err)
	return e.(*ast.SelectExpr)
}

// A filter-count over a partitioned table evaluates its where-clause in
// each partition (the map step) and adds the counts.
func TestMapReduceFilterCountPerPartition(t *testing.T) {
	env := &columnEnv{ctx: context.Background(), pt: flagTable(t, 64, 10), rows: 10}
	v, err := Select(env, parseSelect(t, "exec count(*) from pt where flag"))
	require.NoError(t, err)
	require.Equal(t, "320", v.String())
	require.Equal(t, 64, env.evals, "the where-clause runs once per partition")
}

// A query cancelled while its partitions are being read stops its
// workers: the partitions not yet started are never evaluated, and the
// query reports the cancellation instead of a partial count.
func TestMapReduceCancelStopsWorkers(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	env := &columnEnv{ctx: ctx, pt: flagTable(t, 64, 10), rows: 10, onEval: cancel}
	_, err := Select(env, parseSelect(t, "exec count(*) from pt where flag"))
	require.ErrorIs(t, err, context.Canceled)
	require.GreaterOrEqual(t, env.evals, 1)
	require.LessOrEqual(t, env.evals, runtime.GOMAXPROCS(0), "only partitions already in flight were evaluated")
}
