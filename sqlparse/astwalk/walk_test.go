package astwalk

import (
	"strings"
	"testing"

	"github.com/porpoisedb/porpoise/sqlparse"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/sqlparse/unparse"
	"github.com/stretchr/testify/require"
)

func TestInspect(t *testing.T) {
	s, err := sqlparse.Parse("x = f(a, , b + 1)\nselect c from t where d > 1")
	require.NoError(t, err)
	var idents []string
	InspectScript(s, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			idents = append(idents, id.Name)
		}
		require.NotEqual(t, ast.Pos{}, n.Pos())
		return true
	})
	require.Equal(t, []string{"x", "f", "a", "b", "c", "t", "d"}, idents)
}

// TestLongChains: a chain of operators as long as the script parses with
// a loop, not recursion, and Inspect walks the result without recursion.
func TestLongChains(t *testing.T) {
	for _, c := range []struct {
		src   string
		terms int
	}{
		{"1" + strings.Repeat("+1", 1000000), 1000000},
		{"a" + strings.Repeat(" and a", 100000), 100000},
		{"a" + strings.Repeat(" pow a", 100000), 100000},
		{"a" + strings.Repeat(" <- a", 100000), 100000},
		{"x" + strings.Repeat("[0]", 100000), 100000},
		{"x" + strings.Repeat(".f()", 100000), 100000},
		{"select a from t" + strings.Repeat(" union select a from t", 100000), 100000},
		{"select a from t" + strings.Repeat(" cross join t", 100000), 100000},
		{"select case" + strings.Repeat(" when a then 1", 100000) + " end from t", 100000},
	} {
		s, err := sqlparse.Parse(c.src)
		require.NoError(t, err, c.src[:20])
		nodes := 0
		InspectScript(s, func(ast.Node) bool { nodes++; return true })
		require.Greater(t, nodes, c.terms, c.src[:20])
	}
}

// TestRewrite: the nodes f replaces are rebuilt up to the root, each
// node Rewrite descends into is a copy, and the tree rewritten is left
// as it was.
func TestRewrite(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"select f(a, , b + 1) as x, a from t where a > 1 order by a", "select f(A, , b + 1) as x, A from t where A > 1 order by A"},
		{"(a + 1) * a[a] ? -a : [a, (a,)]", "(A + 1) * A[A] ? -A : [A, (A,)]"},
		{"rank() over (partition by a order by a rows between 1 preceding and current row)", "rank() over (partition by A order by A rows between 1 preceding and current row)"},
		{"g(x -> x + a, <a>)", "g(x -> x + a, <a>)"},
	} {
		s, err := sqlparse.Parse(c.src)
		require.NoError(t, err)
		e := s.Stmts[0].(*ast.ExprStmt).X
		before := unparse.Format(e)
		got := Rewrite(e, func(x ast.Expr) (ast.Expr, bool) {
			switch x := x.(type) {
			case *ast.Ident:
				if x.Name == "a" {
					return &ast.Ident{At: x.At, Name: "A"}, true
				}
				return x, true
			case *ast.LambdaExpr, *ast.MetaExpr:
				return x, true
			}
			return x, false
		})
		w, err := sqlparse.Parse(c.want)
		require.NoError(t, err)
		require.Equal(t, unparse.Format(w.Stmts[0].(*ast.ExprStmt).X), unparse.Format(got), c.src)
		require.Equal(t, before, unparse.Format(e), c.src)
		require.NotSame(t, e, got, c.src)
	}
}

// TestRewriteStops: a node f keeps is not descended into and stands in
// the result as it is.
func TestRewriteStops(t *testing.T) {
	s, err := sqlparse.Parse("f(a) + g(a)")
	require.NoError(t, err)
	e := s.Stmts[0].(*ast.ExprStmt).X.(*ast.BinaryExpr)
	got := Rewrite(e, func(x ast.Expr) (ast.Expr, bool) {
		if c, ok := x.(*ast.CallExpr); ok && c.Fn.(*ast.Ident).Name == "g" {
			return x, true
		}
		if id, ok := x.(*ast.Ident); ok && id.Name == "a" {
			return &ast.Ident{Name: "b"}, true
		}
		return x, false
	}).(*ast.BinaryExpr)
	require.Equal(t, "(f(b) + g(a))", unparse.Format(got))
	require.Same(t, e.R, got.R)
	require.NotSame(t, e.L, got.L)
}
