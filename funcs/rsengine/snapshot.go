package rsengine

import (
	"slices"
	"strings"

	"github.com/porpoisedb/porpoise/funcs/streamengine"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/kernel"
)

// The state a snapshot saves (streamengine.Snapshotter) is a tuple in
// wire's object encoding: stateVersion, then an engine's state (a dual
// ownership engine's: dualVersion, then its halves'). An engine's state
// is everything Consume reads besides the arguments:
//
//	LONG vector: the rows consumed, the keys
//	tuple of the history's columns, the rows some key still needs only
//	tuple of the nodes' columns at those rows (VOID where none yet)
//	STRING vector: the nodes' functions, to check the plan is the same
//	BLOB vector: the keys (streamengine.RowKey), in key order
//	LONG vector: per key its count of rows, its row of lastOut (-1
//	  for none) and whether it has node states
//	LONG vector: the keys' rows in the saved history, key after key
//	tuple per node of the keys' states (nodeStates)
//	the latest output row per key keyPurgeFilter reads: a tuple of
//	  its names and columns, VOID before any
//
// The rows of moving windows, TopN, prev and the like are among the
// history's; cumulative and recursive functions and the iterate
// functions (stateIterate, conditionalIterate, genericStateIterate,
// genericTStateIterate; @state functions' among them, once inlined) keep
// node states, and so do the objects of class-method metrics (their
// attributes; a restored key's object is made by its constructor, then
// given them). The time of the latest purge is the wall clock's and
// restarts at the restore. The named metrics addReactiveMetrics added
// to a narrow engine are not in it: a restored engine has the metrics
// it was created with.
const (
	stateVersion = "rsengine state 1"
	dualVersion  = "rsengine dual state 1"
)

// SaveState implements streamengine.Snapshotter, between two Consume
// calls.
func (e *engine) SaveState() ([]byte, error) {
	return streamengine.EncodeState(stateVersion, e.state())
}

// LoadState implements streamengine.Snapshotter: the engine, fresh,
// takes the state SaveState gave.
func (e *engine) LoadState(b []byte) error {
	parts, err := streamengine.DecodeState(b, stateVersion, 1)
	if err != nil {
		return err
	}
	return e.restore(parts[0])
}

// SaveState implements streamengine.Snapshotter: both halves' states.
func (d *dualEngine) SaveState() ([]byte, error) {
	return streamengine.EncodeState(dualVersion, d.halves[0].state(), d.halves[1].state())
}

// LoadState implements streamengine.Snapshotter.
func (d *dualEngine) LoadState(b []byte) error {
	parts, err := streamengine.DecodeState(b, dualVersion, 2)
	if err != nil {
		return err
	}
	for h, e := range d.halves {
		if err := e.restore(parts[h]); err != nil {
			return err
		}
	}
	return nil
}

// Flags of a key's node state, a LONG each.
const (
	fStarted = 1 << iota
	fInit
	fHeld
)

// state is the engine's state (see stateVersion).
func (e *engine) state() value.Value {
	groups := make([]*group, 0, len(e.groups))
	for _, g := range e.groups {
		groups = append(groups, g)
	}
	slices.SortFunc(groups, func(a, b *group) int { return strings.Compare(a.key, b.key) })
	// the rows some key needs, in the history's order, and their places
	// among them
	var live []int
	for _, g := range groups {
		live = append(live, g.rows...)
	}
	slices.Sort(live)
	place := make([]int, e.hist.Rows())
	for i, r := range live {
		place[r] = i
	}
	hist := make([]*value.Vector, len(e.hist.Cols))
	for c, col := range e.hist.Cols {
		hist[c] = col.Gather(live)
	}
	nodeCols := make([]value.Value, len(e.nodeCols))
	for j, col := range e.nodeCols {
		nodeCols[j] = value.NullScalar(value.Void)
		if col != nil {
			nodeCols[j] = col.Gather(live)
		}
	}
	keys := make([]string, len(groups))
	ints := make([]int64, 0, 3*len(groups))
	var rows []int64
	for i, g := range groups {
		keys[i] = g.key
		ints = append(ints, int64(len(g.rows)), int64(g.last), kernel.BoolAs[int64](g.nodes != nil))
		for _, r := range g.rows {
			rows = append(rows, int64(place[r]))
		}
	}
	var fns []string
	nodes := make([]value.Value, 0, len(e.nodeCols))
	if e.plan != nil {
		for j, nd := range e.plan.nodes {
			fns = append(fns, nd.fn)
			nodes = append(nodes, nodeStates(groups, j))
		}
	}
	last := value.Value(value.NullScalar(value.Void))
	if e.lastOut != nil {
		last = value.NewTuple([]value.Value{value.NewStrings(value.String, e.lastOut.Names), streamengine.StateColumns(e.lastOut)})
	}
	return value.NewTuple([]value.Value{
		value.NewLongs([]int64{e.nrows, int64(len(groups))}),
		streamengine.StateColumns(value.NewTable(e.hist.Names, hist)),
		value.NewTuple(nodeCols),
		value.NewStrings(value.String, fns),
		value.NewStrings(value.Blob, keys),
		value.NewLongs(ints),
		value.NewLongs(rows),
		value.NewTuple(nodes),
		last,
	})
}

