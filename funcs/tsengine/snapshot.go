package tsengine

import (
	"time"

	"github.com/porpoisedb/porpoise/funcs/streamengine"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/kernel"
)

// The state a snapshot saves (streamengine.Snapshotter) is one tuple,
// in wire's object encoding:
//
//	stateVersion
//	LONG vector: the grid's started and first window end, dayKnown,
//	  lastDay, and the number of groups ever made
//	tuple of the key columns, a row per group ever made (Keys)
//	tuple of the live groups, each a tuple: LONG vector of its scalars
//	  (groupInts), LONG vector of its times, tuple of its buffered
//	  columns, tuple of its last output's metrics for 'ffill' (a vector
//	  of one element, or none where it has none)
//	tuple per metrics group: the names, types and scales of its result
//	  columns, empty before its first computed window
//
// Metrics addMetrics added are not in it: a restored engine has the
// metrics it was created with.
const stateVersion = "tsengine state 1"

// SaveState implements streamengine.Snapshotter: everything Consume
// reads besides the arguments, between two Consume calls (nothing is
// staged or queued then).
func (e *engine) SaveState() ([]byte, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	var gridStarted, e0 int64
	if g, ok := e.cal.(*grid); ok && g.started {
		gridStarted, e0 = 1, g.e0
	}
	head := value.NewLongs([]int64{gridStarted, e0, kernel.BoolAs[int64](e.dayKnown), e.lastDay, int64(e.groups.Made())})
	keys := streamengine.StateColumns(e.groups.Keys)
	groups := make([]value.Value, len(e.groups.All))
	for i, g := range e.groups.All {
		last := make([]value.Value, len(g.last))
		for k, sc := range g.last {
			if sc == nil {
				last[k] = value.NewLongs(nil)
				continue
			}
			v := value.NewVector(sc.T, 0, 1)
			v.Scale = sc.Scale
			v.AppendScalar(sc)
			last[k] = v
		}
		// the rows before off are no window's: the snapshot leaves them
		// out, as compact would
		ints := groupInts(g)
		ints[1], ints[2] = 0, int64(g.dropped+g.off)
		buf := make([]value.Value, len(g.buf.Cols))
		for k, c := range g.buf.Cols {
			buf[k] = c.Slice(g.off, len(g.times))
		}
		groups[i] = value.NewTuple([]value.Value{
			value.NewLongs(ints),
			value.NewLongs(g.times[g.off:]),
			value.NewTuple(buf),
			value.NewTuple(last),
		})
	}
	res := make([]value.Value, len(e.resNames))
	for j := range res {
		types := make([]int32, len(e.resTypes[j]))
		for k, t := range e.resTypes[j] {
			types[k] = int32(t)
		}
		res[j] = value.NewTuple([]value.Value{value.NewStrings(value.String, e.resNames[j]), value.NewInts(types), value.NewInts(e.resScale[j])})
	}
	return streamengine.EncodeState(stateVersion, head, keys, value.NewTuple(groups), value.NewTuple(res))
}

// groupInts is a group's scalar state, in the order setGroupInts reads.
func groupInts(g *group) []int64 {
	return []int64{int64(g.id), int64(g.off), int64(g.dropped), kernel.BoolAs[int64](g.started), g.nextEnd, g.maxTime, kernel.BoolAs[int64](g.pending), g.pendEnd, g.pendSub}
}

func setGroupInts(g *group, x []int64) {
	g.id, g.off, g.dropped, g.started = int(x[0]), int(x[1]), int(x[2]), x[3] != 0
	g.nextEnd, g.maxTime, g.pending, g.pendEnd, g.pendSub = x[4], x[5], x[6] != 0, x[7], x[8]
}

// LoadState implements streamengine.Snapshotter: the engine, fresh,
// takes the state SaveState gave.
func (e *engine) LoadState(b []byte) error {
	top, head, keys, err := e.groups.DecodeState(b, stateVersion, 4, 5)
	if err != nil {
		return err
	}
	gvals, ok := streamengine.StateTuple(top[2], -1)
	if !ok {
		return streamengine.ErrState
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	all := make([]*group, len(gvals))
	now := time.Now()
	for i, gv := range gvals {
		g, err := e.loadGroup(gv, int(head[4]))
		if err != nil {
			return err
		}
		g.pendAt = now
		all[i] = g
	}
	if err := e.loadResults(top[3]); err != nil {
		return err
	}
	e.groups.Restore(keys, int(head[4]), all, func(g *group) int { return g.id })
	if g, ok := e.cal.(*grid); ok {
		g.started, g.e0 = head[0] != 0, head[1]
	}
	e.dayKnown, e.lastDay = head[2] != 0, head[3]
	if len(all) > 0 {
		// a session window engine's forceTriggerTime counts from the
		// latest rows: the restore stands for them
		e.lastRow = now
	}
	return nil
}

// loadGroup reads one group of a state, made groups having been made.
func (e *engine) loadGroup(v value.Value, made int) (*group, error) {
	s, err := streamengine.LoadTimedGroup(v, 4, 9, e.dummy)
	if err != nil {
		return nil, err
	}
	g := &group{buf: s.Buf, times: s.Times}
	setGroupInts(g, s.Head)
	if g.id < 0 || g.id >= made || g.off < 0 || g.off > len(g.times) {
		return nil, streamengine.ErrState
	}
	last, ok := streamengine.StateTuple(s.Rest[0], -1)
	if !ok {
		return nil, streamengine.ErrState
	}
	if len(last) > 0 {
		g.last = make([]*value.Scalar, len(last))
		for k, x := range last {
			if lv, ok := x.(*value.Vector); ok && lv.Len() == 1 {
				g.last[k] = lv.At(0)
			}
		}
	}
	return g, nil
}

// loadResults reads the metrics groups' result columns.
func (e *engine) loadResults(v value.Value) error {
	res, ok := streamengine.StateTuple(v, -1)
	if !ok {
		return streamengine.ErrState
	}
	for _, r := range res {
		parts, ok := streamengine.StateTuple(r, 3)
		if !ok {
			return streamengine.ErrState
		}
		names, _ := parts[0].(*value.Vector)
		types, _ := parts[1].(*value.Vector)
		scales, _ := parts[2].(*value.Vector)
		if names == nil || types == nil || scales == nil || types.T != value.Int || scales.T != value.Int ||
			names.Len() != types.Len() || types.Len() != scales.Len() {
			return streamengine.ErrState
		}
		var ns []string
		var ts []value.Type
		for i := 0; i < names.Len(); i++ {
			ns = append(ns, names.StrAt(i))
			ts = append(ts, value.Type(types.I32[i]))
		}
		e.resNames, e.resTypes, e.resScale = append(e.resNames, ns), append(e.resTypes, ts), append(e.resScale, scales.I32)
	}
	return nil
}
