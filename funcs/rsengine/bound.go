package rsengine

import (
	"strconv"
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/sqlparse/astwalk"
	"github.com/porpoisedb/porpoise/sqlparse/unparse"
)

// windowArg is, for the moving functions whose value at a row depends
// on the last `window` rows of their other arguments alone, the place
// of their window argument.
var windowArg = map[string]int{
	"mavg": 1, "msum": 1, "mcount": 1, "mprod": 1, "mvar": 1, "mvarp": 1, "mstd": 1, "mstdp": 1,
	"mskew": 1, "mkurtosis": 1, "mmin": 1, "mmax": 1, "mimin": 1, "mimax": 1, "mmed": 1, "mmad": 1,
	"mfirst": 1, "mlast": 1, "mmaxPositiveStreak": 1, "movingWindowData": 1,
	"msum2": 1, "mcorr": 2, "mcovar": 2, "mbeta": 2, "mwsum": 2, "mwavg": 2, "mpercentile": 2,
	"mrank": 2, "mslr": 2, "moving": 2,
}

// shiftArg is, for the functions whose value at a row depends on the
// row and a fixed number of rows before it, that number's argument
// (-1: always one row).
var shiftArg = map[string]int{"prev": -1, "deltas": 1, "ratios": -1, "move": 1, "percentChange": 1}

// rowsNeeded is how many of a key's latest rows the expressions' values
// at its next row depend on, 0 when that is not bounded (a cumulative
// or recursive function, a time-based window, a user function).
func rowsNeeded(exprs []ast.Expr) int {
	n := 1
	for _, x := range exprs {
		if x == nil {
			continue
		}
		k, ok := need(x)
		if !ok {
			return 0
		}
		n = max(n, k)
	}
	return n
}

// need is how many rows ending at a row x's value there depends on.
func need(x ast.Expr) (int, bool) {
	switch n := x.(type) {
	case *ast.Literal, *ast.SymbolVector, *ast.VectorLit:
		return 0, true
	case *ast.Ident:
		return 1, true
	case *ast.AliasExpr:
		return need(n.X)
	case *ast.ParenExpr:
		return need(n.X)
	case *ast.UnaryExpr:
		return need(n.X)
	case *ast.BinaryExpr:
		if n.Op == ".." || n.Op == "$" {
			return 0, false
		}
		return needAll(n.L, n.R)
	case *ast.TernaryExpr:
		return needAll(n.Cond, n.Then, n.Else)
	case *ast.ArrayExpr:
		return needAll(n.Elems...)
	case *ast.TupleExpr:
		return needAll(n.Elems...)
	case *ast.CallExpr:
		return needCall(n)
	case *ast.IndexExpr:
		if _, ok := intLit(n.Index); !ok {
			return 0, false
		}
		return need(n.X)
	}
	return 0, false
}

func needAll(xs ...ast.Expr) (int, bool) {
	m := 0
	for _, x := range xs {
		if x == nil {
			continue
		}
		k, ok := need(x)
		if !ok {
			return 0, false
		}
		m = max(m, k)
	}
	return m, true
}

// intLit is a non-negative integer literal's value (a plain, SHORT, INT
// or LONG literal; not a duration).
func intLit(x ast.Expr) (int, bool) {
	l, ok := x.(*ast.Literal)
	if !ok || l.Kind != ast.LitInt || (l.Type != "" && l.Type != "SHORT" && l.Type != "INT" && l.Type != "LONG") {
		return 0, false
	}
	v, err := strconv.Atoi(l.Text)
	if err != nil || v < 0 || v > 1<<20 {
		return 0, false
	}
	return v, true
}

func needCall(c *ast.CallExpr) (int, bool) {
	id, ok := c.Fn.(*ast.Ident)
	if !ok {
		return 0, false
	}
	for _, a := range c.Args {
		if _, named := a.(*ast.NamedArg); named {
			return 0, false
		}
	}
	name := id.Name
	if p, ok := windowArg[name]; ok {
		if p >= len(c.Args) {
			return 0, false
		}
		w, ok := intLit(c.Args[p])
		if !ok || w == 0 {
			return 0, false
		}
		rest := append(append([]ast.Expr{}, c.Args[:p]...), c.Args[p+1:]...)
		if name == "moving" {
			// the function itself, named, carries no rows
			if _, ok := rest[0].(*ast.Ident); !ok {
				return 0, false
			}
			rest = rest[1:]
		}
		m, ok := needAll(rest...)
		if !ok {
			return 0, false
		}
		return m + w - 1, true
	}
	if p, ok := shiftArg[name]; ok {
		k := 1
		if p >= 0 && p < len(c.Args) {
			if k, ok = intLit(c.Args[p]); !ok {
				return 0, false
			}
		}
		if len(c.Args) == 0 {
			return 0, false
		}
		m, ok := need(c.Args[0])
		if !ok {
			return 0, false
		}
		return m + k, true
	}
	s, ok := funcs.Lookup(name)
	if !ok || !(s.Props.Has(funcs.ElementWise) || strings.HasPrefix(name, "row")) {
		return 0, false
	}
	return needAll(c.Args...)
}

// aggregates are the built-in aggregate functions error_codes/S03005.md
// lists.
var aggregates = map[string]bool{}

func init() {
	for _, n := range strings.Fields(`first kurtosis med wavg last skew max contextCount count percentile min
		contextSum countNanInf quantile imax contextSum2 mode std imin percentileRank size stdp sum tanimoto
		beta var sum2 euclidean firstNot varp sum3 mutualInfo lastNot corr sum4 atImax ifirstNot covar wsum
		atImin ilastNot sem avg nunique prod mad mean`) {
		aggregates[n] = true
	}
}

// checkAggregates refuses metrics that call a built-in aggregate
// function (error_codes/S03005.md).
func checkAggregates(env funcs.Env, exprs []ast.Expr) error {
	var user map[string]bool
	isAggregate := func(name string) bool {
		s, ok := funcs.Lookup(name)
		if !aggregates[name] && !(ok && s.Props.Has(funcs.Aggregate)) {
			return false
		}
		if user == nil {
			user = map[string]bool{}
			for _, f := range env.Functions() {
				if f.UserDefined {
					user[f.Name] = true
				}
			}
		}
		return !user[name]
	}
	for _, x := range exprs {
		var bad string
		astwalk.Inspect(x, func(n ast.Node) bool {
			switch c := n.(type) {
			case *ast.LambdaExpr:
				return false
			case *ast.CallExpr:
				id, ok := c.Fn.(*ast.Ident)
				if !ok || bad != "" {
					break
				}
				if isAggregate(id.Name) && !((id.Name == "max" || id.Name == "min") && len(c.Args) == 2) {
					bad = id.Name
				}
			}
			return bad == ""
		})
		if bad != "" {
			text := unparse.Format(x)
			if _, ok := x.(*ast.BinaryExpr); ok && strings.HasPrefix(text, "(") && strings.HasSuffix(text, ")") {
				text = text[1 : len(text)-1]
			}
			return ddberr.Errorf("The reactive state engine doesn't support the aggregate function %s in metrics %s. RefId: S03005", bad, text)
		}
	}
	return nil
}