// nodeStates is the keys' states of node j, a column across them each:
//
//	LONG: flags (fStarted, fInit, fHeld)
//	LONG: isum
//	DOUBLE: n, sum, prev and the moments' N, S, S2, K, 7 per key
//	tuple: the best value so far, a vector of one (VOID for none), a
//	  key each; empty where no key has one
//	LONG, BLOB: each key's count of values seen, then them, sorted
//	LONG, DOUBLE: each key's count of recent results, then them
//	LONG, LONG, LONG: each key's t0, its count of times, then them
//	  (genericTStateIterate's; a snapshot saved before them has none)
//	tuple: an object node's object per key (objectState); empty where
//	  no key has one, and absent in a snapshot saved before them
//
// A key without node states has the zero state.
func nodeStates(groups []*group, j int) value.Value {
	flags := make([]int64, len(groups))
	isum := make([]int64, len(groups))
	fl := make([]float64, 0, 7*len(groups))
	best := make([]value.Value, len(groups))
	anyBest := false
	seenN := make([]int64, len(groups))
	var seen []string
	recentN := make([]int64, len(groups))
	var recent []float64
	t0 := make([]int64, len(groups))
	timesN := make([]int64, len(groups))
	var times []int64
	objs := make([]value.Value, len(groups))
	anyObj := false
	for i, g := range groups {
		var s nodeState
		if g.nodes != nil {
			s = g.nodes[j]
		}
		flags[i] = kernel.BoolAs[int64](s.started)*fStarted | kernel.BoolAs[int64](s.init)*fInit | kernel.BoolAs[int64](s.held)*fHeld
		isum[i] = s.isum
		m := s.moments
		fl = append(fl, s.n, s.sum, s.prev, m.N, m.S, m.S2, m.K)
		best[i] = value.NullScalar(value.Void)
		if s.best != nil {
			best[i], anyBest = s.best, true
		}
		seenN[i] = int64(len(s.seen))
		from := len(seen)
		for k := range s.seen {
			seen = append(seen, k)
		}
		slices.Sort(seen[from:])
		recentN[i] = int64(len(s.recent))
		recent = append(recent, s.recent...)
		t0[i], timesN[i] = s.t0, int64(len(s.times))
		times = append(times, s.times...)
		objs[i] = objectState(s.obj)
		anyObj = anyObj || s.obj != nil
	}
	if !anyBest {
		best = nil
	}
	if !anyObj {
		objs = nil
	}
	return value.NewTuple([]value.Value{
		value.NewLongs(flags), value.NewLongs(isum), value.NewDoubles(fl), value.NewTuple(best),
		value.NewLongs(seenN), value.NewStrings(value.Blob, seen), value.NewLongs(recentN), value.NewDoubles(recent),
		value.NewLongs(t0), value.NewLongs(timesN), value.NewLongs(times), value.NewTuple(objs),
	})
}

