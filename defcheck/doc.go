// Package defcheck applies, before any statement of a script runs, the
// rules DolphinDB checks on definitions when it compiles a script (where
// named functions and share statements may appear, which names they may
// take, and the default-value rules of parameter lists).
package defcheck
