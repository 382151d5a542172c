package streammsg_test

import (
	"bufio"
	"bytes"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/wire"
	"github.com/porpoisedb/porpoise/wire/streammsg"
)

func TestMessagesRoundTrip(t *testing.T) {
	rows := value.NewTable([]string{"id", "sym"}, []*value.Vector{
		value.NewInts([]int32{7, 8, 9}), value.NewStrings(value.Symbol, []string{"a", "b", "a"})})
	for _, tc := range []struct {
		name   string
		body   value.Value
		lastID int64
		rows   int
	}{
		{"schema", rows.EmptyLike(0), -1, 0},
		{"rows", streammsg.Columns(rows), 9, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, symbols := range []wire.SymbolMode{wire.SymbolPlain, wire.SymbolBase} {
				b := streammsg.AppendHeader(nil, 1700000000000, tc.lastID, "localhost:8848:local8848/trades/a")
				obj, err := wire.Marshal(tc.body, &wire.EncodeOptions{Symbols: symbols})
				require.NoError(t, err)
				// two messages back to back, as they come on a connection
				stream := append(append(b, obj...), append(b, obj...)...)
				br := bufio.NewReader(bytes.NewReader(stream))
				rd := wire.NewReader(br)
				for i := 0; i < 2; i++ {
					m, err := streammsg.Read(br, rd)
					require.NoError(t, err)
					require.Equal(t, int64(1700000000000), m.Sent)
					require.Equal(t, tc.lastID, m.LastID)
					require.Equal(t, "localhost:8848:local8848/trades/a", m.Topics)
					require.Equal(t, tc.rows, m.Rows())
					require.Equal(t, tc.body.String(), m.Body.String())
				}
				_, err = streammsg.Read(br, rd)
				require.Error(t, err, "end of stream")
			}
		})
	}
}

func TestReadRefusesBigEndian(t *testing.T) {
	b := streammsg.AppendHeader(nil, 0, 0, "t")
	b[0] = 0
	br := bufio.NewReader(bytes.NewReader(b))
	_, err := streammsg.Read(br, wire.NewReader(br))
	require.EqualError(t, err, "streammsg: big-endian messages are not supported")
}
