package astwalk

import (
	"strings"
	"testing"

	"github.com/porpoisedb/porpoise/sqlparse"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
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
