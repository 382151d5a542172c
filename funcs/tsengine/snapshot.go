package tsengine

import (
	"errors"
	"time"

	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/kernel"
	"github.com/porpoisedb/porpoise/wire"
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
	keys := value.NewTuple(columns(e.groups.Keys))
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
	return wire.Marshal(value.NewTuple([]value.Value{value.NewString(stateVersion), head, keys, value.NewTuple(groups), value.NewTuple(res)}), nil)
}

// groupInts is a group's scalar state, in the order setGroupInts reads.
func groupInts(g *group) []int64 {
	return []int64{int64(g.id), int64(g.off), int64(g.dropped), kernel.BoolAs[int64](g.started), g.nextEnd, g.maxTime, kernel.BoolAs[int64](g.pending), g.pendEnd, g.pendSub}
}

func setGroupInts(g *group, x []int64) {
	g.id, g.off, g.dropped, g.started = int(x[0]), int(x[1]), int(x[2]), x[3] != 0
	g.nextEnd, g.maxTime, g.pending, g.pendEnd, g.pendSub = x[4], x[5], x[6] != 0, x[7], x[8]
}

// columns is t's columns as values, for a tuple.
func columns(t *value.Table) []value.Value {
	out := make([]value.Value, len(t.Cols))
	for i, c := range t.Cols {
		out[i] = c
	}
	return out
}

var errState = errors.New("the snapshot does not hold the state of this engine")

// LoadState implements streamengine.Snapshotter: the engine, fresh,
// takes the state SaveState gave.
func (e *engine) LoadState(b []byte) error {
	v, _, err := wire.DecodeBytes(b)
	if err != nil {
		return err
	}
	top, ok := tuple(v, 5)
	if !ok {
		return errState
	}
	if ver, ok := top[0].(*value.Scalar); !ok || ver.S != stateVersion {
		return errState
	}
	head, ok := longs(top[1], 5)
	if !ok {
		return errState
	}
	keyCols, ok := tuple(top[2], len(e.c.keyCols))
	if !ok {
		return errState
	}
	keys := e.groups.Keys.EmptyLike(0)
	for i, c := range keys.Cols {
		if err := appendLike(c, keyCols[i]); err != nil {
			return err
		}
	}
	gvals, ok := tuple(top[3], -1)
	if !ok {
		return errState
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
	if err := e.loadResults(top[4]); err != nil {
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
	parts, ok := tuple(v, 4)
	if !ok {
		return nil, errState
	}
	ints, ok := longs(parts[0], 9)
	if !ok {
		return nil, errState
	}
	times, ok := longs(parts[1], -1)
	if !ok {
		return nil, errState
	}
	g := &group{buf: e.dummy.EmptyLike(0), times: times}
	setGroupInts(g, ints)
	if g.id < 0 || g.id >= made || g.off < 0 || g.off > len(times) {
		return nil, errState
	}
	cols, ok := tuple(parts[2], len(g.buf.Cols))
	if !ok {
		return nil, errState
	}
	for i, c := range g.buf.Cols {
		if err := appendLike(c, cols[i]); err != nil {
			return nil, err
		}
	}
	if g.buf.Rows() != len(times) {
		return nil, errState
	}
	last, ok := tuple(parts[3], -1)
	if !ok {
		return nil, errState
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
	res, ok := tuple(v, -1)
	if !ok {
		return errState
	}
	for _, r := range res {
		parts, ok := tuple(r, 3)
		if !ok {
			return errState
		}
		names, _ := parts[0].(*value.Vector)
		types, _ := parts[1].(*value.Vector)
		scales, _ := parts[2].(*value.Vector)
		if names == nil || types == nil || scales == nil || types.T != value.Int || scales.T != value.Int ||
			names.Len() != types.Len() || types.Len() != scales.Len() {
			return errState
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

// tuple is v's elements when it is a tuple of n of them (any number
// for n < 0).
func tuple(v value.Value, n int) ([]value.Value, bool) {
	t, ok := v.(*value.Vector)
	if !ok || t.T != value.Any || n >= 0 && len(t.Any) != n {
		return nil, false
	}
	return t.Any, true
}

// longs is v's values when it is a LONG vector of n of them (any
// number for n < 0).
func longs(v value.Value, n int) ([]int64, bool) {
	t, ok := v.(*value.Vector)
	if !ok || t.T != value.Long || n >= 0 && t.Len() != n {
		return nil, false
	}
	return append([]int64{}, t.I64...), true
}

// appendLike appends a decoded column to dst, a column of the engine's
// own making, which keeps its representation (a SYMBOL column's
// coding among them).
func appendLike(dst *value.Vector, v value.Value) error {
	src, ok := v.(*value.Vector)
	if !ok || src.T != dst.T {
		return errState
	}
	dst.AppendVector(src)
	return nil
}
