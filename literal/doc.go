// Package literal gives the values script text denotes by itself, with
// no session: literals (numbers, durations, temporals, strings, NULLs of
// a type) and the built-in constant names (data types, partition types,
// data forms, privileges, seek modes, pi), and the way back: Source
// renders a scalar or vector as literal text that denotes it again.
//
// It may not evaluate anything else: names of variables and functions
// are the interpreter's.
package literal
