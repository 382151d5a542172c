// Package defcheck applies, before any statement of a script runs, the
// rules DolphinDB checks on definitions when it compiles a script (where
// named functions and share statements may appear, which names they may
// take, the default-value rules of parameter lists, that a declared
// function is defined as declared, and the JIT's rules for @jit
// functions that need no type inference).
package defcheck
