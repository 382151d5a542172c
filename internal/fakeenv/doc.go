// Package fakeenv is a stand-in for the interpreter in tests of numeric
// built-ins: a funcs.Env that calls a Go function where a script
// function would run.
package fakeenv
