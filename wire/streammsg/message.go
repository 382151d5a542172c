package streammsg

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"

	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/wire"
)

// MaxRows is the most rows one message carries, DolphinDB's default
// maxMsgNumPerBlock; a larger batch goes as several messages.
const MaxRows = 1024

// maxTopic bounds the topic string a reader accepts.
const maxTopic = 64 << 10

// AppendHeader appends the header of a message sent at sent (epoch
// milliseconds) whose last row has offset lastID, for topics ("," joins
// several).
func AppendHeader(b []byte, sent, lastID int64, topics string) []byte {
	b = append(b, 1)
	b = binary.LittleEndian.AppendUint64(b, uint64(sent))
	b = binary.LittleEndian.AppendUint64(b, uint64(lastID))
	b = append(b, topics...)
	return append(b, 0)
}

// Columns is the body of a data message: the columns of rows as a tuple.
func Columns(rows *value.Table) *value.Vector {
	cols := make([]value.Value, len(rows.Cols))
	for i, c := range rows.Cols {
		cols[i] = c
	}
	return value.NewTuple(cols)
}

// Message is one decoded message.
type Message struct {
	Sent, LastID int64
	Topics       string
	// Body is the schema (an empty table) or the columns (a tuple).
	Body value.Value
}

// Rows is the number of rows a data message carries, 0 for the schema.
func (m *Message) Rows() int {
	if v, ok := m.Body.(*value.Vector); ok && v.T == value.Any && len(v.Any) > 0 {
		if c, ok := v.Any[0].(*value.Vector); ok {
			return c.Len()
		}
	}
	return 0
}

// Read reads one message from br; rd reads the object from the same
// stream.
func Read(br *bufio.Reader, rd *wire.Reader) (*Message, error) {
	var head [17]byte
	if _, err := io.ReadFull(br, head[:]); err != nil {
		return nil, err
	}
	if head[0] != 1 {
		return nil, errors.New("streammsg: big-endian messages are not supported")
	}
	m := &Message{Sent: int64(binary.LittleEndian.Uint64(head[1:])), LastID: int64(binary.LittleEndian.Uint64(head[9:]))}
	topic, err := br.ReadSlice(0)
	if err != nil {
		return nil, fmt.Errorf("streammsg: topic: %w", err)
	}
	if len(topic) > maxTopic {
		return nil, errors.New("streammsg: topic too long")
	}
	m.Topics = string(topic[:len(topic)-1])
	if m.Body, err = rd.ReadObject(); err != nil {
		return nil, err
	}
	return m, nil
}
