package rsengine

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/sqlparse/unparse"
	"github.com/porpoisedb/porpoise/value"
)

// userFn is a user function value for sourceEnv.
type userFn struct{ name string }

func (u userFn) Form() value.Form { return value.FormScalar }
func (u userFn) Type() value.Type { return value.FunctionDef }
func (u userFn) String() string   { return u.name }

// sourceEnv knows the sources of a few user functions.
type sourceEnv struct {
	funcs.Env
	src map[string]string
}

func (e sourceEnv) Function(name string) (value.Value, bool) {
	if _, ok := e.src[name]; ok {
		return userFn{name}, true
	}
	if s, ok := funcs.Lookup(name); ok {
		return s, true
	}
	return nil, false
}

func (e sourceEnv) FunctionSource(fn value.Value) (string, string, bool) {
	u, ok := fn.(userFn)
	if !ok {
		return "", "", false
	}
	return u.name, e.src[u.name], true
}

// User functions of assignments and a return are written into the
// metrics, so that the history they keep is bounded; others are not.
func TestInlineUserFunctions(t *testing.T) {
	env := sourceEnv{src: map[string]string{
		"sum_diff":    "def sum_diff(x, y){\n return (x-y)/(x+y)\n}",
		"priceChange": "def priceChange(lastPrice){\n return lastPrice \\ prev(lastPrice) - 1\n}",
		"slr":         "def slr(y, x){\n alpha, beta = mslr(y, x, 12)\n residual = mavg(y, 12) - beta * mavg(x, 12) - alpha\n return alpha, beta, residual\n}",
		"withIf":      "def withIf(x){\n if (x[0] > 1) { return x } else { return -x }\n}",
		"scaled":      "def scaled(x, k = 2){\n y = x * k\n return mavg(y, 3)\n}",
		"iterated":    "def iterated(x, f, w){\n return genericStateIterate(x, x, 2, f{, w})\n}",
		"named":       "def named(close){\n ts = mimax(close, 5)\n return mavg(X=ts, window=3) - 0.5\n}",
	}}
	for _, c := range []struct {
		metric, inlined string
		ok              bool
		bound           int
	}{
		{"priceChange(close)", `((close \ prev(close)) - 1)`, true, 2},
		{"ema(1000 * sum_diff(ema(p, 20), ema(p, 40)), 10)", "ema((1000 * ((ema(p, 20) - ema(p, 40)) / (ema(p, 20) + ema(p, 40)))), 10)", true, 1},
		{"slr(c, v)[2]", "((mavg(c, 12) - (mslr(c, v, 12)[1] * mavg(v, 12))) - mslr(c, v, 12)[0])", true, 12},
		{"scaled(p)", "mavg((p * 2), 3)", true, 3},
		{"iterated(p, g, 0.5)", "genericStateIterate(p, p, 2, g{, 0.5})", true, 1},
		{"named(p)", "(mavg(X=mimax(p, 5), window=3) - 0.5)", true, -1},
		{"withIf(p)", "", false, 0},
	} {
		ms := exprs(t, c.metric)
		got, _, ok := inline(env, ms, nil)
		require.Equal(t, c.ok, ok, c.metric)
		if !ok {
			continue
		}
		require.Equal(t, c.inlined, unparse.Format(got[0]), c.metric)
		if c.bound < 0 { // the bound of named arguments is not derived: whole history kept
			continue
		}
		all := got
		if p := makePlan(got, nil, sizer{}); p != nil {
			all = append([]ast.Expr{}, p.exprs...)
			for _, nd := range p.nodes {
				all = append(all, nd.arg)
			}
		}
		require.Equal(t, c.bound, rowsNeeded(all), c.metric)
	}
}
