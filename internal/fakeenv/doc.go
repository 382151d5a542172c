// Package fakeenv is a stand-in for the interpreter in tests of
// built-ins: a funcs.Env that calls a Go function where a script
// function would run, or answers every query with one value.
package fakeenv
