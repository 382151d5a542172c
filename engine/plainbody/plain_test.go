package plainbody

import (
	"testing"

	"github.com/porpoisedb/porpoise/sqlparse"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/stretchr/testify/require"
)

func TestPlain(t *testing.T) {
	for _, tc := range []struct {
		def   string
		plain bool
	}{
		{"def f(x) { return x + 1 }", true},
		{"def f(n) { if (n < 2) { return n }; return f(n - 1) + f(n - 2) }", true},
		{"def f(a, b = 2) { s = 0; for (i in 0:a) { s += i * b }; return s }", true},
		{"def f(x) { i = 0; do { i += 1; if (i > 3) { break } else { continue } } while (i < x); return [i, -i] }", true},
		{"def f(x) { a, b = x; return sum(a, b, k=1) }", true},
		{"def f(x) { const c = 2; return (x, c, `a`b) }", true},
		{"def f(x) { return x[0] }", false},
		{"def f(x) { y = x; y[0] = 1; return y }", false},
		{"def f(x) { return x.y }", false},
		{"def f(t) { t.x = 1 }", false},
		{"def f(x) { &y = x; return y }", false},
		{"def f(x) { return y -> x + y }", false},
		{"def f(x) { return <x + 1> }", false},
		{"def f(t) { return select * from t }", false},
		{"def f(x) { return iif(x > 0, x, 0) + (x > 0 ? 1 : 2) }", false},
		{"def f(x) { try { return x } catch(e) { return 0 } }", false},
		{"def f(x) { return add{1}(x) }", false},
		{"def f(x) { return (add)(x, 1) }", false},
		{"def f(x, y = [1][0]) { return x }", false},
		{"def f(x) { return x + 1; print(x[0]) }", false},
	} {
		t.Run(tc.def, func(t *testing.T) {
			prog, err := sqlparse.Parse(tc.def)
			require.NoError(t, err)
			d := prog.Stmts[0].(*ast.DefStmt)
			require.Equal(t, tc.plain, Plain(d.Params, d.Body))
		})
	}
}
