package client_test

import (
	"context"
	"encoding/hex"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/client"
	"github.com/porpoisedb/porpoise/internal/testkit"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/wire"
)

// vec reads a vector of wire-protocol.md §8 (copied in the server
// package's testdata).
func vec(t *testing.T, name string) []byte {
	t.Helper()
	matches, err := filepath.Glob(filepath.Join("..", "server", "testdata", "vectors", name+"_*.hex"))
	require.NoError(t, err)
	require.Len(t, matches, 1)
	data, err := os.ReadFile(matches[0])
	require.NoError(t, err)
	var h strings.Builder
	for _, line := range strings.Split(string(data), "\n") {
		if !strings.HasPrefix(strings.TrimSpace(line), "#") {
			h.WriteString(strings.ReplaceAll(strings.TrimSpace(line), " ", ""))
		}
	}
	b, err := hex.DecodeString(h.String())
	require.NoError(t, err)
	return b
}

// exchange is one request the client must send byte for byte and the
// reply the recorded server gave.
type exchange struct{ request, reply []byte }

// recordedServer answers one connection with recorded replies, checking
// that every request matches the recorded one exactly.
func recordedServer(t *testing.T, script []exchange) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	t.Cleanup(func() { l.Close() })
	errc := make(chan error, 1)
	go func() {
		nc, err := l.Accept()
		if err != nil {
			errc <- err
			return
		}
		defer nc.Close()
		for i, ex := range script {
			nc.SetReadDeadline(time.Now().Add(5 * time.Second))
			got := make([]byte, len(ex.request))
			if _, err := io.ReadFull(nc, got); err != nil {
				errc <- err
				return
			}
			if string(got) != string(ex.request) {
				t.Errorf("request %d:\n got %q\nwant %q", i, got, ex.request)
				errc <- nil
				return
			}
			if _, err := nc.Write(ex.reply); err != nil {
				errc <- err
				return
			}
		}
		errc <- nil
	}()
	t.Cleanup(func() { require.NoError(t, <-errc) })
	return l.Addr().String()
}

// TestClientSendsGoAPIBytes checks the client's requests against those
// the official Go API sent (vectors 01, 04, 07, 09, 10, 42, 40) and its
// decoding of the recorded replies (03, 05, 08, 11, 43, 41).
func TestClientSendsGoAPIBytes(t *testing.T) {
	schemaReply := vec(t, "43")
	tableInsert := vec(t, "40")
	addr := recordedServer(t, []exchange{
		{vec(t, "01"), vec(t, "03")},
		{vec(t, "04"), vec(t, "05")},
		{vec(t, "07"), vec(t, "08")},
		{vec(t, "09"), []byte("1195587396 1 1\nOK\n\x04\x00\x0e\x00\x00\x00")},
		{vec(t, "10"), []byte("1195587396 0 1\nOK\n")},
		{[]byte("API2  17 / 0_1_4_64\nscript\nnosuchfunc"), vec(t, "11")},
		{vec(t, "42"), schemaReply},
		{tableInsert, vec(t, "41")},
	})
	ctx := context.Background()
	c, err := client.Dial(ctx, addr, client.Options{User: "admin", Password: "123456"})
	require.NoError(t, err)
	defer c.Close()
	require.Equal(t, "1195587396", c.SessionID())

	v := testkit.Query(t, c, "1+1")
	require.Equal(t, value.NewInt(2).String(), v.String())

	v, err = c.RunFunc(ctx, "add", value.NewInt(7), value.NewInt(7))
	require.NoError(t, err)
	require.Equal(t, "14", v.String())

	require.NoError(t, c.Upload(ctx, map[string]value.Value{"x": value.NewInt(7)}))

	_, err = c.Run(ctx, "nosuchfunc")
	require.EqualError(t, err, "Syntax Error: [line #1] Cannot recognize the token nosuchfunc")
	var se *client.ServerError
	require.ErrorAs(t, err, &se)

	v = testkit.Query(t, c, "schema(t1)")
	d := v.(*value.Dict)
	defs := d.Get(value.NewStrings(value.String, []string{"colDefs"}), 0).(*value.Table)
	require.Equal(t, []string{"id", "sym", "price"}, defs.Column("name").Str)

	// the table argument of vector 40 is vector 39
	table, _, err := wire.DecodeBytes(vec(t, "39"))
	require.NoError(t, err)
	v, err = c.RunFunc(ctx, `tableInsert{"t1"}`, table)
	require.NoError(t, err)
	require.Equal(t, "3", v.String())
}
