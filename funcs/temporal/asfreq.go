package temporal

import (
	"strconv"
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// asFreqRule names the function that rounds a date to its period's label
// for one of asFreq's rules (funcs/a/asFreq.md): transFreq's calendar
// rules without the week-of-month ones, and D.
func asFreqRule(code string) (string, bool) {
	switch code {
	case "D":
		return "date", true
	case "WOM", "LWOM":
		return "", false
	}
	name, ok := calendarRules[code]
	return name, ok
}

// asFreq re-indexes an indexed series or matrix with a DATE index at the
// dates of rule between its first and last label (every k-th for a rule
// "kM"), each row the one at that date or NULLs. Without aggregation,
// closed, label and origin change nothing for date rules.
func asFreq(env funcs.Env, args []value.Value) (value.Value, error) {
	m, ok := args[0].(*value.Matrix)
	if !ok || m.RowLabels == nil || m.RowLabels.Len() != m.Rows {
		return nil, ddberr.Errorf("X of asFreq must be an indexed series or an indexed matrix.")
	}
	if m.RowLabels.T != value.Date {
		return nil, ddberr.Errorf("asFreq supports an index of DATE values only.")
	}
	rule, _ := funcs.StringArg(args[1])
	code := strings.TrimLeft(rule, "0123456789")
	k := 1
	if digits := rule[:len(rule)-len(code)]; digits != "" {
		k, _ = strconv.Atoi(digits)
	}
	name, ok := asFreqRule(code)
	fn, found := env.Function(name)
	if !ok || !found || k <= 0 {
		return nil, ddberr.Errorf("rule of asFreq must be one of B, W, M, MS, BM, BMS, SM, SMS, Q, QS, BQ, BQS, A, AS, BA, BAS, D, optionally after a positive count.")
	}
	index := m.RowLabels.I32
	row := make(map[int32]int, len(index))
	for i, d := range index {
		row[d] = i
	}
	var labels []int32
	if len(index) > 0 {
		first, last := index[0], index[len(index)-1]
		days := value.NewVector(value.Date, 0, int(last-first+1))
		for d := first; d <= last; d++ {
			days.I32 = append(days.I32, d)
		}
		r, err := env.Call(fn, days)
		if err != nil {
			return nil, err
		}
		rv, ok := r.(*value.Vector)
		if !ok || rv.T != value.Date {
			return nil, ddberr.Errorf("asFreq supports an index of DATE values only.")
		}
		for _, d := range rv.I32 {
			if d >= first && d <= last && (len(labels) == 0 || d > labels[len(labels)-1]) {
				labels = append(labels, d)
			}
		}
	}
	var picked []int32
	for i := 0; i < len(labels); i += k {
		picked = append(picked, labels[i])
	}
	idx := make([]int, 0, len(picked)*m.Cols)
	for c := 0; c < m.Cols; c++ {
		for _, d := range picked {
			r, ok := row[d]
			if !ok {
				idx = append(idx, -1)
				continue
			}
			idx = append(idx, c*m.Rows+r)
		}
	}
	out := value.NewVector(value.Date, 0, len(picked))
	for _, d := range picked {
		out.I32 = append(out.I32, d)
	}
	return &value.Matrix{V: value.GatherOrNull(m.V, idx), Rows: len(picked), Cols: m.Cols, RowLabels: out, ColLabels: m.ColLabels}, nil
}
