package lookup

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/higherorder"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// panel pivots each metric by (row, col) into a matrix whose row and
// column labels are the sorted distinct keys, or rowLabel and colLabel
// when given (keys outside them are dropped); a cell holds the last value
// of its key pair (funcs/p/panel.md).
func panel(env funcs.Env, args []value.Value) (value.Value, error) {
	rk, ok1 := args[0].(*value.Vector)
	ck, ok2 := args[1].(*value.Vector)
	if !ok1 || !ok2 || rk.Len() != ck.Len() || rk.T == value.Any || ck.T == value.Any {
		return nil, ddberr.Errorf("The arguments row and col of panel must be vectors of the same length.")
	}
	n := rk.Len()
	metrics := []value.Value{args[2]}
	single := true
	if t, ok := args[2].(*value.Vector); ok && t.T == value.Any {
		metrics, single = t.Any, false
	}
	for _, m := range metrics {
		if v, ok := m.(*value.Vector); !ok || v.T == value.Any || v.Len() != n {
			return nil, ddberr.Errorf("Each metric of panel must be a vector as long as row and col.")
		}
	}
	rows, rlab, err := panelLabels(rk, funcs.Arg(args, 3))
	if err != nil {
		return nil, err
	}
	cols, clab, err := panelLabels(ck, funcs.Arg(args, 4))
	if err != nil {
		return nil, err
	}
	nr, nc := rlab.Len(), clab.Len()
	// the cells' index and a matrix per metric: 200,000 distinct rows
	// and columns asked for 320 GB and took the process down
	if err := env.Reserve(satMul(int64(nr)*int64(1+len(metrics)), max(nc, 1))); err != nil {
		return nil, err
	}
	cell := make([]int, nr*nc)
	for i := range cell {
		cell[i] = -1
	}
	for i := 0; i < n; i++ {
		r, okr := rows[string(rk.AppendKey(nil, i))]
		c, okc := cols[string(ck.AppendKey(nil, i))]
		if okr && okc {
			cell[c*nr+r] = i
		}
	}
	out := make([]value.Value, len(metrics))
	for k, m := range metrics {
		out[k] = &value.Matrix{V: value.GatherOrNull(m.(*value.Vector), cell), Rows: nr, Cols: nc, RowLabels: rlab, ColLabels: clab}
	}
	if single {
		return out[0], nil
	}
	return value.NewTuple(out), nil
}

// panelLabels is the label vector of one dimension, keys's sorted distinct
// values or the given labels (cast to keys's type), with each label's
// position by key.
func panelLabels(keys *value.Vector, given value.Value) (map[string]int, *value.Vector, error) {
	if funcs.NullOrAbsent(given) {
		pos, labels := higherorder.DistinctSorted(keys)
		return pos, labels, nil
	}
	lv, ok := given.(*value.Vector)
	if !ok {
		return nil, nil, ddberr.Errorf("The labels of panel must be increasing vectors without duplicates.")
	}
	lv, err := cast.Vector(lv, keys.T, keys.Scale)
	if err != nil {
		return nil, nil, err
	}
	pos := make(map[string]int, lv.Len())
	for i := 0; i < lv.Len(); i++ {
		if i > 0 && value.CompareElems(lv, i-1, i) >= 0 {
			return nil, nil, ddberr.Errorf("The labels of panel must be increasing vectors without duplicates.")
		}
		pos[string(lv.AppendKey(nil, i))] = i
	}
	return pos, lv, nil
}
