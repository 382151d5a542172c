package decomp

import (
	"context"
	"math"
	"slices"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
	"gonum.org/v1/gonum/mathext"
	"gonum.org/v1/gonum/stat/distuv"
)

// esdArgs are the options esd and seasonalEsd share.
type esdArgs struct {
	hybrid bool
	k      int
	alpha  float64
}

// readESDArgs reads hybrid, maxAnomalies and alpha at args[i:] for n
// values: maxAnomalies is a count below n/2 or a fraction in (0, 0.5)
// of n (default 0.1); alpha is positive (default 0.05).
func readESDArgs(fn string, args []value.Value, i, n int) (esdArgs, error) {
	a := esdArgs{alpha: 0.05}
	var err error
	if a.hybrid, err = funcs.BoolArg(fn, "hybrid", funcs.GivenArg(args, i), false); err != nil {
		return a, err
	}
	a.k = int(float64(n) * 0.1)
	if m := funcs.Arg(args, i+1); !funcs.NullOrAbsent(m) {
		s, ok := funcs.ScalarArg(m)
		if !ok || !s.T.IsNumeric() {
			return a, ddberr.Errorf("The argument [%s] of %s must be a numeric scalar.", "maxAnomalies", fn)
		}
		f := s.Float64()
		switch {
		case f > 0 && f < 0.5:
			a.k = int(float64(n) * f)
		case f >= 1 && f == math.Trunc(f) && f < float64(n)/2:
			a.k = int(f)
		default:
			return a, funcs.BadArg(fn, "maxAnomalies", "a positive integer less than half the length of data or a number in (0, 0.5)")
		}
	}
	if x := funcs.Arg(args, i+2); !funcs.NullOrAbsent(x) {
		s, ok := funcs.ScalarArg(x)
		if !ok || !s.T.IsNumeric() || !(s.Float64() > 0) {
			return a, ddberr.Errorf("The argument [%s] of %s must be a positive number.", "alpha", fn)
		}
		a.alpha = s.Float64()
	}
	return a, nil
}

// esdData reads the data vector: numeric, without NULLs.
func esdData(fn string, x value.Value) ([]float64, error) {
	v, ok := funcs.VectorArg(x)
	if !ok || v.T == value.Any || v.T == value.Void || !funcs.IsNumericVec(v) {
		return nil, ddberr.Errorf("The argument [%s] of %s must be a numeric vector.", "data", fn)
	}
	y, err := funcs.DoublesOf(fn, v)
	if err != nil {
		return nil, err
	}
	for _, f := range y {
		if funcs.IsNullF(f) {
			return nil, ddberr.Errorf("The input of %s contains NULL values.", fn)
		}
	}
	return y, nil
}

// esd is esd(data, [hybrid], [maxAnomalies], [alpha]) (funcs/e/esd.md):
// the generalized ESD test (Rosner) for up to maxAnomalies outliers.
func esd(env funcs.Env, args []value.Value) (value.Value, error) {
	y, err := esdData("esd", args[0])
	if err != nil {
		return nil, err
	}
	a, err := readESDArgs("esd", args, 1, len(y))
	if err != nil {
		return nil, err
	}
	idx, err := gesd(funcs.ContextOf(env), y, a)
	if err != nil {
		return nil, err
	}
	return anomalyTable(y, idx), nil
}

// seasonalEsd is seasonalEsd(data, period, [hybrid], [maxAnomalies],
// [alpha]) (funcs/s/seasonalEsd.md): the generalized ESD test on what is
// left of data after its periodic, robust STL seasonal part and its
// median (Twitter's S-ESD).
func seasonalEsd(env funcs.Env, args []value.Value) (value.Value, error) {
	y, err := esdData("seasonalEsd", args[0])
	if err != nil {
		return nil, err
	}
	stlIn := make([]value.Value, 12)
	stlIn[1], stlIn[2], stlIn[11] = args[1], value.NewString("periodic"), value.NewBool(true)
	period, err := funcs.IntArg("seasonalEsd", "period", args[1], 0)
	if err != nil || period < 2 || period > int64(len(y))/2 {
		return nil, funcs.BadArg("seasonalEsd", "period", "an integer greater than 1 and at most half the length of data")
	}
	p, err := stlArgs(stlIn, len(y))
	if err != nil {
		return nil, err
	}
	a, err := readESDArgs("seasonalEsd", args, 2, len(y))
	if err != nil {
		return nil, err
	}
	ctx := funcs.ContextOf(env)
	seasonal, _, err := stlDecompose(ctx, y, p)
	if err != nil {
		return nil, err
	}
	periodicMeans(seasonal, p.period)
	med := median(slices.Clone(y))
	rest := make([]float64, len(y))
	for i := range y {
		rest[i] = y[i] - seasonal[i] - med
	}
	idx, err := gesd(ctx, rest, a)
	if err != nil {
		return nil, err
	}
	return anomalyTable(y, idx), nil
}

// anomalyTable is the result table: the anomalies' indexes and values,
// in the order they were found.
func anomalyTable(y []float64, idx []int) *value.Table {
	ix := make([]int32, len(idx))
	vs := make([]float64, len(idx))
	for i, j := range idx {
		ix[i], vs[i] = int32(j), y[j]
	}
	return value.NewTable([]string{"index", "anoms"}, []*value.Vector{value.NewInts(ix), value.NewDoubles(vs)})
}

