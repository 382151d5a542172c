package viewfuncs

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/ddberr"
)

// A function view's source comes back from the store; text that is not
// one def statement (a damaged store) is refused rather than run.
func TestDefinitionTakesOneDef(t *testing.T) {
	want := ddberr.Errorf("A function definition must be one def statement.").Error()
	for _, tc := range []struct{ src, name, err string }{
		{src: "1 + 1", err: want},
		{src: "def f() { return 1 }\ndef g() { return 2 }", err: want},
		{src: "def f() { return 1 }", name: "f"},
	} {
		d, err := definition(tc.src)
		if tc.err != "" {
			require.EqualError(t, err, tc.err, tc.src)
			continue
		}
		require.NoError(t, err)
		require.Equal(t, tc.name, d.Name)
	}
}
