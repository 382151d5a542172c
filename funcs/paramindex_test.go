package funcs

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// Named arguments bind by a parameter's exact name, by either of the
// alternatives a|b, and failing those by a case-insensitive match when
// only one parameter has it.
func TestParamIndex(t *testing.T) {
	params := []string{"obj", "key|filter", "contextBy", "ContextBy2", "ab", "AB"}
	for _, tc := range []struct {
		name string
		want int
	}{
		{"obj", 0},
		{"key", 1},
		{"filter", 1},
		{"contextby", 2},
		{"ab", 4},
		{"AB", 5},
		{"Ab", -1},
		{"none", -1},
		{"key|filter", -1},
	} {
		require.Equal(t, tc.want, ParamIndex(params, tc.name), tc.name)
	}
}
