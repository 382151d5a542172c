package temporal

import (
	"math"
	"math/big"
	"strings"
	"testing"

	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

// groupDigits puts a comma before every third digit from the right.
func groupDigits(s string) string {
	var b strings.Builder
	for i := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// decimalFormat's edge cases: infinities and NaN, zeros and fractions
// under patterns with no 0 before the point (read from the integer-digit
// rule of DolphinDB's NumberFormat, whose minimum integer digits are the
// 0s before the point), percents of numbers whose hundredfold overflows
// a double, and per-mille, which the manual's symbol table does not have.
func TestDecimalFormatEdgeCases(t *testing.T) {
	// exact digits of 2^1020 and MaxFloat64 = (2^53-1)*2^971
	p1020 := new(big.Int).Lsh(big.NewInt(1), 1020).String()
	maxF := new(big.Int).Lsh(big.NewInt(1<<53-1), 971).String()
	cases := []struct {
		x       float64
		pattern string
		want    string
	}{
		{math.Inf(1), "0.00", "inf"},
		{math.Inf(-1), "0.00", "-inf"},
		{math.Inf(-1), "0.00;(0.00)", "-inf"},
		{math.Inf(1), "0.0E0", "inf"},
		{math.Inf(-1), "#,##0.00%", "-inf"},
		{math.NaN(), "#.##", ""},
		{math.NaN(), "0.00E0", ""},
		{value.NullFloat64, "0.00%", ""},

		{0, "#.##", ""},
		{0, "#", ""},
		{0, "#,###", ""},
		{0.004, "#.##", ""},
		{0.5, "#.##", ".5"},
		{0.456, "#.##", ".46"},
		{1, "#.##", "1"},
		{0, "0.##", "0"},
		{0, "#.00", ".00"},
		{0, "0.00", "0.00"},
		{0, "#.##%", "%"},
		{0.001, "#.##%", ".1%"},

		{0x1p1020, "0%", p1020 + "00%"},
		{0x1p1020, "0.00%", p1020 + "00.00%"},
		{0x1p1020, "#,##0.0#%", groupDigits(p1020+"00") + ".0%"},
		{-0x1p1020, "0%", "-" + p1020 + "00%"},
		{-0x1p1020, "0%;(0%)", "(" + p1020 + "00%)"},
		{math.MaxFloat64, "#%", maxF + "00%"},
		// The manual forbids % with E, but no pattern is rejected, so the
		// mantissa must not overflow either: 2^1020 = 1.1235582...e307,
		// MaxFloat64 = 1.7976931...e308.
		{0x1p1020, "0.00E0%", "1.12E309%"},
		{math.MaxFloat64, "0.000E00%", "1.798E310%"},
		{math.MaxFloat64, "00.0E0%", "18.0E309%"},

		{0.5, "0.0‰", "0.5‰"},
		{12.345, "#,##0.00‰", "12.35‰"},
	}
	for _, c := range cases {
		// a vector holds a NaN as it is; a scalar marks it NULL
		got, err := decimalFormat(value.NewDoubles([]float64{c.x}), value.NewString(c.pattern))
		require.NoError(t, err)
		require.Equal(t, []string{c.want}, got.(*value.Vector).Strings(), "%v %q", c.x, c.pattern)
		one, err := decimalFormat(value.NewDouble(c.x), value.NewString(c.pattern))
		require.NoError(t, err)
		require.Equal(t, c.want, one.(*value.Scalar).S, "%v %q", c.x, c.pattern)
	}
}
