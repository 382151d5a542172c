package funcs

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/value"
)

// TestAssembleScalars checks the DolphinDB rule on scalar results:
// integral and floating ones widen into one vector, other mixes make a
// tuple.
func TestAssembleScalars(t *testing.T) {
	cases := []struct {
		name string
		res  []value.Value
		want string
	}{
		{"INT and DOUBLE", []value.Value{value.NewDouble(5), value.NewInt(5050)}, "[5,5050]"},
		{"INT then DOUBLE", []value.Value{value.NewInt(1), value.NewDouble(1.5)}, "[1,1.5]"},
		{"INT and LONG", []value.Value{value.NewInt(1), value.NewLong(2)}, "[1,2]"},
		{"INT and STRING", []value.Value{value.NewInt(1), value.NewString("a")}, "(1,\"a\")"},
		{"INT and DATE", []value.Value{value.NewInt(1), value.NewTyped(value.Date, 0)}, "(1,1970.01.01)"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, err := Assemble(c.res, RuleDolphin)
			require.NoError(t, err)
			require.Equal(t, c.want, r.String())
		})
	}
}
