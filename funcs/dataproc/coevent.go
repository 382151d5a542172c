package dataproc

import (
	"sort"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// coevent counts the pairs of events that happen within window of each
// other, the earlier one first (orderSensitive) or the pair in ascending
// order; rows whose time is NULL are left out (funcs/c/coevent.md). The
// table's rows follow the pairs' first occurrences.
func coevent(_ funcs.Env, args []value.Value) (value.Value, error) {
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
	idx := make([]int, 0, len(times))
	for i, t := range times {
		if t != value.NullInt64 {
			idx = append(idx, i)
		}
	}
	sort.SliceStable(idx, func(a, b int) bool { return times[idx[a]] < times[idx[b]] })
	var first, second []int
	var hits []int32
	seen := map[string]int{}
	var key []byte
	for a, i := range idx {
		for _, j := range idx[a+1:] {
			if times[j]-times[i] > window {
				break
			}
			p, q := i, j
			if !ordered && value.CompareElems(ev, q, p) < 0 {
				p, q = q, p
			}
			key = ev.AppendKey(ev.AppendKey(key[:0], p), q)
			if k, ok := seen[string(key)]; ok {
				hits[k]++
				continue
			}
			seen[string(key)] = len(hits)
			first, second, hits = append(first, p), append(second, q), append(hits, 1)
		}
	}
	return value.NewTable([]string{"event1", "event2", "hits"},
		[]*value.Vector{ev.Gather(first), ev.Gather(second), value.NewInts(hits)}), nil
}
