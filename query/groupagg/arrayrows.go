package groupagg

import "github.com/porpoisedb/porpoise/value"

// flattensArrayRows lists the aggregates that, given an array vector,
// aggregate every element of a group's rows (pivotBy.md example 6:
// exec max(val1) from t pivot by timestamp.minute(), id).
var flattensArrayRows = map[string]bool{"min": true, "max": true, "sum": true, "avg": true}

// arrayElements is the flat elements of array vector av with groups over
// them: each element belongs to its row's group.
func arrayElements(av *value.Vector, g *Groups) (*value.Vector, *Groups) {
	flat := *av
	flat.T = av.T.Elem()
	flat.Offsets = nil
	n := 0
	if len(av.Offsets) > 0 {
		n = int(av.Offsets[len(av.Offsets)-1])
	}
	eg := &Groups{IDs: make([]int32, n), N: g.N, First: make([]int, g.N)}
	for i := range eg.First {
		eg.First[i] = -1
	}
	lo := 0
	for r, end := range av.Offsets {
		id := g.IDs[r]
		for e := lo; e < int(end); e++ {
			eg.IDs[e] = id
		}
		if eg.First[id] < 0 && int(end) > lo {
			eg.First[id] = lo
		}
		lo = int(end)
	}
	return flat.Slice(0, n), eg
}
