package recframe

import (
	"io"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestRoundTripAndTornTail(t *testing.T) {
	buf := Append(nil, 'A', []byte("first"))
	buf = Append(buf, 'B', nil)
	whole := len(buf)
	buf = Append(buf, 'C', []byte("torn"))

	kind, p, n, err := Next(buf)
	require.NoError(t, err)
	require.Equal(t, byte('A'), kind)
	require.Equal(t, "first", string(p))
	kind, p, m, err := Next(buf[n:])
	require.NoError(t, err)
	require.Equal(t, byte('B'), kind)
	require.Empty(t, p)
	require.Equal(t, whole, n+m)

	tests := map[string][]byte{
		"cut in the header":  buf[whole : whole+5],
		"cut in the payload": buf[whole : len(buf)-1],
		"bad checksum":       append(append([]byte(nil), buf[whole:len(buf)-1]...), 'x'),
	}
	for name, b := range tests {
		t.Run(name, func(t *testing.T) {
			_, _, _, err := Next(b)
			require.ErrorIs(t, err, io.ErrUnexpectedEOF)
		})
	}
}
