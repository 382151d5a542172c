//go:build !linux

package server

import (
	"net"
	"time"
)

// setUserTimeout is a no-op where TCP_USER_TIMEOUT does not exist; the
// keep-alive set beside it still drops dead peers.
func setUserTimeout(*net.TCPConn, time.Duration) {}
