package typed

import (
	"testing"

	"github.com/porpoisedb/porpoise/value"

	"github.com/stretchr/testify/require"
)

func TestTypedGetters(t *testing.T) {
	vec := value.NewInts([]int32{1, 2})
	tbl := value.NewTable([]string{"a"}, []*value.Vector{vec})

	_, err := Table(vec)
	require.EqualError(t, err, "value: want a TABLE, got INT VECTOR")
	got, err := Table(tbl)
	require.NoError(t, err)
	require.Same(t, tbl, got)
	_, err = Vector(tbl)
	require.EqualError(t, err, "value: want a VECTOR, got TABLE")
	_, err = Scalar(nil)
	require.EqualError(t, err, "value: want a SCALAR, got nothing")

	for _, c := range []struct {
		v    value.Value
		i    int64
		iErr string
		f    float64
		fErr string
	}{
		{value.NewInt(7), 7, "", 7, ""},
		{value.NewTyped(value.Date, 19000), 19000, "", 0, "value: want a numeric scalar, got DATE SCALAR"},
		{value.NewDouble(2.5), 0, "value: want an integral scalar, got DOUBLE SCALAR", 2.5, ""},
		{value.NewDecimal(value.Decimal32, 125, 2), 0, "value: want an integral scalar, got DECIMAL32 SCALAR", 1.25, ""},
		{value.NullScalar(value.Int), 0, "value: want an integral scalar, got a NULL INT: value is NULL", 0, "value: want a numeric scalar, got a NULL INT: value is NULL"},
		{value.NewString("x"), 0, "value: want an integral scalar, got STRING SCALAR", 0, "value: want a numeric scalar, got STRING SCALAR"},
		{vec, 0, "value: want an integral scalar, got INT VECTOR", 0, "value: want a numeric scalar, got INT VECTOR"},
	} {
		i, err := Int64(c.v)
		if c.iErr == "" {
			require.NoError(t, err)
			require.Equal(t, c.i, i)
		} else {
			require.EqualError(t, err, c.iErr)
		}
		f, err := Float64(c.v)
		if c.fErr == "" {
			require.NoError(t, err)
			require.Equal(t, c.f, f)
		} else {
			require.EqualError(t, err, c.fErr)
		}
	}
	_, err = Int64(value.NullScalar(value.Long))
	require.ErrorIs(t, err, ErrNull)

	s, err := String(value.NewSymbol("AAPL"))
	require.NoError(t, err)
	require.Equal(t, "AAPL", s)
	_, err = String(value.NewInt(1))
	require.EqualError(t, err, "value: want a STRING scalar, got INT SCALAR")
	b, err := Bool(value.NewBool(true))
	require.NoError(t, err)
	require.True(t, b)
	_, err = Bool(value.NewInt(1))
	require.EqualError(t, err, "value: want a BOOL scalar, got INT SCALAR")
}
