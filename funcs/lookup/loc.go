package lookup

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// loc selects the rows and columns of a matrix by a boolean mask, by
// labels (a scalar or vector, compared after conversion to the labels'
// type) or by an inclusive label range given as a pair
// (funcs/l/loc.md). The result is always a copy: view=true, which makes
// DolphinDB share the data, is accepted but copies too.
func loc(_ funcs.Env, args []value.Value) (value.Value, error) {
	m, ok := args[0].(*value.Matrix)
	if !ok {
		return nil, ddberr.Errorf("obj of loc must be a matrix.")
	}
	rows, err := locPositions(funcs.Arg(args, 1), m.Rows, m.RowLabels)
	if err != nil {
		return nil, err
	}
	cols, err := locPositions(funcs.Arg(args, 2), m.Cols, m.ColLabels)
	if err != nil {
		return nil, err
	}
	return m.Sub(rows, cols), nil
}

// errLocFilter is loc's error for a filter that is neither a fitting
// boolean mask nor labels.
var errLocFilter = ddberr.Errorf("A filter of loc must be a boolean vector as long as the dimension, or labels of a labelled matrix.")

// locPositions is the positions along one dimension of n elements with
// the given labels (nil when unlabelled) that filter keeps.
func locPositions(filter value.Value, n int, labels *value.Vector) ([]int, error) {
	var out []int
	if funcs.NullOrAbsent(filter) {
		for i := 0; i < n; i++ {
			out = append(out, i)
		}
		return out, nil
	}
	if v, ok := filter.(*value.Vector); ok && v.T == value.Bool && v.Len() == n && (labels == nil || labels.T != value.Bool) {
		for i := 0; i < n; i++ {
			if !v.IsNull(i) && v.I8[i] != 0 {
				out = append(out, i)
			}
		}
		return out, nil
	}
	if labels == nil {
		return nil, errLocFilter
	}
	want, _, ok := value.VectorOf(filter)
	if !ok {
		return nil, errLocFilter
	}
	want, err := cast.Vector(want, labels.T, labels.Scale)
	if err != nil || want.T == value.Any {
		return nil, errLocFilter
	}
	if _, isPair := filter.(*value.Pair); isPair {
		// a missing end (2015.01.01:) leaves that side of the range open
		// (tutorials/public_fund_basic_analysis.md)
		openLo, openHi := want.IsNull(0), want.IsNull(1)
		for i := 0; i < n; i++ {
			if (openLo || value.CompareAcross(labels, i, want, 0) >= 0) && (openHi || value.CompareAcross(labels, i, want, 1) <= 0) {
				out = append(out, i)
			}
		}
		return out, nil
	}
	keep := make(map[string]bool, want.Len())
	for j := 0; j < want.Len(); j++ {
		keep[string(want.AppendKey(nil, j))] = true
	}
	for i := 0; i < n; i++ {
		if keep[string(labels.AppendKey(nil, i))] {
			out = append(out, i)
		}
	}
	return out, nil
}
