package bond

import (
	"math"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

var crmwParams = []string{"settlement", "maturity", "fv", "ys", "yd"}

// crmwCBond values a credit risk mitigation warrant on a bond that repays
// fv once at maturity, by ChinaBond's method (funcs/c/crmwcbond.md): the
// bond discounted at the creator's yield ys less the bond discounted at
// its own yield yd.
func crmwCBond(_ funcs.Env, args []value.Value) (value.Value, error) {
	b, err := newBcast("crmwCBond", crmwParams, args)
	if err != nil {
		return nil, err
	}
	s, err := b.dates("settlement", args[0])
	if err != nil {
		return nil, err
	}
	m, err := b.dates("maturity", args[1])
	if err != nil {
		return nil, err
	}
	nums := make([][]float64, 3)
	for k := range nums {
		if nums[k], err = b.doubles(crmwParams[k+2], args[k+2], 0); err != nil {
			return nil, err
		}
	}
	fv, ys, yd := nums[0], nums[1], nums[2]
	out := make([]float64, b.n)
	for i := range out {
		out[i] = value.NullFloat64
		if s[i] == value.NullInt32 || m[i] == value.NullInt32 || s[i] >= m[i] ||
			!(fv[i] >= 0) || !(ys[i] >= 0) || !(yd[i] >= 0) ||
			funcs.IsNullF(fv[i]) || funcs.IsNullF(ys[i]) || funcs.IsNullF(yd[i]) {
			continue
		}
		out[i] = oneOffPV(s[i], m[i], fv[i], ys[i]) - oneOffPV(s[i], m[i], fv[i], yd[i])
	}
	return b.result(out), nil
}

// oneOffPV is ChinaBond's value at settlement s of fv repaid at maturity
// m at yield y: fv/(1+y*d/TY) within the bond's last year, else
// fv/(1+y)^(d/TY+n), where d is the days to the next anniversary of
// maturity, TY the actual days of that interest year (366 when it holds
// a February 29th) and n the whole years after it.
func oneOffPV(s, m int32, fv, y float64) float64 {
	n := 0
	end := m
	for {
		start := addMonths(m, -12*(n+1))
		if start <= s {
			d, ty := float64(end-s), float64(end-start)
			if n == 0 {
				return fv / (1 + y*d/ty)
			}
			return fv / math.Pow(1+y, d/ty+float64(n))
		}
		n++
		end = start
	}
}
