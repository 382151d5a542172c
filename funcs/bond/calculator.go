package bond

import (
	"math"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

var calculatorParams = []string{"start", "maturity", "issuePrice", "coupon", "frequency", "dayCountConvention", "bondType",
	"calendar", "businessDayConvention", "settlement", "price", "priceType", "calcRisk", "benchmark"}

// calcFrequencies are bondCalculator's payments a year by name.
var calcFrequencies = map[string]int{"Once": 0, "Annual": 1, "Semiannual": 2, "Quarterly": 4, "Monthly": 12}

// priceTypeNames are bondCalculator's kinds of price by code.
var priceTypeNames = []string{"YTM", "CleanPrice", "DirtyPrice"}

// calcBond is one bond of a bondCalculator call.
type calcBond struct {
	start, m, s   int32
	issue, c, x   float64
	f, basis, typ int
	priceType     int
}

// calcMeasures are bondCalculator's answers for one bond.
type calcMeasures struct {
	dirty, clean, ytm, accrued, mac, mod, conv, pvbp float64
}

// bondCalculator turns a bond's yield to maturity, clean price or dirty
// price into the other two and its accrued interest, and with calcRisk
// its Macaulay and modified durations, convexity and price value of a
// basis point, by the Chinese interbank market's rules (Qeubee;
// funcs/b/bondCalculator.md). A bond with more than one coupon to come is
// priced as bondDirtyPrice prices it. One cash flow left (the last coupon
// period, a discount or a zero-coupon bond) is discounted simply over
// t = D/TY years, D the days to maturity and TY the days of the bond's
// interest year (a year from an anniversary of start), or compounded
// when t exceeds a year.
func bondCalculator(_ funcs.Env, args []value.Value) (value.Value, error) {
	const fn = "bondCalculator"
	b, err := newBcast(fn, calculatorParams, args)
	if err != nil {
		return nil, err
	}
	bonds, err := readCalcBonds(b, args)
	if err != nil {
		return nil, err
	}
	risk, err := funcs.BoolArg(fn, "calcRisk", funcs.Arg(args, 12), false)
	if err != nil {
		return nil, err
	}
	for _, c := range []struct {
		i    int
		want string
	}{{7, "CFET"}, {8, "Unadjusted"}, {13, "Qeubee"}} {
		if err := onlyName(args, c.i, c.want); err != nil {
			return nil, err
		}
	}
	out := make([]value.Value, b.n)
	for i, bd := range bonds {
		r := bd.measures()
		keys := []string{"dirtyPrice", "cleanPrice", "ytm", "accruedInterest"}
		vals := []float64{r.dirty, r.clean, r.ytm, r.accrued}
		if risk {
			keys = append(keys, "macaulayDuration", "modifiedDuration", "convexity", "pvbp")
			vals = append(vals, r.mac, r.mod, r.conv, r.pvbp)
		}
		vs := make([]value.Value, len(vals))
		for k, v := range vals {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				v = value.NullFloat64
			}
			vs[k] = value.NewDouble(v)
		}
		out[i] = funcs.StringDict(keys, vs)
	}
	if !b.vector {
		return out[0], nil
	}
	return value.NewTuple(out), nil
}

// onlyName checks that the i-th argument, when given, names only want
// (the one calendar, convention or benchmark bondCalculator supports).
func onlyName(args []value.Value, i int, want string) error {
	x := funcs.Arg(args, i)
	if absent(x) {
		return nil
	}
	names, ok := funcs.StringsArg(x)
	for _, n := range names {
		ok = ok && n == want
	}
	if !ok {
		return ddberr.Errorf("The argument [%s] of bondCalculator must be '%s'.", calculatorParams[i], want)
	}
	return nil
}

