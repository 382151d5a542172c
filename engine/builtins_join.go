package engine

import (
	"errors"
	"fmt"
	"strings"

	"github.com/porpoisedb/porpoise/value"
)

// The table joiners DolphinDB scripts use in FROM clauses and as plain
// functions: ej (equi join), lj (left join) and lsj (left semi join: the
// first match only). Rows come out in the left table's order, each
// followed by its matches in the right table's order. The result has every
// left column, then the right table's columns other than its matching
// columns; a right column whose name a left column already has is
// prefixed with the right table's variable name and "_" (t2_price), as
// DolphinDB names them. Full, asof and window joins are not implemented.
func init() {
	for _, kind := range []joinKind{joinEqui, joinLeft, joinLeftSemi} {
		kind := kind
		reg(kind.name(), p("leftTable", "rightTable", "matchingCols", "rightMatchingCols"), 3, 4, func(in *interp, args []value.Value, names []string) (value.Value, error) {
			return in.join(kind, args, names)
		})
	}
}

type joinKind int

const (
	joinEqui joinKind = iota
	joinLeft
	joinLeftSemi
)

func (k joinKind) name() string { return [...]string{"ej", "lj", "lsj"}[k] }

func (in *interp) join(kind joinKind, args []value.Value, names []string) (value.Value, error) {
	left, err := in.joinTable(args[0])
	if err != nil {
		return nil, err
	}
	right, err := in.joinTable(args[1])
	if err != nil {
		return nil, err
	}
	lk, ok := stringsArg(args[2])
	if !ok || len(lk) == 0 {
		return nil, errors.New("matchingCols must be a string scalar or vector.")
	}
	rk := lk
	if len(args) > 3 && args[3] != nil {
		if rk, ok = stringsArg(args[3]); !ok || len(rk) != len(lk) {
			return nil, errors.New("rightMatchingCols must name as many columns as matchingCols.")
		}
	}
	li, err := columnPositions(left, lk)
	if err != nil {
		return nil, err
	}
	ri, err := columnPositions(right, rk)
	if err != nil {
		return nil, err
	}
	// Right key columns take the left key columns' types, so that equal
	// values encode to equal keys (an INT key joins a LONG key).
	rkeys := make([]*value.Vector, len(ri))
	for k, c := range ri {
		want := left.Cols[li[k]]
		rkeys[k] = right.Cols[c]
		if rkeys[k].T != want.T {
			conv, err := value.CastVector(rkeys[k], want.T, want.Scale)
			if err != nil {
				return nil, fmt.Errorf("The matching columns %s and %s have incompatible types.", lk[k], rk[k])
			}
			rkeys[k] = conv
		}
	}
	nullSafe := in.s.eng.cfg.EnableNullSafeJoin
	var buf []byte
	keyOf := func(cols []*value.Vector, pos []int, row int) (string, bool) {
		buf = buf[:0]
		for k := range pos {
			c := cols[k]
			if !nullSafe && c.IsNull(row) {
				return "", false
			}
			buf = c.AppendKey(buf, row)
		}
		return string(buf), true
	}
	lkeys := make([]*value.Vector, len(li))
	for k, c := range li {
		lkeys[k] = left.Cols[c]
	}
	index := map[string][]int{}
	for r := 0; r < right.Rows(); r++ {
		if key, ok := keyOf(rkeys, ri, r); ok {
			index[key] = append(index[key], r)
		}
	}
	var lrows, rrows []int // -1: no right row (NULLs)
	for l := 0; l < left.Rows(); l++ {
		var hits []int
		if key, ok := keyOf(lkeys, li, l); ok {
			hits = index[key]
		}
		if kind == joinLeftSemi && len(hits) > 1 {
			hits = hits[:1]
		}
		for _, r := range hits {
			lrows = append(lrows, l)
			rrows = append(rrows, r)
		}
		if len(hits) == 0 && kind != joinEqui {
			lrows = append(lrows, l)
			rrows = append(rrows, -1)
		}
	}

	prefix := "rhs"
	if len(names) > 1 && names[1] != "" {
		prefix = names[1]
	}
	isRightKey := make([]bool, len(right.Cols))
	for _, c := range ri {
		isRightKey[c] = true
	}
	taken := map[string]bool{}
	for _, n := range left.Names {
		taken[strings.ToLower(n)] = true
	}
	outNames := append([]string(nil), left.Names...)
	outCols := make([]*value.Vector, 0, len(left.Cols)+len(right.Cols))
	for _, col := range left.Cols {
		outCols = append(outCols, col.Gather(lrows))
	}
	for c, col := range right.Cols {
		if isRightKey[c] {
			continue
		}
		name := right.Names[c]
		if taken[strings.ToLower(name)] {
			name = prefix + "_" + name
		}
		taken[strings.ToLower(name)] = true
		outNames = append(outNames, name)
		outCols = append(outCols, gatherOrNull(col, rrows))
	}
	return value.NewTable(outNames, outCols), nil
}

// joinTable materializes a join argument: an in-memory table, or a
// partitioned table read whole.
func (in *interp) joinTable(v value.Value) (*value.Table, error) {
	switch t := v.(type) {
	case *value.Table:
		return t, nil
	case Table:
		return t.Scan(nil)
	}
	return nil, errors.New("The arguments of a table joiner must be tables.")
}

func columnPositions(t *value.Table, names []string) ([]int, error) {
	out := make([]int, len(names))
	for k, n := range names {
		found := -1
		for i, c := range t.Names {
			if strings.EqualFold(c, n) {
				found = i
				break
			}
		}
		if found < 0 {
			return nil, fmt.Errorf("The column [%s] doesn't exist in the table.", n)
		}
		out[k] = found
	}
	return out, nil
}

// gatherOrNull is v.Gather(rows) with NULL where a row is -1.
func gatherOrNull(v *value.Vector, rows []int) *value.Vector {
	idx := make([]int, len(rows))
	var nulls []int
	for i, r := range rows {
		if r < 0 {
			nulls = append(nulls, i)
			r = 0
		}
		idx[i] = r
	}
	if len(nulls) > 0 && v.Len() == 0 {
		return value.NewNullVector(v.T, len(rows))
	}
	out := v.Gather(idx)
	if len(nulls) > 0 {
		null := value.NewNullVector(v.T, 1)
		null.Scale = v.Scale
		for _, i := range nulls {
			out.SetFrom(i, null, 0)
		}
	}
	return out
}
