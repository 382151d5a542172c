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
		return &thrown{s.S}
	}
	return &thrown{v.String()}
}

// thrown is an exception a script raised with throw.
type thrown struct{ msg string }

func (t *thrown) Error() string { return t.msg }

// caught is what a catch clause's variable holds: the exception's class
// and message as a STRING pair, the class USER for a thrown one
// (progr/statements/throw.md) and SYSTEM_<kind> for the system's.
func caught(err error) value.Value {
	class := "SYSTEM_" + ddberr.KindOf(err).String()
	if errors.As(err, new(*thrown)) {
		class = "USER"
	}
	return value.NewPair(value.NewString(class), value.NewString(err.Error()))
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
