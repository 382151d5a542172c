package bond

import (
	"github.com/porpoisedb/porpoise/funcs/optimize"
	"math"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// The yield of a fixed-rate bond from its clean price (funcs/b/bondyield.md).
// Within the last coupon period the page's closed form gives it; before,
// a root finder solves dirtyPrice(y) - accruedInterest = price from the
// coupon rate. Every method finds the same root: 'newton' by Newton's
// steps, 'brent' (or 'brentq') by Brent's bracketing; 'nm', 'bfgs' and
// 'lbfgs' take Newton's root too, which their minimisers approach only to
// about 1e-7 in DolphinDB.

var yieldParams = []string{"settlement", "maturity", "coupon", "price", "redemption", "frequency", "basis", "method", "maxIter"}

var yieldMethods = []string{"newton", "brent", "nm", "bfgs", "lbfgs", "brentq"}

func bondYield(_ funcs.Env, args []value.Value) (value.Value, error) {
	const fn = "bondYield"
	r, err := readBond(fn, yieldParams, args, 3, 5, 6, -1)
	if err != nil {
		return nil, err
	}
	red, err := r.b.doubles("redemption", args[4], 100)
	if err != nil {
		return nil, err
	}
	methods, err := r.b.codes(funcs.Arg(args, 7), 0, yieldMethods, func() error {
		return ddberr.Errorf("The argument [method] of bondYield must be 'newton', 'brent', 'nm', 'bfgs' or 'lbfgs'.")
	})
	if err != nil {
		return nil, err
	}
	iters, err := r.b.doubles("maxIter", funcs.Arg(args, 8), 100)
	if err != nil {
		return nil, err
	}
	out := make([]float64, r.b.n)
	for i := range out {
		out[i] = value.NullFloat64
		t := r.terms(i)
		t.red = red[i]
		price, it := r.x[i], iters[i]
		if funcs.IsNullF(price) || funcs.IsNullF(it) || it < 1 || methods[i] < 0 {
			continue
		}
		out[i] = yieldOf(t, price, methods[i], int(min(it, 1e6)))
	}
	return r.b.result(out), nil
}

// yieldOf is the yield of bond t at the clean price; NULL when there is
// none.
func yieldOf(t terms, price float64, method, maxIter int) float64 {
	fl := flowsOf(t)
	if !fl.ok {
		return value.NullFloat64
	}
	p, _ := couponPeriod(t.s, t.m, t.f, t.basis)
	cf := t.c / float64(t.f)
	ai := p.a / p.e
	if fl.last {
		// (redemption/100 + c/f - (price/100 + A/E*c/f)) / (price/100 + A/E*c/f) * f*E/DSR.
		den := price/100 + ai*cf
		return (t.red/100 + cf - den) / den * float64(t.f) * p.e / p.dsc
	}
	target := price + 100*cf*ai
	g := func(y float64) float64 { return fl.price(y) - target }
	lo := -fl.f * (1 - 1e-9)
	if method == 1 || method == 5 {
		return brent(g, lo, t.c, maxIter)
	}
	return newton(g, fl.dPrice, t.c, lo, maxIter)
}

// newton solves g(y) = 0 from y0 by Newton's steps, kept above lo.
func newton(g, dg func(float64) float64, y0, lo float64, maxIter int) float64 {
	y := y0
	for range maxIter {
		d := dg(y)
		if d == 0 || math.IsNaN(d) {
			return value.NullFloat64
		}
		next := y - g(y)/d
		if next <= lo {
			next = (y + lo) / 2
		}
		if math.Abs(next-y) <= 1e-14*math.Max(1, math.Abs(y)) {
			return next
		}
		y = next
	}
	if math.Abs(g(y)) < 1e-8 {
		return y
	}
	return value.NullFloat64
}

// brent solves g(y) = 0 for y above lo by Brent's method on a bracket
// grown upward from the guess; g falls as y grows.
func brent(g func(float64) float64, lo, guess float64, maxIter int) float64 {
	a := lo
	b := math.Max(guess, 0) + 0.05
	fa, fb := g(a), g(b)
	for k := 0; fb > 0; k++ {
		if k > 60 {
			return value.NullFloat64
		}
		a, fa = b, fb
		b *= 2
		fb = g(b)
	}
	if fa < 0 || math.IsNaN(fa) || math.IsNaN(fb) {
		return value.NullFloat64
	}
	f := func(y float64) (float64, error) { return g(y), nil }
	status, root, _ := optimize.Brent(f, a, b, 2e-15, 4*2.220446049250313e-16, maxIter)
	if status == "SIGNERR" {
		return value.NullFloat64
	}
	return root
}
