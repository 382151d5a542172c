// Package stmterr puts on a runtime error the statement it came out of,
// as DolphinDB reports it: the failing statement, unparsed, then " => ",
// then the message ("x * y => Scale out of bound ..."); out of a user
// function, "fname: statement => message", so that a call chain reads
// "myfunc() => myfunc: return ... => Can't find the object with name t3".
//
// The interpreter marks an error with the simple statement (an
// expression, assignment, return, throw, SQL statement, ...) it came out
// of (Mark); compound statements (if, for, while, try) add nothing. The
// mark is turned into text only where the error leaves the frame: at the
// top of a script (Top) or out of a user function's body (Function), so a
// catch clause in the same frame binds the message without it (Strip),
// as progr/statements/tryCatch.md shows. Errors that no statement ran
// into (syntax errors, a function-call request's own built-in) get no
// prefix.
package stmterr
