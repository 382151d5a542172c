package hypotest

import (
	"math"
	"sort"

	"gonum.org/v1/gonum/stat/distuv"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/distrib"
	"github.com/porpoisedb/porpoise/value"
)

// mannWhitneyUTest is mannWhitneyUTest(X, Y, [correct=true])
// (funcs/m/mannWhitneyUTest.md): the normal approximation of the
// Mann-Whitney U test, with the tie correction of the variance and,
// when correct, the continuity correction. U is Y's statistic, n*m minus
// X's: the page's example prints U 11 for X's 19, and its one-sided
// p-values are those of that U (less 0.259011, greater 0.797036).
func mannWhitneyUTest(_ funcs.Env, args []value.Value) (value.Value, error) {
	const fn = "mannWhitneyUTest"
	r := funcs.ReadArgs(fn, args)
	x, y := samples(r, 1)
	correct := r.Bool("correct", r.Given(2), true)
	if err := r.Err(); err != nil {
		return nil, err
	}
	n1, n2 := float64(len(x)), float64(len(y))
	all := make([]float64, 0, len(x)+len(y))
	all = append(append(all, x...), y...)
	idx := make([]int, len(all))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(a, b int) bool { return all[idx[a]] < all[idx[b]] })
	// mid-ranks; ties accumulates sum(t^3 - t) over groups of ties.
	var rankY, ties float64
	for i := 0; i < len(idx); {
		j := i
		for j < len(idx) && all[idx[j]] == all[idx[i]] {
			j++
		}
		rank := float64(i+j+1) / 2
		for k := i; k < j; k++ {
			if idx[k] >= len(x) {
				rankY += rank
			}
		}
		t := float64(j - i)
		ties += t*t*t - t
		i = j
	}
	u := rankY - n2*(n2+1)/2
	n := n1 + n2
	mean := n1 * n2 / 2
	sd := math.Sqrt(n1 * n2 / 12 * ((n + 1) - ties/(n*(n-1))))
	c := 0.0
	if correct {
		c = 0.5
	}
	phi := distuv.UnitNormal.CDF
	d := u - mean
	var p [3]float64
	if sd > 0 {
		two := math.Abs(d) - c
		if d == 0 {
			two = 0
		}
		p = [3]float64{min(1, 2*phi(-max(two, 0)/sd)), phi((d + c) / sd), phi(-(d - c) / sd)}
	} else {
		p = [3]float64{math.NaN(), math.NaN(), math.NaN()}
	}
	return result(
		entry{"stat", alternatives("true location shift", 0, p, nil)},
		entry{"correct", value.NewBool(correct)},
		entry{"method", value.NewString("Mann-Whitney U test")},
		entry{"U", dbl(u)},
	), nil
}

// ksTest is ksTest(X, Y) (funcs/k/ksTest.md): the two-sample
// Kolmogorov-Smirnov test. D is the largest distance of the samples'
// empirical CDFs; ksValue is Numerical Recipes' (sqrt(en) + 0.12 +
// 0.11/sqrt(en))*D and pValue the Kolmogorov survival function there.
// en is n*m/(n+m) in whole numbers: the page's example (n 50, m 20, D
// 0.19) prints ksValue 0.739301, which en 14 gives and 14.2857 does not.
func ksTest(_ funcs.Env, args []value.Value) (value.Value, error) {
	const fn = "ksTest"
	r := funcs.ReadArgs(fn, args)
	x, y := samples(r, 1)
	if err := r.Err(); err != nil {
		return nil, err
	}
	xs := append([]float64(nil), x...)
	ys := append([]float64(nil), y...)
	sort.Float64s(xs)
	sort.Float64s(ys)
	n, m := len(xs), len(ys)
	var d float64
	for i, j := 0, 0; i < n && j < m; {
		v := min(xs[i], ys[j])
		for i < n && xs[i] == v {
			i++
		}
		for j < m && ys[j] == v {
			j++
		}
		d = max(d, math.Abs(float64(i)/float64(n)-float64(j)/float64(m)))
	}
	en := math.Sqrt(float64(n * m / (n + m)))
	ks := (en + 0.12 + 0.11/en) * d
	return result(
		entry{"ksValue", dbl(ks)},
		entry{"pValue", dbl(distrib.KolmogorovSF(ks))},
		entry{"D", dbl(d)},
		entry{"method", value.NewString("Two-sample Kolmogorov-Smirnov test")},
	), nil
}
