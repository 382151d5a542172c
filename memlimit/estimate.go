package memlimit

import "github.com/porpoisedb/porpoise/value"

// EstimateBytes is the approximate memory an object holds: its typed
// slices at their element widths, string data sampled, nested values
// (tuples, dictionaries of ANY) recursively to a bounded depth. It is what
// getSessionMemoryStat reports and what memLimitOfQueryResult is checked
// against; it runs once per object, never per row, so a vector of strings
// is measured from a sample of its elements.
func EstimateBytes(v value.Value) int64 { return estimateDepth(v, 0) }

// estimateMaxDepth bounds the walk into tuples of tuples.
const estimateMaxDepth = 8

// stringSample is the number of strings whose length is averaged.
const stringSample = 256

func estimateDepth(v value.Value, depth int) int64 {
	if v == nil || depth > estimateMaxDepth {
		return 0
	}
	switch x := v.(type) {
	case *value.Scalar:
		return 16 + int64(len(x.S))
	case *value.Vector:
		return vecEstimate(x, depth)
	case *value.Pair:
		return vecEstimate(x.V, depth)
	case *value.Matrix:
		return vecEstimate(x.V, depth) + vecEstimate(x.RowLabels, depth) + vecEstimate(x.ColLabels, depth)
	case *value.Set:
		// the index holds each key once more
		return 2 * vecEstimate(x.V, depth)
	case *value.Dict:
		return 2*vecEstimate(x.Keys, depth) + vecEstimate(x.Vals, depth)
	case *value.Table:
		var n int64
		for _, c := range x.Cols {
			n += vecEstimate(c, depth)
		}
		return n
	}
	return 16
}

func vecEstimate(v *value.Vector, depth int) int64 {
	if v == nil {
		return 0
	}
	n := int64(len(v.I8)) + 2*int64(len(v.I16)) + 4*int64(len(v.I32)+len(v.F32)) +
		8*int64(len(v.I64)+len(v.F64)+len(v.Offsets)) + 16*int64(len(v.B16))
	if v.Syms != nil {
		// a coded vector shares its base: count the codes only (above)
		return n
	}
	if len(v.Str) > 0 {
		n += int64(len(v.Str)) * (16 + avgStringLen(v.Str))
	}
	for i, x := range v.Any {
		if i == stringSample {
			// tuples of many nested objects: extrapolate from the sample
			n = n * int64(len(v.Any)) / stringSample
			break
		}
		n += 16 + estimateDepth(x, depth+1)
	}
	return n
}

// avgStringLen averages the lengths of up to stringSample strings spread
// over xs.
func avgStringLen(xs []string) int64 {
	step := max(len(xs)/stringSample, 1)
	var total, k int64
	for i := 0; i < len(xs); i += step {
		total += int64(len(xs[i]))
		k++
	}
	return total / k
}
