package insert

import (
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// FromInsertValues builds the full-width source table of
// `INSERT INTO t [(cols)] VALUES rows...`: rows holds, per VALUES group, one
// value per listed column (a scalar, vector or tuple). Columns not listed
// are NULL; without a column list the value count must equal the table's
// column count. Each row's values convert to the column's type under the
// target's rules r, so neither a NULL nor an INT in the first row types a
// DOUBLE column for the rows after it.
func FromInsertValues(s Schema, cols []string, rows [][]value.Value, r Rules) (*value.Table, error) {
	names, types := s.Names, s.Types
	pos := make([]int, 0, len(names))
	if cols == nil {
		for i := range names {
			pos = append(pos, i)
		}
	} else {
		for _, c := range cols {
			j := indexOf(names, c)
			if j < 0 {
				return nil, ddberr.Errorf("The column '%s' does not exist in table.", c)
			}
			pos = append(pos, j)
		}
	}
	given := make([]*value.Vector, len(names))
	for _, row := range rows {
		row = spreadTuple(row, len(pos))
		if len(row) != len(pos) {
			return nil, ErrInsertColumnCount
		}
		part, err := Columns(nil, row)
		if err != nil {
			return nil, err
		}
		for k, j := range pos {
			c := rowToColumn(part.Cols[k], types[j], s.scale(j), r)
			if given[j] == nil {
				given[j] = c.Clone()
				continue
			}
			if err := cast.AppendVector(given[j], c); err != nil {
				return nil, err
			}
		}
	}
	n := 0
	for _, c := range given {
		if c != nil {
			n = c.Len()
			break
		}
	}
	out := make([]*value.Vector, len(names))
	for j := range names {
		if given[j] != nil {
			out[j] = given[j]
		} else {
			out[j] = value.NewNullVector(types[j], n)
			out[j].Scale = s.scale(j)
		}
	}
	return value.NewTable(names, out), nil
}

// rowToColumn is one row group's values c converted to a column of type
// dst (of decimal scale scale) where the rules accept it; what they
// refuse, and array and tuple columns, stay as they are for the append's
// own conversion and error. Each group converts on its own, so a NULL or
// an integer in one row can't type a DECIMAL column for the rows after it.
func rowToColumn(c *value.Vector, dst value.Type, scale int32, r Rules) *value.Vector {
	switch {
	case c.T == dst && (!dst.IsDecimal() || c.Scale == scale), dst.IsArray(), dst == value.Any:
		return c
	case c.T == value.Void:
		out := value.NewNullVector(dst, c.Len())
		out.Scale = scale
		return out
	case !r.Acceptable(dst, c.T):
		return c
	}
	out, err := cast.Vector(c, dst, scale)
	if err != nil {
		return c
	}
	return out
}

// spreadTuple returns the columns of values([time, sym, volume]), one
// tuple holding all n columns (enableTableCachePurge reference page), and
// any other row as it is.
func spreadTuple(row []value.Value, n int) []value.Value {
	if len(row) == 1 && n > 1 {
		if tp, ok := row[0].(*value.Vector); ok && tp.T == value.Any && len(tp.Any) == n {
			return tp.Any
		}
	}
	return row
}

func indexOf(names []string, c string) int {
	for i, n := range names {
		if n == c {
			return i
		}
	}
	for i, n := range names {
		if strings.EqualFold(n, c) {
			return i
		}
	}
	return -1
}
