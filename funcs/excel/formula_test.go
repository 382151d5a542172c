package excel

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestConvertEdgeCases(t *testing.T) {
	b := block{colStart: 0, colEnd: 3, rows: 4}
	for _, tc := range []struct {
		formula, want string
		fails         bool
	}{
		{formula: "", want: ""},
		{formula: "=", want: ""},
		{formula: " = A1 ", want: "col0"},
		{formula: "SUM(", fails: true},
		{formula: "SUM(A1:A4", want: "sum(col0)"},
		{formula: "SUM(A4:A1)", want: "sum(col0)"},
		{formula: "SUM(A1:A3,B1)", fails: true},
		{formula: "SUM(A1, B1:C1)", want: "rowSum(col0, col1, col2)"},
		{formula: "MAX(A1*2)", want: "cummax(col0*2)"},
		{formula: "((A1+B1)*2", want: "((col0+col1)*2)"},
		{formula: `IF(A1>0,"a""b",$B$1)`, want: `iif(col0>0,"a\"b",col1)`},
		{formula: "IF(A1:A2>0,1,0)", fails: true},
		{formula: "ABS(A1:A2)", fails: true},
		{formula: "(A1:A2)", fails: true},
		{formula: "A1)", fails: true},
		{formula: "A1,B1", fails: true},
		{formula: "(A1,B1)", fails: true},
		{formula: ":A1", fails: true},
		{formula: "A1:", fails: true},
		{formula: `"abc`, fails: true},
		{formula: "A1^2", fails: true},
		{formula: "foo", fails: true},
	} {
		got, err := b.convert(tc.formula)
		if tc.fails {
			require.Error(t, err, tc.formula)
			continue
		}
		require.NoError(t, err, tc.formula)
		require.Equal(t, tc.want, got, tc.formula)
	}
}
