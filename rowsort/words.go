package rowsort

import "context"

// maxCountingBits is the widest key a single counting-sort pass handles:
// its histogram (4 bytes a bucket, 1 MiB) still fits a core's L2 cache, and
// SECOND keys (17 bits), the seed's time column, need one pass instead of
// two radix passes over index-packed words and a gather.
const maxCountingBits = 18

// smallCountingBits is the key width up to which a counting pass pays even
// for few rows; wider keys need at least as many rows as buckets, else the
// histogram costs more than the radix passes it saves.
const smallCountingBits = 12

// counting reports whether a stable counting pass should sort n rows by
// keys of width bits.
func counting(width, n int) bool {
	return width <= smallCountingBits || width <= maxCountingBits && 1<<width <= n
}

// countingInv stably sorts rows by bits [shift, shift+width) of their keys
// and returns each row's destination.
func countingInv(w []uint64, shift, width int) []int32 {
	m := uint64(1)<<width - 1
	cnt := make([]int32, 1<<width)
	for _, x := range w {
		cnt[(x>>shift)&m]++
	}
	sum := int32(0)
	for i, c := range cnt {
		cnt[i] = sum
		sum += c
	}
	inv := make([]int32, len(w))
	for j, x := range w {
		b := (x >> shift) & m
		inv[j] = cnt[b]
		cnt[b]++
	}
	return inv
}

// radixDigitBits is the widest digit of radix.
const radixDigitBits = 11

// digits plans an LSD radix sort by bits [lo, lo+passes*step) of a:
// digits of step bits (mask m) and every pass's histogram, all counted in
// one pass over a.
type digits struct {
	lo, passes, step int
	m                uint64
	cnt              []int
}

func planDigits(a []uint64, lo, hi int) digits {
	const d = radixDigitBits
	passes := (hi - lo + d - 1) / d
	if passes == 0 || len(a) < 2 {
		return digits{}
	}
	step := (hi - lo + passes - 1) / passes // spread bits evenly
	dg := digits{lo: lo, passes: passes, step: step, m: uint64(1)<<step - 1, cnt: make([]int, passes<<step)}
	for _, x := range a {
		x >>= lo
		for p := range passes {
			dg.cnt[p<<step+int(x&dg.m)]++
			x >>= step
		}
	}
	return dg
}

// offsets returns pass p's shift and the first destination of each of
// its digits, or nil when every element of src has the same digit (the
// pass would not move anything).
func (dg digits) offsets(p int, src []uint64) (int, []int) {
	shift := dg.lo + p*dg.step
	c := dg.cnt[p<<dg.step : (p+1)<<dg.step]
	if c[(src[0]>>shift)&dg.m] == len(src) {
		return shift, nil
	}
	sum := 0
	for i, k := range c {
		c[i] = sum
		sum += k
	}
	return shift, c
}

// radix sorts a stably by bits [lo, hi) (LSD, digits of at most 11
// bits); a cancelled ctx stops it between passes, leaving a unsorted.
func radix(ctx context.Context, a []uint64, lo, hi int) {
	dg := planDigits(a, lo, hi)
	if dg.passes == 0 {
		return
	}
	src, dst := a, make([]uint64, len(a))
	for p := range dg.passes {
		if ctx.Err() != nil {
			return
		}
		shift, c := dg.offsets(p, src)
		if c == nil {
			continue
		}
		for _, x := range src {
			b := (x >> shift) & dg.m
			dst[c[b]] = x
			c[b]++
		}
		src, dst = dst, src
	}
	if &src[0] != &a[0] {
		copy(a, src)
	}
}

// maxMergeRuns is the most ascending runs (a chunk's appends) worth
// merging instead of radix sorting keys of width bits: pairwise merging
// takes one pass per doubling of the runs, the radix sort one per digit,
// and a merge pass costs about as much as a digit's.
func maxMergeRuns(width int) int {
	return 1 << min((width+radixDigitBits-1)/radixDigitBits-1, 6)
}

// runStarts returns where w's ascending runs start, or nil when w has more
// than max runs.
func runStarts(w []uint64, max int) []int {
	starts := []int{0}
	for i := 1; i < len(w); i++ {
		if w[i-1] > w[i] {
			if len(starts) == max {
				return nil
			}
			starts = append(starts, i)
		}
	}
	return starts
}

// mergeRuns sorts w, whose ascending runs start at starts, by merging
// neighbouring runs pairwise: every pass reads and writes sequentially.
// A cancelled ctx stops it between passes.
func mergeRuns(ctx context.Context, w []uint64, starts []int) {
	src, dst := w, make([]uint64, len(w))
	for len(starts) > 1 && ctx.Err() == nil {
		next := starts[:0:0]
		for k := 0; k < len(starts); k += 2 {
			lo, hi := starts[k], len(w)
			if k+2 < len(starts) {
				hi = starts[k+2]
			}
			if k+1 == len(starts) {
				copy(dst[lo:hi], src[lo:hi])
			} else {
				mergeInto(dst[lo:hi], src[lo:starts[k+1]], src[starts[k+1]:hi])
			}
			next = append(next, lo)
		}
		starts = next
		src, dst = dst, src
	}
	if &src[0] != &w[0] {
		copy(w, src)
	}
}

// mergeInto merges the ascending a and b into dst (len(a)+len(b) long).
func mergeInto(dst, a, b []uint64) {
	i, j, k := 0, 0, 0
	for i < len(a) && j < len(b) {
		x, y := a[i], b[j]
		if x <= y {
			dst[k] = x
			i++
		} else {
			dst[k] = y
			j++
		}
		k++
	}
	k += copy(dst[k:], a[i:])
	copy(dst[k:], b[j:])
}

// radixPairs sorts keys stably by their low width bits and moves each
// key's row with it: the pass of the general path, whose keys leave no
// room for a row index in the word. A cancelled ctx stops it between
// passes.
func radixPairs(ctx context.Context, keys []uint64, rows []int32, width int) {
	dg := planDigits(keys, 0, width)
	if dg.passes == 0 {
		return
	}
	ks, kd := keys, make([]uint64, len(keys))
	rs, rd := rows, make([]int32, len(rows))
	for p := range dg.passes {
		if ctx.Err() != nil {
			return
		}
		shift, c := dg.offsets(p, ks)
		if c == nil {
			continue
		}
		for i, x := range ks {
			b := c[(x>>shift)&dg.m]
			kd[b], rd[b] = x, rs[i]
			c[(x>>shift)&dg.m]++
		}
		ks, kd, rs, rd = kd, ks, rd, rs
	}
	if &ks[0] != &keys[0] {
		copy(keys, ks)
		copy(rows, rs)
	}
}
