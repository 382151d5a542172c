package digits

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestAppendPaddedIsSprintf(t *testing.T) {
	for _, v := range []int64{0, 5, -5, 42, -42, 99, 100, -100, 12345, -9223372036854775808, 9223372036854775807} {
		for _, w := range []int{0, 1, 2, 3, 4, 9} {
			require.Equal(t, fmt.Sprintf("%0*d", w, v), string(AppendPadded([]byte{}, v, w)), "%d %d", v, w)
		}
	}
}

func TestColumn(t *testing.T) {
	cases := []struct {
		name  string
		n     int
		width int
		row   func(i int) string
	}{
		{"none", 0, 4, func(int) string { return "x" }},
		{"one", 1, 4, func(int) string { return "abc" }},
		{"empty rows", 5000, 2, func(i int) string { return strings.Repeat("e", i%3) }},
		{"all empty", 100, 8, func(int) string { return "" }},
		// more rows than a buffer holds, rows longer than the estimate
		// and than the 64 bytes kept free, so rows cross buffer ends
		{"many", 100000, 6, func(i int) string { return strconv.Itoa(i * 7919) }},
		{"long rows", 3000, 4, func(i int) string { return strings.Repeat(strconv.Itoa(i%10), i%300) }},
	}
	for _, c := range cases {
		got := Column(c.n, c.width, func(b []byte, i int) []byte { return append(b, c.row(i)...) })
		require.Len(t, got, c.n, c.name)
		for i, s := range got {
			require.Equal(t, c.row(i), s, "%s row %d", c.name, i)
		}
	}
}
