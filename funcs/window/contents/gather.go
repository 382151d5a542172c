package contents

import (
	"context"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/value"
)

// MaxElements bounds the elements of a window-contents result, so a huge
// window fails before it allocates.
const MaxElements = 2_000_000_000

// checkEvery is how many elements are copied between looks at the
// context.
const checkEvery = 1 << 20

// Size is how many elements the windows lo[i]..i of n rows hold, each
// led by NULLs up to pad elements; fn's error when over MaxElements.
func Size(fn string, lo []int, pad int) (int, error) {
	total := int64(0)
	for i, l := range lo {
		total += int64(max(pad, i-l+1))
	}
	if total > MaxElements {
		return 0, ddberr.Errorf("The result of %s can't exceed 2 billion elements.", fn)
	}
	return int(total), nil
}

// Gather is the elements of v in each window lo[i]..i, oldest first, led
// by NULLs up to pad elements, as an array vector of v's type; a type an
// array vector cannot hold (STRING, SYMBOL, ANY) gives a tuple of
// vectors. total is Size's count. It stops with ctx's error once ctx is
// cancelled.
func Gather(ctx context.Context, v *value.Vector, lo []int, pad, total int) (value.Value, error) {
	n := v.Len()
	flat := v.Like(0)
	flat.Grow(total)
	ends := make([]int64, n)
	work := 0
	for i := range n {
		size := i - lo[i] + 1
		if work += max(size, pad); work >= checkEvery {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			work = 0
		}
		flat.AppendNulls(pad - size)
		flat.AppendVector(v.Slice(lo[i], i+1))
		ends[i] = int64(flat.Len())
	}
	if v.T.Storage() != value.StString && v.T != value.Any && v.T != value.Void && !v.T.IsArray() {
		flat.T += value.ArrayOffset
		flat.Offsets = ends
		return flat, nil
	}
	rows := make([]value.Value, n)
	start := 0
	for i, end := range ends {
		rows[i] = flat.Slice(start, int(end))
		start = int(end)
	}
	return value.NewTuple(rows), nil
}
