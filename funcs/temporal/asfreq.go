package temporal

import (
	"errors"
	"strconv"
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
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
	rule, _ := funcs.StringArg(args[1])
	code := strings.TrimLeft(rule, "0123456789")
	k := 1
	if digits := rule[:len(rule)-len(code)]; digits != "" {
		k, _ = strconv.Atoi(digits)
	}
	if unit, ok := clockRules[code]; ok && (m.RowLabels.T != value.Date || code != "D") {
		return asFreqIntraday(m, int64(k)*unit, args[2:])
	}
	if m.RowLabels.T != value.Date {
		return nil, ddberr.Errorf("asFreq supports an index of DATE values only.")
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

// asFreqMaxRows bounds the rows a fixed-length rule may produce.
const asFreqMaxRows = 1 << 24

// asFreqIntraday is asFreq with a fixed-length rule ("8min") over a
// temporal index: the grid origin + j*step ("start_day", the first
// label's midnight, by default; "start", "end", "end_day", "epoch"),
// each label's bin closed on the left (or the right) and labelled by its
// left (right) end, label defaulting to closed ("asFreq" page:
// s.asFreq("8min"), closed=`right, origin=`end). The result holds the
// bin labels from the first label's bin to the last's, each row the one
// at exactly that label or NULLs.
func asFreqIntraday(m *value.Matrix, stepNs int64, opts []value.Value) (value.Value, error) {
	t := m.RowLabels.T
	// a DATE index takes the calendar rules, not these
	per := value.TickNanos(t)
	if per == 0 || t == value.Date || stepNs%per != 0 {
		return nil, ddberr.Errorf("asFreq supports an index of DATE values only.")
	}
	step := stepNs / per
	str := func(i int, def string, allowed ...string) (string, error) {
		if i >= len(opts) || opts[i] == nil {
			return def, nil
		}
		s, ok := funcs.StringArg(opts[i])
		if ok {
			for _, a := range allowed {
				if s == a {
					return s, nil
				}
			}
		}
		return "", errors.New("closed, label and origin of asFreq must be 'left'/'right' and 'epoch', 'start', 'start_day', 'end' or 'end_day'.")
	}
	closed, err := str(0, "left", "left", "right")
	if err != nil {
		return nil, err
	}
	label, err := str(1, closed, "left", "right")
	if err != nil {
		return nil, err
	}
	origin, err := str(2, "start_day", "epoch", "start", "start_day", "end", "end_day")
	if err != nil {
		return nil, err
	}
	lv, err := cast.Vector(m.RowLabels, value.Long, 0)
	if err != nil {
		return nil, err
	}
	ts := lv.I64
	if len(ts) == 0 {
		return m, nil
	}
	for i, x := range ts {
		if x == value.NullInt64 || (i > 0 && x < ts[i-1]) {
			return nil, errors.New("index of asFreq must be increasing and without NULLs.")
		}
	}
	first, last := ts[0], ts[len(ts)-1]
	day := value.NsPerDay / per
	var o int64
	switch origin {
	case "start":
		o = first
	case "start_day":
		o = value.FloorDiv(first, day) * day
	case "end":
		o = last
	case "end_day":
		o = (value.FloorDiv(last, day) + 1) * day
	}
	// binOf is the grid point g whose bin holds x: [g, g+step) when
	// closed on the left, (g, g+step] on the right.
	binOf := func(x int64) int64 {
		if closed == "right" {
			return o + (value.FloorDiv(x-o-1, step))*step
		}
		return o + value.FloorDiv(x-o, step)*step
	}
	shift := int64(0)
	if label == "right" {
		shift = step
	}
	lo, hi := binOf(first), binOf(last)
	n := (hi-lo)/step + 1
	if n > asFreqMaxRows {
		return nil, errors.New("rule of asFreq gives too many rows for its index.")
	}
	row := make(map[int64]int, len(ts))
	for i := len(ts) - 1; i >= 0; i-- {
		row[ts[i]] = i
	}
	labels := make([]int64, n)
	for j := range labels {
		labels[j] = lo + int64(j)*step + shift
	}
	idx := make([]int, 0, int(n)*m.Cols)
	for c := 0; c < m.Cols; c++ {
		for _, l := range labels {
			if r, ok := row[l]; ok {
				idx = append(idx, c*m.Rows+r)
			} else {
				idx = append(idx, -1)
			}
		}
	}
	out := value.NewVector(t, 0, int(n))
	for _, l := range labels {
		if t.Storage() == value.StInt32 {
			out.I32 = append(out.I32, int32(l))
		} else {
			out.I64 = append(out.I64, l)
		}
	}
	return &value.Matrix{V: value.GatherOrNull(m.V, idx), Rows: int(n), Cols: m.Cols, RowLabels: out, ColLabels: m.ColLabels, Indexed: m.Indexed}, nil
}
