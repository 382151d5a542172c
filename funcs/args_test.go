package funcs

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/value"
)

func TestChoiceArg(t *testing.T) {
	for _, c := range []struct {
		name string
		arg  value.Value
		want string
		ok   bool
	}{
		{"absent is the first choice", nil, "oldest", true},
		{"a listed choice", value.NewString("latest"), "latest", true},
		{"an unlisted string", value.NewString("newest"), "", false},
		{"not a string", value.NewInt(1), "", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, ok := ChoiceArg(c.arg, "oldest", "latest")
			require.Equal(t, c.ok, ok)
			if ok {
				require.Equal(t, c.want, got)
			}
		})
	}
}

func TestOptStringArg(t *testing.T) {
	got, ok := OptStringArg(nil, "r")
	require.True(t, ok)
	require.Equal(t, "r", got)
	got, ok = OptStringArg(value.NewString("w"), "r")
	require.True(t, ok)
	require.Equal(t, "w", got)
	_, ok = OptStringArg(value.NewInts([]int32{1}), "r")
	require.False(t, ok)
}

func TestPositiveIntArg(t *testing.T) {
	const bad = "The argument [window] of mavg must be a positive integer."
	for _, c := range []struct {
		name string
		arg  value.Value
		def  int64
		want int64
		err  string
	}{
		{"absent takes the default", nil, 3, 3, ""},
		{"an absent default below 1 fails", nil, 0, 0, bad},
		{"a positive integer", value.NewLong(5), 0, 5, ""},
		{"zero", value.NewInt(0), 1, 0, bad},
		{"negative", value.NewInt(-2), 1, 0, bad},
		{"not an integer", value.NewDouble(2), 1, 0, bad},
		{"NULL", value.NullScalar(value.Int), 1, 0, bad},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := PositiveIntArg("mavg", "window", c.arg, c.def)
			if c.err != "" {
				require.EqualError(t, err, c.err)
				return
			}
			require.NoError(t, err)
			require.Equal(t, c.want, got)
		})
	}
}

func TestGivenArg(t *testing.T) {
	args := []value.Value{value.NewInt(1), value.NewNothing(), value.NullScalar(value.Double)}
	require.Equal(t, args[0], GivenArg(args, 0))
	for _, i := range []int{1, 2, 3} {
		require.Nil(t, GivenArg(args, i), "argument %d", i)
	}
}

func TestDictField(t *testing.T) {
	d := DictOf(value.NewStrings(value.String, []string{"type", "fun"}), value.NewTuple([]value.Value{value.NewString("eq"), value.NewInt(2)}))
	require.Equal(t, "eq", DictField(d, "type").(*value.Scalar).S)
	require.Equal(t, value.NewInt(2), DictField(d, "fun"))
	require.Nil(t, DictField(d, "jac"))
}

func TestBadArg(t *testing.T) {
	require.EqualError(t, BadArg("knn", "power", "a positive integer"), "The argument [power] of knn must be a positive integer.")
}
