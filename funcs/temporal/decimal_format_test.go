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
// (A percent with an exponent is refused: TestDecimalFormatRefusesPatterns.)
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

// decimalFormat refuses the patterns DolphinDB's NumberFormat refuses,
// with its texts (its C++ API's src/Format.cpp), on either side of ';'
// and in format, which hands numbers to it.
func TestDecimalFormatRefusesPatterns(t *testing.T) {
	const (
		empty     = "The format string can't be empty."
		middle    = "Characters other than 0/#/./,/E/% can't appear in the middle of a number format."
		twice     = "Symbol (./,/E/%) can't occur more than once in number format."
		noDigit   = "The number format doesn't contain '0' or '#'."
		percent   = "The percent sign(%) must be the last symbol of a number format."
		expEnds   = "The scientific notation(E) can't be the first symbol or last symbol of a number format."
		expZeros  = "The format symbol after scientific notation (E) must be 0"
		commaEnds = "The decimal separator(,) can't be the first symbol or last symbol of a number format."
		commaDot  = "The decimal separator(,) must appear before decimal point(.) in a number format."
	)
	cases := []struct{ pattern, want string }{
		{"", empty},
		{"0.00 %", middle},
		{"0.00 EUR", middle},
		{"#,##0 x 0", middle},
		{"0..0", twice},
		{"0.0%%", twice},
		{"0E0E0", twice},
		{"#,#,##0", twice},
		{"abc", noDigit},
		{".", noDigit},
		{"0.0;x;y", noDigit},
		{"%0.0", percent},
		{"0%0", percent},
		{"E0", expEnds},
		{"0.0E", expEnds},
		{"0.0E#", expZeros},
		{"0.0E0%", expZeros},
		{"0.0E0,0", expZeros},
		{",##0", commaEnds},
		{"0,", commaEnds},
		{"0.0,0", commaDot},
		{"0.00;(0.0.0)", twice},
	}
	for _, c := range cases {
		_, err := decimalFormat(value.NewDouble(1.5), value.NewString(c.pattern))
		require.EqualError(t, err, c.want, c.pattern)
		_, err = formatFn(nil, []value.Value{value.NewDoubles([]float64{1.5}), value.NewString(c.pattern)})
		require.EqualError(t, err, c.want, c.pattern)
	}
}

// The digits a pattern asks for are read as DolphinDB's NumberFormat
// reads them: the integer's 0s from the point back to a '#', the
// fraction's 0s and then its '#'s (what follows is ignored); a minus sign
// goes after the prefix; a ';' first or last is text, not a split.
func TestDecimalFormatReadsPatternsAsDolphinDB(t *testing.T) {
	cases := []struct {
		x             float64
		pattern, want string
	}{
		{1.25, "#.#0", "1.3"},
		{1.23456, "0.0#0", "1.23"},
		{1.2, "0.0#0", "1.2"},
		{0.25, "0#0.0", "0.3"},
		{0.25, "#0#.0", ".3"},
		{12, "#0#", "12"},
		{-5, "$0.00", "$-5.00"},
		{-1234.5, "$#,##0.00 USD", "$-1,234.50 USD"},
		{-1234.5, "$#,##0.00;($#,##0.00)", "($1,234.50)"},
		{1.5, "0.0;", "1.5;"},
		{-1.5, "0.0;", "-1.5;"},
		{-1.5, ";0.0", ";-1.5"},
		{-0.125, "0.0%", "-12.5%"},
	}
	for _, c := range cases {
		got, err := decimalFormat(value.NewDouble(c.x), value.NewString(c.pattern))
		require.NoError(t, err, c.pattern)
		require.Equal(t, c.want, got.(*value.Scalar).S, "%v %q", c.x, c.pattern)
	}
}

// temporalFormat, and format of a temporal value, refuse an empty
// pattern with the text DolphinDB's TemporalFormat gives (its C++ API's
// include/Format.h); they printed an empty string.
func TestTemporalFormatRefusesAnEmptyPattern(t *testing.T) {
	day := value.NewTyped(value.Date, 19723)
	_, err := temporalFormat(day, value.NewString(""))
	require.EqualError(t, err, "The format string can't be empty.")
	_, err = formatFn(nil, []value.Value{day, value.NewString("")})
	require.EqualError(t, err, "The format string can't be empty.")
	got, err := temporalFormat(day, value.NewString("yyyy"))
	require.NoError(t, err)
	require.Equal(t, "2024", got.(*value.Scalar).S)
}

// roundedDigits rounds f*10^k once: by an exact power of ten up to 22,
// exactly beyond (10^25 is no double, and 9.995e27 / 1e25 rounds below
// the tie it lies above).
func TestRoundedDigits(t *testing.T) {
	for _, tc := range []struct {
		f    float64
		k    int
		want float64
	}{
		{9995, -1, 1000},
		{9.995, 2, 999},
		{0.345, 2, 35},
		{9.995e27, -25, 1000},
		{5e-324, 326, 494},
		{1.5e308, -306, 150},
	} {
		require.Equal(t, tc.want, roundedDigits(tc.f, tc.k), "%g at %d", tc.f, tc.k)
	}
}