// gesd removes the most extreme value a.k times, each time measuring
// its distance from the mean in standard deviations (from the median in
// MADs when hybrid), and returns the indexes of the first r removed, r
// the last step whose statistic exceeds Rosner's critical value at
// alpha. The values still in play are always a run [lo, hi) of the
// sorted data, the most extreme one at either end, so each step costs
// O(log n) (the mean and variance are running sums about the first mean);
// up to n steps, each with a t quantile, so it looks at ctx every 1024.
func gesd(ctx context.Context, y []float64, a esdArgs) ([]int, error) {
	n := len(y)
	ord := make([]int, n)
	for i := range ord {
		ord[i] = i
	}
	slices.SortStableFunc(ord, func(i, j int) int {
		switch {
		case y[i] < y[j]:
			return -1
		case y[i] > y[j]:
			return 1
		}
		return 0
	})
	s := make([]float64, n)
	for i, j := range ord {
		s[i] = y[j]
	}
	var shift, s1, s2 float64
	for _, v := range s {
		shift += v
	}
	shift /= float64(n)
	for _, v := range s {
		s1 += v - shift
		s2 += (v - shift) * (v - shift)
	}
	lo, hi := 0, n
	var removed []int
	found := 0
	for i := 1; i <= a.k && hi-lo > 1; i++ {
		if (i-1)&1023 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		m := float64(hi - lo)
		var centre, sigma float64
		if a.hybrid {
			centre = sortedMedian(s[lo:hi])
			sigma = 1.4826 * sortedMAD(s[lo:hi], centre)
		} else {
			centre = shift + s1/m
			sigma = math.Sqrt(math.Max(0, (s2-s1*s1/m)/(m-1)))
		}
		if sigma == 0 || math.IsNaN(sigma) {
			break
		}
		// The first index holding the extreme value: the low end's run
		// of equal values starts with its smallest index, the high end's
		// run is searched for it.
		dLo, dHi := math.Abs(s[lo]-centre), math.Abs(s[hi-1]-centre)
		top := hi - 1
		for top > lo && s[top-1] == s[hi-1] {
			top--
		}
		var at int
		switch {
		case dLo > dHi, dLo == dHi && ord[lo] < ord[top]:
			at = lo
		default:
			at = top
		}
		best := math.Abs(s[at]-centre) / sigma
		removed = append(removed, ord[at])
		v := s[at]
		if at == lo {
			lo++
		} else {
			// Keep the high run sorted: move the taken element to hi-1.
			ord[at], ord[hi-1] = ord[hi-1], ord[at]
			slices.Sort(ord[at : hi-1])
			hi--
		}
		s1 -= v - shift
		s2 -= (v - shift) * (v - shift)
		df := float64(n - i - 1)
		if df <= 0 {
			continue
		}
		tail := a.alpha / (2 * float64(n-i+1))
		if !(tail > 0 && tail < 1) {
			continue
		}
		t := tUpper(tail, df)
		lam := t * float64(n-i) / math.Sqrt((df+t*t)*float64(n-i+1))
		if best > lam {
			found = i
		}
	}
	return removed[:found], nil
}

// tUpper is the t quantile with upper-tail probability q on nu degrees
// of freedom. gonum's inverse is used below 1000 degrees of freedom; above
// it (where that inverse fails far in the tail) the Cornish-Fisher
// expansion about the normal quantile, polished by Newton steps on the
// upper tail 0.5*I(nu/(nu+t^2); nu/2, 1/2).
func tUpper(q, nu float64) float64 {
	if nu < 1000 || q >= 0.5 {
		return distuv.StudentsT{Mu: 0, Sigma: 1, Nu: nu}.Quantile(1 - q)
	}
	z := -distuv.UnitNormal.Quantile(q)
	z2 := z * z
	g1 := (z2 + 1) * z / 4
	g2 := ((5*z2+16)*z2 + 3) * z / 96
	g3 := (((3*z2+19)*z2+17)*z2 - 15) * z / 384
	g4 := ((((79*z2+776)*z2+1482)*z2-1920)*z2 - 945) * z / 92160
	t := z + g1/nu + g2/(nu*nu) + g3/(nu*nu*nu) + g4/(nu*nu*nu*nu)
	d := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: nu}
	for range 3 {
		up := 0.5 * mathext.RegIncBeta(nu/2, 0.5, nu/(nu+t*t))
		step := (up - q) / d.Prob(t)
		if math.IsNaN(step) || math.IsInf(step, 0) {
			break
		}
		t += step
	}
	return t
}

// sortedMedian is the median of sorted values.
func sortedMedian(s []float64) float64 {
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// sortedMAD is the median of |s-c| for sorted s: the deviations below c
// and those above it are two sorted runs, merged by rank.
func sortedMAD(s []float64, c float64) float64 {
	p, _ := slices.BinarySearch(s, c)
	below := s[:p] // deviations c-s[p-1-i], increasing in i
	above := s[p:] // deviations s[p+j]-c, increasing in j
	na, nb := len(below), len(above)
	aAt := func(i int) float64 { return c - below[na-1-i] }
	bAt := func(j int) float64 { return above[j] - c }
	kth := func(k int) float64 {
		l, h := max(0, k-nb), min(k, na)
		for l < h {
			i := (l + h) / 2
			if bAt(k-i-1) > aAt(i) {
				l = i + 1
			} else {
				h = i
			}
		}
		r := math.Inf(1)
		if l < na {
			r = aAt(l)
		}
		if k-l < nb {
			r = math.Min(r, bAt(k-l))
		}
		return r
	}
	m := na + nb
	if m%2 == 1 {
		return kth(m / 2)
	}
	return (kth(m/2-1) + kth(m/2)) / 2
}

// median is the median of xs, which it reorders.
func median(xs []float64) float64 {
	n := len(xs)
	if n == 0 {
		return math.NaN()
	}
	slices.Sort(xs)
	if n%2 == 1 {
		return xs[n/2]
	}
	return (xs[n/2-1] + xs[n/2]) / 2
}
