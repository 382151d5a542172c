package groupagg_test

import (
	"testing"

	"github.com/porpoisedb/porpoise/funcs"
	_ "github.com/porpoisedb/porpoise/funcs/all"
	"github.com/porpoisedb/porpoise/query/groupagg"
	"github.com/stretchr/testify/require"
)

// The planners and clause checks ask the registry whether a call is an
// aggregate; every aggregate with typed loops must say so there (count
// once did not, and was only caught where a caller also asked Typed).
func TestTypedAggregatesAreRegisteredAggregates(t *testing.T) {
	for _, name := range groupagg.TypedNames() {
		s, ok := funcs.Lookup(name)
		require.True(t, ok, name)
		require.True(t, s.Props.Has(funcs.Aggregate), "%s is not marked Aggregate", name)
		require.True(t, s.Props.Has(funcs.Pure), "%s is not marked Pure", name)
	}
}
