// Package regress registers the linear regression functions: ordinary and
// weighted least squares with their coefficient, regression-statistic and
// ANOVA tables (ols, olsEx, wls, residual, beta), the penalised models
// fitted by coordinate descent (ridge, lasso, elasticNet, their Basic
// forms over vectors and their cross-validated forms), bounded least
// squares (bvls), continuous piecewise polynomial fits (piecewiseLinFit,
// pwlfPredict) and polynomial evaluation (polynomial). It imports the
// funcs core, funcs/system (data sources), funcs/mathfn (the
// pseudo-inverse) and funcs/optimize (the Nelder-Mead simplex order)
// only.
package regress
