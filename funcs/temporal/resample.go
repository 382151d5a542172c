package temporal

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// resample is resample(X, rule, func, [closed], [label], [origin])
// (funcs/r/resample.md): X's rows grouped into the periods of rule (a
// calendar rule's periods, n at a time from the first row's; a clock
// rule's bins, as transFreq and temporalSeq cut them) and each column of
// each group reduced by func. Every period from the first row's to the
// last row's is a row of the result, NULL where no row falls in it.
func resample(env funcs.Env, args []value.Value) (value.Value, error) {
	m, ok := args[0].(*value.Matrix)
	if !ok || m.RowLabels == nil {
		return nil, ddberr.Errorf("X of resample must be a matrix with row labels or an indexed series.")
	}
	in, err := TemporalInput("resample", m.RowLabels)
	if err != nil {
		return nil, ddberr.Errorf("The row labels of resample's X must be temporal values without NULLs, in increasing order.")
	}
	for i, x := range in.Raw {
		if x == value.NullInt64 || i > 0 && x < in.Raw[i-1] {
			return nil, ddberr.Errorf("The row labels of resample's X must be temporal values without NULLs, in increasing order.")
		}
	}
	r, err := parseFreqRule("resample", args[1])
	if err != nil {
		return nil, err
	}
	if !funcs.IsFunction(funcs.Arg(args, 2)) {
		return nil, ddberr.Errorf("The argument [func] of resample must be an aggregate function.")
	}
	var group []int64 // per row, its period
	var labels *value.Vector
	if _, ok := calendarRules[r.unit]; ok {
		group, labels, err = calendarGroups(in, calendarPeriod(r.unit), r.n)
	} else {
		group, labels, err = clockGroups(in, r, funcs.Arg(args, 3), funcs.Arg(args, 4), funcs.Arg(args, 5))
	}
	if err != nil {
		return nil, err
	}
	out := make([]value.Value, 0, labels.Len()*m.Cols)
	for c := 0; c < m.Cols; c++ {
		col := m.V.Slice(c*m.Rows, (c+1)*m.Rows)
		for lo, k := 0, 0; k < labels.Len(); k++ {
			hi := lo
			for hi < len(group) && group[hi] == group[lo] {
				hi++
			}
			if lo == len(group) || group[lo] != int64(k) {
				out = append(out, value.NullScalar(value.Void))
				continue
			}
			v, err := env.Call(args[2], col.Slice(lo, hi))
			if err != nil {
				return nil, err
			}
			out = append(out, v)
			lo = hi
		}
	}
	data, err := funcs.Assemble(out, funcs.RuleDolphin)
	if err != nil {
		return nil, err
	}
	dv, ok := data.(*value.Vector)
	if !ok || dv.T == value.Any && len(out) > 0 {
		return nil, ddberr.Errorf("The argument [func] of resample must be an aggregate function.")
	}
	if len(out) == 0 {
		dv = value.NewVector(m.V.T, 0, 0)
	}
	return &value.Matrix{V: dv, Rows: labels.Len(), Cols: m.Cols, RowLabels: labels, ColLabels: m.ColLabels, Indexed: m.Indexed}, nil
}

// calendarGroups numbers each date's period of p, n periods to a group
// counted from the first date's, and lists the groups' DATE labels.
func calendarGroups(in tempIn, p period, n int64) ([]int64, *value.Vector, error) {
	if !HasDate(in.T) {
		return nil, nil, ddberr.Errorf("The row labels of resample's X must carry dates for a calendar rule.")
	}
	group := make([]int64, len(in.Raw))
	var base, last int64
	for i, x := range in.Raw {
		d, _ := splitTemporal(in.T, x)
		idx := p.idx(d)
		if i == 0 {
			base = idx
		}
		if p.ceil {
			group[i] = ceilDiv(idx-base, n)
		} else {
			group[i] = value.FloorDiv(idx-base, n)
		}
		last = group[i]
	}
	labels := &value.Vector{T: value.Date, I32: []int32{}}
	for k := int64(0); len(group) > 0 && k <= last; k++ {
		labels.I32 = append(labels.I32, int32(p.date(base+k*n)))
	}
	return group, labels, nil
}

// clockGroups numbers each time's bin of a clock rule, counted from the
// first time's, and lists the bins' labels.
func clockGroups(in tempIn, r freqRule, closed, label, origin value.Value) ([]int64, *value.Vector, error) {
	group := make([]int64, len(in.Raw))
	if len(in.Raw) == 0 {
		return group, TypedVector(in.T, nil), nil
	}
	b, err := clockBins("resample", in.T, r, in.Raw[0], in.Raw[len(in.Raw)-1], closed, label, origin, true)
	if err != nil {
		return nil, nil, err
	}
	first := b.bin(in.Raw[0])
	for i, x := range in.Raw {
		group[i] = (b.bin(x) - first) / b.width
	}
	labels := make([]int64, 0, group[len(group)-1]+1)
	for k := int64(0); k <= group[len(group)-1]; k++ {
		labels = append(labels, first+k*b.width)
	}
	return group, TypedVector(in.T, labels), nil
}
