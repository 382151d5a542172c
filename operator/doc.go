// Package operator is DolphinDB's operators over values: arithmetic,
// comparison, logic, bitwise, range, membership, between, reshape and set
// operators, with broadcasting of scalars over vectors, matrices and
// tables and DolphinDB's NULL rules, on the typed kernels of value/kernel.
// It also declares the operators' function names (add, sub, eq, in, seq
// ...) in the funcs registry. It evaluates no script: the interpreter
// evaluates operands and calls it.
package operator
