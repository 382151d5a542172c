package engine

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// Trading calendars are the engine's: a market one engine adds is unknown
// to another, which may add the same name (they once lived in a
// package-level table every engine of the process shared).
func TestMarketCalendarsBelongToTheEngine(t *testing.T) {
	for i := range 2 {
		e, err := Open(Options{})
		require.NoError(t, err)
		s := e.NewSession()
		v, err := s.Run("listAllMarkets()")
		require.NoError(t, err, "engine %d", i)
		require.Equal(t, "[]", v.String(), "engine %d starts without calendars", i)
		_, err = s.Run(`addMarketHoliday("XMKT", [2022.01.03]); temporalAdd(2022.01.01, 1, "XMKT")`)
		require.NoError(t, err, "engine %d", i)
		s.Close()
		e.Close()
	}
}
