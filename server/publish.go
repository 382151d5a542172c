package server

import (
	"bytes"
	"crypto/tls"
	"time"

	"github.com/coder/websocket"

	"github.com/porpoisedb/porpoise/stream"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/wire"
	"github.com/porpoisedb/porpoise/wire/streammsg"
)

// A client subscribes to a stream table by sending publishTable on a
// connection of its own (binary, or the JavaScript API's WebSocket) (the "reverse" form; see
// docs/streaming-protocol.md). The request runs with the connection's
// publisher in its context (stream.WithSink); once the reply has gone,
// the connection stops reading requests: the publisher writes the schema
// and then the messages the subscription's goroutine hands it, while the
// connection's goroutine waits for the client to hang up. Whichever ends
// first, the client's close, unsubscribing (stopPublishTable, an
// overflow, the engine closing) or the server's shutdown, ends both.

// firstDataDelay is how long after the schema a subscription's first
// data message may go; see publish.
const firstDataDelay = 100 * time.Millisecond

// publisher is a connection's stream.Sink.
type publisher struct {
	c *conn
	// ready is closed once the reply and the schema are written: Send
	// waits for it, so nothing overtakes them.
	ready  chan struct{}
	reg    *stream.Registry
	sub    *stream.Subscription
	schema *value.Table

	out bytes.Buffer
	enc *wire.Writer
	// send writes one message: a TCP write or a WebSocket message.
	send func([]byte) error
}

// publisher is the connection's sink, made on its first publishTable.
func (c *conn) publisher() *publisher {
	if c.pub == nil {
		c.pub = &publisher{c: c, ready: make(chan struct{})}
		c.pub.enc = wire.NewWriter(&c.pub.out, nil)
	}
	return c.pub
}

// Attach implements stream.Sink.
func (p *publisher) Attach(reg *stream.Registry, sub *stream.Subscription, schema *value.Table) {
	p.reg, p.sub, p.schema = reg, sub, schema
}

// Send implements stream.Sink.
func (p *publisher) Send(topic string, rows *value.Table, lastID int64) error {
	select {
	case <-p.ready:
	case <-p.c.ctx.Done():
		return p.c.ctx.Err()
	}
	return p.write(topic, streammsg.Columns(rows), lastID)
}

// Close implements stream.Sink. It runs under the stream table's lock,
// so a TLS connection's socket is closed under it: closing the TLS layer
// would first send close_notify, which can wait on a full socket.
func (p *publisher) Close() {
	nc := p.c.nc
	if tc, ok := nc.(*tls.Conn); ok {
		nc = tc.NetConn()
	}
	nc.Close()
}

// write sends one message as one write.
func (p *publisher) write(topic string, body value.Value, lastID int64) error {
	p.out.Reset()
	p.out.Write(streammsg.AppendHeader(p.out.AvailableBuffer(), time.Now().UnixMilli(), lastID, topic))
	p.enc.Reset(&p.out)
	p.enc.SetOptions(p.c.encodeOptions())
	if err := p.enc.WriteObject(body); err != nil {
		return err
	}
	if err := p.enc.Flush(); err != nil {
		return err
	}
	err := p.send(p.out.Bytes())
	p.c.sess.CountNetwork(int64(p.out.Len()), 0)
	if p.out.Cap() > 4<<20 {
		p.out = bytes.Buffer{}
	}
	return err
}

// stop ends the subscription, if publishTable made one; the connection
// is going away.
func (p *publisher) stop() {
	if p.sub != nil {
		p.reg.Stop(p.sub)
	}
}

// publish turns the connection over to the subscription publishTable
// attached, after its reply: the schema goes first, then the messages
// (each one send), until the client hangs up (wait returns) or the
// subscription ends (the connection is closed, which ends wait).
func (c *conn) publish(p *publisher, send func([]byte) error, wait func()) {
	// Idle, so that a shutdown closes it at once.
	if !c.setIdle() {
		return
	}
	c.nc.SetReadDeadline(time.Time{})
	p.send = send
	if p.write(p.sub.Topic, p.schema, -1) != nil {
		return
	}
	// The Java API hands the connection to its reader thread as soon as
	// the reply has come and records the subscription's topic only after
	// that; a data message read in between is looked up under no topic,
	// which ends the reader, and that subscriber never sees a row. The
	// first data message waits long enough for the client to finish.
	select {
	case <-time.After(firstDataDelay):
	case <-c.ctx.Done():
		return
	}
	close(p.ready)
	hungUp := make(chan struct{})
	defer close(hungUp)
	go func() {
		select {
		case <-p.sub.Done():
			c.srv.mu.Lock()
			c.closeLocked()
			c.srv.mu.Unlock()
		case <-hungUp:
		}
	}()
	wait()
}

// publishTCP publishes on a binary-protocol connection, which the
// client sends nothing more on: what it does send is dropped.
func (c *conn) publishTCP(p *publisher) {
	c.publish(p, func(b []byte) error {
		_, err := c.nc.Write(b)
		return err
	}, func() {
		buf := make([]byte, 512)
		for {
			if _, err := c.nc.Read(buf); err != nil {
				return
			}
		}
	})
}

// publishWebSocket publishes on the JavaScript API's streaming
// WebSocket, one message per WebSocket message.
func (c *conn) publishWebSocket(p *publisher, ws *websocket.Conn) {
	c.publish(p, func(b []byte) error {
		return ws.Write(c.ctx, websocket.MessageBinary, b)
	}, func() {
		for {
			if _, _, err := ws.Read(c.ctx); err != nil {
				return
			}
		}
	})
}
