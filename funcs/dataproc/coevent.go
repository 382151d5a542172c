package dataproc

import (
	"cmp"
	"slices"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/dataproc/cooccur"
	"github.com/porpoisedb/porpoise/value"
)

// coevent counts the pairs of events that happen within window of each
// other, the earlier one first (orderSensitive) or the pair in ascending
// order; rows whose time is NULL are left out (funcs/c/coevent.md). The
// table's rows follow the pairs' first occurrences.
func coevent(env funcs.Env, args []value.Value) (value.Value, error) {
	ev, ok := args[0].(*value.Vector)
	if !ok || ev.T.IsArray() || ev.T == value.Any {
		return nil, ddberr.Errorf("The argument [event] of coevent must be a vector.")
	}
	if tv, ok := args[1].(*value.Vector); !ok || tv.Len() != ev.Len() {
		return nil, ddberr.Errorf("The argument [eventTime] of coevent must be an integral or temporal vector as long as event.")
	}
	times, _, _, err := intOrTemporal("coevent", "eventTime", args[1])
	if err != nil {
		return nil, err
	}
	window, err := funcs.IntArg("coevent", "window", args[2], 0)
	if err != nil || window < 0 {
		return nil, ddberr.Errorf("The argument [window] of coevent must be a non-negative integer.")
	}
	ordered, err := funcs.BoolArg("coevent", "orderSensitive", funcs.Arg(args, 3), false)
	if err != nil {
		return nil, err
	}
	// the rows with a time, in time order (equal times in row order)
	idx := make([]int32, 0, len(times))
	for i, t := range times {
		if t != value.NullInt64 {
			idx = append(idx, int32(i))
		}
	}
	slices.SortFunc(idx, func(a, b int32) int { return cmp.Or(cmp.Compare(times[a], times[b]), cmp.Compare(a, b)) })
	// events are one when their keys are, as the pairs' keys made them
	seen := map[string]int32{}
	var key []byte
	var reps []int32 // a row of each code
	codes := make([]int32, len(idx))
	ts := make([]int64, len(idx))
	for p, i := range idx {
		key = ev.AppendKey(key[:0], int(i))
		c, ok := seen[string(key)]
		if !ok {
			c = int32(len(reps))
			seen[string(key)] = c
			reps = append(reps, i)
		}
		codes[p], ts[p] = c, times[i]
	}
	var reserve func(int) error
	if env != nil {
		// a pair holds about eight elements' worth of memory until the
		// table is made, and the pairs can outnumber the rows many times
		reserve = func(n int) error { return env.Reserve(8 * n) }
	}
	var order func(a, b int32) int
	if !ordered {
		order = func(a, b int32) int { return value.CompareElems(ev, int(reps[a]), int(reps[b])) }
	}
	pairs, err := cooccur.Count(funcs.ContextOf(env), codes, len(reps), ts, window, order, reserve)
	if err != nil {
		return nil, err
	}
	first, second, hits := coeventRows(idx, pairs)
	return value.NewTable([]string{"event1", "event2", "hits"},
		[]*value.Vector{ev.Gather(first), ev.Gather(second), value.NewInts(hits)}), nil
}

// coeventRows lists the pairs, as the rows of their events and hits, in
// the order of first occurrence.
func coeventRows(idx []int32, p *cooccur.Pairs) (first, second []int, hits []int32) {
	order := make([]int32, len(p.Hits))
	for s := range order {
		order[s] = int32(s)
	}
	slices.SortFunc(order, func(x, y int32) int { return cmp.Or(cmp.Compare(p.I[x], p.I[y]), cmp.Compare(p.J[x], p.J[y])) })
	first, second, hits = make([]int, len(order)), make([]int, len(order)), make([]int32, len(order))
	for k, s := range order {
		e1, e2 := idx[p.I[s]], idx[p.J[s]]
		if p.Flip[s] {
			e1, e2 = e2, e1
		}
		// hits wrap as the 32-bit counts did
		first[k], second[k], hits[k] = int(e1), int(e2), int32(p.Hits[s])
	}
	return first, second, hits
}
