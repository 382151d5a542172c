package server

import (
	"net"
	"syscall"
	"time"
)

// tcpUserTimeoutOpt is TCP_USER_TIMEOUT (linux/tcp.h), which package
// syscall does not name.
const tcpUserTimeoutOpt = 18

// setUserTimeout sets TCP_USER_TIMEOUT: unacknowledged data older than t
// drops the connection.
func setUserTimeout(tc *net.TCPConn, t time.Duration) {
	raw, err := tc.SyscallConn()
	if err != nil {
		return
	}
	_ = raw.Control(func(fd uintptr) {
		_ = syscall.SetsockoptInt(int(fd), syscall.IPPROTO_TCP, tcpUserTimeoutOpt, int(t.Milliseconds()))
	})
}
