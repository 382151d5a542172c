// Package optimize registers DolphinDB's optimisers of a script
// function: differential evolution (differentialEvolution), Nelder-Mead
// (fmin, brute's polish), BFGS (fminBFGS), a bound-constrained limited-
// memory BFGS (fminLBFGSB and the differentialEvolution polish), Newton-
// CG (fminNCG) and Brent's root finder (brentq), and the readers of an
// optimiser's arguments and results funcs/linprog's fminSLSQP shares
// (loess reads its options with FloatOpt, piecewiseLinFit orders its
// simplex with SortSimplex). It imports the funcs core only.
package optimize
