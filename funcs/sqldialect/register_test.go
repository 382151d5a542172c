package sqldialect

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/sqlparse/words"
)

// Every name a dialect's parse calls is registered, and none of them is
// a name scripts can call or defs() lists.
func TestDialectFunctionsRegistered(t *testing.T) {
	names := words.DialectFunctions()
	require.Len(t, names, 17)
	for _, name := range names {
		_, ok := funcs.Lookup(name)
		require.True(t, ok, name)
		require.True(t, funcs.Internal(name), name)
	}
}
