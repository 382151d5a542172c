package stmterr_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/internal/testkit"
	"github.com/porpoisedb/porpoise/value"
)

const divText = "Arguments for div method can not be string."

func TestScriptErrors(t *testing.T) {
	e := testkit.InMemory(t)
	for _, c := range []struct{ script, want string }{
		// only the failing statement of a script, as DolphinDB prints it
		{"a = 1\nb = a/`x\nc = 3", `b = a / "x" => ` + divText},
		// a compound statement adds nothing: the simple one inside it fails
		{"for (i in 1..2) { if (i > 1) { y = i / `x } }", `y = i / "x" => ` + divText},
		// each function frame names itself and its own failing statement
		{"def g(x) { y = x / `a; return y }\ndef f(x) { for (i in 1..2) { z = g(x) }; return z }\nf(1)",
			`f(1) => f: z = g(x) => g: y = x / "a" => ` + divText},
		// an anonymous function adds no frame of its own
		{"each(def(x){ return x / `a }, 1 2)", `each(def(x) {return x / "a"}, [1,2]) => ` + divText},
		// a catch in the same frame binds the message alone, one up the frames below it
		{"def h() { try { 1/`a } catch(ex) { throw ex[1] } }\nh()", `h() => h: throw ex[1] => ` + divText},
		{"def k() { return 1/`a }\ntry { k() } catch(ex) { m = ex[1] }\nthrow m", `throw m => k: return 1 / "a" => ` + divText},
		// syntax errors are DolphinDB's parse-time errors: bare
		{"x = 1\ny = noSuchName + 1", "Syntax Error: [line #2] Cannot recognize the token noSuchName"},
	} {
		_, err := e.NewSession().Run(c.script)
		require.EqualError(t, err, c.want, c.script)
	}
}

// A function-call request has no statement of its own: a built-in's
// error is bare, a user function's names its failing statement.
func TestCallErrors(t *testing.T) {
	s := testkit.InMemory(t).NewSession()
	testkit.Run(t, s, "def f(x) { return x / `a }")
	_, err := s.Call("f", value.NewInt(1))
	require.EqualError(t, err, `f: return x / "a" => `+divText)
	_, err = s.Call("div", value.NewInt(1), value.NewString("a"))
	require.EqualError(t, err, divText)
}

// The prefixed error is still the *ddberr.Error of its message: the code,
// the kind and errors.Is against the bare text, as over the wire.
func TestPrefixedErrorKeepsItsKind(t *testing.T) {
	e := testkit.InMemory(t)
	_, err := e.NewSession().Run("t = table(1 2 as a)\nselect a from t where a > 1, (1..5) > 2")
	var de *ddberr.Error
	require.True(t, errors.As(err, &de))
	require.Contains(t, de.Msg, " => ")
	require.Equal(t, "S02036", de.Code)
	require.Equal(t, ddberr.SQL, de.Kind)
	require.Equal(t, *ddberr.New(de.Msg), ddberr.Error{Msg: de.Msg, Code: de.Code, Kind: de.Kind})

	_, err = e.NewSession().Run("x = 1/`a")
	require.ErrorIs(t, err, ddberr.New(divText))
	require.NotErrorIs(t, err, ddberr.New("another text"))
	require.Equal(t, ddberr.Runtime, ddberr.KindOf(err))
}
