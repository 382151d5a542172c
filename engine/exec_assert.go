package engine

import (
	"github.com/porpoisedb/porpoise/exception"
	"github.com/porpoisedb/porpoise/sqlparse"
	"github.com/porpoisedb/porpoise/value"
)

// execThrow raises the user exception `throw x` (package exception).
func (in *interp) execThrow(n *sqlparse.ThrowStmt) error {
	v, err := in.eval(n.X)
	if err != nil {
		return err
	}
	return exception.Throw(v)
}

// execAssert checks `assert [case,] x` (package exception).
func (in *interp) execAssert(n *sqlparse.AssertStmt) error {
	var c value.Value
	if n.Case != nil {
		var err error
		if c, err = in.eval(n.Case); err != nil {
			return err
		}
	}
	v, err := in.eval(n.X)
	if err != nil {
		return err
	}
	return exception.Assert(c, v)
}
