package rsengine

import (
	"strconv"
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/sqlparse/astwalk"
	"github.com/porpoisedb/porpoise/sqlparse/unparse"
	"github.com/porpoisedb/porpoise/value"
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

// extent is how far back from a row its value reaches: the rows ending
// at it, and, when time windows (tmsum and its kin) over the column tcol
// are involved, a span of tcol's values before those (in tcol's units).
type extent struct {
	rows int
	time int64
	tcol string
}

// and is the extent of a value depending on both a and b.
func (a extent) and(b extent) (extent, bool) {
	if a.tcol != "" && b.tcol != "" && a.tcol != b.tcol {
		return extent{}, false
	}
	t := a.tcol
	if t == "" {
		t = b.tcol
	}
	return extent{rows: max(a.rows, b.rows), time: max(a.time, b.time), tcol: t}, true
}

// sizer measures extents; dummy gives the time columns' types (nil: no
// time windows are bounded).
type sizer struct{ dummy *value.Table }

// rowsNeeded is how many of a key's latest rows the expressions' values
// at its next row depend on, 0 when that is not bounded (a cumulative
// or recursive function, a user function, a time window).
func rowsNeeded(exprs []ast.Expr) int {
	x, ok := sizer{}.extentOf(exprs)
	if !ok || x.tcol != "" {
		return 0
	}
	return x.rows
}

// extentOf is the expressions' extent; ok is false when it is not
// bounded.
func (z sizer) extentOf(exprs []ast.Expr) (extent, bool) {
	x, ok := z.needAll(exprs...)
	if !ok {
		return extent{}, false
	}
	// a key's row itself is needed, whatever the expressions read
	return x.and(extent{rows: 1})
}

// need is the extent of x's value at a row.
func (z sizer) need(x ast.Expr) (extent, bool) {
	switch n := x.(type) {
	case *ast.Literal, *ast.SymbolVector, *ast.VectorLit:
		return extent{}, true
	case *ast.Ident:
		return extent{rows: 1}, true
	case *ast.AliasExpr:
		return z.need(n.X)
	case *ast.ParenExpr:
		return z.need(n.X)
	case *ast.UnaryExpr:
		return z.need(n.X)
	case *ast.BinaryExpr:
		if n.Op == ".." || n.Op == "$" {
			return extent{}, false
		}
		return z.needAll(n.L, n.R)
	case *ast.TernaryExpr:
		return z.needAll(n.Cond, n.Then, n.Else)
	case *ast.ArrayExpr:
		return z.needAll(n.Elems...)
	case *ast.TupleExpr:
		return z.needAll(n.Elems...)
	case *ast.CallExpr:
		return z.needCall(n)
	case *ast.IndexExpr:
		if _, ok := intLit(n.Index); !ok {
			return extent{}, false
		}
		return z.need(n.X)
	}
	return extent{}, false
}

func (z sizer) needAll(xs ...ast.Expr) (extent, bool) {
	m := extent{}
	for _, x := range xs {
		if x == nil {
			continue
		}
		k, ok := z.need(x)
		if !ok {
			return extent{}, false
		}
		if m, ok = m.and(k); !ok {
			return extent{}, false
		}
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

// timeArg is, for the time-window functions (tmsum and its kin, their
// first argument the time column T), the place of their window.
var timeArg = map[string]int{
	"tmove": 2, "tmfirst": 2, "tmlast": 2, "tmsum": 2, "tmsum2": 2, "tmavg": 2, "tmcount": 2, "tmvar": 2,
	"tmvarp": 2, "tmstd": 2, "tmstdp": 2, "tmprod": 2, "tmskew": 2, "tmkurtosis": 2, "tmmin": 2, "tmmax": 2,
	"tmmed": 2, "tmpercentile": 3, "tmrank": 3, "tmcovar": 3, "tmbeta": 3, "tmcorr": 3, "tmwavg": 3, "tmwsum": 3,
}

// window is a time window's span in the units of the time column t: an
// integer (in t's units) or a duration of whole units of t.
func (z sizer) window(t string, w ast.Expr) (int64, bool) {
	if z.dummy == nil {
		return 0, false
	}
	c := z.dummy.ColumnIndex(t)
	if c < 0 {
		return 0, false
	}
	tn := value.TickNanos(z.dummy.Cols[c].T)
	if tn == 0 {
		return 0, false
	}
	l, ok := w.(*ast.Literal)
	if !ok || l.Kind != ast.LitInt {
		return 0, false
	}
	v, err := strconv.ParseInt(l.Text, 10, 64)
	if err != nil || v < 0 || v > 1<<40 {
		return 0, false
	}
	if l.Type != "DURATION" {
		if _, ok := intLit(w); !ok {
			return 0, false
		}
		return v, true
	}
	un := value.DurationNanos(l.Suffix)
	if un == 0 || un*v/un != v {
		return 0, false
	}
	return (un*v + tn - 1) / tn, true
}

func (z sizer) needCall(c *ast.CallExpr) (extent, bool) {
	id, ok := c.Fn.(*ast.Ident)
	if !ok {
		return extent{}, false
	}
	for _, a := range c.Args {
		if _, named := a.(*ast.NamedArg); named {
			return extent{}, false
		}
	}
	name := id.Name
	if p, ok := timeArg[name]; ok {
		if p >= len(c.Args) {
			return extent{}, false
		}
		t, ok := c.Args[0].(*ast.Ident)
		if !ok {
			return extent{}, false
		}
		w, ok := z.window(t.Name, c.Args[p])
		if !ok {
			return extent{}, false
		}
		rest := append(append([]ast.Expr{}, c.Args[1:p]...), c.Args[p+1:]...)
		m, ok := z.needAll(rest...)
		if !ok {
			return extent{}, false
		}
		if m, ok = m.and(extent{tcol: t.Name}); !ok {
			return extent{}, false
		}
		m.rows = max(m.rows, 1)
		m.time += w
		return m, true
	}
	if p, ok := windowArg[name]; ok {
		if p >= len(c.Args) {
			return extent{}, false
		}
		w, ok := intLit(c.Args[p])
		if !ok || w == 0 {
			return extent{}, false
		}
		rest := append(append([]ast.Expr{}, c.Args[:p]...), c.Args[p+1:]...)
		if name == "moving" {
			// the function itself, named, carries no rows
			if _, ok := rest[0].(*ast.Ident); !ok {
				return extent{}, false
			}
			rest = rest[1:]
		}
		m, ok := z.needAll(rest...)
		if !ok {
			return extent{}, false
		}
		m.rows += w - 1
		return m, true
	}
	if p, ok := shiftArg[name]; ok {
		k := 1
		if p >= 0 && p < len(c.Args) {
			if k, ok = intLit(c.Args[p]); !ok {
				return extent{}, false
			}
		}
		if len(c.Args) == 0 {
			return extent{}, false
		}
		m, ok := z.need(c.Args[0])
		if !ok {
			return extent{}, false
		}
		m.rows += k
		return m, true
	}
	s, ok := funcs.Lookup(name)
	if !ok || !(s.Props.Has(funcs.ElementWise) || strings.HasPrefix(name, "row")) {
		return extent{}, false
	}
	return z.needAll(c.Args...)
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
