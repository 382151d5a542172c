package streamengine

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/insert"
	"github.com/porpoisedb/porpoise/value"
)

// Warmer is an Engine warmupStreamEngine accepts: Warmup takes rows
// (converted to the input schema) into the engine's state as Consume
// would, writing no output.
type Warmer interface {
	Warmup(batch *value.Table) error
}

// warmupStreamEngine(engine, msgs) feeds msgs to an engine that keeps
// state without writing output (funcs/w/warmupStreamEngine.md); only the
// engines that implement Warmer accept it (error_codes/S03018.md).
func warmupStreamEngine(_ funcs.Env, args []value.Value) (value.Value, error) {
	t, _ := args[0].(*value.Table)
	var h *handle
	if t != nil {
		h, _ = t.Stream.(*handle)
	}
	if h == nil {
		return nil, ddberr.Errorf("warmupStreamEngine currently only supports the reactive state engine and time series engine. RefId: S03018")
	}
	w, ok := h.eng.(Warmer)
	if !ok {
		return nil, ddberr.Errorf("warmupStreamEngine currently only supports the reactive state engine and time series engine. RefId: S03018")
	}
	msgs, ok := args[1].(*value.Table)
	if !ok {
		return nil, ddberr.Errorf("The argument [%s] of %s must be a table.", "msgs", "warmupStreamEngine")
	}
	batch, err := insert.ConvertTable(insert.SchemaOf(h.input), msgs, insert.Memory)
	if err != nil {
		return nil, err
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed || batch.Rows() == 0 {
		return nil, nil
	}
	err = w.Warmup(batch)
	if err != nil {
		h.lastErr = err.Error()
	}
	return nil, err
}
