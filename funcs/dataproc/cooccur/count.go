package cooccur

import "context"

// Pairs are the distinct pairs of event codes that happen within the
// window, with how often each happens and where first: I and J are the
// positions (in the time order) of the pair that comes first when the
// pairs are listed by earlier row, then later row. A is the code of row
// I's event and B of row J's, swapped where Flip is set.
type Pairs struct {
	A, B []int32
	Hits []int64
	I, J []int32
	Flip []bool
}

// denseCells bounds the code-by-code slot table; beyond it the pairs are
// found through a map.
var denseCells int64 = 1 << 21

// checkEvery is how many pair updates pass between looks at the context.
const checkEvery = 1 << 16

// ReserveStep is how many distinct pairs Count finds between calls of its
// reserve.
const ReserveStep = 1 << 20

// Count finds the pairs of rows i < j of the time order with
// times[j]-times[i] <= window, by the codes (0..k-1) of their events.
// times must be ascending. Rather than visit every pair of rows, it keeps
// how many rows of each code the window holds, and the earliest of them,
// so row j adds count(a) to the pair (a, code j) once per code a present.
// order (nil: the pairs are ordered) compares two codes' events: then
// (a, b) is counted as (b, a) when b's event is the lesser, and a pair
// of distinct codes whose events compare equal stays as it came.
// reserve (nil: none) is asked for room for each ReserveStep more distinct
// pairs before they are made, and its error stops the count.
func Count(ctx context.Context, codes []int32, k int, times []int64, window int64, order func(a, b int32) int, reserve func(pairs int) error) (*Pairs, error) {
	p := &Pairs{}
	cnt := make([]int64, k)
	earliest := make([]int32, k) // the code's first row in the window
	at := make([]int32, k)       // the code's place in active
	active := make([]int32, 0, min(k, 1024))
	next := nextSame(codes, k)
	// dense holds the slot of each pair (a, b) at b*k+a, and hits its
	// count: a row's updates stay within one row of each table
	var dense []int32
	var hits []int64
	var sparse map[uint64]int32
	if int64(k)*int64(k) <= denseCells {
		dense, hits = make([]int32, k*k), make([]int64, k*k)
		for i := range dense {
			dense[i] = -1
		}
	} else {
		sparse = map[uint64]int32{}
	}
	// slot is where the pair (a, b) of rows i and j, first seen, counts;
	// other is the slot of (b, a), -1 when not seen yet
	slot := func(a, b, i, j, other int32) int32 {
		flip := false
		if order != nil && a != b {
			c := order(a, b)
			flip = c > 0
			if s := other; c != 0 && s >= 0 {
				// (b, a) came first: keep the earlier occurrence
				if i < p.I[s] || i == p.I[s] && j < p.J[s] {
					p.I[s], p.J[s], p.Flip[s] = i, j, flip
				}
				return s
			}
			if flip {
				a, b = b, a
			}
		}
		p.A, p.B, p.I, p.J = append(p.A, a), append(p.B, b), append(p.I, i), append(p.J, j)
		p.Hits, p.Flip = append(p.Hits, 0), append(p.Flip, flip)
		return int32(len(p.Hits) - 1)
	}
	lo, work, room := 0, 0, 0
	for j := range codes {
		// a row leaves when the window no longer reaches back to it
		for ; times[j]-times[lo] > window; lo++ {
			c := codes[lo]
			if cnt[c]--; cnt[c] > 0 {
				earliest[c] = next[lo]
				continue
			}
			last := active[len(active)-1]
			active[at[c]], at[last] = last, at[c]
			active = active[:len(active)-1]
		}
		b := codes[j]
		if work += len(active) + 1; work >= checkEvery {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			work = 0
		}
		// a row makes at most len(active) pairs
		for reserve != nil && len(p.Hits)+len(active) > room {
			if err := reserve(ReserveStep); err != nil {
				return nil, err
			}
			room += ReserveStep
		}
		if dense != nil {
			row, h := dense[int(b)*k:int(b+1)*k], hits[int(b)*k:int(b+1)*k]
			for _, a := range active {
				if row[a] < 0 {
					row[a] = slot(a, b, earliest[a], int32(j), dense[int(a)*k+int(b)])
				}
				h[a] += cnt[a]
			}
		} else {
			for _, a := range active {
				key := uint64(a)<<32 | uint64(b)
				s, ok := sparse[key]
				if !ok {
					other, seen := sparse[uint64(b)<<32|uint64(a)]
					if !seen {
						other = -1
					}
					s = slot(a, b, earliest[a], int32(j), other)
					sparse[key] = s
				}
				p.Hits[s] += cnt[a]
			}
		}
		if cnt[b]++; cnt[b] == 1 {
			earliest[b], at[b] = int32(j), int32(len(active))
			active = append(active, b)
		}
	}
	for c, s := range dense {
		if s >= 0 {
			p.Hits[s] += hits[c]
		}
	}
	return p, nil
}

// nextSame is, for each row, the next row with its code (or -1).
func nextSame(codes []int32, k int) []int32 {
	next := make([]int32, len(codes))
	last := make([]int32, k)
	for i := range last {
		last[i] = -1
	}
	for i := len(codes) - 1; i >= 0; i-- {
		c := codes[i]
		next[i], last[c] = last[c], int32(i)
	}
	return next
}
