package keyindex

import (
	"errors"
	"slices"
	"strconv"
	"testing"

	"github.com/porpoisedb/porpoise/sqlparse"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
)

// constants evaluates the integer literal side of a condition, as
// query's evaluator would.
func constants(e ast.Expr) (value.Value, error) {
	if x, ok := e.(*ast.Literal); ok {
		if n, err := strconv.Atoi(x.Text); err == nil {
			return value.NewInt(int32(n)), nil
		}
	}
	return nil, errors.New("not a constant")
}

func table(t *testing.T, kind value.TableKind) *value.Table {
	t.Helper()
	tb := value.NewTable([]string{"id", "x"}, []*value.Vector{
		value.NewInts([]int32{5, 1, 3, 2, 4}),
		value.NewInts([]int32{50, 10, 30, 20, 40}),
	})
	tb.Kind, tb.KeyCols = kind, []int{0}
	if !tb.RebuildKeys() {
		t.Fatal("duplicate keys")
	}
	return tb
}

func where(t *testing.T, src ...string) []ast.Expr {
	t.Helper()
	var out []ast.Expr
	for _, s := range src {
		e, err := sqlparse.ParseExpr(s)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, e)
	}
	return out
}

func TestWhere(t *testing.T) {
	cases := []struct {
		kind  value.TableKind
		where []string
		rows  []int
		rest  int
		ok    bool
	}{
		{value.KeyedTable, []string{"id == 3"}, []int{2}, 0, true},
		{value.KeyedTable, []string{"3 == id and x > 0"}, []int{2}, 1, true},
		{value.KeyedTable, []string{"id == 9"}, nil, 0, true},
		{value.KeyedTable, []string{"id > 3"}, nil, 0, false}, // keyed tables have no ordered index
		{value.KeyedTable, []string{"x == 10"}, nil, 0, false},
		// the bound is found inclusively; the condition stays in rest
		{value.IndexedTable, []string{"id > 3"}, []int{0, 2, 4}, 1, true},
		{value.IndexedTable, []string{"id < 3"}, []int{1, 2, 3}, 1, true},
		{value.PlainTable, []string{"id == 3"}, nil, 0, false},
	}
	for _, c := range cases {
		rows, rest, ok := Where(table(t, c.kind), where(t, c.where...), constants)
		if ok != c.ok || !slices.Equal(rows, c.rows) || len(rest) != c.rest {
			t.Errorf("%v %v: got rows %v rest %d ok %v, want %v %d %v", c.kind, c.where, rows, len(rest), ok, c.rows, c.rest, c.ok)
		}
	}
}
