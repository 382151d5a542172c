package keyindex

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/porpoisedb/porpoise/sqlparse"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
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

// named evaluates an identifier to the value vals gives it, as query's
// evaluator would a variable.
func named(vals map[string]value.Value) Eval {
	return func(e ast.Expr) (value.Value, error) {
		if id, ok := e.(*ast.Ident); ok && vals[id.Name] != nil {
			return vals[id.Name], nil
		}
		return constants(e)
	}
}

// TestWhereSymbolKeys looks up a SYMBOL and INT keyed table by symbols
// of another base than the key column's (codes in another order), by
// STRING values and scalars, with NULL keys (the empty symbol, a NULL
// INT) held and asked for, and by every combination of two in lists.
func TestWhereSymbolKeys(t *testing.T) {
	syms := []string{"b", "", "a", "c", "b", "a"}
	ids := []int32{1, 1, 2, value.NullInt32, value.NullInt32, 1}
	for _, kind := range []value.TableKind{value.KeyedTable, value.IndexedTable} {
		tb := value.NewTable([]string{"s", "id", "x"}, []*value.Vector{
			value.NewSymbols(syms), value.NewInts(ids), value.NewInts([]int32{0, 1, 2, 3, 4, 5}),
		})
		tb.Kind, tb.KeyCols = kind, []int{0, 1}
		require.True(t, tb.RebuildKeys())
		vals := map[string]value.Value{
			// another base: "a" is code 1 here, "b" 3
			"OtherBase": value.NewSymbols([]string{"a", "zz", "b", "", "c"}),
			"Strs":      value.NewStrings(value.String, []string{"c", "a", "b", "nope"}),
			"Str":       value.NewString("a"),
			"Empty":     value.NewStrings(value.String, nil),
			"Ids":       value.NewInts([]int32{value.NullInt32, 1, 7}),
			"Longs":     value.NewLongs([]int64{2, value.NullInt64}),
			"NullInt":   value.NewInts([]int32{value.NullInt32}),
			"NoSym":     value.NewString(""),
		}
		cases := []struct {
			where string
			rows  []int
		}{
			{"s in OtherBase, id in Ids", []int{0, 1, 3, 4, 5}},
			{"s in Strs, id in Ids", []int{0, 3, 4, 5}},
			{"s == Str, id in Longs", []int{2}},
			{"s in Strs, id in Longs", []int{2, 3, 4}},
			{"s == NoSym, id == 1", []int{1}},
			{"s in OtherBase, id in NullInt", []int{3, 4}},
			{"s in Empty, id in Ids", nil},
			{"s == Str, id == 7", nil},
		}
		for _, c := range cases {
			rows, rest, ok := Where(tb, where(t, strings.Split(c.where, ", ")...), named(vals))
			require.True(t, ok, c.where)
			require.Empty(t, rest, c.where)
			require.Equal(t, c.rows, rows, "%v: %s", kind, c.where)
		}
	}
}

// TestCombinations: every combination of one value per vector, the last
// vector varying fastest, none when a vector is empty.
func TestCombinations(t *testing.T) {
	cases := []struct {
		in   [][]int32
		want [][]int32
	}{
		{[][]int32{{1, 2, 3}}, [][]int32{{1, 2, 3}}},
		{[][]int32{{1, 2}, {7, 8, 9}}, [][]int32{{1, 1, 1, 2, 2, 2}, {7, 8, 9, 7, 8, 9}}},
		{[][]int32{{1, 2}, {5}, {8, 9}}, [][]int32{{1, 1, 2, 2}, {5, 5, 5, 5}, {8, 9, 8, 9}}},
		{[][]int32{{1, 2}, {}}, nil},
	}
	for _, c := range cases {
		var in []*value.Vector
		for _, xs := range c.in {
			in = append(in, value.NewInts(xs))
		}
		var got [][]int32
		for _, col := range combinations(in) {
			got = append(got, col.I32)
		}
		require.Equal(t, c.want, got)
	}
}
