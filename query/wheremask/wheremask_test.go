package wheremask

import (
	"testing"

	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

func TestAnd(t *testing.T) {
	cond := &ast.Ident{Name: "c"}
	for _, tc := range []struct {
		name string
		v    value.Value
		want []bool
		err  string
	}{
		{"vector", &value.Vector{T: value.Bool, I8: []int8{1, 1, 0}}, []bool{true, false, false}, ""},
		{"null drops", &value.Vector{T: value.Bool, I8: []int8{value.NullInt8, 1, 1}}, []bool{false, false, true}, ""},
		{"false scalar", value.NewBool(false), []bool{false, false, false}, ""},
		{"true scalar", value.NewBool(true), []bool{true, false, true}, ""},
		{"short vector", &value.Vector{T: value.Bool, I8: []int8{1}}, nil, "does not match the number of rows"},
		{"string", value.NewString("a"), nil, "must be a logical expression"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := And([]bool{true, false, true}, tc.v, cond)
			if tc.err != "" {
				require.ErrorContains(t, err, tc.err)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tc.want, got)
		})
	}
}

func TestAndSubset(t *testing.T) {
	keep := []bool{true, false, true, true}
	// the condition saw rows 0, 2 and 3 only
	require.NoError(t, AndSubset(keep, []int{0, 2, 3}, &value.Vector{T: value.Bool, I8: []int8{0, 1, 1}}, nil))
	require.Equal(t, []bool{false, false, true, true}, keep)
	require.Equal(t, []int{2, 3}, Flagged(keep, true))
	require.Equal(t, []int{0, 1}, Flagged(keep, false))
}
