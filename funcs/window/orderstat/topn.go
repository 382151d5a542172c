package orderstat

// Ties says which of a run of equal sort keys that top cuts are kept.
type Ties uint8

// The tie rules of the TopN functions' tiesMethod.
const (
	TiesOldest Ties = iota // the earliest rows of the run
	TiesLatest             // the latest rows of the run
	TiesAll                // the whole run
)

// CutTop keeps the first top of the sorted rows cand, resolving a run of
// equal values that top cuts by ties.
func CutTop(cand []int, s []float64, top int, ties Ties) []int {
	if len(cand) <= top {
		return cand
	}
	cut := s[cand[top-1]]
	switch ties {
	case TiesAll:
		for top < len(cand) && s[cand[top]] == cut {
			top++
		}
	case TiesLatest:
		// The run keeps its latest members, still listed oldest first.
		lo, hi := top-1, top-1
		for lo > 0 && s[cand[lo-1]] == cut {
			lo--
		}
		for hi+1 < len(cand) && s[cand[hi+1]] == cut {
			hi++
		}
		keep := top - lo
		copy(cand[lo:], cand[hi+1-keep:hi+1])
	}
	return cand[:top]
}
