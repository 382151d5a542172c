package strfn

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// The string functions run once per symbol over a coded SYMBOL column
// with many rows per symbol; each row must get what the row-by-row call
// gives it (NULL rows included), of the same type.
func TestPerSymbolMatchesRowByRow(t *testing.T) {
	texts := []string{"B01", "a1 ", "", " B0", "C", "b0", "B01", "", "héllo", "C"}
	var rows []string
	for i := 0; i < 120; i++ {
		rows = append(rows, texts...)
	}
	str := value.NewString
	integer := func(i int32) value.Value { return value.NewInt(i) }
	for _, tc := range []struct {
		name string
		rest []value.Value
	}{
		{"left", []value.Value{integer(2)}}, {"right", []value.Value{integer(1)}},
		{"substr", []value.Value{integer(1), integer(2)}}, {"substru", []value.Value{integer(1)}},
		{"upper", nil}, {"lower", nil}, {"trim", nil}, {"strip", nil}, {"initcap", nil},
		{"strlen", nil}, {"strlenu", nil}, {"isDigit", nil}, {"isUpper", nil},
		{"startsWith", []value.Value{str("B")}}, {"endsWith", []value.Value{str("0")}},
		{"strpos", []value.Value{str("0")}}, {"strFind", []value.Value{str("1")}},
		{"like", []value.Value{str("B%")}}, {"ilike", []value.Value{str("b%")}}, {"notLike", []value.Value{str("%1")}},
		{"regexFind", []value.Value{str("[0-9]")}}, {"regexCount", []value.Value{str("[A-Z]")}},
		{"regexReplace", []value.Value{str("B"), str("Q")}}, {"strReplace", []value.Value{str("0"), str("zero")}},
		{"lpad", []value.Value{integer(5), str("*")}}, {"repeat", []value.Value{integer(2)}},
		{"charAt", []value.Value{integer(0)}}, {"md5", nil}, {"crc32", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			spec, ok := funcs.Lookup(tc.name)
			require.True(t, ok)
			require.True(t, spec.Props.Has(funcs.ElementWise|funcs.Pure))
			coded := value.NewSymbols(rows)
			plain := value.NewStrings(value.Symbol, rows)
			require.Nil(t, plain.Syms)
			got, err := spec.Fn(nil, append([]value.Value{coded}, tc.rest...))
			require.NoError(t, err)
			want, err := spec.Fn(nil, append([]value.Value{plain}, tc.rest...))
			require.NoError(t, err)
			require.Equal(t, want.Type(), got.Type())
			require.Equal(t, want.String(), got.String())
			if g := got.(*value.Vector); g.T == value.String || g.T == value.Symbol {
				require.NotNil(t, g.Syms, "a text answer per symbol comes back coded")
			}
		})
	}
}

// Calls the per-symbol run can't answer go row by row: a vector second
// argument, a base as large as the column, and a failing call, whose
// error is the row-by-row call's.
func TestPerSymbolFallsBack(t *testing.T) {
	left, _ := funcs.Lookup("left")
	var texts []string
	var at []int32
	for i := 0; i < 400; i++ {
		texts = append(texts, "ab", "cd", "ab")
		at = append(at, 0, 1, 0)
	}
	rows := value.NewSymbols(texts)
	charAt, _ := funcs.Lookup("charAt")
	got, err := charAt.Fn(nil, []value.Value{rows, value.NewInts(at)})
	require.NoError(t, err)
	require.Equal(t, strings.Repeat("'a','d','a',", 400), strings.Trim(got.String(), "[]")+",")
	few := value.NewSymbols([]string{"ab", "cd"})
	got, err = left.Fn(nil, []value.Value{few, value.NewInt(1)})
	require.NoError(t, err)
	require.Nil(t, got.(*value.Vector).Syms, "two rows, three symbols: row by row")
	_, err = left.Fn(nil, []value.Value{rows, value.NewInt(-1)})
	_, plainErr := left.Fn(nil, []value.Value{value.NewStrings(value.Symbol, rows.Strings()), value.NewInt(-1)})
	require.Error(t, err)
	require.Equal(t, plainErr, err)
}
