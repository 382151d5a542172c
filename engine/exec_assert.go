package engine

import (
	"errors"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/sqlparse"
	"github.com/porpoisedb/porpoise/value"
)

// execThrow raises the user exception `throw x`; its message is x as
// printed (a string's text).
func (in *interp) execThrow(n *sqlparse.ThrowStmt) error {
	v, err := in.eval(n.X)
	if err != nil {
		return err
	}
	if s, ok := v.(*value.Scalar); ok && s.T.Category() == value.CatLiteral {
		return errors.New(s.S)
	}
	return errors.New(v.String())
}

// execAssert checks `assert [case,] x`; a false (or NULL) x fails with
// DolphinDB's "Testing case <case> failed", the case defaulting to
// adhocTesting.
func (in *interp) execAssert(n *sqlparse.AssertStmt) error {
	name := "adhocTesting"
	if n.Case != nil {
		c, err := in.eval(n.Case)
		if err != nil {
			return err
		}
		if s, ok := c.(*value.Scalar); ok && s.T.Category() == value.CatLiteral {
			name = s.S
		} else {
			name = c.String()
		}
	}
	v, err := in.eval(n.X)
	if err != nil {
		return err
	}
	ok, err := assertTruth(v)
	if err != nil {
		return err
	}
	if !ok {
		return ddberr.Errorf("Testing case %s failed", name)
	}
	return nil
}

// assertTruth is true when x is true, or a vector all of whose elements are.
func assertTruth(x value.Value) (bool, error) {
	switch v := x.(type) {
	case *value.Scalar:
		return v.Bool(), nil
	case *value.Vector:
		if v.T != value.Bool {
			break
		}
		for _, b := range v.I8 {
			if b != 1 {
				return false, nil
			}
		}
		return true, nil
	}
	return false, ddberr.Errorf("The assert expression must be a boolean scalar or vector.")
}