// restore makes the fresh engine's state v, which state gave.
func (e *engine) restore(v value.Value) error {
	top, head, ok := streamengine.StateHead(v, 9, 2)
	if !ok {
		return streamengine.ErrState
	}
	nkeys := int(head[1])
	if err := streamengine.LoadColumns(e.hist, top[1]); err != nil {
		return err
	}
	nrows := e.hist.Rows()
	nodeCols, ok := streamengine.StateTuple(top[2], len(e.nodeCols))
	if !ok || !e.samePlan(top[3]) {
		return streamengine.ErrState
	}
	for j, x := range nodeCols {
		if col, ok := x.(*value.Vector); ok {
			if col.Len() != nrows {
				return streamengine.ErrState
			}
			e.nodeCols[j] = col
		}
	}
	keys, _ := top[4].(*value.Vector)
	ints, ok1 := streamengine.StateLongs(top[5], 3*nkeys)
	rows, ok2 := streamengine.StateLongs(top[6], -1)
	nodes, ok3 := streamengine.StateTuple(top[7], len(e.nodeCols))
	if keys == nil || keys.T != value.Blob || keys.Len() != nkeys || !ok1 || !ok2 || !ok3 {
		return streamengine.ErrState
	}
	groups := make([]*group, nkeys)
	at := 0
	for i := range groups {
		g := &group{key: keys.StrAt(i), last: int(ints[3*i+1])}
		n := int(ints[3*i])
		if n < 0 || at+n > len(rows) {
			return streamengine.ErrState
		}
		g.rows = make([]int, n)
		for k, r := range rows[at : at+n] {
			if r < 0 || r >= int64(nrows) {
				return streamengine.ErrState
			}
			g.rows[k] = int(r)
		}
		at += n
		if ints[3*i+2] != 0 {
			g.nodes = make([]nodeState, len(e.nodeCols))
		}
		groups[i] = g
	}
	if at != len(rows) {
		return streamengine.ErrState
	}
	for j, x := range nodes {
		if err := e.loadNodeStates(groups, j, x); err != nil {
			return err
		}
	}
	if err := e.loadLast(top[8], groups); err != nil {
		return err
	}
	for _, g := range groups {
		e.groups[g.key] = g
	}
	e.nrows = head[0]
	return nil
}

// samePlan says whether v names the functions of the engine's nodes.
func (e *engine) samePlan(v value.Value) bool {
	fns, ok := v.(*value.Vector)
	if !ok || fns.T != value.String || fns.Len() != len(e.nodeCols) {
		return false
	}
	for j := range e.nodeCols {
		if fns.StrAt(j) != e.plan.nodes[j].fn {
			return false
		}
	}
	return true
}

