package literal

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/value"
)

func TestConstant(t *testing.T) {
	for name, want := range map[string]value.Value{
		"HASH":   value.NewInt(5),
		"INT":    value.NewInt(int32(value.Int)),
		"TABLE":  value.NewInt(6),
		"FIRST":  value.NewString("FIRST"),
		"pi":     value.NewDouble(3.141592653589793),
		"TAIL":   value.NewInt(2),
		"Double": nil, // type names are constants only in capitals
		"nosuch": nil,
	} {
		got, ok := Constant(name)
		require.Equal(t, want != nil, ok, name)
		if ok {
			require.Equal(t, want.String(), got.String(), name)
		}
	}
}
