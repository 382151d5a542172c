package join

import (
	"context"

	"github.com/porpoisedb/porpoise/value"
)

// Integer matching columns whose widths add up to at most 8 bytes (two
// INT columns, or a SYMBOL column as codes and an INT one) are matched
// on one uint64 a row: the bytes AppendKey would write, packed, so
// equality is the same and no row builds a string.

// keyWidth is the bytes one element of an integer storage takes; 0 for
// any other storage.
func keyWidth(v *value.Vector) int {
	switch st := v.T.Storage(); st {
	case value.StInt8, value.StInt16, value.StInt32, value.StInt64:
		if !v.T.IsArray() {
			return st.Width()
		}
	}
	return 0
}

// packedKeys returns each row's keys packed into a uint64; ok is false
// unless every key is an integer column and they fit in 8 bytes.
func packedKeys(keys []*value.Vector) (packed []uint64, ok bool) {
	width := 0
	for _, k := range keys {
		w := keyWidth(k)
		if w == 0 {
			return nil, false
		}
		width += w
	}
	if len(keys) == 0 || width > 8 {
		return nil, false
	}
	packed = make([]uint64, keys[0].Len())
	for _, k := range keys {
		switch k.T.Storage() {
		case value.StInt8:
			for i, x := range k.I8 {
				packed[i] = packed[i]<<8 | uint64(uint8(x))
			}
		case value.StInt16:
			for i, x := range k.I16 {
				packed[i] = packed[i]<<16 | uint64(uint16(x))
			}
		case value.StInt32:
			for i, x := range k.I32 {
				packed[i] = packed[i]<<32 | uint64(uint32(x))
			}
		default: // the only key: 8 bytes
			for i, x := range k.I64 {
				packed[i] = uint64(x)
			}
		}
	}
	return packed, true
}

// matchPacked is matchRows on packed keys: the right rows are numbered by
// key (one map insert per row) and listed per key by a counting pass, so
// a left row costs one map lookup. admit says whether a row may match at
// all (its flag, and no NULL key unless NULLs match).
func matchPacked(ctx context.Context, lk, rk []uint64, ladmit, radmit func(int) bool, kind Kind) (lrows, rrows []int) {
	ids := make(map[uint64]int32)
	rid := make([]int32, len(rk))
	for r, k := range rk {
		if !radmit(r) {
			rid[r] = -1
			continue
		}
		rid[r] = keyNumber(ids, k)
	}
	start := make([]int, len(ids)+1)
	for _, id := range rid {
		if id >= 0 {
			start[id+1]++
		}
	}
	for i := 1; i < len(start); i++ {
		start[i] += start[i-1]
	}
	rows := make([]int, start[len(ids)])
	next := append([]int(nil), start[:len(ids)]...)
	for r, id := range rid {
		if id >= 0 {
			rows[next[id]] = r
			next[id]++
		}
	}
	return pairRows(ctx, len(lk), len(rk), func(l int) []int {
		if !ladmit(l) {
			return nil
		}
		id, ok := ids[lk[l]]
		if !ok {
			return nil
		}
		return rows[start[id]:start[id+1]]
	}, kind)
}
