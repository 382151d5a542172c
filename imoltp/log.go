package imoltp

import (
	"encoding/binary"
	"errors"

	"github.com/porpoisedb/porpoise/recframe"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/wire"
)

// A record of the redo and checkpoint files is framed by package
// recframe; its payload is a sequence of wire-encoded values, each
// prefixed by its 4-byte little-endian length.

// Record kinds.
const (
	kindGeneration  = 'G' // [generation]: starts each file
	kindDatabase    = 'D' // [path]
	kindDropDB      = 'X' // [path]
	kindTable       = 'T' // [path, name, pk, secondary keys, unique flags, rows]
	kindDropTable   = 'Y' // [path, name]
	kindAppend      = 'A' // [path, name, rows appended]
	kindRewrite     = 'R' // [path, name, all rows after a change of the whole table]
	kindUpdate      = 'U' // [path, name, positions of the rows updated, their rows]
	kindDelete      = 'E' // [path, name, positions of the rows deleted, ascending]
	kindBegin       = 'B' // []: a transaction block's records follow
	kindCommit      = 'C' // []: ends them; without it they are not applied
	generationFirst = 1
)

// encodeRecord encodes vals as one record of kind.
func encodeRecord(kind byte, vals ...value.Value) ([]byte, error) {
	var payload []byte
	for _, v := range vals {
		b, err := wire.Marshal(v, nil)
		if err != nil {
			return nil, err
		}
		payload = binary.LittleEndian.AppendUint32(payload, uint32(len(b)))
		payload = append(payload, b...)
	}
	return recframe.Append(nil, kind, payload), nil
}

// decodeRecord decodes the record at the start of b and its length;
// io.ErrUnexpectedEOF when b ends inside it or its checksum is wrong (a
// torn write, never acknowledged).
func decodeRecord(b []byte) (byte, []value.Value, int, error) {
	kind, payload, n, err := recframe.Next(b)
	if err != nil {
		return 0, nil, 0, err
	}
	var vals []value.Value
	for len(payload) > 0 {
		if len(payload) < 4 {
			return 0, nil, 0, errors.New("short value")
		}
		m := int(binary.LittleEndian.Uint32(payload))
		if len(payload)-4 < m {
			return 0, nil, 0, errors.New("short value")
		}
		v, _, err := wire.DecodeBytes(payload[4 : 4+m])
		if err != nil {
			return 0, nil, 0, err
		}
		vals = append(vals, v)
		payload = payload[4+m:]
	}
	return kind, vals, n, nil
}
