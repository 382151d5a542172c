package interval

import (
	"errors"
	"slices"
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/insert"
	"github.com/porpoisedb/porpoise/query/colname"
	"github.com/porpoisedb/porpoise/query/groupagg"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// Host evaluates the arguments of interval(...) for the query running
// it.
type Host interface {
	// Eval evaluates e outside any table's scope.
	Eval(e ast.Expr) (value.Value, error)
	// EvalTable evaluates e with t's columns in scope.
	EvalTable(t *value.Table, e ast.Expr) (value.Value, error)
}

// Key is `group by interval(X, duration, fill, [step],
// [explicitOffset])`: the start of each window of length dur holding a
// row (windows start every step from offset, so with step < dur a row is
// in several), and how to fill the windows without rows.
type Key struct {
	step   int64         // in X's units
	dur    int64         // the window's length, a multiple of step
	offset int64         // windows start at offset + k*step
	fill   value.Value   // "prev", "post", "linear", "null", "none" or a number
	x      *value.Vector // X (the key column before flooring)
	// lo and hi bound the window starts when the where clause bounds X
	// (between, >=, <=): the windows to fill then run from the one holding
	// the where's start to the one holding its end, in every group.
	lo, hi         int64
	hasLo, hasHi   bool
	explicitOffset bool
}

// Call reports whether e (maybe aliased) calls interval.
func Call(e ast.Expr) (*ast.CallExpr, bool) {
	c, ok := colname.Strip(e).(*ast.CallExpr)
	if !ok || c.Method {
		return nil, false
	}
	id, ok := c.Fn.(*ast.Ident)
	return c, ok && strings.EqualFold(id.Name, "interval")
}

// params are the arguments Eval reads, by position or name.
var params = []string{"x", "duration", "fill", "step", "explicitoffset"}

// Eval computes the window key of group by interval(...) over
// src: rows lists the src row of each key element (a row in several
// windows repeats; nil when each row is in one window, in order), and the
// key has X's type. conds are the conditions of the query's where clause
// (its and-chains split), whose bounds on X fix the first and last
// window.
func Eval(h Host, src *value.Table, c *ast.CallExpr, conds []ast.Expr) ([]int, *value.Vector, *Key, error) {
	args := make([]ast.Expr, len(params))
	pos := 0
	for _, a := range c.Args {
		if na, ok := a.(*ast.NamedArg); ok {
			k := slices.Index(params, strings.ToLower(na.Name))
			if k < 0 {
				return nil, nil, nil, errors.New("interval: only X, duration, fill, step and explicitOffset are supported.")
			}
			args[k] = na.X
			continue
		}
		if pos >= len(args) {
			return nil, nil, nil, errors.New("interval: only X, duration, fill, step and explicitOffset are supported.")
		}
		args[pos] = a
		pos++
	}
	if args[0] == nil || args[1] == nil || args[2] == nil {
		return nil, nil, nil, ddberr.Errorf("Usage: interval(X, duration, fill, [step], [explicitOffset=false], [closed], [label], [origin]).")
	}
	xv, err := h.EvalTable(src, args[0])
	if err != nil {
		return nil, nil, nil, err
	}
	x, err := value.Broadcast(xv, src.Rows())
	if err != nil {
		return nil, nil, nil, err
	}
	if x.T.Category() != value.CatIntegral && x.T.Category() != value.CatTemporal {
		return nil, nil, nil, ddberr.Errorf("X of interval must be an integral or temporal vector.")
	}
	ik := &Key{x: x}
	if ik.fill, err = h.Eval(args[2]); err != nil {
		return nil, nil, nil, err
	}
	if err := checkFill(ik.fill); err != nil {
		return nil, nil, nil, err
	}
	if ik.dur, err = length(h, args[1], x.T); err != nil {
		return nil, nil, nil, err
	}
	ik.step = ik.dur
	if args[3] != nil {
		if ik.step, err = length(h, args[3], x.T); err != nil {
			return nil, nil, nil, err
		}
		if ik.dur%ik.step != 0 {
			return nil, nil, nil, ddberr.Errorf("The step of interval must divide its duration.")
		}
	}
	if args[4] != nil {
		v, err := h.Eval(args[4])
		if err != nil {
			return nil, nil, nil, err
		}
		s, ok := v.(*value.Scalar)
		ik.explicitOffset = ok && s.Bool()
	}
	if err := bounds(h, ik, args[0], conds); err != nil {
		return nil, nil, nil, err
	}
	xs, null, _ := groupagg.Int64sOf(x)
	per := int(ik.dur / ik.step)
	var rows []int
	if per > 1 {
		rows = []int{}
	}
	starts := make([]int64, 0, len(xs))
	lo, hasLo := ik.lo, ik.hasLo
	if !hasLo && per > 1 {
		// without a where bound, the first window is the one the earliest
		// X starts in, not the earlier ones that also hold it: interval(time,
		// 10s, "null", 5s) from 10:00:00 starts at 10:00:00
		// (tutorials/window_cal.md 2.2.4)
		for r, v := range xs {
			if s := value.FloorDiv(v-ik.offset, ik.step)*ik.step + ik.offset; !null[r] && (!hasLo || s < lo) {
				lo, hasLo = s, true
			}
		}
	}
	keep := func(s int64) bool {
		return (!hasLo || s >= lo) && (!ik.hasHi || s <= ik.hi)
	}
	for r, v := range xs {
		if null[r] {
			if rows != nil {
				rows = append(rows, r)
			}
			starts = append(starts, 0)
			continue
		}
		last := value.FloorDiv(v-ik.offset, ik.step)*ik.step + ik.offset
		if per == 1 && rows == nil && keep(last) {
			starts = append(starts, last)
			continue
		}
		if rows == nil {
			rows = value.Iota(r)
		}
		for k := per - 1; k >= 0; k-- {
			if s := last - int64(k)*ik.step; keep(s) {
				rows = append(rows, r)
				starts = append(starts, s)
			}
		}
	}
	key := value.NewVector(x.T, len(starts), len(starts))
	key.Scale = x.Scale
	for i, s := range starts {
		r := i
		if rows != nil {
			r = rows[i]
		}
		if null[r] {
			key.SetNull(i)
			continue
		}
		setInt(key, i, s)
	}
	return rows, key, ik, nil
}

// length reads interval's duration or step in X's units.
func length(h Host, e ast.Expr, t value.Type) (int64, error) {
	dv, err := h.Eval(e)
	if err != nil {
		return 0, err
	}
	d, ok := dv.(*value.Scalar)
	if !ok {
		return 0, ddberr.Errorf("The duration of interval must be an integer or DURATION scalar.")
	}
	var n int64
	switch {
	case d.T == value.Duration:
		unit := value.TickNanos(t)
		dn := value.DurationNanos(value.DurationUnit(d))
		if unit == 0 || dn == 0 || d.I*dn%unit != 0 {
			return 0, ddberr.Errorf("The duration of interval doesn't match the type of X.")
		}
		n = d.I * dn / unit
	case d.T.Category() == value.CatIntegral:
		n = d.I
	default:
		return 0, ddberr.Errorf("The duration of interval must be an integer or DURATION scalar.")
	}
	if n <= 0 {
		return 0, ddberr.Errorf("The duration of interval must be positive.")
	}
	return n, nil
}

// bounds reads the where clause's bounds on X (X between a and b,
// X >= a, X <= b, each as its own condition): the first window is the
// one holding a, or starts at a with explicitOffset, and the last holds b.
func bounds(h Host, ik *Key, x ast.Expr, conds []ast.Expr) error {
	id, ok := colname.Strip(x).(*ast.Ident)
	if !ok {
		return nil
	}
	var lo, hi ast.Expr
	for _, w := range conds {
		b, ok := w.(*ast.BinaryExpr)
		if !ok {
			continue
		}
		if l, ok := b.L.(*ast.Ident); !ok || l.Name != id.Name {
			continue
		}
		switch b.Op {
		case "between":
			if r, ok := b.R.(*ast.BinaryExpr); ok && r.Op == ":" {
				lo, hi = r.L, r.R
			}
		case ">=":
			lo = b.R
		case "<=":
			hi = b.R
		}
	}
	bound := func(e ast.Expr) (int64, bool, error) {
		if e == nil {
			return 0, false, nil
		}
		v, err := h.Eval(e)
		if err != nil {
			return 0, false, err
		}
		s, ok := v.(*value.Scalar)
		if !ok {
			return 0, false, nil
		}
		// a bound of another temporal type is read as X's type
		c, err := cast.To(s, ik.x.T, ik.x.Scale)
		if err != nil {
			return 0, false, nil
		}
		cs, ok := c.(*value.Scalar)
		if !ok || cs.Null {
			return 0, false, nil
		}
		return cs.I, true, nil
	}
	a, okA, err := bound(lo)
	if err != nil {
		return err
	}
	b, okB, err := bound(hi)
	if err != nil {
		return err
	}
	if okA {
		if ik.explicitOffset {
			ik.offset = a
		}
		ik.lo, ik.hasLo = value.FloorDiv(a-ik.offset, ik.step)*ik.step+ik.offset, true
	}
	if okB {
		ik.hi, ik.hasHi = value.FloorDiv(b-ik.offset, ik.step)*ik.step+ik.offset, true
	}
	return nil
}

// Fill adds a row for each window without rows (its key is
// column key of out) and fills the other columns as fill says, in each
// run of rows with equal other grouping columns (others) on its own: from
// the where clause's first window to its last, else from the run's first
// window to its last.
func Fill(out *value.Table, key int, others []int, ik *Key) (*value.Table, error) {
	method := ""
	if s, ok := ik.fill.(*value.Scalar); ok && s.T.Category() == value.CatLiteral {
		method = strings.ToLower(s.S)
	}
	if method == "none" || out.Rows() == 0 {
		return out, nil
	}
	// the other keys' runs, by their group numbers rather than comparing
	// elements row by row
	otherKeys := make([]*value.Vector, len(others))
	for i, c := range others {
		otherKeys[i] = out.Cols[c]
	}
	ids := groupagg.Group(otherKeys, out.Rows()).IDs
	var parts []*value.Table
	start, total := 0, 0
	for r := 1; r <= out.Rows(); r++ {
		if r < out.Rows() && ids[r] == ids[r-1] {
			continue
		}
		part, err := fillRun(out.Slice(start, r), key, others, method, ik)
		if err != nil {
			return nil, err
		}
		parts = append(parts, part)
		start, total = r, total+part.Rows()
	}
	if len(parts) == 1 {
		return parts[0], nil
	}
	res := out.EmptyLike(total)
	for _, p := range parts {
		for c, col := range p.Cols {
			res.Cols[c].AppendVector(col)
		}
	}
	return res, nil
}

// fillRun fills the windows of one group of the other grouping columns.
func fillRun(out *value.Table, key int, others []int, method string, ik *Key) (*value.Table, error) {
	kc := out.Cols[key]
	get := func(i int) int64 {
		switch kc.T.Storage() {
		case value.StInt64:
			return kc.I64[i]
		case value.StInt32:
			return int64(kc.I32[i])
		case value.StInt16:
			return int64(kc.I16[i])
		}
		return int64(kc.I8[i])
	}
	first := 0
	for first < out.Rows() && kc.IsNull(first) {
		first++
	}
	if first == out.Rows() {
		return out, nil
	}
	lo, hi := get(first), get(out.Rows()-1)
	if ik.hasLo {
		lo = ik.lo
	}
	if ik.hasHi {
		hi = ik.hi
	}
	if hi < lo {
		return out, nil
	}
	n := int((hi-lo)/ik.step) + 1
	if n > 10_000_000 {
		return nil, errors.New("interval: too many windows.")
	}
	rows := make([]int, n)
	for i := range rows {
		rows[i] = -1
	}
	for r := first; r < out.Rows(); r++ {
		if k := get(r); k >= lo && k <= hi {
			rows[int((k-lo)/ik.step)] = r
		}
	}
	keys := value.NewVector(kc.T, n, n)
	for i := 0; i < n; i++ {
		setInt(keys, i, lo+int64(i)*ik.step)
	}
	same := make([]int, n) // the run's other keys, on every window
	for i := range same {
		same[i] = first
	}
	cols := make([]*value.Vector, len(out.Cols))
	for c, col := range out.Cols {
		if c == key {
			cols[c] = keys
			continue
		}
		if slices.Contains(others, c) {
			cols[c] = col.Gather(same)
			continue
		}
		v := value.GatherOrNull(col, rows)
		// windows without rows and windows whose result is NULL are
		// both filled
		missing := make([]int, n)
		for i := range missing {
			missing[i] = 0
			if rows[i] < 0 || insert.RowIsNull(v, i) {
				missing[i] = -1
			}
		}
		if err := fillColumn(v, missing, method, ik.fill); err != nil {
			return nil, err
		}
		cols[c] = v
	}
	return value.NewTable(out.Names, cols), nil
}

// checkFill refuses a fill that is neither one of the methods
// progr/sql/interval.md lists nor a value, before any window is missing.
func checkFill(fill value.Value) error {
	s, ok := fill.(*value.Scalar)
	if ok && s.T.Category() == value.CatLiteral {
		switch strings.ToLower(s.S) {
		case "prev", "post", "linear", "null", "none":
			return nil
		}
		ok = false
	}
	if !ok {
		return ddberr.Errorf("The fill of interval must be 'prev', 'post', 'linear', 'null', 'none' or a number.")
	}
	return nil
}

// fillColumn fills the rows of v marked -1 in rows.
func fillColumn(v *value.Vector, rows []int, method string, fill value.Value) error {
	n := len(rows)
	switch method {
	case "null":
		return nil
	case "prev", "post":
		// each missing row takes the nearest present one before (after)
		// it: one gather by index, not an element copy per row
		from := make([]int, n)
		for i := range from {
			from[i] = i
		}
		if method == "prev" {
			for i := 1; i < n; i++ {
				if rows[i] < 0 {
					from[i] = from[i-1]
				}
			}
		} else {
			for i := n - 2; i >= 0; i-- {
				if rows[i] < 0 {
					from[i] = from[i+1]
				}
			}
		}
		*v = *v.Gather(from)
	case "linear":
		if !v.T.IsNumeric() {
			return fillColumn(v, rows, "prev", fill)
		}
		xs := groupagg.FloatsOf(v)
		for i := 0; i < n; i++ {
			if rows[i] >= 0 {
				continue
			}
			j := i
			for j < n && rows[j] < 0 {
				j++
			}
			if i == 0 || j == n {
				i = j
				continue
			}
			a, b := xs[i-1], xs[j]
			for k := i; k < j; k++ {
				f := a + (b-a)*float64(k-i+1)/float64(j-i+1)
				s := value.NewDouble(f)
				cv, err := cast.Vector(s.Vector(), v.T, v.Scale)
				if err != nil {
					return err
				}
				v.SetFrom(k, cv, 0)
			}
			i = j
		}
	default:
		s, ok := fill.(*value.Scalar)
		if !ok {
			return ddberr.Errorf("The fill of interval must be 'prev', 'post', 'linear', 'null', 'none' or a number.")
		}
		cv, err := cast.Vector(s.Vector(), v.T, v.Scale)
		if err != nil {
			return err
		}
		for i := 0; i < n; i++ {
			if rows[i] < 0 {
				v.SetFrom(i, cv, 0)
			}
		}
	}
	return nil
}

// setInt stores x as element i of an integral or temporal column.
func setInt(v *value.Vector, i int, x int64) {
	switch v.T.Storage() {
	case value.StInt64:
		v.I64[i] = x
	case value.StInt32:
		v.I32[i] = int32(x)
	case value.StInt16:
		v.I16[i] = int16(x)
	case value.StInt8:
		v.I8[i] = int8(x)
	}
}
