package digits

import "unsafe"

// chunkBytes is the size of the buffers a column's strings share: large
// enough that a 10M-row column takes a few thousand allocations, small
// enough that one string kept alive pins little memory.
const chunkBytes = 64 << 10

// chunkRows bounds the rows cut from one buffer, so the offsets of a
// buffer's rows fit a small reused slice.
const chunkRows = 8192

// Column returns n strings, row i being what row(b, i) appends to b
// (appending nothing gives ""). The texts are written into buffers of up
// to about 64 KB and the strings sliced out of them, one allocation a
// buffer instead of one a row; width, the expected bytes a row, sizes
// the buffers of short columns.
func Column(n, width int, row func(b []byte, i int) []byte) []string {
	out := make([]string, n)
	ends := make([]int, 0, min(n, chunkRows))
	first := 0
	buf := make([]byte, 0, chunkSize(n, width))
	for i := 0; i < n; i++ {
		buf = row(buf, i)
		ends = append(ends, len(buf))
		if cap(buf)-len(buf) < 64 || len(ends) == cap(ends) {
			cut(out[first:i+1], buf, ends)
			first, ends = i+1, ends[:0]
			buf = make([]byte, 0, chunkSize(n-first, width))
		}
	}
	cut(out[first:], buf, ends)
	return out
}

// chunkSize is the capacity of the buffer for the next rows rows.
func chunkSize(rows, width int) int {
	return min(chunkBytes, min(rows, chunkRows)*max(width, 1)+64)
}

// cut slices out's strings from buf, row j ending at ends[j]. buf is
// never written again, so the strings may share its bytes.
func cut(out []string, buf []byte, ends []int) {
	if len(buf) == 0 {
		return
	}
	base := unsafe.String(unsafe.SliceData(buf), len(buf))
	start := 0
	for j, e := range ends {
		if e > start {
			out[j] = base[start:e]
		}
		start = e
	}
}
