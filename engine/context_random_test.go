package engine

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/value"
)

// exprGen builds random select items over the columns x (DOUBLE) and i
// (INT), both with NULLs, from element-wise operators, order-sensitive
// calls and aggregates.
type exprGen struct {
	r     *rand.Rand
	noAgg bool // no aggregates: the argument of a group by's aggregate
}

func (g exprGen) pick(xs ...string) string { return xs[g.r.IntN(len(xs))] }

func (g exprGen) expr(depth int) string {
	if depth == 0 || g.r.IntN(4) == 0 {
		return g.pick("x", "i")
	}
	a := g.expr(depth - 1)
	switch g.r.IntN(5) {
	case 0:
		// a constant only on the right: an aggregate of a constant alone
		// (sum(-3)) is a case of its own
		b := g.expr(depth - 1)
		if g.r.IntN(3) == 0 {
			b = g.pick("1", "2.5", "-3")
		}
		return fmt.Sprintf("(%s %s %s)", a, g.pick("+", "-", "*", "/", ">", "<", "==", "**"), b)
	case 1:
		return fmt.Sprintf("iif(%s > 0, %s, %s)", a, g.expr(depth-1), g.expr(depth-1))
	case 2:
		return fmt.Sprintf("%s(%s)", g.pick("abs", "neg", "sqrt", "floor", "isNull"), a)
	case 3:
		return fmt.Sprintf("%s(%s)", g.pick("prev", "next", "cumsum", "deltas", "ratios", "cummax", "rank", "ffill", "denseRank", "cumcount"), a)
	}
	switch g.r.IntN(4) {
	case 0:
		return fmt.Sprintf("%s(%s, %d)", g.pick("mavg", "msum", "mmax", "move", "mcount"), a, 1+g.r.IntN(3))
	case 3:
		return fmt.Sprintf("%s(%s)", g.pick("cumsum", "prev", "cummin"), a)
	}
	if g.noAgg {
		return fmt.Sprintf("%s(%s)", g.pick("abs", "cumsum", "prev"), a)
	}
	switch g.r.IntN(3) {
	case 1:
		return fmt.Sprintf("percentile(%s, %d)", a, 10*g.r.IntN(10))
	case 2:
		return fmt.Sprintf("%s(%s, %s)", g.pick("corr", "wavg", "covar"), a, g.expr(depth-1))
	}
	return fmt.Sprintf("%s(%s)", g.pick("avg", "sum", "max", "min", "count", "std", "med", "first", "last", "size", "skew", "prod"), a)
}

// TestContextRandomExpressions runs random select items under context by,
// group by and pivot by, where the built-in calls they hold run over all groups
// at once, against the same items inside a user function, which the
// query evaluates group by group: the same values and types, or an error
// on both sides.
func TestContextRandomExpressions(t *testing.T) {
	s := memSession(t, `n = 600
k = rand(80, n)
k[0:3] = 999
x = rand(100.0, n) - 40.0
x[rand(n, 60)] = NULL
i = rand(50, n) - 10
i[rand(n, 60)] = NULL
t = table(k, x, i)`)
	g := exprGen{r: rand.New(rand.NewPCG(39, 1))}
	flat := exprGen{r: g.r, noAgg: true}
	for n := 0; n < 500; n++ {
		e := g.expr(3)
		mustRun(t, s, fmt.Sprintf("def rnd%d(x, i) { return %s }", n, e))
		// group by: an aggregate, typed or not, of an item without one
		agg := fmt.Sprintf(g.pick("sum(%s)", "percentile(%s, 30)", "skew(%s)", "max(%s)", "corr(%s, x)", "avg(%s) + count(x)"), flat.expr(3))
		mustRun(t, s, fmt.Sprintf("def rndg%d(x, i) { return %s }", n, agg))
		for _, form := range []struct {
			by  string
			agg bool
		}{
			{"context by k", false}, {"context by k, i > 5", false},
			{"group by k order by k", true}, {"group by k, x > 0 as p order by k, p", true},
			// a pivot by cell keeps its last row of a row expression
			{"pivot by k % 7 as kr, i % 3 as ic", false}, {"pivot by k % 5 as kr, x > 0 as p", true},
		} {
			by, item, fn := form.by, e, fmt.Sprintf("rnd%d", n)
			if form.agg {
				item, fn = agg, fmt.Sprintf("rndg%d", n)
			}
			if strings.HasPrefix(by, "pivot") && strings.HasPrefix(item, "ffill(") {
				continue // a pivot by's ffill fills the pivoted columns (pivotBy.md)
			}
			fq := fmt.Sprintf("select %s as r from t %s", item, by)
			sq := fmt.Sprintf("select %s(x, i) as r from t %s", fn, by)
			fast, ferr := s.Run(fq)
			slow, serr := s.Run(sq)
			if ferr != nil && strings.Contains(ferr.Error(), "RefId:S02032") {
				continue // SQL refuses an aggregate of an aggregate; a function may
			}
			if ferr != nil && serr == nil && strings.HasPrefix(by, "pivot") && strings.Contains(ferr.Error(), "RefId:S02022") {
				// SQL refuses an item mixing an aggregate with a row
				// expression; a function's vector is a row expression
				continue
			}
			if ferr != nil || serr != nil {
				require.Equal(t, serr != nil, ferr != nil, "%s\nfast: %v\nslow: %v", fq, ferr, serr)
				continue
			}
			requireSameResult(t, slow.(*value.Table), fast.(*value.Table), fq)
		}
	}
}
