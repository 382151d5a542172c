// Package exception is what script statements raise and catch: the
// exception throw raises, the failure of assert, and the value a catch
// clause binds (progr/statements/throw.md, assert.md, tryCatch.md). The
// interpreter evaluates the statements' expressions and hands the values
// here.
package exception
