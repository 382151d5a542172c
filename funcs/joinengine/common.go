package joinengine

import (
	"strconv"
	"strings"
	"time"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/streamengine"
	"github.com/porpoisedb/porpoise/value"
)

func argErr(fn, param, what string) error {
	return ddberr.Errorf("The argument [%s] of %s must be %s.", param, fn, what)
}

// matching reads matchingColumn: names both tables share (a string or a
// vector of them), or a tuple of the left names and the right names.
func matching(fn string, v value.Value, left, right *value.Table) (l, r []int, err error) {
	if t, ok := v.(*value.Vector); ok && t.T == value.Any {
		if t.Len() != 2 {
			return nil, nil, argErr(fn, "matchingColumn", "a column name, a vector of them, or a tuple of the left and the right table's")
		}
		if l, err = streamengine.Columns(fn, "matchingColumn", t.Any[0], left); err != nil {
			return nil, nil, err
		}
		if r, err = streamengine.Columns(fn, "matchingColumn", t.Any[1], right); err != nil {
			return nil, nil, err
		}
	} else {
		if l, err = streamengine.Columns(fn, "matchingColumn", v, left); err != nil {
			return nil, nil, err
		}
		if r, err = streamengine.Columns(fn, "matchingColumn", v, right); err != nil {
			return nil, nil, err
		}
	}
	if len(l) == 0 || len(l) != len(r) {
		return nil, nil, argErr(fn, "matchingColumn", "as many left columns as right columns")
	}
	return l, r, nil
}

// rowKey appends the key of row i over cols to buf.
func rowKey(buf []byte, t *value.Table, cols []int, i int) []byte {
	for _, c := range cols {
		buf = t.Cols[c].AppendKey(buf, i)
	}
	return buf
}

// gatherOrNull is v's elements at idx, NULL where idx is negative.
func gatherOrNull(v *value.Vector, idx []int) *value.Vector {
	if v.Len() == 0 {
		out := value.NewNullVector(v.T, len(idx))
		out.Scale = v.Scale
		return out
	}
	safe := make([]int, len(idx))
	missing := false
	for i, j := range idx {
		if j < 0 {
			missing = true
			continue
		}
		safe[i] = j
	}
	out := v.Gather(safe)
	if missing {
		for i, j := range idx {
			if j < 0 {
				out.SetNull(i)
			}
		}
	}
	return out
}

// joined is the table the metrics of a join read: the left rows at li
// under the left's names, then the right rows at ri (NULL where
// negative) under the right's names the left lacks.
func joined(left *value.Table, li []int, right *value.Table, ri []int) *value.Table {
	names := make([]string, 0, len(left.Names)+len(right.Names))
	cols := make([]*value.Vector, 0, cap(names))
	seen := map[string]bool{}
	for i, n := range left.Names {
		names = append(names, n)
		cols = append(cols, left.Cols[i].Gather(li))
		seen[strings.ToLower(n)] = true
	}
	for i, n := range right.Names {
		if seen[strings.ToLower(n)] {
			continue
		}
		names = append(names, n)
		cols = append(cols, gatherOrNull(right.Cols[i], ri))
	}
	return value.NewTable(names, cols)
}

// output assembles an output table: the given leading columns, the
// metrics' columns and, with elapsed, the microseconds since start and
// the batch's row count.
func output(lead []*value.Vector, res *value.Table, elapsed bool, start time.Time, batch int) *value.Table {
	cols := append(append([]*value.Vector{}, lead...), res.Cols...)
	n := res.Rows()
	if elapsed {
		us := make([]int64, n)
		cnt := make([]int32, n)
		d := time.Since(start).Microseconds()
		for i := range us {
			us[i], cnt[i] = d, int32(batch)
		}
		cols = append(cols, value.NewLongs(us), value.NewInts(cnt))
	}
	names := make([]string, len(cols))
	for i := range names {
		names[i] = "c" + strconv.Itoa(i)
	}
	return value.NewTable(names, cols)
}

// columnOpt reads an optional column name (-1 when absent).
func columnOpt(fn, param string, v value.Value, t *value.Table) (int, error) {
	if funcs.NullOrAbsent(v) {
		return -1, nil
	}
	c, err := streamengine.Columns(fn, param, v, t)
	if err != nil {
		return -1, err
	}
	if len(c) != 1 {
		return -1, argErr(fn, param, "a column name")
	}
	return c[0], nil
}
