package xsengine

import (
	"github.com/porpoisedb/porpoise/funcs/streamengine"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/kernel"
)

// The state a snapshot saves (streamengine.Snapshotter) is one tuple,
// in wire's object encoding:
//
//	stateVersion
//	LONG vector: grouped and groupedKnown (how contextByColumn groups),
//	  keyCount's curTS, haveTS, curCount, triggered and heldTS,
//	  dataInterval's winEnd, winOrigin and haveWin, and interval's dirty
//	tuple of the cross-section's columns, the latest row per key in the
//	  order the keys arrived
//	BLOB vector: the context-by groups updated since the last
//	  computation (updatedContextGroupsOnly), as their keys
//	tuple of the columns of the rows keyCount holds back (none when it
//	  holds none)
//
// The interval pattern's timer is wall-clock state: a restored engine's
// starts again at its creation, and computes at its first tick when
// rows had arrived since the last computation.
const stateVersion = "xsengine state 1"

// SaveState implements streamengine.Snapshotter.
func (e *crossEngine) SaveState() ([]byte, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	b := kernel.BoolAs[int64]
	head := value.NewLongs([]int64{b(e.grouped), b(e.groupedKnown), e.curTS, b(e.haveTS), e.curCount, b(e.triggered), e.heldTS,
		e.winEnd, e.winOrigin, b(e.haveWin), b(e.dirty)})
	updated := make([]string, 0, len(e.updated))
	for k := range e.updated {
		updated = append(updated, k)
	}
	var held value.Value = value.NewTuple(nil)
	if e.held != nil {
		held = streamengine.StateColumns(e.held)
	}
	return streamengine.EncodeState(stateVersion, head, streamengine.StateColumns(e.state), value.NewStrings(value.Blob, updated), held)
}

// LoadState implements streamengine.Snapshotter: the engine, fresh,
// takes the state SaveState gave. Its handle shows the cross-section
// once createCrossSectionalEngine has it (mirror).
func (e *crossEngine) LoadState(b []byte) error {
	top, h, err := streamengine.DecodeStateHead(b, stateVersion, 4, 11)
	if err != nil {
		return err
	}
	updated, ok := top[2].(*value.Vector)
	if !ok || updated.T != value.Blob {
		return streamengine.ErrState
	}
	held, ok := streamengine.StateTuple(top[3], -1)
	if !ok {
		return streamengine.ErrState
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	// the fresh engine's cross-section, whose SYMBOL columns code their
	// own strings
	state := e.state
	if err := streamengine.LoadColumns(state, top[1]); err != nil {
		return err
	}
	index := make(map[string]int, state.Rows())
	for r := 0; r < state.Rows(); r++ {
		e.keyBuf = streamengine.RowKey(e.keyBuf[:0], state, e.keyCols, r)
		index[string(e.keyBuf)] = r
	}
	if len(held) > 0 {
		e.held = e.state.EmptyLike(0)
		if err := streamengine.LoadColumns(e.held, top[3]); err != nil {
			return err
		}
	}
	e.index = index
	for i := 0; i < updated.Len(); i++ {
		e.updated[updated.StrAt(i)] = true
	}
	e.grouped, e.groupedKnown = h[0] != 0, h[1] != 0
	e.curTS, e.haveTS, e.curCount, e.triggered, e.heldTS = h[2], h[3] != 0, h[4], h[5] != 0, h[6]
	e.winEnd, e.winOrigin, e.haveWin, e.dirty = h[7], h[8], h[9] != 0, h[10] != 0
	return nil
}
