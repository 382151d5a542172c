package distrib

import (
	"math"

	"gonum.org/v1/gonum/mathext"
	"gonum.org/v1/gonum/stat/distuv"
)

// cdf wraps a distribution's cumulative distribution function: -inf is
// 0 and +inf 1 whatever the distribution.
func cdf(f func(float64) float64) func(float64) float64 {
	return func(x float64) float64 {
		switch {
		case math.IsInf(x, -1):
			return 0
		case math.IsInf(x, 1):
			return 1
		}
		return f(x)
	}
}

// The CDFs, each the dist of its page's parameters (funcs/c/cdf*.md)
// within the domain its entry in distributions checks.

func cdfBeta(p []float64) func(float64) float64 {
	return cdf(distuv.Beta{Alpha: p[0], Beta: p[1]}.CDF)
}

func cdfBinomial(p []float64) func(float64) float64 {
	n, q := p[0], p[1]
	return cdf(func(x float64) float64 {
		switch {
		case x < 0:
			return 0
		case x >= n:
			return 1
		case q == 0:
			return 1
		case q == 1:
			return 0
		}
		return distuv.Binomial{N: n, P: q}.CDF(x)
	})
}

func cdfChiSquare(p []float64) func(float64) float64 {
	k := p[0]
	return cdf(func(x float64) float64 {
		if x <= 0 {
			return 0
		}
		return mathext.GammaIncReg(k/2, x/2)
	})
}

func cdfExp(p []float64) func(float64) float64 {
	mean := p[0]
	return cdf(func(x float64) float64 {
		if x <= 0 {
			return 0
		}
		return -math.Expm1(-x / mean)
	})
}

func cdfF(p []float64) func(float64) float64 {
	d1, d2 := p[0], p[1]
	return cdf(func(x float64) float64 {
		if x <= 0 {
			return 0
		}
		return mathext.RegIncBeta(d1/2, d2/2, d1*x/(d1*x+d2))
	})
}

func cdfGamma(p []float64) func(float64) float64 {
	shape, scale := p[0], p[1]
	return cdf(func(x float64) float64 {
		if x <= 0 {
			return 0
		}
		return mathext.GammaIncReg(shape, x/scale)
	})
}

// cdfKolmogorov follows its page, whose printed values are those of the
// Kolmogorov distribution's survival function 1-K(x) (scipy.special's
// kolmogorov): cdfKolmogorov(1) is 0.27, not K(1) = 0.73.
func cdfKolmogorov([]float64) func(float64) float64 {
	return cdf(KolmogorovSF)
}

// KolmogorovSF is the Kolmogorov distribution's survival function,
// P(sqrt(n)*D > x) in the limit: 1 - sqrt(2*pi)/x *
// sum exp(-(2k-1)^2*pi^2/(8x^2)) below 1, 2*sum (-1)^(k-1) exp(-2k^2x^2)
// above, each series converging fast on its side.
func KolmogorovSF(x float64) float64 {
	if x <= 0 {
		return 1
	}
	if x < 1 {
		var s float64
		c := math.Pi * math.Pi / (8 * x * x)
		for k := 1; k < 20; k++ {
			m := float64(2*k - 1)
			t := math.Exp(-m * m * c)
			s += t
			if t < 1e-17*s {
				break
			}
		}
		return 1 - math.Sqrt(2*math.Pi)/x*s
	}
	var s float64
	sign := 1.0
	for k := 1; k < 100; k++ {
		t := math.Exp(-2 * float64(k*k) * x * x)
		s += sign * t
		if t < 1e-17 {
			break
		}
		sign = -sign
	}
	return min(1, max(0, 2*s))
}

func cdfLogistic(p []float64) func(float64) float64 {
	return cdf(distuv.Logistic{Mu: p[0], S: p[1]}.CDF)
}

func cdfNormal(p []float64) func(float64) float64 {
	return cdf(distuv.Normal{Mu: p[0], Sigma: p[1]}.CDF)
}

