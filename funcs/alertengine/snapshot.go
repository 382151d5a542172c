package alertengine

import (
	"slices"

	"github.com/porpoisedb/porpoise/funcs/streamengine"
	"github.com/porpoisedb/porpoise/sqlparse/unparse"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/kernel"
)

// The state a snapshot saves (streamengine.Snapshotter) is one tuple,
// in wire's object encoding:
//
//	stateVersion
//	LONG vector: begun, the first window's end (e0), the number of
//	  groups made
//	tuple of the key columns, a row per group made (Keys)
//	STRING vector: the mixed metrics' aggregate calls, as text
//	tuple of the groups, each a tuple: LONG vector of its scalars (id,
//	  seen, lastT, lastEnd), LONG vector of its buffered rows' times,
//	  tuple of its buffered columns, tuple of its last window's
//	  aggregates (a vector of one element per call, none before its
//	  first window), tuple of its latest rows for order-sensitive
//	  metrics (none when it keeps none)
//
// The aggregates go by their calls' text: stream/anomaly_detection_engine.md's
// recovery example creates the engine again with other metrics, whose
// aggregates a snapshot may not hold; a group lacking some waits for
// its next window, as a group before its first one does.
const stateVersion = "alertengine state 1"

// SaveState implements streamengine.Snapshotter: everything Consume
// reads besides the arguments, between two Consume calls (a group's
// ref lives within one).
func (e *engine) SaveState() ([]byte, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	head := value.NewLongs([]int64{kernel.BoolAs[int64](e.begun), e.e0, int64(e.groups.Made())})
	groups := make([]value.Value, len(e.groups.All))
	for i, g := range e.groups.All {
		var agg []value.Value
		if g.agg != nil {
			for k := range e.c.aggs {
				agg = append(agg, g.agg.Column(aggCol(k)))
			}
		}
		var tail value.Value = value.NewTuple(nil)
		if g.tail != nil {
			tail = streamengine.StateColumns(g.tail)
		}
		groups[i] = value.NewTuple([]value.Value{
			value.NewLongs([]int64{int64(g.id), kernel.BoolAs[int64](g.seen), g.lastT, g.lastEnd}),
			value.NewLongs(g.times),
			streamengine.StateColumns(g.buf),
			value.NewTuple(agg),
			tail,
		})
	}
	return streamengine.EncodeState(stateVersion, head, streamengine.StateColumns(e.groups.Keys),
		value.NewStrings(value.String, e.aggTexts()), value.NewTuple(groups))
}

// aggTexts is the mixed metrics' aggregate calls as text.
func (e *engine) aggTexts() []string {
	out := make([]string, len(e.c.aggs))
	for k, a := range e.c.aggs {
		out[k] = unparse.Metacode(a)
	}
	return out
}

// LoadState implements streamengine.Snapshotter: the engine, fresh,
// takes the state SaveState gave.
func (e *engine) LoadState(b []byte) error {
	top, head, keys, err := e.groups.DecodeState(b, stateVersion, 4, 3)
	if err != nil {
		return err
	}
	texts, ok := top[2].(*value.Vector)
	if !ok || texts.T != value.String {
		return streamengine.ErrState
	}
	// where each of this engine's aggregates is among the saved ones
	from := make([]int, len(e.c.aggs))
	for k, t := range e.aggTexts() {
		from[k] = -1
		for j := 0; j < texts.Len(); j++ {
			if texts.StrAt(j) == t {
				from[k] = j
				break
			}
		}
	}
	gvals, ok := streamengine.StateTuple(top[3], -1)
	if !ok {
		return streamengine.ErrState
	}
	made := int(head[2])
	if made < len(gvals) || len(keys.Cols) > 0 && keys.Rows() != made {
		return streamengine.ErrState
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	all := make([]*group, len(gvals))
	for i, gv := range gvals {
		g, err := e.loadGroup(gv, made, texts.Len(), from)
		if err != nil {
			return err
		}
		all[i] = g
	}
	e.groups.Restore(keys, made, all, func(g *group) int { return g.id })
	e.begun, e.e0 = head[0] != 0, head[1]
	return nil
}

// loadGroup reads one group of a state of made groups, whose groups
// saved nsaved aggregates; from is where each of this engine's is
// among them (-1: not saved).
func (e *engine) loadGroup(v value.Value, made, nsaved int, from []int) (*group, error) {
	s, err := streamengine.LoadTimedGroup(v, 5, 4, e.dummy)
	if err != nil {
		return nil, err
	}
	ints := s.Head
	g := &group{id: int(ints[0]), seen: ints[1] != 0, lastT: ints[2], lastEnd: ints[3], times: s.Times, buf: s.Buf, ref: -1}
	if g.id < 0 || g.id >= made {
		return nil, streamengine.ErrState
	}
	agg, ok := streamengine.StateTuple(s.Rest[0], -1)
	if !ok || len(agg) != 0 && len(agg) != nsaved {
		return nil, streamengine.ErrState
	}
	if len(agg) > 0 && len(from) > 0 && !slices.Contains(from, -1) {
		names := make([]string, len(from))
		cols := make([]*value.Vector, len(from))
		for k, j := range from {
			c, ok := agg[j].(*value.Vector)
			if !ok || c.Len() != 1 {
				return nil, streamengine.ErrState
			}
			names[k], cols[k] = aggCol(k), c
		}
		g.agg = value.NewTable(names, cols)
	}
	tail, ok := streamengine.StateTuple(s.Rest[1], -1)
	if !ok {
		return nil, streamengine.ErrState
	}
	if len(tail) > 0 {
		g.tail = e.dummy.EmptyLike(0)
		if err := streamengine.LoadColumns(g.tail, s.Rest[1]); err != nil {
			return nil, err
		}
	}
	return g, nil
}
