package streamengine

import (
	"context"
	"slices"
	"sync"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// Engine is what a kind of stream engine implements. Create owns the
// engine's name, its input table and the serialization of its calls.
type Engine interface {
	// Consume processes one append's rows (converted to the input
	// schema), in the order they were appended; calls never overlap.
	Consume(batch *value.Table) error
	// Stat is the engine's columns of getStreamEngineStat's table for
	// its kind, after name, user, status and lastErrMsg.
	Stat() (names []string, vals []value.Value)
	// Close stops what the engine runs (timers, goroutines); it is
	// called once, when the engine is dropped or the server closes.
	Close()
	// Outputs are the values the engine writes (Emit's outputs: tables,
	// handler functions), fixed when it is made.
	Outputs() []value.Value
}

// handle is one registered engine: the insert.Sink behind its input
// table.
type handle struct {
	name, kind, user string
	input            *value.Table
	right            *value.Table // a join engine's right input
	bg               funcs.Env    // the engine's background interpreter
	reg              *registry
	// by is the interpreter appending to the input while it appends,
	// set under the input's Mu (AppendedBy).
	by     funcs.Env
	cancel context.CancelFunc

	mu      sync.Mutex
	eng     Engine
	closed  bool
	lastErr string
	snap    *snapshots // nil: the engine takes no snapshots
}

// EngineOf is the engine whose input table is t (as getStreamEngine
// returns it); ok is false for any other table.
func EngineOf(t *value.Table) (e Engine, ok bool) {
	h, ok := t.Stream.(*handle)
	if !ok {
		return nil, false
	}
	return h.eng, true
}

// Published implements value.Publisher; a sink's rows reach Consume
// instead.
func (h *handle) Published(*value.Table, int) {}

// Undefining implements value.Publisher: the engine's name is not a
// shared variable, so undefining one never concerns it.
func (h *handle) Undefining(*value.Table) error { return nil }

// Writes implements insert.Sink: the engine's outputs (tables, handler
// functions, whose bound arguments system.LockWrites locks), through
// the engines they feed.
func (h *handle) Writes() []value.Value { return writes(h.eng.Outputs(), map[*handle]bool{h: true}) }

// writes is outs and what the engines among them write, each engine
// once.
func writes(outs []value.Value, seen map[*handle]bool) []value.Value {
	all := slices.Clip(outs)
	for _, o := range outs {
		t, ok := o.(*value.Table)
		if !ok {
			continue
		}
		var next *handle
		switch s := t.Stream.(type) {
		case *handle:
			next = s
		case *rightSink:
			next = s.h
		}
		if next != nil && !seen[next] {
			seen[next] = true
			all = append(all, writes(next.eng.Outputs(), seen)...)
		}
	}
	return all
}

// AppendedBy implements system.AppendTable's appender: by appends to
// the input until the returned reset.
func (h *handle) AppendedBy(by funcs.Env) func() {
	h.by = by
	return func() { h.by = nil }
}

// within runs the engine's background interpreter within the lock scope
// of by, the appending interpreter, whose goroutine runs the engine's
// work: by holds the locks of what the engine writes (system.InsertRows
// took them), so the engine's handler statements find them held instead
// of waiting for by. h.mu is held.
func (h *handle) within(by funcs.Env) func() {
	if w, ok := h.bg.(interface{ Within(funcs.Env) func() }); ok && by != nil {
		return w.Within(by)
	}
	return func() {}
}

// Consume implements insert.Sink. A dropped engine's handle swallows
// what it is given, as the released engine computes nothing more.
func (h *handle) Consume(batch *value.Table) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed || batch.Rows() == 0 {
		return nil
	}
	defer h.within(h.by)()
	err := h.eng.Consume(batch)
	if err != nil {
		h.lastErr = err.Error()
	} else if h.snap != nil {
		h.snap.since += int64(batch.Rows())
	}
	return err
}

// consumedMsg follows appendMsg's append of the messages up to msgID:
// once snapshotIntervalInMsgCount rows came since the latest snapshot,
// the engine saves one, which covers the messages up to msgID (the
// batch that crosses the count is in it, as
// stream/time_series_engine.md's example 7 shows: one 500-row batch, an
// interval of 100, msgId 499).
func (h *handle) consumedMsg(msgID int64) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	sn := h.snap
	if h.closed || sn == nil || sn.interval <= 0 || sn.since < sn.interval {
		return nil
	}
	if err := sn.save(h.kind, h.name, h.eng.(Snapshotter), msgID); err != nil {
		// the page gives no text for a failed save; ours
		return ddberr.Errorf("Failed to save the snapshot of the stream engine [%s]: %v", h.name, err)
	}
	return nil
}

// close closes the engine once. The engine's Close waits for a tick
// under way, which takes h.mu: it runs after h.mu is released.
func (h *handle) close() {
	h.mu.Lock()
	closed, eng := h.closed, h.eng
	h.closed = true
	h.mu.Unlock()
	if closed {
		return
	}
	h.cancel()
	h.reg.mu.Lock()
	delete(h.reg.byEnv, h.bg)
	h.reg.mu.Unlock()
	if eng != nil {
		eng.Close()
	}
}

// FullStater is an engine whose row of getStreamEngineStat's table is
// all its own: the CEP engine's names its error columns
// lastErrorMessage and lastErrorTimestamp (stream/cep_viewing.md).
type FullStater interface {
	FullStat() (names []string, vals []value.Value)
}

// stat is the engine's row of getStreamEngineStat's table.
func (h *handle) stat() ([]string, []value.Value) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if fs, ok := h.eng.(FullStater); ok {
		return fs.FullStat()
	}
	status := "OK"
	if h.lastErr != "" {
		status = "FATAL"
	}
	names, vals := h.eng.Stat()
	if h.snap != nil {
		h.snap.stat(names, vals)
	}
	return append([]string{"name", "user", "status", "lastErrMsg"}, names...),
		append([]value.Value{value.NewString(h.name), value.NewString(h.user), value.NewString(status), value.NewString(h.lastErr)}, vals...)
}