func cdfPoisson(p []float64) func(float64) float64 {
	return cdf(distuv.Poisson{Lambda: p[0]}.CDF)
}

func cdfStudent(p []float64) func(float64) float64 {
	nu := p[0]
	if nu > 1e7 {
		// gonum's incomplete beta loses digits at such df; the first
		// term of t's expansion about the normal is exact to O(1/nu^2).
		return cdf(func(x float64) float64 {
			return distuv.UnitNormal.CDF(x) - distuv.UnitNormal.Prob(x)*(x*x*x+x)/(4*nu)
		})
	}
	return cdf(func(x float64) float64 {
		// I_{nu/(nu+x^2)}(nu/2, 1/2) is twice the tail beyond |x|.
		tail := mathext.RegIncBeta(nu/2, 0.5, nu/(nu+x*x)) / 2
		if x < 0 {
			return tail
		}
		return 1 - tail
	})
}

func cdfUniform(p []float64) func(float64) float64 {
	lo, hi := p[0], p[1]
	return cdf(func(x float64) float64 {
		return min(1, max(0, (x-lo)/(hi-lo)))
	})
}

func cdfWeibull(p []float64) func(float64) float64 {
	return cdf(distuv.Weibull{K: p[0], Lambda: p[1]}.CDF)
}

// cdfZipf is the CDF of Zipf's law over num elements:
// H(floor(x), exponent) / H(num, exponent), H the generalised harmonic
// number.
func cdfZipf(p []float64) func(float64) float64 {
	n, s := p[0], p[1]
	h := newHarmonic(s, n)
	total := h.at(n)
	return cdf(func(x float64) float64 {
		switch {
		case x < 1:
			return 0
		case x >= n:
			return 1
		}
		return h.at(math.Floor(x)) / total
	})
}

// harmonic computes generalised harmonic numbers sum_{i<=k} i^-s:
// exactly from a prefix table up to harmonicDirect, by Euler-Maclaurin
// beyond.
type harmonic struct {
	s      float64
	prefix []float64
}

const harmonicDirect = 1 << 16

// newHarmonic tabulates H up to n or harmonicDirect, whichever is less.
func newHarmonic(s, n float64) *harmonic {
	top := int(min(n, harmonicDirect))
	prefix := make([]float64, top+1)
	for i := 1; i <= top; i++ {
		prefix[i] = prefix[i-1] + math.Pow(float64(i), -s)
	}
	return &harmonic{s: s, prefix: prefix}
}

func (h *harmonic) at(k float64) float64 {
	top := len(h.prefix) - 1
	if k <= float64(top) {
		return h.prefix[int(k)]
	}
	return h.prefix[top] + h.tail(float64(top+1), k)
}

// tail is sum_{i=m}^{n} i^-s by Euler-Maclaurin: the integral, half the
// end terms, and the Bernoulli corrections of the first, third and fifth
// derivatives.
func (h *harmonic) tail(m, n float64) float64 {
	s := h.s
	f := func(x float64) float64 { return math.Pow(x, -s) }
	var integral float64
	if s == 1 {
		integral = math.Log(n / m)
	} else {
		integral = (math.Pow(n, 1-s) - math.Pow(m, 1-s)) / (1 - s)
	}
	// d^j/dx^j x^-s = (-1)^j s(s+1)...(s+j-1) x^(-s-j)
	deriv := func(j int, x float64) float64 {
		c := 1.0
		for i := 0; i < j; i++ {
			c *= -(s + float64(i))
		}
		return c * math.Pow(x, -s-float64(j))
	}
	sum := integral + (f(m)+f(n))/2
	sum += (deriv(1, n) - deriv(1, m)) / 12
	sum -= (deriv(3, n) - deriv(3, m)) / 720
	sum += (deriv(5, n) - deriv(5, m)) / 30240
	return sum
}
