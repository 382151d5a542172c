package distrib

import (
	"math"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// pdfNormal is the normal density (funcs/p/pdfNormal.md).
func pdfNormal(_ funcs.Env, args []value.Value) (value.Value, error) {
	p, err := params("pdfNormal", args, "mean", "stdev")
	if err != nil {
		return nil, err
	}
	mean, sd := p[0], p[1]
	return density("pdfNormal", args[2], func(x float64) float64 {
		if !(sd > 0) {
			return math.NaN()
		}
		z := (x - mean) / sd
		return math.Exp(-z*z/2) / (sd * math.Sqrt(2*math.Pi))
	})
}

// pdfF is the F density with d1 and d2 degrees of freedom
// (funcs/p/pdfF.md).
func pdfF(_ funcs.Env, args []value.Value) (value.Value, error) {
	p, err := params("pdfF", args, "numeratorDF", "denominatorDF")
	if err != nil {
		return nil, err
	}
	d1, d2 := p[0], p[1]
	lbeta := lgamma(d1/2) + lgamma(d2/2) - lgamma((d1+d2)/2)
	return density("pdfF", args[2], func(x float64) float64 {
		switch {
		case !(d1 > 0) || !(d2 > 0):
			return math.NaN()
		case x < 0:
			return 0
		case x == 0:
			return atZero(d1, 1)
		}
		return math.Exp(d1/2*math.Log(d1) + d2/2*math.Log(d2) + (d1/2-1)*math.Log(x) -
			(d1+d2)/2*math.Log(d2+d1*x) - lbeta)
	})
}

// pdfChiSquare is the chi-squared density with df degrees of freedom
// (funcs/p/pdfChiSquare.md).
func pdfChiSquare(_ funcs.Env, args []value.Value) (value.Value, error) {
	p, err := params("pdfChiSquare", args, "df")
	if err != nil {
		return nil, err
	}
	k := p[0]
	return density("pdfChiSquare", args[1], func(x float64) float64 {
		switch {
		case !(k > 0):
			return math.NaN()
		case x < 0:
			return 0
		case x == 0:
			return atZero(k, 0.5)
		}
		return math.Exp((k/2-1)*math.Log(x) - x/2 - k/2*math.Ln2 - lgamma(k/2))
	})
}

// atZero is a density x^(d/2-1)*c at x = 0: infinite (NULL) below 2
// degrees of freedom, c at 2 and 0 above.
func atZero(d, c float64) float64 {
	switch {
	case d < 2:
		return math.Inf(1)
	case d == 2:
		return c
	}
	return 0
}

func lgamma(x float64) float64 {
	r, _ := math.Lgamma(x)
	return r
}
