package exception

import (
	"errors"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/value"
)

// Throw is the user exception `throw x` raises; its message is x as
// printed (a string's text).
func Throw(x value.Value) error { return &thrown{text(x)} }

func text(x value.Value) string {
	if s, ok := x.(*value.Scalar); ok && s.T.Category() == value.CatLiteral {
		return s.S
	}
	return x.String()
}

// thrown is an exception a script raised with throw.
type thrown struct{ msg string }

func (t *thrown) Error() string { return t.msg }

// Caught is what a catch clause's variable holds: the exception's class
// and message as a STRING pair, the class USER for a thrown one
// (progr/statements/throw.md) and SYSTEM_<kind> for the system's.
func Caught(err error) value.Value {
	class := "SYSTEM_" + ddberr.KindOf(err).String()
	if errors.As(err, new(*thrown)) {
		class = "USER"
	}
	return value.NewPair(value.NewString(class), value.NewString(err.Error()))
}

// Assert checks `assert [testCase,] x`: a false (or NULL) x fails with
// DolphinDB's "Testing case <case> failed", the case (nil when the
// statement names none) defaulting to adhocTesting.
func Assert(testCase, x value.Value) error {
	name := "adhocTesting"
	if testCase != nil {
		name = text(testCase)
	}
	ok, err := truth(x)
	if err != nil {
		return err
	}
	if !ok {
		return ddberr.Errorf("Testing case %s failed", name)
	}
	return nil
}

// truth is true when x is true, or a vector all of whose elements are.
func truth(x value.Value) (bool, error) {
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
