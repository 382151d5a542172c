// Package litval is what the literal nodes of a script's AST denote,
// converted once and kept in the node: a scalar literal's value, shared
// with the operators that only read it and copied for everything else
// that may keep or change it; a vector literal of literals, copied on
// each evaluation; and the values of a typed vector literal (bool[1,0])
// and of an array-vector type (INT[]).
package litval
