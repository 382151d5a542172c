package streamengine

import (
	"slices"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/system"
	"github.com/porpoisedb/porpoise/value"
)

// JoinEngine is what a kind of join engine (createAsofJoinEngine and its
// kin) implements: it has two inputs, whose appends reach ConsumeLeft
// and ConsumeRight, serialized with each other.
type JoinEngine interface {
	ConsumeLeft(batch *value.Table) error
	ConsumeRight(batch *value.Table) error
	Stat() (names []string, vals []value.Value)
	Close()
	Outputs() []value.Value
}

// joinAdapter is a JoinEngine as the Engine of its handle: the handle's
// own input is the left one.
type joinAdapter struct{ JoinEngine }

func (j joinAdapter) Consume(batch *value.Table) error { return j.ConsumeLeft(batch) }

// rightSink is the right input of a join engine's handle.
type rightSink struct {
	h  *handle
	by funcs.Env // as handle.by, for the right input
}

// AppendedBy is handle.AppendedBy for the right input.
func (r *rightSink) AppendedBy(by funcs.Env) func() {
	r.by = by
	return func() { r.by = nil }
}

// Published implements value.Publisher.
func (r *rightSink) Published(*value.Table, int) {}

// Undefining implements value.Publisher.
func (r *rightSink) Undefining(*value.Table) error { return nil }

// Writes implements insert.Sink: the engine's.
func (r *rightSink) Writes() []value.Value { return r.h.Writes() }

// Consume implements insert.Sink, under the handle's lock as the left
// input's appends are.
func (r *rightSink) Consume(batch *value.Table) error {
	h := r.h
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed || batch.Rows() == 0 {
		return nil
	}
	defer h.within(r.by)()
	err := h.eng.(joinAdapter).ConsumeRight(batch)
	if err != nil {
		h.lastErr = err.Error()
	}
	return err
}

// CreateJoin registers a join engine as Create does an engine of one
// input: it returns the engine's handle, which is also its left input
// (getLeftStream); its right input has right's columns
// (getRightStream). appendForJoin appends to either.
func CreateJoin(env funcs.Env, kind string, name value.Value, left, right *value.Table, build func(bg funcs.Env) (JoinEngine, error)) (value.Value, error) {
	v, err := Create(env, kind, name, left, func(bg funcs.Env) (Engine, error) {
		j, err := build(bg)
		if err != nil {
			return nil, err
		}
		return joinAdapter{j}, nil
	})
	if err != nil {
		return nil, err
	}
	in := v.(*value.Table)
	h := in.Stream.(*handle)
	cols := make([]*value.Vector, len(right.Cols))
	for i, c := range right.Cols {
		cols[i] = c.Like(0)
		cols[i].Scale = c.Scale
	}
	rt := value.NewTable(slices.Clone(right.Names), cols)
	rt.Shared = h.name + "_right"
	rt.Stream = &rightSink{h: h}
	if sh, ok := env.(system.Host); ok {
		sh.Guard(rt)
	}
	h.mu.Lock()
	h.right = rt
	h.mu.Unlock()
	return in, nil
}

// joinHandle is the join engine whose handle (or input) v is.
func joinHandle(fn string, v value.Value) (*handle, error) {
	if t, ok := v.(*value.Table); ok {
		switch s := t.Stream.(type) {
		case *handle:
			if _, isJoin := s.eng.(joinAdapter); isJoin {
				return s, nil
			}
		case *rightSink:
			return s.h, nil
		}
	}
	return nil, funcs.BadArg(fn, "engine", "a join engine")
}

// getLeftStream is the left input of a join engine.
func getLeftStream(_ funcs.Env, args []value.Value) (value.Value, error) {
	h, err := joinHandle("getLeftStream", args[0])
	if err != nil {
		return nil, err
	}
	return h.input, nil
}

// getRightStream is the right input of a join engine.
func getRightStream(_ funcs.Env, args []value.Value) (value.Value, error) {
	h, err := joinHandle("getRightStream", args[0])
	if err != nil {
		return nil, err
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.right, nil
}

// appendForJoin appends data to the left (isLeftTable) or right input
// of a join engine, as a subscription's handler appendForJoin{engine,
// true} does.
func appendForJoin(env funcs.Env, args []value.Value) (value.Value, error) {
	h, err := joinHandle("appendForJoin", args[0])
	if err != nil {
		return nil, err
	}
	left, err := funcs.BoolArg("appendForJoin", "isLeftTable", args[1], true)
	if err != nil {
		return nil, err
	}
	target := h.input
	if !left {
		h.mu.Lock()
		target = h.right
		h.mu.Unlock()
	}
	// tableInsert takes the locks of what the engine writes
	ins, _ := funcs.Lookup("tableInsert")
	return env.Call(ins, target, args[2])
}
