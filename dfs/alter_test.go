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
		{value.Int, value.Double, true},     // integral to floating
		{value.Float, value.Short, true},    // floating to integral
		{value.Second, value.String, true},  // temporal to STRING
		{value.Double, value.String, true},  // floating to STRING
		{value.Symbol, value.Symbol, true},  // no change
		{value.Symbol, value.String, false}, // never from SYMBOL
		{value.String, value.Symbol, false}, // never to SYMBOL
		{value.Int, value.Decimal64, false}, // integral is not decimal
		{value.Bool, value.String, false},   // logical is not listed
		{value.UUID, value.String, false},   // binary is not listed
		{value.Long, value.Date, false},     // across categories
		{value.Int + value.ArrayOffset, value.Long + value.ArrayOffset, false},
	} {
		require.Equal(t, c.ok, convertible(c.from, c.to), "%s to %s", c.from, c.to)
	}
}
