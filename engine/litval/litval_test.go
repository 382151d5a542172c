package litval

import (
	"testing"

	"github.com/porpoisedb/porpoise/literal"
	"github.com/porpoisedb/porpoise/operator"
	"github.com/porpoisedb/porpoise/sqlparse"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
	"github.com/stretchr/testify/require"
)

func TestScalarLiterals(t *testing.T) {
	for _, src := range []string{"1", "2.5", "1h", "3l", "`a", `"s"`, "'c'", "2024.01.01", "2012.06M", "13:30m", "13:30:10.008", "true", "NULL", "00i", "-2h"} {
		t.Run(src, func(t *testing.T) {
			e, err := sqlparse.ParseExpr(src)
			require.NoError(t, err)
			n, ok := e.(*ast.Literal)
			require.True(t, ok, "%T", e)
			want, err := literal.Value(n)
			require.NoError(t, err)

			shared, err := Shared(n)
			require.NoError(t, err)
			require.Equal(t, want, shared)
			again, err := Shared(n)
			require.NoError(t, err)
			require.Same(t, shared, again, "converted once")

			own, err := Value(n)
			require.NoError(t, err)
			require.Equal(t, want, own)
			require.NotSame(t, shared, own)
			own.(*value.Scalar).I, own.(*value.Scalar).S, own.(*value.Scalar).Null = 99, "changed", true
			again, err = Shared(n)
			require.NoError(t, err)
			require.Equal(t, want, again, "changing a copy leaves the literal")

			got := Owned(shared, n)
			require.Equal(t, want, got)
			require.NotSame(t, shared, got, "the shared value itself is copied")
			require.Same(t, own, Owned(own, n), "another value is kept")
			require.Same(t, shared, Owned(shared, &ast.Ident{Name: "x"}), "only a literal's own value is copied")
		})
	}
}

func TestFailedLiteralIsNotKept(t *testing.T) {
	n := &ast.Literal{Kind: ast.LitTemporal, Text: "2024.13.45"}
	for range 2 {
		_, err := Shared(n)
		require.Error(t, err)
		require.Nil(t, n.Cache.Load())
	}
}

// build evaluates a vector literal's elements as the interpreter does,
// counting how often it is asked to.
func build(t *testing.T, n *ast.VectorLit, calls *int) func() (value.Value, error) {
	return func() (value.Value, error) {
		*calls++
		vals := make([]value.Value, len(n.Elems))
		for i, e := range n.Elems {
			var err error
			switch x := e.(type) {
			case *ast.Literal:
				vals[i], err = literal.Value(x)
			case *ast.UnaryExpr:
				var v value.Value
				v, err = literal.Value(x.X.(*ast.Literal))
				require.NoError(t, err)
				vals[i], err = operator.Unary(x.Op, v)
			default:
				vals[i] = value.NewInt(7) // a variable's value
			}
			require.NoError(t, err)
		}
		return cast.FromScalars(vals)
	}
}

func TestVectorLiterals(t *testing.T) {
	for _, tc := range []struct {
		src    string
		builds int // how often the elements are evaluated for three evaluations
	}{
		{"1 2 3", 1},
		{"-1 2.5", 1},
		{`"a" "b"`, 1},
		{"1 NULL 3", 1},
		{"2024.01.01 2024.01.02", 1},
		{"1h 2 3l", 1},
		{"NULL NULL", 3}, // a VOID vector: built each time
	} {
		t.Run(tc.src, func(t *testing.T) {
			e, err := sqlparse.ParseExpr(tc.src)
			require.NoError(t, err)
			n, ok := e.(*ast.VectorLit)
			require.True(t, ok, "%T", e)
			calls := 0
			first, err := Vector(n, build(t, n, &calls))
			require.NoError(t, err)
			want, err := build(t, n, new(int))()
			require.NoError(t, err)
			for range 2 {
				v, err := Vector(n, build(t, n, &calls))
				require.NoError(t, err)
				require.Equal(t, want, v)
				require.NotSame(t, first, v)
				if vec, ok := v.(*value.Vector); ok && vec.Len() > 0 {
					vec.SetNull(0) // the caller's to change: x[0] = NULL
				}
			}
			require.Equal(t, want, first)
			require.Equal(t, tc.builds, calls)
		})
	}
	// an element that is no literal: built each time
	n := &ast.VectorLit{Elems: []ast.Expr{&ast.Literal{Kind: ast.LitInt, Text: "1"}, &ast.Ident{Name: "x"}}}
	calls := 0
	for range 3 {
		v, err := Vector(n, build(t, n, &calls))
		require.NoError(t, err)
		require.Equal(t, "[1,7]", v.String())
	}
	require.Equal(t, 3, calls)
}

func TestTypedVector(t *testing.T) {
	one := &ast.Literal{Kind: ast.LitInt, Text: "1"}
	for _, tc := range []struct {
		name  string
		index ast.Expr
		typ   value.Type
		elems int
		ok    bool
	}{
		{"bool", &ast.TupleExpr{Elems: []ast.Expr{one, one, one}}, value.Bool, 3, true},
		{"int", &ast.VectorLit{Elems: []ast.Expr{one, one}}, value.Int, 2, true},
		{"string", one, value.String, 1, true},
		{"Bool", one, 0, 0, false},
		{"decimal32", one, 0, 0, false},
		{"any", one, 0, 0, false},
		{"void", one, 0, 0, false},
		{"nosuchtype", one, 0, 0, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			typ, elems, ok := TypedVector(tc.name, tc.index)
			require.Equal(t, tc.ok, ok)
			require.Equal(t, tc.typ, typ)
			require.Len(t, elems, tc.elems)
		})
	}
}
