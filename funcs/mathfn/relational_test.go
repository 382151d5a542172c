package mathfn

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// eqObj and eqPercent compare DOUBLE vectors with one loop: NULLs match
// only NULLs at the same place, and each applies its own tolerance to
// the other elements.
func TestFloatComparisonsMatchNulls(t *testing.T) {
	n := value.NullFloat64
	d := func(xs ...float64) value.Value { return value.NewDoubles(xs) }
	for _, c := range []struct {
		name string
		fn   funcs.Impl
		args []value.Value
		want bool
	}{
		{"eqObj NULLs at the same places", eqObj, []value.Value{d(1, n, 3), d(1, n, 3)}, true},
		{"eqObj a NULL against a number", eqObj, []value.Value{d(1, n), d(1, 2)}, false},
		{"eqObj a number against a NULL", eqObj, []value.Value{d(1, 2), d(1, n)}, false},
		{"eqObj exact without precision", eqObj, []value.Value{d(1, 2), d(1, 2.0000001)}, false},
		{"eqObj within precision", eqObj, []value.Value{d(n, 2), d(n, 2.05), value.NewInt(1)}, true},
		{"eqObj past precision", eqObj, []value.Value{d(n, 2), d(n, 2.2), value.NewInt(1)}, false},
		{"eqPercent NULLs at the same places", eqPercent, []value.Value{d(100, n), d(100.5, n), value.NewDouble(1)}, true},
		{"eqPercent NULLs at other places", eqPercent, []value.Value{d(n, 1), d(1, n)}, false},
		{"eqPercent past the percentage", eqPercent, []value.Value{d(100, n), d(102, n), value.NewDouble(1)}, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			// neither reads its environment
			got, err := c.fn(nil, c.args)
			require.NoError(t, err)
			require.Equal(t, c.want, got.(*value.Scalar).Bool())
		})
	}
}
