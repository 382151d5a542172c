// Package distrib registers DolphinDB's probability distributions: the
// densities (pdf*), cumulative distribution functions (cdf*), their
// inverses (inv*) and random generators (rand*, norm), scipy.stats'
// definitions over gonum's special functions. It imports the funcs core
// only.
package distrib
