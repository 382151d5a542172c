package bond

import (
	"math"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// The conversion factor of a deliverable bond for a treasury bond future
// (funcs/t/treasuryconversionfactor.md), by CFFEX's formula: with r the
// contract coupon, c the deliverable's, f its frequency, x the months to
// its next coupon and n its remaining payments,
//
//	CF = [c/f + c/r + (1-c/r)/(1+r/f)^(n-1)] / (1+r/f)^(x*f/12) - c/f*(1-x*f/12).

var tcfParams = []string{"contractCoupon", "deliverableCoupon", "monthsToNextCoupon", "remainingPayments", "frequency"}

// tcfFrequencies are the payments a year the page lists, by the DURATION
// that spells each.
var tcfFrequencies = map[string]int{"1y": 1, "6M": 2, "4M": 3, "3M": 4, "2M": 6, "1M": 12, "4w": 13, "2w": 26, "1w": 52, "1d": 365}

func treasuryConversionFactor(_ funcs.Env, args []value.Value) (value.Value, error) {
	const fn = "treasuryConversionFactor"
	b, err := newBcast(fn, tcfParams, args)
	if err != nil {
		return nil, err
	}
	var in [4][]float64
	for k := range in {
		if in[k], err = b.doubles(tcfParams[k], args[k], 0); err != nil {
			return nil, err
		}
	}
	freq, err := b.tcfFrequencies(args[4])
	if err != nil {
		return nil, err
	}
	out := make([]float64, b.n)
	for i := range out {
		r, c, x, n, f := in[0][i], in[1][i], in[2][i], in[3][i], float64(freq[i])
		out[i] = value.NullFloat64
		if funcs.IsNullF(r) || funcs.IsNullF(c) || funcs.IsNullF(x) || funcs.IsNullF(n) || f <= 0 ||
			r < 0 || c < 0 || x < 0 || n < 0 {
			continue
		}
		v := 1 + r/f
		out[i] = (c/f+c/r+(1-c/r)/math.Pow(v, n-1))/math.Pow(v, x*f/12) - c/f*(1-x*f/12)
	}
	return b.result(out), nil
}

// tcfFrequencies reads treasuryConversionFactor's frequency: a positive
// count a year from the page's list or the DURATION that spells it; 0
// marks a NULL element.
func (b *bcast) tcfFrequencies(x value.Value) ([]int, error) {
	return b.frequencyArg(x, tcfFrequencies, ddberr.Errorf("The argument [frequency] of treasuryConversionFactor must be 1, 2, 3, 4, 6, 12, 13, 26, 52 or 365, or the DURATION 1y, 6M, 4M, 3M, 2M, 1M, 4w, 2w, 1w or 1d."))
}
