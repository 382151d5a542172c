package server

// RFC 6455 constants for the tests' hand-written WebSocket client
// (helpers_test.go), which checks the server's framing byte by byte.
const (
	wsGUID       = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"
	wsOpContinue = 0x0
	wsOpText     = 0x1
	wsOpBinary   = 0x2
	wsOpClose    = 0x8
	wsOpPing     = 0x9
	wsOpPong     = 0xA
)
