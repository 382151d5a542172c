package distinct

import (
	"context"

	"github.com/porpoisedb/porpoise/value"
)

// Find is, for each element of y, the first row of x holding its value
// (equal key bytes), -1 where x holds none. x and y have one type.
func Find(x, y *value.Vector) []int32 {
	out, _ := FindContext(context.Background(), x, y)
	return out
}

// FindContext is Find, stopping with ctx's error once ctx is done.
func FindContext(ctx context.Context, x, y *value.Vector) ([]int32, error) {
	out := make([]int32, y.Len())
	fx, okx := filler(x)
	fy, oky := filler(y)
	if !okx || !oky || x.T.Storage() != y.T.Storage() {
		return findKeys(ctx, x, y, out)
	}
	// x's words in a table whose codes number their first rows
	t := newTable(x.Len())
	var first []int
	buf := make([]uint64, block)
	codes := make([]int32, block)
	for lo, b := 0, 0; lo < x.Len(); lo, b = lo+block, b+1 {
		if b%checkEvery == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		ws := buf[:min(block, x.Len()-lo)]
		fx(ws, lo)
		first = t.add(ws, codes[:len(ws)], lo, first)
	}
	for lo, b := 0, 0; lo < len(out); lo, b = lo+block, b+1 {
		if b%checkEvery == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		ws := buf[:min(block, len(out)-lo)]
		fy(ws, lo)
		for i, w := range ws {
			if c := t.find(w); c >= 0 {
				out[lo+i] = int32(first[c])
			} else {
				out[lo+i] = -1
			}
		}
	}
	return out, nil
}

// findKeys is Find by key bytes, for elements without a fixed width.
func findKeys(ctx context.Context, x, y *value.Vector, out []int32) ([]int32, error) {
	pos := make(map[string]int32)
	var key []byte
	for i := x.Len() - 1; i >= 0; i-- {
		if i&0xffff == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		key = x.AppendKey(key[:0], i)
		pos[string(key)] = int32(i)
	}
	for j := range out {
		if j&0xffff == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		key = y.AppendKey(key[:0], j)
		if p, ok := pos[string(key)]; ok {
			out[j] = p
		} else {
			out[j] = -1
		}
	}
	return out, nil
}
