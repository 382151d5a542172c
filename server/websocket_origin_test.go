package server

import (
	"bufio"
	"io"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// upgradeStatus sends a WebSocket upgrade with the given Origin header
// (none when empty) and returns the HTTP status line of the answer.
func upgradeStatus(t *testing.T, addr, origin string) string {
	t.Helper()
	nc, err := net.DialTimeout("tcp", addr, 5*time.Second)
	require.NoError(t, err)
	defer nc.Close()
	hdr := "GET / HTTP/1.1\r\nHost: " + addr + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
		"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
	if origin != "" {
		hdr += "Origin: " + origin + "\r\n"
	}
	_, err = io.WriteString(nc, hdr+"\r\n")
	require.NoError(t, err)
	nc.SetReadDeadline(time.Now().Add(5 * time.Second))
	line, err := bufio.NewReader(nc).ReadString('\n')
	require.NoError(t, err)
	return strings.TrimSpace(line)
}

// With an allow-list, a browser page from another origin can't open the
// WebSocket; without one, any origin can, as with DolphinDB.
func TestWebSocketOriginAllowList(t *testing.T) {
	open := RunT(t)
	require.Contains(t, upgradeStatus(t, open.Addr, "http://anywhere.example"), " 101 ")

	ts := RunT(t, WithOptions(Options{WebSocketOrigins: []string{"console.example.com", "*.trusted.example"}}))
	for _, c := range []struct {
		origin string
		status string
	}{
		{"http://console.example.com", " 101 "},
		{"https://app.trusted.example", " 101 "},
		{"", " 101 "}, // not a browser
		{"http://evil.example", " 403 "},
		{"http://console.example.com.evil.example", " 403 "},
	} {
		require.Contains(t, upgradeStatus(t, ts.Addr, c.origin), c.status, "origin %q", c.origin)
	}
	// the refused page didn't take the server down
	require.Contains(t, upgradeStatus(t, ts.Addr, "http://console.example.com"), " 101 ")
}
