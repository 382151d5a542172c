package engine

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/ddberr"
)

// A function view's source comes back from the store; text that is not
// one def statement (a damaged store) is refused rather than run.
func TestDefineFunctionTakesOneDef(t *testing.T) {
	e, err := Open(Options{})
	require.NoError(t, err)
	defer e.Close()
	s := e.NewSession()
	defer s.Close()
	in := &interp{s: s}
	want := ddberr.Errorf("A function definition must be one def statement.").Error()
	for _, src := range []string{"1 + 1", "def f() { return 1 }\ndef g() { return 2 }"} {
		_, err := in.DefineFunction(src)
		require.EqualError(t, err, want, src)
	}
	f, err := in.DefineFunction("def f() { return 1 }")
	require.NoError(t, err)
	require.Equal(t, "f", f.(Function).FuncName())
}
