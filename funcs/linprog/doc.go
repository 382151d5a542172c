// Package linprog registers DolphinDB's linear algebra solvers and
// mathematical programs: solve (a linear system), linprog, quadprog,
// qclp and socp. It imports the funcs core and gonum's mat.
package linprog
