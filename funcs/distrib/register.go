package distrib

import "github.com/porpoisedb/porpoise/funcs"

// init registers the family, one section per topic file.
func init() {
	// pdf.go.
	funcs.Register(
		funcs.Spec{Name: "pdfNormal", Params: []string{"mean", "stdev", "X"}, Min: 3, Max: 3, Props: funcs.Pure, Category: "statistics", Fn: pdfNormal},
		funcs.Spec{Name: "pdfF", Params: []string{"numeratorDF", "denominatorDF", "X"}, Min: 3, Max: 3, Props: funcs.Pure, Category: "statistics", Fn: pdfF},
		funcs.Spec{Name: "pdfChiSquare", Params: []string{"df", "X"}, Min: 2, Max: 2, Props: funcs.Pure, Category: "statistics", Fn: pdfChiSquare},
	)

	// cdf.go.
	funcs.Register(
		spec("cdfBeta", []string{"alpha", "beta"}, "X", cdfBeta),
		spec("cdfBinomial", []string{"trials", "p"}, "X", cdfBinomial),
		spec("cdfChiSquare", []string{"df"}, "X", cdfChiSquare),
		spec("cdfExp", []string{"mean"}, "X", cdfExp),
		spec("cdfF", []string{"numeratorDF", "denominatorDF"}, "X", cdfF),
		spec("cdfGamma", []string{"shape", "scale"}, "X", cdfGamma),
		spec("cdfKolmogorov", nil, "X", cdfKolmogorov),
		spec("cdfLogistic", []string{"mean", "s"}, "X", cdfLogistic),
		spec("cdfNormal", []string{"mean", "stdev"}, "X", cdfNormal),
		spec("cdfPoisson", []string{"mean"}, "X", cdfPoisson),
		spec("cdfStudent", []string{"df"}, "X", cdfStudent),
		spec("cdfUniform", []string{"lower", "upper"}, "X", cdfUniform),
		spec("cdfWeibull", []string{"alpha", "beta"}, "X", cdfWeibull),
		spec("cdfZipf", []string{"num", "exponent"}, "X", cdfZipf),
	)

	// inv.go.
	funcs.Register(
		spec("invBeta", []string{"alpha", "beta"}, "X", invBeta),
		spec("invBinomial", []string{"trials", "p"}, "X", invBinomial),
		spec("invChiSquare", []string{"df"}, "X", invChiSquare),
		spec("invExp", []string{"mean"}, "X", invExp),
		spec("invF", []string{"numeratorDF", "denominatorDF"}, "X", invF),
		spec("invGamma", []string{"shape", "scale"}, "X", invGamma),
		spec("invLogistic", []string{"mean", "s"}, "X", invLogistic),
		spec("invNormal", []string{"mean", "stdev"}, "X", invNormal),
		spec("invPoisson", []string{"mean"}, "X", invPoisson),
		spec("invStudent", []string{"df"}, "X", invStudent),
		spec("invUniform", []string{"lower", "upper"}, "X", invUniform),
		spec("invWeibull", []string{"alpha", "beta"}, "X", invWeibull),
	)

	// rand.go.
	funcs.Register(
		randSpec("randBeta", []string{"alpha", "beta"}, randBeta),
		randSpec("randBinomial", []string{"trials", "p"}, randBinomial),
		randSpec("randChiSquare", []string{"df"}, randChiSquare),
		randSpec("randExp", []string{"mean"}, randExp),
		randSpec("randF", []string{"numeratorDF", "denominatorDF"}, randF),
		randSpec("randGamma", []string{"shape", "scale"}, randGamma),
		randSpec("randLogistic", []string{"mean", "s"}, randLogistic),
		randSpec("randNormal", []string{"mean", "stdev"}, randNormal),
		randSpec("randPoisson", []string{"mean"}, randPoisson),
		randSpec("randStudent", []string{"df"}, randStudent),
		randSpec("randUniform", []string{"lower", "upper"}, randUniform),
		randSpec("randWeibull", []string{"alpha", "beta"}, randWeibull),
		funcs.Spec{Name: "randDiscrete", Params: []string{"v", "p", "count"}, Min: 3, Max: 3, Category: "distributions", Fn: randDiscrete},
		funcs.Spec{Name: "randMultivariateNormal", Params: []string{"mean", "covar", "count", "sampleAsRow"}, Min: 3, Max: 4, Category: "distributions", Fn: randMultivariateNormal},
		funcs.Spec{Name: "norm", Params: []string{"mean", "std", "count"}, Min: 3, Max: 3, Category: "distributions", Fn: norm},
	)
	// multivariateNormal and normal are other names of
	// randMultivariateNormal and norm (their pages).
	funcs.Alias("multivariateNormal", "randMultivariateNormal")
	funcs.Alias("normal", "norm")
}
