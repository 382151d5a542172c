package window

// Peers marks the rows that start a peer group: the first row of a
// partition, or a row whose order keys differ from the previous row's
// (same reports whether sorted rows i-1 and i have equal keys). Without
// order keys a partition is one peer group.
func Peers(p Partitions, n int, same func(i int) bool) []bool {
	start := make([]bool, n)
	p.each(func(s, e int) {
		if s < e {
			start[s] = true
		}
		if same == nil {
			return
		}
		for i := s + 1; i < e; i++ {
			start[i] = !same(i)
		}
	})
	return start
}

// RowNumber is each row's position in its partition, from 1.
func RowNumber(p Partitions, n int) []int32 {
	out := make([]int32, n)
	p.each(func(s, e int) {
		for i := s; i < e; i++ {
			out[i] = int32(i - s + 1)
		}
	})
	return out
}

// Rank is the position of each row's peer group's first row, from 1
// (ties share a rank and leave a gap); dense ranks count peer groups
// instead (no gaps).
func Rank(p Partitions, peers []bool, dense bool) []int32 {
	out := make([]int32, len(peers))
	p.each(func(s, e int) {
		r, d := int32(0), int32(0)
		for i := s; i < e; i++ {
			if peers[i] {
				r, d = int32(i-s+1), d+1
			}
			out[i] = r
			if dense {
				out[i] = d
			}
		}
	})
	return out
}

// PercentRank is (rank-1)/(rows-1) of each row's partition, 0 in a
// partition of one row.
func PercentRank(p Partitions, peers []bool) []float64 {
	r := Rank(p, peers, false)
	out := make([]float64, len(peers))
	p.each(func(s, e int) {
		for i := s; i < e; i++ {
			if e-s > 1 {
				out[i] = float64(r[i]-1) / float64(e-s-1)
			}
		}
	})
	return out
}

// CumeDist is the share of each row's partition up to the end of its peer
// group.
func CumeDist(p Partitions, peers []bool) []float64 {
	out := make([]float64, len(peers))
	p.each(func(s, e int) {
		end := e
		for i := e - 1; i >= s; i-- {
			out[i] = float64(end-s) / float64(e-s)
			if peers[i] {
				end = i
			}
		}
	})
	return out
}

// Ntile numbers k buckets of each partition from 1, as even in size as
// possible with the larger buckets first.
func Ntile(p Partitions, n int, k int64) []int32 {
	out := make([]int32, n)
	p.each(func(s, e int) {
		size := int64(e - s)
		q, r := size/k, size%k
		if q == 0 {
			q, r = 1, 0
		}
		bucket, left := int32(1), q
		if r > 0 {
			left++
		}
		for i := s; i < e; i++ {
			if left == 0 {
				bucket++
				left = q
				if int64(bucket) <= r {
					left++
				}
			}
			out[i] = bucket
			left--
		}
	})
	return out
}

// Offset is the row off rows after each row in its partition (lead;
// negative for lag), -1 where that leaves the partition.
func Offset(p Partitions, n int, off int64) []int {
	out := make([]int, n)
	p.each(func(s, e int) {
		for i := s; i < e; i++ {
			j := int64(i) + off
			out[i] = -1
			if j >= int64(s) && j < int64(e) {
				out[i] = int(j)
			}
		}
	})
	return out
}

// Nth is the k-th row (from 1) of each frame, or counting from the end
// when fromEnd; -1 when the frame is shorter.
func Nth(f Frames, k int64, fromEnd bool) []int {
	out := make([]int, len(f.Lo))
	for i := range out {
		lo, hi := int64(f.Lo[i]), int64(f.Hi[i])
		j := lo + k - 1
		if fromEnd {
			j = hi - k
		}
		out[i] = -1
		if k >= 1 && j >= lo && j < hi {
			out[i] = int(j)
		}
	}
	return out
}
