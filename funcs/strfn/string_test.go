package strfn

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

func TestRecodeGBKRoundTrip(t *testing.T) {
	gbk, err := recode("fromUTF8", value.NewString("高性能"), "utf-8", "gbk")
	require.NoError(t, err)
	require.Len(t, gbk.(*value.Scalar).S, 6, "GBK uses two bytes per character")
	back, err := recode("toUTF8", gbk, "gbk", "utf-8")
	require.NoError(t, err)
	require.Equal(t, "高性能", back.(*value.Scalar).S)
	_, err = recode("toUTF8", value.NewString("x"), "GBK", "utf-8")
	require.Error(t, err, "encoding names are lower case")
}

// concat's edge cases beyond the manual's examples (string.test): empty
// vectors, empty separators, a separator left out.
func TestConcat(t *testing.T) {
	spec, ok := funcs.Lookup("concat")
	require.True(t, ok)
	str := func(v value.Value) string { return v.(*value.Scalar).S }
	cases := []struct {
		args []value.Value
		want string
	}{
		{[]value.Value{value.NewSymbol("hello"), value.NewSymbol("world")}, "helloworld"},
		{[]value.Value{value.NewStrings(value.Symbol, []string{"IBM", "GOOG", "APPL"}), value.NewString(",")}, "IBM,GOOG,APPL"},
		{[]value.Value{value.NewStrings(value.String, []string{}), value.NewString("a")}, ""},
		{[]value.Value{value.NewString("55"), value.NewString("")}, "55"},
		{[]value.Value{value.NewStrings(value.Symbol, []string{"a", "b", "c", "d"}), nil}, "abcd"},
		{[]value.Value{value.NewStrings(value.Symbol, []string{"a", "b"})}, "ab"},
	}
	for _, c := range cases {
		r, err := spec.Fn(nil, c.args)
		require.NoError(t, err)
		require.Equal(t, c.want, str(r))
	}
}
