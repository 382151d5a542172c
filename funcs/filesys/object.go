package filesys

import (
	"errors"
	"io"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/wire"
)

// writeObject and readObject keep whole objects (scalars, vectors,
// matrices, sets, dictionaries, tables, tuples) in a file in DolphinDB's
// serialization, the wire protocol's object form, one after another.

func writeObject(h *Handle, _ funcs.Env, args []value.Value) (value.Value, error) {
	b, err := wire.Marshal(args[1], nil)
	if err != nil {
		return nil, err
	}
	return nil, h.write(b)
}

func readObject(h *Handle, _ funcs.Env, args []value.Value) (value.Value, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	r, err := h.reader()
	if err != nil {
		return nil, err
	}
	// the wire reader reads through the handle's buffer, so the next
	// object starts where this one ends
	v, err := wire.NewReader(r).ReadObject()
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return nil, errEOF
	}
	return v, err
}
