package stmterr

import (
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/sqlparse/unparse"
)

// marked is an error on its way out of the frame that ran stmt; it is
// unparsed only if it leaves the frame.
type marked struct {
	stmt ast.Stmt
	err  error
}

func (m *marked) Error() string { return m.err.Error() }
func (m *marked) Unwrap() error { return m.err }

// Mark records that err came out of the simple statement st. A mark
// already on err (a statement a built-in ran for this one, such as
// eval of metacode) gives way to st, the statement of the running frame.
// A syntax error is left as it is: DolphinDB finds those (an unknown
// name, an invalid column) while parsing, before any statement runs, and
// reports them bare.
func Mark(st ast.Stmt, err error) error {
	if err == nil {
		return nil
	}
	err = Strip(err)
	if ddberr.KindOf(err) == ddberr.Syntax || strings.HasPrefix(err.Error(), "Syntax Error") {
		return err
	}
	return &marked{st, err}
}

// Strip is err without its mark: what a catch clause in the same frame
// binds.
func Strip(err error) error {
	if m, ok := err.(*marked); ok {
		return m.err
	}
	return err
}

// Top is err as a script reports it: "statement => message" when a
// statement marked it, else err unchanged.
func Top(err error) error {
	return prefixed("", err)
}

// Function is err leaving the body of the user function name:
// "name: statement => message" when a statement of the body marked it.
// An anonymous function (name "") adds nothing: the manual shows no name
// DolphinDB gives one, and the statement that called it still prefixes
// the error.
func Function(name string, err error) error {
	if name == "" {
		return Strip(err)
	}
	return prefixed(name+": ", err)
}

func prefixed(who string, err error) error {
	m, ok := err.(*marked)
	if !ok {
		return err
	}
	return ddberr.AtStatement(who+unparse.Statement(m.stmt), m.err)
}
