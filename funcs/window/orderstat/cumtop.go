package orderstat

import (
	"context"
	"slices"
	"sort"

	"github.com/porpoisedb/porpoise/value"
)

// CumTop holds the kept rows of a cumulative TopN window (rows 0..i): the
// first top rows with a non-NULL key ranked by (key, row), ascending or
// descending, a run of equal keys that top cuts resolved by ties. As the
// window only grows and a new row is the latest of its run, a row cut
// once stays cut, so only the kept rows are held, in rank order.
//
// A row that enters costs binary searches by key and a move of the rows
// ranked after it; the run at the cut is found by key too, where
// scanning it cost a row its length (all of the window with a boolean
// key).
type CumTop struct {
	s    []float64
	top  int
	asc  bool
	ties Ties
	rows []int
	cut  []int
}

// NewCumTop is an empty window over the keys s.
func NewCumTop(s []float64, top int, asc bool, ties Ties) *CumTop {
	return &CumTop{s: s, top: top, asc: asc, ties: ties}
}

// after is the first kept position whose key ranks after v.
func (c *CumTop) after(v float64) int {
	return sort.Search(len(c.rows), func(k int) bool {
		x := c.s[c.rows[k]]
		return (c.asc && x > v) || (!c.asc && x < v)
	})
}

// first is the first kept position whose key does not rank before v.
func (c *CumTop) first(v float64) int {
	return sort.Search(len(c.rows), func(k int) bool {
		x := c.s[c.rows[k]]
		return (c.asc && x >= v) || (!c.asc && x <= v)
	})
}

// Add enters row i, later than every row before it, its key non-NULL;
// kept says whether it is kept, cut the rows it pushed out (valid until
// the next Add). A row not kept changes nothing.
func (c *CumTop) Add(i int) (kept bool, cut []int) {
	k := c.after(c.s[i])
	c.rows = slices.Insert(c.rows, k, i)
	c.cut = c.cut[:0]
	n := len(c.rows)
	if n <= c.top {
		return true, nil
	}
	switch c.ties {
	case TiesOldest:
		// the run at the cut keeps its earliest rows: the last goes
		c.cut = append(c.cut, c.rows[n-1])
		c.rows = c.rows[:n-1]
	case TiesLatest:
		// the run at the cut keeps its latest rows: its oldest goes
		lo := c.first(c.s[c.rows[n-1]])
		c.cut = append(c.cut, c.rows[lo])
		c.rows = slices.Delete(c.rows, lo, lo+1)
	default:
		// the whole run at the cut stays, the rows after it go
		hi := c.after(c.s[c.rows[c.top-1]])
		c.cut = append(c.cut, c.rows[hi:]...)
		c.rows = c.rows[:hi]
	}
	if len(c.cut) == 1 && c.cut[0] == i {
		return false, nil
	}
	return true, c.cut
}

// EachCum hands each row i of s the kept rows of its cumulative window,
// the row added to them (-1 when none was: they are row i-1's rows) and
// the rows cut from them, all valid during the call only. It stops with
// ctx's error once ctx is cancelled.
func EachCum(ctx context.Context, s []float64, top int, asc bool, ties Ties, each func(i int, rows []int, added int, cut []int)) error {
	c := NewCumTop(s, top, asc, ties)
	work := 0
	for i, key := range s {
		if work++; work >= 1<<16 {
			if err := ctx.Err(); err != nil {
				return err
			}
			work = 0
		}
		added := -1
		var cut []int
		if key != value.NullFloat64 && key == key {
			var kept bool
			if kept, cut = c.Add(i); kept {
				// the caller goes over the kept rows again
				added, work = i, work+len(c.rows)
			}
		}
		each(i, c.rows, added, cut)
	}
	return nil
}

// CumLongSums is the LONG sum of each cumulative window's kept values of
// xs (NULLs left out; NULL where none is left): a row's value is added as
// it enters and taken out as it is cut, which wraps on overflow as a sum
// afresh does, so the sums are the same.
func CumLongSums(ctx context.Context, xs []int64, s []float64, top int, asc bool, ties Ties) ([]int64, error) {
	res := make([]int64, len(xs))
	sum, n := int64(0), 0
	err := EachCum(ctx, s, top, asc, ties, func(i int, _ []int, added int, cut []int) {
		if added >= 0 && xs[added] != value.NullInt64 {
			sum, n = sum+xs[added], n+1
		}
		for _, r := range cut {
			if xs[r] != value.NullInt64 {
				sum, n = sum-xs[r], n-1
			}
		}
		res[i] = sum
		if n == 0 {
			res[i] = value.NullInt64
		}
	})
	return res, err
}
