// Package readonly keeps the names a frame of variables holds read-only —
// constants declared by `const x = v` (progr/objs/const.md) and function
// parameters declared without `mutable` — and gives DolphinDB's errors
// when a script modifies one, rebinds the built-in constants pi and e, or
// passes a read-only object to a mutating built-in.
//
// It reads parsed targets (sqlparse) and holds no values: the interpreter
// asks it before every assignment.
package readonly