func readCalcBonds(b *bcast, args []value.Value) ([]calcBond, error) {
	dates := make([][]int32, 3)
	for k, i := range []int{0, 1, 9} {
		d, err := b.dates(calculatorParams[i], args[i])
		if err != nil {
			return nil, err
		}
		dates[k] = d
	}
	nums := make([][]float64, 3)
	for k, i := range []int{2, 3, 10} {
		v, err := b.doubles(calculatorParams[i], args[i], value.NullFloat64)
		if err != nil {
			return nil, err
		}
		nums[k] = v
	}
	freq, err := b.calcFrequencies(args[4])
	if err != nil {
		return nil, err
	}
	basis, err := b.codes(args[5], 1, basisNames, func() error {
		return ddberr.Errorf("The argument [dayCountConvention] of bondCalculator must be 'Thirty360US', 'ActualActual', 'Actual360', 'Actual365' or 'Thirty360EU'.")
	})
	if err != nil {
		return nil, err
	}
	typ, err := b.bondTypes(args[6])
	if err != nil {
		return nil, err
	}
	pt, err := b.codes(args[11], 0, priceTypeNames, func() error {
		return ddberr.Errorf("The argument [priceType] of bondCalculator must be 'YTM', 'CleanPrice' or 'DirtyPrice'.")
	})
	if err != nil {
		return nil, err
	}
	out := make([]calcBond, b.n)
	for i := range out {
		out[i] = calcBond{start: dates[0][i], m: dates[1][i], s: dates[2][i], issue: nums[0][i], c: nums[1][i], x: nums[2][i],
			f: freq[i], basis: basis[i], typ: typ[i], priceType: pt[i]}
	}
	return out, nil
}

// calcFrequencies reads frequency: 0, 1, 2, 4 or 12, or their names;
// -1 marks a NULL element.
func (b *bcast) calcFrequencies(x value.Value) ([]int, error) {
	bad := ddberr.Errorf("The argument [frequency] of bondCalculator must be 0, 1, 2, 4 or 12, or 'Once', 'Annual', 'Semiannual', 'Quarterly' or 'Monthly'.")
	v, _ := funcs.VectorArg(x)
	if v == nil {
		return nil, bad
	}
	out := make([]int, b.n)
	for i := range out {
		out[i] = -1
		switch {
		case v.T == value.String || v.T == value.Symbol:
			s := v.StrAt(i % v.Len())
			if s == "" {
				continue
			}
			f, ok := calcFrequencies[s]
			if !ok {
				return nil, bad
			}
			out[i] = f
		case funcs.IsIntegralVec(v):
			ls := funcs.LongsOf(v)
			c := ls[i%len(ls)]
			if c == value.NullInt64 {
				continue
			}
			if c != 0 && c != 1 && c != 2 && c != 4 && c != 12 {
				return nil, bad
			}
			out[i] = int(c)
		default:
			return nil, bad
		}
	}
	return out, nil
}

// measures prices the bond; every answer is NULL when an input is NULL
// or settlement is not within [start, maturity).
func (bd calcBond) measures() calcMeasures {
	null := value.NullFloat64
	r := calcMeasures{null, null, null, null, null, null, null, null}
	if bd.start == value.NullInt32 || bd.m == value.NullInt32 || bd.s == value.NullInt32 || bd.f < 0 || bd.basis < 0 ||
		bd.typ < 0 || bd.priceType < 0 || funcs.IsNullF(bd.c) || funcs.IsNullF(bd.x) ||
		bd.s < bd.start || bd.s >= bd.m || (bd.typ == discount && funcs.IsNullF(bd.issue)) {
		return r
	}
	typ := bd.typ
	if typ == fixedRate && bd.f == 0 {
		typ = zeroCoupon // one payment of all the interest at maturity
	}
	var fv float64
	switch typ {
	case discount:
		fv = 100
		r.accrued = (100 - bd.issue) * bd.days(bd.start, bd.s) / bd.days(bd.start, bd.m)
	case zeroCoupon:
		fv = 100 * (1 + bd.c*bd.years(bd.start, bd.m))
		r.accrued = 100 * bd.c * bd.years(bd.start, bd.s)
	default:
		t := terms{s: bd.s, m: bd.m, c: bd.c, red: 100, f: bd.f, basis: bd.basis, bondType: fixedRate}
		p, ok := couponPeriod(bd.s, bd.m, bd.f, bd.basis)
		if !ok || p.e <= 0 {
			return r
		}
		r.accrued = accrued(t, 100)
		if p.n > 1 {
			return bd.manyFlows(flowsOf(t), r)
		}
		fv = 100 * (1 + bd.c/float64(bd.f))
	}
	return bd.oneFlow(fv, bd.years(bd.s, bd.m), r)
}

