// Package kernel runs DolphinDB's element-wise operators and whole-vector
// aggregates as typed loops over value's slices, with DolphinDB's NULL
// rules.
//
// It owns the operator table (Op, ParseOp) and the loops; it reads and
// builds value vectors but never changes value's model, converts operands
// only through package cast, and value never imports it.
package kernel
