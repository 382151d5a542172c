package forloop

import (
	"github.com/porpoisedb/porpoise/access"
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/value"
)

// Items is how many passes a for loop over it makes and each pass's
// value, or DolphinDB's error for a value no for loop runs over.
// Passes must ask for their values in order, each once: the scalars of
// a vector's elements and of a range are handed out from blocks of
// chunk, allocated once for many passes instead of once a pass. Each pass
// still has its own scalar, which the loop's body may keep or change.
func Items(it value.Value) (int, func(i int) value.Value, error) {
	switch x := it.(type) {
	case *value.Vector:
		if x.T == value.Any || x.T.IsArray() {
			return x.Len(), x.Elem, nil
		}
		var b block
		n := x.Len()
		return n, func(i int) value.Value {
			s := b.next(n - i)
			x.ReadAt(i, s)
			return s
		}, nil
	case *value.Pair:
		// for(s in 2:4) runs 2, 3; for(s in 4:1) runs 3, 2, 1
		lo, ok1 := x.V.At(0).Int64()
		hi, ok2 := x.V.At(1).Int64()
		if !ok1 || !ok2 || x.V.T.Category() != value.CatIntegral {
			return 2, x.V.Elem, nil
		}
		t := x.V.T
		var b block
		if lo <= hi {
			n := int(hi - lo)
			return n, func(i int) value.Value { return b.integral(n-i, t, lo+int64(i)) }, nil
		}
		n := int(lo - hi)
		return n, func(i int) value.Value { return b.integral(n-i, t, lo-1-int64(i)) }, nil
	case *value.Matrix:
		// a matrix runs column by column
		return x.Cols, func(c int) value.Value { return x.V.Slice(c*x.Rows, (c+1)*x.Rows).Clone() }, nil
	case *value.Scalar:
		return 1, func(int) value.Value { return x }, nil
	case *value.Set:
		return x.V.Len(), x.V.Elem, nil
	case *value.Table:
		return x.Rows(), func(i int) value.Value { return access.RowDict(x, i) }, nil
	}
	return 0, nil, ddberr.Errorf("The for-loop iterator must be a vector, pair, set or table.")
}

// chunk is how many passes' scalars a block holds.
const chunk = 64

// block hands out the scalars of a loop's passes.
type block struct{ free []value.Scalar }

// next is a scalar of the block, a new block of at most chunk when it is
// used up; left is how many passes are left, this one's included.
func (b *block) next(left int) *value.Scalar {
	if len(b.free) == 0 {
		b.free = make([]value.Scalar, min(chunk, left))
	}
	s := &b.free[0]
	b.free = b.free[1:]
	return s
}

// integral is a scalar of the block holding x of type t, a value of a
// range whose ends are not NULL, so neither is x (NULL is the least).
func (b *block) integral(left int, t value.Type, x int64) *value.Scalar {
	s := b.next(left)
	*s = value.Scalar{T: t, I: x}
	return s
}
