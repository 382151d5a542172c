package macrovar

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/sqlparse"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
)

// TestExpandWhileLiteralsConvert copies a macro query while another
// goroutine fills its literals' caches, as a query in a peach body does:
// under -race, a copy that reads a cache unsynchronised fails.
func TestExpandWhileLiteralsConvert(t *testing.T) {
	script, err := sqlparse.Parse("select _$c from t where x > 5, y < 2.5")
	require.NoError(t, err)
	q := script.Stmts[0].(*ast.ExprStmt).X.(*ast.SelectExpr)
	var lits []*ast.Literal
	for _, w := range q.Where {
		lits = append(lits, w.(*ast.BinaryExpr).R.(*ast.Literal))
	}
	get := func(string) (value.Value, error) { return value.NewString("x"), nil }
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for i := 0; i < 200; i++ {
			for _, l := range lits {
				l.Cache.CompareAndSwap(nil, value.NewInt(int32(i)))
				l.Cache.Store(value.NewInt(int32(i)))
			}
		}
	}()
	go func() {
		defer wg.Done()
		for i := 0; i < 200; i++ {
			c, err := Expand(q, get)
			require.NoError(t, err)
			require.NotSame(t, q, c)
			for _, w := range c.Where {
				require.Nil(t, w.(*ast.BinaryExpr).R.(*ast.Literal).Cache.Load(), "a copy starts with empty caches")
			}
		}
	}()
	wg.Wait()
}
