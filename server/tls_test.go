package server

import (
	"bufio"
	"crypto/tls"
	"errors"
	"net"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/wire"
)

// A TLS client (useSSL=True) is served on the same port as plain ones,
// with a self-signed certificate when none is configured.
func TestTLSOnTheSamePort(t *testing.T) {
	ts := vecServer(t)
	tc, err := tls.DialWithDialer(&net.Dialer{Timeout: 5 * time.Second}, "tcp", ts.Addr,
		&tls.Config{InsecureSkipVerify: true})
	require.NoError(t, err)
	t.Cleanup(func() { tc.Close() })
	require.Equal(t, "porpoise", tc.ConnectionState().PeerCertificates[0].Subject.CommonName)
	rec := &recorder{r: tc}
	br := bufio.NewReader(rec)
	c := &rawConn{t: t, nc: tc, rec: rec, br: br, rd: wire.NewReader(br)}
	goLogin(t, c)
	r := c.ok(goScript(t, "sum(1..10)"))
	require.Equal(t, value.NewInt(55), r.obj)

	// plain clients keep working beside it
	p := dialRaw(t, ts.Addr)
	goLogin(t, p)
	p.send(goScript(t, "1+1"))
	require.Equal(t, value.NewInt(2), p.readReply().obj)
}

// A client that opens TLS and never finishes the handshake is dropped.
func TestTLSHandshakeFailureClosesTheConnection(t *testing.T) {
	ts := vecServer(t)
	nc, err := net.Dial("tcp", ts.Addr)
	require.NoError(t, err)
	defer nc.Close()
	_, err = nc.Write([]byte{0x16, 0x03, 0x01, 0x00, 0x05, 'h', 'e', 'l', 'l', 'o'})
	require.NoError(t, err)
	nc.SetReadDeadline(time.Now().Add(5 * time.Second))
	buf := make([]byte, 64)
	for {
		if _, err := nc.Read(buf); err != nil {
			var ne net.Error
			require.False(t, errors.As(err, &ne) && ne.Timeout(), "the server should close the connection")
			return
		}
	}
}

// A home directory's keys folder supplies the certificate, as DolphinDB's
// <home>/keys/server.crt does; without one a self-signed pair is written
// there and reused on the next start.
func TestKeysTLSFromTheKeysFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "keys")
	first, err := KeysTLS(dir)
	require.NoError(t, err)
	require.FileExists(t, filepath.Join(dir, "server.crt"))
	require.FileExists(t, filepath.Join(dir, "serverPrivate.key"))
	again, err := KeysTLS(dir)
	require.NoError(t, err)
	require.Equal(t, first.Certificates[0].Certificate[0], again.Certificates[0].Certificate[0],
		"the second start must reuse the written pair")

	// a served certificate is the one in the folder
	ts := RunT(t, WithOptions(Options{TLS: again}))
	tc, err := tls.Dial("tcp", ts.Addr, &tls.Config{InsecureSkipVerify: true})
	require.NoError(t, err)
	defer tc.Close()
	require.Equal(t, first.Certificates[0].Certificate[0], tc.ConnectionState().PeerCertificates[0].Raw)

	// half a pair is refused, not silently replaced
	require.NoError(t, os.Remove(filepath.Join(dir, "server.crt")))
	_, err = KeysTLS(dir)
	require.ErrorContains(t, err, "holds only one of server.crt and serverPrivate.key")

	// a corrupt certificate is reported
	require.NoError(t, os.WriteFile(filepath.Join(dir, "server.crt"), []byte("junk"), 0o644))
	_, err = KeysTLS(dir)
	require.Error(t, err)
}