// loadNodeStates gives the keys their states of node j, which
// nodeStates saved as v.
func (e *engine) loadNodeStates(groups []*group, j int, v value.Value) error {
	parts, ok := streamengine.StateTuple(v, -1)
	if !ok || len(parts) != 8 && len(parts) != 11 && len(parts) != 12 {
		return streamengine.ErrState
	}
	if len(parts) == 8 {
		// no key had times
		parts = append(parts, value.NewLongs(make([]int64, len(groups))), value.NewLongs(make([]int64, len(groups))), value.NewLongs(nil))
	}
	if len(parts) == 11 {
		// no key had objects
		parts = append(parts, value.NewTuple(nil))
	}
	n := len(groups)
	flags, ok1 := streamengine.StateLongs(parts[0], n)
	isum, ok2 := streamengine.StateLongs(parts[1], n)
	fl, ok3 := floats(parts[2], 7*n)
	best, ok4 := streamengine.StateTuple(parts[3], -1)
	seenN, ok5 := streamengine.StateLongs(parts[4], n)
	seen, _ := parts[5].(*value.Vector)
	recentN, ok6 := streamengine.StateLongs(parts[6], n)
	recent, ok7 := floats(parts[7], -1)
	t0, ok8 := streamengine.StateLongs(parts[8], n)
	timesN, ok9 := streamengine.StateLongs(parts[9], n)
	times, ok10 := streamengine.StateLongs(parts[10], -1)
	objs, ok11 := streamengine.StateTuple(parts[11], -1)
	if !ok1 || !ok2 || !ok3 || !ok4 || !ok5 || !ok6 || !ok7 || !ok8 || !ok9 || !ok10 || !ok11 || len(best) != 0 && len(best) != n || len(objs) != 0 && len(objs) != n || seen == nil || seen.T != value.Blob {
		return streamengine.ErrState
	}
	atSeen, atRecent, atTimes := 0, 0, 0
	for i, g := range groups {
		if g.nodes == nil {
			continue
		}
		s := &g.nodes[j]
		s.started, s.init, s.held = flags[i]&fStarted != 0, flags[i]&fInit != 0, flags[i]&fHeld != 0
		s.isum = isum[i]
		f := fl[7*i:]
		s.n, s.sum, s.prev = f[0], f[1], f[2]
		s.moments.N, s.moments.S, s.moments.S2, s.moments.K = f[3], f[4], f[5], f[6]
		if len(best) > 0 {
			if b, ok := best[i].(*value.Vector); ok && b.Len() == 1 {
				s.best = b
			}
		}
		k := int(seenN[i])
		if k > 0 {
			if atSeen+k > seen.Len() {
				return streamengine.ErrState
			}
			s.seen = make(map[string]struct{}, k)
			for ; k > 0; k-- {
				s.seen[seen.StrAt(atSeen)] = struct{}{}
				atSeen++
			}
		}
		k = int(recentN[i])
		if atRecent+k > len(recent) {
			return streamengine.ErrState
		}
		if k > 0 {
			s.recent = slices.Clone(recent[atRecent : atRecent+k])
			atRecent += k
		}
		s.t0 = t0[i]
		k = int(timesN[i])
		if k < 0 || atTimes+k > len(times) {
			return streamengine.ErrState
		}
		if k > 0 {
			s.times = slices.Clone(times[atTimes : atTimes+k])
			atTimes += k
		}
		if len(objs) > 0 {
			o, err := e.loadObject(e.plan.nodes[j], objs[i])
			if err != nil {
				return err
			}
			s.obj = o
		}
	}
	return nil
}

// loadLast restores lastOut and each key's row of it.
func (e *engine) loadLast(v value.Value, groups []*group) error {
	if s, ok := v.(*value.Scalar); ok && s.T == value.Void {
		for _, g := range groups {
			if g.last >= 0 {
				return streamengine.ErrState
			}
		}
		return nil
	}
	parts, ok := streamengine.StateTuple(v, 2)
	if !ok {
		return streamengine.ErrState
	}
	names, _ := parts[0].(*value.Vector)
	cols, ok := streamengine.StateTuple(parts[1], -1)
	if !ok || names == nil || names.T != value.String || names.Len() != len(cols) {
		return streamengine.ErrState
	}
	vecs := make([]*value.Vector, len(cols))
	ns := make([]string, len(cols))
	for i, c := range cols {
		if vecs[i], ok = c.(*value.Vector); !ok || vecs[i].Len() != vecs[0].Len() {
			return streamengine.ErrState
		}
		ns[i] = names.StrAt(i)
	}
	e.lastOut = value.NewTable(ns, vecs)
	e.lastGroups = make([]*group, e.lastOut.Rows())
	for _, g := range groups {
		if g.last >= len(e.lastGroups) || g.last >= 0 && e.lastGroups[g.last] != nil {
			return streamengine.ErrState
		}
		if g.last >= 0 {
			e.lastGroups[g.last] = g
		}
	}
	if slices.Contains(e.lastGroups, nil) {
		return streamengine.ErrState
	}
	return nil
}

// floats is v's values when it is a DOUBLE vector of n of them (any
// number for n < 0).
func floats(v value.Value, n int) ([]float64, bool) {
	t, ok := v.(*value.Vector)
	if !ok || t.T != value.Double || n >= 0 && t.Len() != n {
		return nil, false
	}
	return t.F64, true
}

var (
	_ streamengine.Snapshotter = (*engine)(nil)
	_ streamengine.Snapshotter = (*narrowEngine)(nil)
	_ streamengine.Snapshotter = (*dualEngine)(nil)
)
