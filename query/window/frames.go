package window

import "sort"

// Partitions lists sorted rows partition by partition: partition p is rows
// Starts[p]:Starts[p+1]; the last entry is the row count.
type Partitions struct{ Starts []int }

// each calls f with every partition's bounds.
func (p Partitions) each(f func(s, e int)) {
	for k := 0; k+1 < len(p.Starts); k++ {
		f(p.Starts[k], p.Starts[k+1])
	}
}

// Frames are each row's window: rows Lo[i]:Hi[i] of the sorted order
// (empty when Lo[i] >= Hi[i]).
type Frames struct{ Lo, Hi []int }

// Whole is every row's frame as its whole partition.
func Whole(p Partitions, n int) Frames {
	f := Frames{Lo: make([]int, n), Hi: make([]int, n)}
	p.each(func(s, e int) {
		for i := s; i < e; i++ {
			f.Lo[i], f.Hi[i] = s, e
		}
	})
	return f
}

// Bound is one end of a ROWS frame: Unbounded (before the partition for a
// lower bound, after it for an upper one) or Offset rows from the current
// row (negative: preceding).
type Bound struct {
	Unbounded bool
	Offset    int64
}

// Rows gives ROWS BETWEEN lo AND hi frames.
func Rows(p Partitions, n int, lo, hi Bound) Frames {
	f := Frames{Lo: make([]int, n), Hi: make([]int, n)}
	p.each(func(s, e int) {
		for i := s; i < e; i++ {
			a, b := s, e
			if !lo.Unbounded {
				a = clamp(int64(i)+lo.Offset, s, e)
			}
			if !hi.Unbounded {
				b = clamp(int64(i)+hi.Offset+1, s, e)
			}
			f.Lo[i], f.Hi[i] = a, b
		}
	})
	return f
}

func clamp(x int64, lo, hi int) int {
	if x < int64(lo) {
		return lo
	}
	if x > int64(hi) {
		return hi
	}
	return int(x)
}

// RangeBound is one end of a RANGE frame: Unbounded, or the order key
// value Val[i] each row's frame reaches (the key minus or plus the
// offset). Nil Val with Unbounded false is the current row's peers.
type RangeBound struct {
	Unbounded bool
	Val       []int64
}

// Range gives RANGE frames over one order key, keys ascending within
// each partition outside a run of NULLs at either end (a descending key is
// negated by the caller, with its bounds). null marks the NULL keys, whose
// frames are their peers (the other NULLs) or reach an unbounded end.
func Range(p Partitions, keys []int64, null []bool, lo, hi RangeBound) Frames {
	n := len(keys)
	f := Frames{Lo: make([]int, n), Hi: make([]int, n)}
	p.each(func(s, e int) {
		// the non-NULL run ns:ne
		ns, ne := s, e
		for ns < e && null[ns] {
			ns++
		}
		if ns == e {
			ns, ne = e, e
		} else {
			for ne > ns && null[ne-1] {
				ne--
			}
		}
		run := keys[ns:ne]
		for i := s; i < e; i++ {
			if null[i] {
				ps, pe := s, ns // the NULL peers
				if i >= ne {
					ps, pe = ne, e
				}
				f.Lo[i], f.Hi[i] = ps, pe
				if lo.Unbounded {
					f.Lo[i] = s
				}
				if hi.Unbounded {
					f.Hi[i] = e
				}
				continue
			}
			f.Lo[i] = rangeEnd(lo, i, keys[i], s, e, ns, run, false)
			f.Hi[i] = rangeEnd(hi, i, keys[i], s, e, ns, run, true)
		}
	})
	return f
}

// rangeEnd is where row i's RANGE frame starts (or, after, ends): the
// first key of the non-NULL run (at ns) not below (above) the bound's
// value, or the partition s:e's start (end) when unbounded.
func rangeEnd(b RangeBound, i int, k int64, s, e, ns int, run []int64, after bool) int {
	if b.Unbounded {
		if after {
			return e
		}
		return s
	}
	if b.Val != nil {
		k = b.Val[i]
	}
	if after {
		return ns + sort.Search(len(run), func(j int) bool { return run[j] > k })
	}
	return ns + sort.Search(len(run), func(j int) bool { return run[j] >= k })
}

// PeerFrames gives RANGE frames without offsets: each row's frame starts
// at its peer group's first row (or the partition's, loUnbounded) and ends
// after its peer group's last row (or the partition's, hiUnbounded).
func PeerFrames(p Partitions, peers []bool, loUnbounded, hiUnbounded bool) Frames {
	n := len(peers)
	f := Frames{Lo: make([]int, n), Hi: make([]int, n)}
	p.each(func(s, e int) {
		start := s
		for i := s; i < e; i++ {
			if peers[i] {
				start = i
			}
			f.Lo[i] = start
			if loUnbounded {
				f.Lo[i] = s
			}
		}
		end := e
		for i := e - 1; i >= s; i-- {
			f.Hi[i] = end
			if hiUnbounded {
				f.Hi[i] = e
			}
			if peers[i] {
				end = i
			}
		}
	})
	return f
}
