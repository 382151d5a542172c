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

// in with a DECIMAL on one side and integers or another scale on the
// other is exact: 12345678.0000000001 is not 12345678, whatever holds
// the members.
func TestInDecimal(t *testing.T) {
	probe := value.NewVector(value.Decimal64, 3, 3)
	probe.Scale = 10
	copy(probe.I64, []int64{123456780000000001, 123456780000000000, value.NullInt64})
	at2 := value.NewVector(value.Decimal64, 1, 1)
	at2.Scale = 2
	at2.I64[0] = 1234567800
	dict := value.NewDict(value.Int, value.Int)
	dict.PutAll(value.NewInts([]int32{12345678}), value.NewInts([]int32{1}))
	for name, members := range map[string]value.Value{
		"INT vector": value.NewInts([]int32{12345678, 5}),
		"LONG set":   value.NewSet(value.NewLongs([]int64{12345678})),
		"scale 2":    at2,
		"dict keys":  dict,
	} {
		got, err := In(probe, members)
		require.NoError(t, err, name)
		require.Equal(t, []int8{0, 1, 0}, got.(*value.Vector).I8, name)
	}
}
