// Package fakeenv is a stand-in for the interpreter in tests of
// built-ins: a funcs.Env that calls a Go function where a script
// function would run, or answers every query with one value; and the
// check the long-running built-ins share, that a cancelled request stops
// them (RequireStops, RequireRuns).
package fakeenv
