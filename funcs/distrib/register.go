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

	// cdf.go, inv.go and rand.go: the distributions' cdf, inv and rand
	// built-ins, from one table (args.go).
	for _, d := range distributions {
		funcs.Register(spec("cdf"+d.name, d.params, "X", d.domain, d.cdf))
	}
	for _, d := range distributions {
		if d.inv != nil {
			funcs.Register(spec("inv"+d.name, d.params, "X", d.domain, d.inv))
		}
	}
	for _, d := range distributions {
		if d.rand != nil {
			funcs.Register(randSpec("rand"+d.name, d.params, d.domain, d.rand))
		}
	}
	funcs.Register(
		funcs.Spec{Name: "randDiscrete", Params: []string{"v", "p", "count"}, Min: 3, Max: 3, Category: "distributions", Fn: randDiscrete},
		funcs.Spec{Name: "randMultivariateNormal", Params: []string{"mean", "covar", "count", "sampleAsRow"}, Min: 3, Max: 4, Category: "distributions", Fn: randMultivariateNormal},
		funcs.Spec{Name: "norm", Params: []string{"mean", "std", "count"}, Min: 3, Max: 3, Category: "distributions", Fn: norm},
	)
	// multivariateNormal and normal are other names of
	// randMultivariateNormal and norm (their pages).
	funcs.Alias("multivariateNormal", "randMultivariateNormal")
	funcs.Alias("normal", "norm")
}
