// Package linprog registers DolphinDB's linear algebra solvers and
// mathematical programs: solve (a linear system), linprog (simplex),
// quadprog, qclp, socp, osqp and scs (an interior-point method), and
// fminSLSQP, sequential quadratic programming over the same interior-
// point method. It imports the funcs core, funcs/optimize (the readers
// and bounds fminSLSQP shares with the optimisers) and gonum's mat.
package linprog
