package operator

import (
	"testing"

	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

// in with a coded SYMBOL probe (decided per symbol of its base) agrees
// with the same texts held as strings, for every kind of member set.
func TestInCodedSymbols(t *testing.T) {
	strs := []string{"A", "B", "", "C", "A"}
	coded, plain := value.NewSymbols(strs), value.NewStrings(value.Symbol, strs)
	many := make([]string, 20)
	for i := range many {
		many[i] = string(rune('A' + 2*i))
	}
	for _, members := range []value.Value{
		value.NewStrings(value.String, []string{"A", "C"}),
		value.NewStrings(value.Symbol, []string{"B", ""}),
		value.NewSymbols([]string{"C", "Z"}),
		value.NewStrings(value.String, many),
		&value.Scalar{T: value.String, S: "B"},
		value.NewInts([]int32{1, 2}),
	} {
		want, wantErr := In(plain, members)
		got, err := In(coded, members)
		require.Equal(t, wantErr, err)
		require.Equal(t, want, got, "%v", members)
	}
}
