package distrib

import (
	"math"

	"gonum.org/v1/gonum/mathext"
	"gonum.org/v1/gonum/stat/distuv"
)

// quantile wraps a distribution's inverse CDF: a probability outside
// [0, 1] and an infinite quantile (of 0 or 1 on an unbounded support)
// are NULL.
func quantile(f func(float64) float64) func(float64) float64 {
	return func(p float64) float64 {
		if !(p >= 0 && p <= 1) {
			return math.NaN()
		}
		r := f(p)
		if math.IsInf(r, 0) {
			return math.NaN()
		}
		return r
	}
}

// The inverse CDFs, each the dist of its page's parameters
// (funcs/i/inv*.md). All return DOUBLE, the discrete ones too (the
// pages' 返回值: DOUBLE).

func invBeta(p []float64) func(float64) float64 {
	a, b := p[0], p[1]
	return quantile(func(x float64) float64 { return mathext.InvRegIncBeta(a, b, x) })
}

// invBinomial is the smallest k with cdfBinomial(k) >= X, as the page's
// examples show (invBinomial(12, 0.627, 0.3) is 7, not 6).
func invBinomial(p []float64) func(float64) float64 {
	f := cdfBinomial(p)
	n, q := p[0], p[1]
	sd := math.Sqrt(n * q * (1 - q))
	return quantile(func(x float64) float64 {
		z := distuv.UnitNormal.Quantile(x)
		guess := n*q + sd*z + (1-2*q)*(z*z-1)/6
		return smallestAtLeastFrom(f, x, guess, func() float64 { return n })
	})
}

func invChiSquare(p []float64) func(float64) float64 {
	k := p[0]
	return quantile(func(x float64) float64 { return 2 * mathext.GammaIncRegInv(k/2, x) })
}

func invExp(p []float64) func(float64) float64 {
	mean := p[0]
	return quantile(func(x float64) float64 { return -mean * math.Log1p(-x) })
}

func invF(p []float64) func(float64) float64 {
	return quantile(distuv.F{D1: p[0], D2: p[1]}.Quantile)
}

func invGamma(p []float64) func(float64) float64 {
	shape, scale := p[0], p[1]
	return quantile(func(x float64) float64 { return scale * mathext.GammaIncRegInv(shape, x) })
}

func invLogistic(p []float64) func(float64) float64 {
	mean, s := p[0], p[1]
	return quantile(func(x float64) float64 { return mean + s*math.Log(x/(1-x)) })
}

func invNormal(p []float64) func(float64) float64 {
	return quantile(distuv.Normal{Mu: p[0], Sigma: p[1]}.Quantile)
}

// invPoisson is the smallest k with cdfPoisson(k) >= X (the page's
// invPoisson(1, 0.92) is 3); X = 1 has no finite quantile: NULL.
func invPoisson(p []float64) func(float64) float64 {
	f := cdfPoisson(p)
	mean := p[0]
	return quantile(func(x float64) float64 {
		if x == 1 {
			return math.NaN()
		}
		z := distuv.UnitNormal.Quantile(x)
		guess := mean + math.Sqrt(mean)*z + (z*z-1)/6
		return smallestAtLeastFrom(f, x, guess, func() float64 {
			hi := math.Ceil(mean + 10*math.Sqrt(mean) + 10)
			for i := 0; f(hi) < x; i++ {
				if i == 64 {
					return math.NaN()
				}
				hi *= 2
			}
			return hi
		})
	})
}

// smallestAtLeastFrom is smallestAtLeast started at guess (the
// Cornish-Fisher approximation of the quantile), which is usually within
// a step or two of the answer; it bisects up to upper() when guess is
// far off.
func smallestAtLeastFrom(f func(float64) float64, x, guess float64, upper func() float64) float64 {
	if !math.IsNaN(guess) && !math.IsInf(guess, 0) {
		k := max(0, math.Floor(guess))
		for step := 0; step < 16; step++ {
			if f(k) >= x {
				if k == 0 || f(k-1) < x {
					return k
				}
				k--
			} else {
				k++
			}
		}
	}
	hi := upper()
	if math.IsNaN(hi) {
		return hi
	}
	return smallestAtLeast(f, x, hi)
}

// smallestAtLeast is the smallest whole k in [0, hi] with f(k) >= x, f
// non-decreasing and f(hi) >= x; bisection, bounded for the magnitudes
// past 2^53 where whole numbers are no longer one apart.
func smallestAtLeast(f func(float64) float64, x, hi float64) float64 {
	lo := 0.0
	for i := 0; lo < hi && i < 2200; i++ {
		mid := math.Floor(lo + (hi-lo)/2)
		if f(mid) >= x {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}

func invStudent(p []float64) func(float64) float64 {
	return quantile(distuv.StudentsT{Mu: 0, Sigma: 1, Nu: p[0]}.Quantile)
}

func invUniform(p []float64) func(float64) float64 {
	lo, hi := p[0], p[1]
	return quantile(func(x float64) float64 { return lo + x*(hi-lo) })
}

func invWeibull(p []float64) func(float64) float64 {
	k, scale := p[0], p[1]
	return quantile(func(x float64) float64 { return scale * math.Pow(-math.Log1p(-x), 1/k) })
}