// oneFlow completes r for one cash flow fv due in t years.
func (bd calcBond) oneFlow(fv, t float64, r calcMeasures) calcMeasures {
	simple := t <= 1
	switch bd.priceType {
	case 0:
		r.ytm = bd.x
		if simple {
			r.dirty = fv / (1 + r.ytm*t)
		} else {
			r.dirty = fv / math.Pow(1+r.ytm, t)
		}
	default:
		r.dirty = bd.x
		if bd.priceType == 1 {
			r.dirty = bd.x + r.accrued
		}
		if simple {
			r.ytm = (fv/r.dirty - 1) / t
		} else {
			r.ytm = math.Pow(fv/r.dirty, 1/t) - 1
		}
	}
	r.clean = r.dirty - r.accrued
	r.mac = t
	if simple {
		d := 1 + r.ytm*t
		r.mod, r.conv = t/d, 2*t*t/(d*d)
	} else {
		d := 1 + r.ytm
		r.mod, r.conv = t/d, t*(t+1)/(d*d)
	}
	r.pvbp = r.mod * r.dirty / 10000
	return r
}

// manyFlows completes r for a fixed-rate bond with coupons to come after
// the current one.
func (bd calcBond) manyFlows(fl flows, r calcMeasures) calcMeasures {
	if !fl.ok {
		return r
	}
	if bd.priceType == 0 {
		r.ytm = bd.x
		r.dirty = fl.price(r.ytm)
	} else {
		r.dirty = bd.x
		if bd.priceType == 1 {
			r.dirty = bd.x + r.accrued
		}
		target := r.dirty
		r.ytm = brent(func(y float64) float64 { return fl.price(y) - target }, -fl.f*(1-1e-9), bd.c, 100)
		if funcs.IsNullF(r.ytm) {
			return calcMeasures{r.ytm, r.ytm, r.ytm, r.ytm, r.ytm, r.ytm, r.ytm, r.ytm}
		}
	}
	r.clean = r.dirty - r.accrued
	r.mac, r.conv = fl.durationConvexity(r.ytm)
	r.mod = r.mac / (1 + r.ytm/fl.f)
	r.pvbp = r.mod * r.dirty / 10000
	return r
}

// days counts the days from a to b under the bond's basis.
func (bd calcBond) days(a, b int32) float64 {
	if bd.basis == thirty360US || bd.basis == thirty360EU {
		return days30(a, b, bd.basis == thirty360US)
	}
	return float64(b - a)
}

// years is the time from a to b in years: under ActualActual each
// interest year (from an anniversary of start to the next) counts its
// own days, 365 or 366; the other bases divide by their year.
func (bd calcBond) years(a, b int32) float64 {
	if bd.basis != actualActual {
		return yearFrac(a, b, bd.basis)
	}
	k := int(float64(a-bd.start)/366) - 1
	for k > 0 && addMonths(bd.start, 12*k) > a {
		k--
	}
	for addMonths(bd.start, 12*(k+1)) <= a {
		k++
	}
	total, cur := 0.0, a
	for {
		lo, hi := addMonths(bd.start, 12*k), addMonths(bd.start, 12*(k+1))
		if b <= hi {
			return total + float64(b-cur)/float64(hi-lo)
		}
		total += float64(hi-cur) / float64(hi-lo)
		cur = hi
		k++
	}
}
