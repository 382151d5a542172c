package distinct

import (
	"context"

	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/keyidx"
)

// Find is, for each element of y, the first row of x holding its value
// (equal key bytes), -1 where x holds none. x and y have one type.
func Find(x, y *value.Vector) []int32 {
	out, _ := FindContext(context.Background(), x, y)
	return out
}

// FindContext is Find, stopping with ctx's error once ctx is done.
func FindContext(ctx context.Context, x, y *value.Vector) ([]int32, error) {
	// x's keys in an index whose codes number their first rows
	cx, cy := x.KeyColumn(), y.KeyColumn()
	idx := keyidx.NewIndex(x.Len())
	var first []int
	for lo, b := 0, 0; lo < x.Len(); lo, b = lo+block, b+1 {
		if b%checkEvery == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		first = idx.Add(&cx, lo, min(lo+block, x.Len()), nil, first)
	}
	out := make([]int32, y.Len())
	for lo, b := 0, 0; lo < len(out); lo, b = lo+block, b+1 {
		if b%checkEvery == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		part := out[lo:min(lo+block, len(out))]
		idx.Find(&cy, lo, lo+len(part), part)
		for i, c := range part {
			if c >= 0 {
				part[i] = int32(first[c])
			}
		}
	}
	return out, nil
}
