package engine_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/engine"
)

// scriptCase is a script and the value it must print.
type scriptCase = struct{ name, script, want string }

// runScriptCases runs each case's script in a fresh in-memory engine and
// compares its printed value.
func runScriptCases(t *testing.T, cases []scriptCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e, err := engine.Open(engine.Options{InMemory: true})
			require.NoError(t, err)
			defer e.Close()
			v, err := e.NewSession().Run(c.script)
			require.NoError(t, err)
			require.Equal(t, c.want, v.String())
		})
	}
}
