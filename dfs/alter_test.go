package dfs

import (
	"testing"

	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

// replaceColumn!'s conversion rules (funcs/r/replaceColumn_.md).
func TestReplaceColumnConvertible(t *testing.T) {
	for _, c := range []struct {
		from, to value.Type
		ok       bool
	}{
		{value.Int, value.Long, true},       // within a category
		{value.Date, value.Timestamp, true}, // within a category
		{value.String, value.Blob, true},    // within a category
		{value.Decimal32, value.Decimal64, true},
		{value.Int, value.Double, true},        // integral to floating
		{value.Float, value.Short, true},       // floating to integral
		{value.Second, value.String, true},     // temporal to STRING
		{value.Double, value.String, true},     // floating to STRING
		{value.Symbol, value.Symbol, true},     // no change
		{value.Symbol, value.String, false},    // never from SYMBOL
		{value.String, value.Symbol, false},    // never to SYMBOL
		{value.Int, value.Decimal64, true},     // integral to DECIMAL
		{value.Long, value.Decimal128, true},   // integral to DECIMAL
		{value.Double, value.Decimal32, true},  // floating to DECIMAL
		{value.Float, value.Decimal64, true},   // floating to DECIMAL
		{value.Decimal64, value.Int, false},    // DECIMAL to integral is not asked for
		{value.Decimal32, value.String, false}, // DECIMAL is not listed for STRING
		{value.Date, value.Decimal32, false},   // across categories
		{value.Bool, value.String, false},      // logical is not listed
		{value.UUID, value.String, false},      // binary is not listed
		{value.Long, value.Date, false},        // across categories
		{value.Int + value.ArrayOffset, value.Long + value.ArrayOffset, false},
	} {
		require.Equal(t, c.ok, convertible(c.from, c.to), "%s to %s", c.from, c.to)
	}
}
