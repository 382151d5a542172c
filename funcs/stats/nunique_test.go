package stats

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/value"
)

// nunique of a coded SYMBOL vector (counted on codes) agrees with the
// same texts held as strings, with and without ignoreNull, including a
// vector that uses only part of its base.
func TestNuniqueCodedSymbols(t *testing.T) {
	all := value.NewSymbols([]string{"A", "B", "", "C", "A", "D"})
	for _, coded := range []*value.Vector{all, all.Slice(0, 3), all.Slice(3, 5), all.Slice(0, 0)} {
		plain := value.NewStrings(value.Symbol, coded.Strings())
		for _, ignore := range []bool{false, true} {
			want, err := nunique(nil, []value.Value{plain, value.NewBool(ignore)})
			require.NoError(t, err)
			got, err := nunique(nil, []value.Value{coded, value.NewBool(ignore)})
			require.NoError(t, err)
			require.Equal(t, want, got, "%v ignoreNull=%v", plain, ignore)
		}
	}
}
