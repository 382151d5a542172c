package funcs

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/value"
)

func TestArgsKeepsTheFirstError(t *testing.T) {
	null := value.NewInt(value.NullInt32)
	for _, c := range []struct {
		name string
		args []value.Value
		read func(r *Args) any
		want any
		err  string
	}{
		{"defaults when left out", nil, func(r *Args) any {
			return []any{r.Int("n", r.Arg(0), 3), r.Bool("b", r.Arg(1), true), r.PositiveInt("k", r.Given(2), 2)}
		}, []any{int64(3), true, int64(2)}, ""},
		{"given values", []value.Value{value.NewInt(5), value.NewBool(false)}, func(r *Args) any {
			return []any{r.Int("n", r.Arg(0), 3), r.Bool("b", r.Arg(1), true)}
		}, []any{int64(5), false}, ""},
		{"a NULL keeps the default through Given only", []value.Value{null}, func(r *Args) any {
			return r.Int("n", r.Given(0), 7)
		}, int64(7), ""},
		{"a NULL through Arg is an error", []value.Value{null}, func(r *Args) any {
			return r.Int("n", r.Arg(0), 7)
		}, int64(0), "The argument [n] of f must be an integer."},
		{"the first failing read decides", []value.Value{value.NewString("x"), value.NewInt(0)}, func(r *Args) any {
			return []any{r.Bool("b", r.Arg(0), true), r.PositiveInt("k", r.Arg(1), 1)}
		}, []any{false, int64(0)}, "The argument [b] of f must be a boolean."},
		{"a later failure is dropped", []value.Value{value.NewInt(1), value.NewInt(-1)}, func(r *Args) any {
			n := r.PositiveInt("k", r.Arg(0), 1)
			if m := r.NonNegInt("m", r.Arg(1), 0); m < 0 {
				t.Fatal("a failed read returns the zero value")
			}
			r.Bad("z", "a positive number")
			return n
		}, int64(1), "The argument [m] of f must be a non-negative integer."},
		{"Bad records BadArg's text", nil, func(r *Args) any {
			r.Bad("x", "a numeric vector")
			return nil
		}, nil, "The argument [x] of f must be a numeric vector."},
		{"Number within its range", []value.Value{value.NewInt(3)}, func(r *Args) any {
			return r.Number("tol", r.Arg(0), 1, func(f float64) bool { return f >= 0 }, "a non-negative number")
		}, 3.0, ""},
		{"Number left out", nil, func(r *Args) any {
			return r.Number("tol", r.Arg(0), 1, func(f float64) bool { return f >= 0 }, "a non-negative number")
		}, 1.0, ""},
		{"Number out of its range", []value.Value{value.NewDouble(-1)}, func(r *Args) any {
			return r.Number("tol", r.Arg(0), 1, func(f float64) bool { return f >= 0 }, "a non-negative number")
		}, 0.0, "The argument [tol] of f must be a non-negative number."},
		{"Number refuses BOOL", []value.Value{value.NewBool(true)}, func(r *Args) any {
			return r.Number("tol", r.Arg(0), 1, func(f float64) bool { return f >= 0 }, "a non-negative number")
		}, 0.0, "The argument [tol] of f must be a non-negative number."},
		{"Doubles of a non-numeric vector", []value.Value{value.NewStrings(value.String, []string{"a"})}, func(r *Args) any {
			return r.Doubles(r.Arg(0).(*value.Vector))
		}, []float64(nil), "The argument of f must be numeric."},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := ReadArgs("f", c.args)
			require.Equal(t, c.want, c.read(r))
			if c.err == "" {
				require.NoError(t, r.Err())
			} else {
				require.EqualError(t, r.Err(), c.err)
			}
		})
	}
}

func TestReadSkipsOnceFailed(t *testing.T) {
	r := ReadArgs("f", nil)
	calls := 0
	read := func() (int, error) {
		calls++
		return 0, errors.New("first")
	}
	require.Equal(t, 0, Read(r, read))
	require.Equal(t, 0, Read(r, read))
	require.Equal(t, 1, calls)
	r.Fail(errors.New("second"))
	require.EqualError(t, r.Err(), "first")

	r = ReadArgs("f", nil)
	require.Equal(t, 4, Read(r, func() (int, error) { return 4, nil }))
	r.Fail(nil)
	require.NoError(t, r.Err())
}
