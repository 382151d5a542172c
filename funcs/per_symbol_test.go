package funcs

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/value"
)

// coded is a coded SYMBOL vector of rows rows cycling through texts, over
// a base that also holds extra unused symbols.
func coded(rows int, texts []string, extra int) *value.Vector {
	base := value.NewSymbolBase()
	codes := base.InternAll(nil, texts)
	for i := range extra {
		base.Intern("unused" + strings.Repeat("x", i+1))
	}
	out := make([]int32, rows)
	for i := range out {
		out[i] = codes[i%len(codes)]
	}
	return &value.Vector{T: value.Symbol, I32: out, Syms: base}
}

// The per-symbol run takes only calls it can answer for every row: one
// coded vector (the first argument of a FirstOnly function), scalars
// elsewhere, enough rows for the base, and an answer of one plain element
// per base entry.
func TestBySymbolQualifies(t *testing.T) {
	many := coded(2048, []string{"a", "bb", ""}, 0)
	lens := func(_ Env, args []value.Value) (value.Value, error) {
		x := args[len(args)-1].(*value.Vector)
		out := make([]int32, x.Len())
		for i := range out {
			out[i] = int32(len(x.StrAt(i)))
		}
		return value.NewInts(out), nil
	}
	scalarAnswer := func(Env, []value.Value) (value.Value, error) { return value.NewInt(1), nil }
	failing := func(Env, []value.Value) (value.Value, error) { return nil, errors.New("no") }
	plainRows := value.NewStrings(value.Symbol, many.Strings())
	for _, tc := range []struct {
		name      string
		fn        Impl
		args      []value.Value
		firstOnly bool
		runs      bool
	}{
		{"one coded vector", lens, []value.Value{many}, false, true},
		{"coded vector after a scalar", lens, []value.Value{value.NewInt(1), many}, false, true},
		{"FirstOnly, coded vector second", lens, []value.Value{value.NewInt(1), many}, true, false},
		{"two coded vectors", lens, []value.Value{many, many}, false, false},
		{"a vector beside it", lens, []value.Value{value.NewInts(make([]int32, 2048)), many}, false, false},
		{"an argument left empty", lens, []value.Value{nil, many}, false, false},
		{"a plain vector", lens, []value.Value{plainRows}, false, false},
		{"fewer rows than the floor", lens, []value.Value{coded(1000, []string{"a"}, 0)}, false, false},
		{"a base too large for the rows", lens, []value.Value{coded(2048, []string{"a"}, 600)}, false, false},
		{"a scalar answer", scalarAnswer, []value.Value{many}, false, false},
		{"a failing run", failing, []value.Value{many}, false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := bySymbol(nil, tc.fn, tc.args, tc.firstOnly)
			if !tc.runs {
				require.Nil(t, got)
				return
			}
			require.NotNil(t, got)
			want, err := tc.fn(nil, tc.args)
			require.NoError(t, err)
			require.Equal(t, want.(*value.Vector).I32, got.I32)
		})
	}
}

// A text answer comes back coded over a base of its distinct texts, so
// rows with equal answers hold equal codes (group by and = read codes).
func TestBySymbolCodesTextAnswers(t *testing.T) {
	x := coded(2048, []string{"ab", "AB", "", "cd"}, 3)
	upper := func(_ Env, args []value.Value) (value.Value, error) {
		strs := args[0].(*value.Vector).Strings()
		out := make([]string, len(strs))
		for i, s := range strs {
			out[i] = strings.ToUpper(s)
		}
		return value.NewStrings(value.String, out), nil
	}
	got := bySymbol(nil, upper, []value.Value{x}, false)
	require.NotNil(t, got)
	require.NotNil(t, got.Syms)
	require.Equal(t, value.String, got.T)
	want, _ := upper(nil, []value.Value{x})
	require.Equal(t, want.(*value.Vector).Strings(), got.Strings())
	require.Equal(t, got.I32[0], got.I32[1], "ab and AB are both AB")
	require.Zero(t, got.I32[2], "NULL is code 0")
	require.Equal(t, []string{"", "AB", "CD", "UNUSEDX", "UNUSEDXX", "UNUSEDXXX"}, got.Syms.Strs())
}
