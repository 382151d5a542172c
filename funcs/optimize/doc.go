// Package optimize registers DolphinDB's global optimisers of a script
// function: differential evolution (differentialEvolution), polished by a
// bound-constrained limited-memory BFGS. It imports the funcs core only.
package optimize
