package bond

import (
	"math"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// The cash flows, dirty price, accrued interest, Macaulay duration and
// convexity of a bond of face value 100 (funcs/b/bondCashflow.md,
// bondDirtyPrice.md, bondaccrint.md, bondDuration.md, bondconvexity.md).
//
// A fixed-rate bond pays coupon/frequency*100 on each date of the schedule
// stepping back from maturity by 12/frequency months, and 100 at maturity.
// With t the fraction DSC/E of the current coupon period still to run and
// v = 1+yield/frequency, the k-th remaining flow is discounted by
// v^(k-1+t); in the last coupon period the discount is simple,
// 1+yield/frequency*t, as in the yield formula of funcs/b/bondyield.md.
// A discount bond pays 100 at maturity and a zero-coupon bond
// 100*(1+coupon*T), T the years to maturity under the basis; both are
// discounted by 1+yield*T up to a year and by (1+yield)^T beyond.

// terms is one bond's terms.
type terms struct {
	s, m      int32
	c, y      float64
	red       float64
	f, basis  int
	bondType  int
	nullInput bool
}

// flows is a bond's remaining cash flows and their discount exponents
// in coupon periods.
type flows struct {
	cf, e   []float64
	cp, red float64 // the coupon and the redemption (in the last flow)
	f       float64
	t       float64 // years to maturity (discount and zero-coupon bonds)
	last    bool    // within the last coupon period: simple discounting
	ok      bool
}

// flowsOf lays out the cash flows of the bond; ok is false when an input
// is NULL or the dates or frequency do not make a bond.
func flowsOf(b terms) (fl flows) {
	if b.nullInput || b.s == value.NullInt32 || b.m == value.NullInt32 || b.basis < 0 || b.bondType < 0 ||
		funcs.IsNullF(b.c) || funcs.IsNullF(b.red) || b.s >= b.m {
		return fl
	}
	if b.bondType != fixedRate {
		t := yearFrac(b.s, b.m, b.basis)
		fv := b.red
		if b.bondType == zeroCoupon {
			fv = b.red * (1 + b.c*t)
		}
		return flows{cf: []float64{fv}, e: []float64{t}, red: fv, f: 1, t: t, last: t <= 1, ok: true}
	}
	p, ok := couponPeriod(b.s, b.m, b.f, b.basis)
	if !ok || p.e <= 0 {
		return fl
	}
	t := p.dsc / p.e
	cp := 100 * b.c / float64(b.f)
	fl = flows{cf: make([]float64, p.n), e: make([]float64, p.n), cp: cp, red: b.red, f: float64(b.f), last: p.n == 1, ok: true}
	for k := range fl.cf {
		fl.cf[k] = cp
		fl.e[k] = float64(k) + t
	}
	fl.cf[p.n-1] += b.red
	return fl
}

// price is the dirty price at yield y: the coupons summed from the
// last, then the redemption.
func (fl flows) price(y float64) float64 {
	if fl.last {
		return fl.cf[0] / (1 + y/fl.f*fl.e[0])
	}
	lv := math.Log(1 + y/fl.f)
	n := len(fl.cf)
	sum := 0.0
	for k := n - 1; k >= 0; k-- {
		sum += fl.cp / math.Exp(lv*fl.e[k])
	}
	return sum + fl.red/math.Exp(lv*fl.e[n-1])
}

// dPrice is the derivative of the dirty price by the yield.
func (fl flows) dPrice(y float64) float64 {
	if fl.last {
		d := 1 + y/fl.f*fl.e[0]
		return -fl.cf[0] * fl.e[0] / fl.f / (d * d)
	}
	v := 1 + y/fl.f
	sum := 0.0
	for k, c := range fl.cf {
		sum -= fl.e[k] / fl.f * c / math.Pow(v, fl.e[k]+1)
	}
	return sum
}

// durationConvexity is the Macaulay duration in years and the convexity
// at yield y.
func (fl flows) durationConvexity(y float64) (float64, float64) {
	if fl.last {
		t := fl.e[0] / fl.f
		d := 1 + y*t
		return t, 2 * t * t / (d * d)
	}
	v := 1 + y/fl.f
	tot, dur, cv := 0.0, 0.0, 0.0
	for k, c := range fl.cf {
		e := fl.e[k]
		pv := c / math.Pow(v, e)
		tot += pv
		dur += e / fl.f * pv
		cv += e * (e + 1) * pv
	}
	return dur / tot, cv / tot / (v * v) / (fl.f * fl.f)
}

// bondArgs reads the arguments settlement, maturity, coupon, a numeric
// fourth one (yield or price; skipped when num is false), frequency,
// basis and bondType at the given positions (-1: absent).
type bondArgs struct {
	b       *bcast
	s, m    []int32
	c, x    []float64
	f, bs   []int
	typ     []int
	freqReq bool
}

func readBond(fn string, params []string, args []value.Value, xi, fi, bi, ti int) (*bondArgs, error) {
	b, err := newBcast(fn, params, args)
	if err != nil {
		return nil, err
	}
	r := &bondArgs{b: b}
	if r.s, err = b.dates(params[0], args[0]); err != nil {
		return nil, err
	}
	if r.m, err = b.dates(params[1], args[1]); err != nil {
		return nil, err
	}
	if r.c, err = b.doubles(params[2], args[2], 0); err != nil {
		return nil, err
	}
	if xi >= 0 {
		if r.x, err = b.doubles(params[xi], args[xi], value.NullFloat64); err != nil {
			return nil, err
		}
	}
	if r.f, err = b.frequencies(funcs.Arg(args, fi)); err != nil {
		return nil, err
	}
	if r.bs, err = b.bases(funcs.Arg(args, bi)); err != nil {
		return nil, err
	}
	r.typ = make([]int, b.n)
	if ti >= 0 {
		if r.typ, err = b.bondTypes(funcs.Arg(args, ti)); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// terms is the i-th bond; a fixed-rate bond without a frequency is
// NULL.
func (r *bondArgs) terms(i int) terms {
	t := terms{s: r.s[i], m: r.m[i], c: r.c[i], red: 100, f: r.f[i], basis: r.bs[i], bondType: r.typ[i]}
	if t.bondType == fixedRate && t.f == 0 {
		t.nullInput = true
	}
	return t
}

var cashflowParams = []string{"settlement", "maturity", "coupon", "frequency", "basis", "bondType"}

// bondCashflow is each bond's remaining cash flows: a DOUBLE vector for
// one bond, an array vector for several.
func bondCashflow(_ funcs.Env, args []value.Value) (value.Value, error) {
	r, err := readBond("bondCashflow", cashflowParams, args, -1, 3, 4, 5)
	if err != nil {
		return nil, err
	}
	out := value.NewVector(value.ArrayOffset+value.Double, 0, r.b.n)
	var data []float64
	offsets := make([]int64, 0, r.b.n)
	for i := 0; i < r.b.n; i++ {
		fl := flowsOf(r.terms(i))
		if fl.ok {
			data = append(data, fl.cf...)
		}
		offsets = append(offsets, int64(len(data)))
	}
	if !r.b.vector {
		if data == nil {
			data = []float64{}
		}
		return value.NewDoubles(data), nil
	}
	out.F64, out.Offsets = data, offsets
	if out.F64 == nil {
		out.F64 = []float64{}
	}
	return out, nil
}

var priceParams = []string{"settlement", "maturity", "coupon", "yield", "frequency", "basis", "bondType"}

// bondMeasure evaluates one of dirty price, duration and convexity of
// each bond.
func bondMeasure(fn string, measure func(fl flows, y float64) float64) funcs.Impl {
	return func(_ funcs.Env, args []value.Value) (value.Value, error) {
		r, err := readBond(fn, priceParams, args, 3, 4, 5, 6)
		if err != nil {
			return nil, err
		}
		out := make([]float64, r.b.n)
		for i := range out {
			out[i] = value.NullFloat64
			fl := flowsOf(r.terms(i))
			if fl.ok && !funcs.IsNullF(r.x[i]) && 1+r.x[i]/fl.f > 0 {
				out[i] = measure(fl, r.x[i])
			}
		}
		return r.b.result(out), nil
	}
}

func dirtyPrice(fl flows, y float64) float64 { return fl.price(y) }

func duration(fl flows, y float64) float64 { d, _ := fl.durationConvexity(y); return d }

func convexity(fl flows, y float64) float64 { _, c := fl.durationConvexity(y); return c }

var accrIntParams = []string{"settlement", "maturity", "coupon", "frequency", "par", "basis"}

// bondAccrInt is the interest accrued from the previous coupon date to
// settlement: par*coupon/frequency*A/E.
func bondAccrInt(_ funcs.Env, args []value.Value) (value.Value, error) {
	r, err := readBond("bondAccrInt", accrIntParams, args, -1, 3, 5, -1)
	if err != nil {
		return nil, err
	}
	par, err := r.b.doubles("par", funcs.Arg(args, 4), 100)
	if err != nil {
		return nil, err
	}
	out := make([]float64, r.b.n)
	for i := range out {
		out[i] = accrued(r.terms(i), par[i])
	}
	return r.b.result(out), nil
}

// accrued is a fixed-rate bond's accrued interest per par (NULL when the
// bond is not one).
func accrued(t terms, par float64) float64 {
	if t.nullInput || t.s == value.NullInt32 || t.m == value.NullInt32 || t.basis < 0 ||
		funcs.IsNullF(t.c) || funcs.IsNullF(par) {
		return value.NullFloat64
	}
	p, ok := couponPeriod(t.s, t.m, t.f, t.basis)
	if !ok || p.e <= 0 {
		return value.NullFloat64
	}
	return par * t.c / float64(t.f) * p.a / p.e
}
