package value

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestTypedGetters(t *testing.T) {
	vec := NewInts([]int32{1, 2})
	tbl := NewTable([]string{"a"}, []*Vector{vec})

	_, err := AsTable(vec)
	require.EqualError(t, err, "value: want a TABLE, got INT VECTOR")
	got, err := AsTable(tbl)
	require.NoError(t, err)
	require.Same(t, tbl, got)
	_, err = AsVector(tbl)
	require.EqualError(t, err, "value: want a VECTOR, got TABLE")
	_, err = AsScalar(nil)
	require.EqualError(t, err, "value: want a SCALAR, got nothing")

	for _, c := range []struct {
		v    Value
		i    int64
		iErr string
		f    float64
		fErr string
	}{
		{NewInt(7), 7, "", 7, ""},
		{NewTyped(Date, 19000), 19000, "", 0, "value: want a numeric scalar, got DATE SCALAR"},
		{NewDouble(2.5), 0, "value: want an integral scalar, got DOUBLE SCALAR", 2.5, ""},
		{NewDecimal(Decimal32, 125, 2), 0, "value: want an integral scalar, got DECIMAL32 SCALAR", 1.25, ""},
		{NullScalar(Int), 0, "value: want an integral scalar, got a NULL INT: value is NULL", 0, "value: want a numeric scalar, got a NULL INT: value is NULL"},
		{NewString("x"), 0, "value: want an integral scalar, got STRING SCALAR", 0, "value: want a numeric scalar, got STRING SCALAR"},
		{vec, 0, "value: want an integral scalar, got INT VECTOR", 0, "value: want a numeric scalar, got INT VECTOR"},
	} {
		i, err := GetInt64(c.v)
		if c.iErr == "" {
			require.NoError(t, err)
			require.Equal(t, c.i, i)
		} else {
			require.EqualError(t, err, c.iErr)
		}
		f, err := GetFloat64(c.v)
		if c.fErr == "" {
			require.NoError(t, err)
			require.Equal(t, c.f, f)
		} else {
			require.EqualError(t, err, c.fErr)
		}
	}
	_, err = GetInt64(NullScalar(Long))
	require.ErrorIs(t, err, ErrNull)

	s, err := GetString(NewSymbol("AAPL"))
	require.NoError(t, err)
	require.Equal(t, "AAPL", s)
	_, err = GetString(NewInt(1))
	require.EqualError(t, err, "value: want a STRING scalar, got INT SCALAR")
	b, err := GetBool(NewBool(true))
	require.NoError(t, err)
	require.True(t, b)
	_, err = GetBool(NewInt(1))
	require.EqualError(t, err, "value: want a BOOL scalar, got INT SCALAR")
}
