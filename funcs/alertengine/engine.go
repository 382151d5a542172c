package alertengine

import (
	"slices"
	"sort"
	"sync"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/streamengine"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
)

// createAnomalyDetectionEngine creates an anomaly-detection engine and
// returns its input table.
func createAnomalyDetectionEngine(env funcs.Env, args []value.Value) (value.Value, error) {
	c, dummy, err := parseConfig(env, args)
	if err != nil {
		return nil, err
	}
	return streamengine.CreateWithSnapshot(env, "AnomalyDetectionEngine", args[0], dummy, c.snapshot, func(bg funcs.Env) (streamengine.Engine, error) {
		e := &engine{c: c, bg: bg, dummy: dummy}
		e.groups = streamengine.NewGroups[*group](dummy, c.keyCols, c.keyNames)
		return e, nil
	})
}

const nullTime = streamengine.NullTime

// group is one key's state.
type group struct {
	id      int
	seen    bool    // a row with a time arrived
	lastT   int64   // the time of its latest row
	lastEnd int64   // every window ending at or before it is closed
	times   []int64 // the kept rows' times
	buf     *value.Table
	agg     *value.Table // the last window's aggregates of the mixed metrics (one row)
	tail    *value.Table // its latest rows, for order-sensitive metrics
	ref     int          // during a batch: its latest window computed in the batch, or -1
}

// slot is a window to compute: rows lo..hi of g's buffer, ending at end.
type slot struct {
	g       *group
	end     int64
	lo, hi  int
	trigger int // the batch row that closed it
}

type engine struct {
	c      *config
	bg     funcs.Env
	dummy  *value.Table
	mu     sync.Mutex
	groups *streamengine.Groups[*group]
	e0     int64
	begun  bool
}

func (e *engine) Close() {}

// Outputs implements streamengine.Engine.
func (e *engine) Outputs() []value.Value { return []value.Value{e.c.output} }

// Stat implements streamengine.Engine: the columns
// funcs/g/getStreamEngineStat.md lists for AnomalyDetectionEngine.
func (e *engine) Stat() ([]string, []value.Value) {
	e.mu.Lock()
	defer e.mu.Unlock()
	rows := 0
	for _, g := range e.groups.All {
		rows += len(g.times)
	}
	return slices.Concat([]string{"numGroups", "numRows", "numMetrics", "metrics"}, streamengine.SnapshotStatNames(), []string{"garbageSize", "memoryUsed"}),
		slices.Concat([]value.Value{value.NewLong(int64(e.groups.Len())), value.NewLong(int64(rows)), value.NewLong(int64(len(e.c.metrics))),
			value.NewString(e.c.text)}, e.c.snapshot.Stat(), []value.Value{value.NewLong(e.c.garbageSize), value.NewLong(int64(rows*8*max(1, len(e.dummy.Cols))) + 1024)})
}

// endFloor is the end of the latest window ending at or before t.
func (e *engine) endFloor(t int64) int64 {
	return e.e0 + streamengine.FloorDiv(t-e.e0, e.c.step)*e.c.step
}

// Consume implements streamengine.Engine: it closes the windows the
// batch's rows close, computes them in one query, checks the rows in
// another and writes the conditions that hold, row by row.
func (e *engine) Consume(batch *value.Table) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	c := e.c
	n := batch.Rows()
	times := make([]int64, n)
	streamengine.ReadTimes(batch.Cols[c.timeCol], times)
	gs := e.groupsOf(batch)
	var slots []slot
	closes := make([][2]int, n) // the slots row i closed
	refs := make([]int, n)      // the slot of row i's aggregates, -1 for its group's earlier ones
	for i := range refs {
		refs[i] = -1
	}
	prev := make([]*value.Table, n)
	if c.windowed {
		e.stage(batch, times, gs)
		for _, g := range gs {
			g.ref = -1
		}
		for i, t := range times {
			g := gs[i]
			closes[i] = [2]int{len(slots), len(slots)}
			if t != nullTime {
				if !e.begun {
					e.begun = true
					e.e0 = streamengine.FirstEnd(e.c.timeType, e.c.step, e.c.roundTime, t)
				}
				ef := e.endFloor(t)
				if !g.seen {
					g.seen, g.lastEnd = true, ef
				} else {
					emax := min(ef, e.endFloor(g.lastT+c.window))
					for end := g.lastEnd + c.step; end <= emax; end += c.step {
						lo := sort.Search(len(g.times), func(k int) bool { return g.times[k] >= end-c.window })
						hi := sort.Search(len(g.times), func(k int) bool { return g.times[k] >= end })
						if hi > lo {
							g.ref = len(slots)
							slots = append(slots, slot{g: g, end: end, lo: lo, hi: hi, trigger: i})
						}
					}
					g.lastEnd = max(g.lastEnd, ef)
				}
				g.lastT = t
			}
			closes[i][1] = len(slots)
			refs[i], prev[i] = g.ref, g.agg
		}
	}
	winRes, winRow, err := e.windows(slots)
	if err != nil {
		return err
	}
	rowRes, err := e.rows(batch, gs, refs, prev, winRes, winRow)
	if err != nil {
		return err
	}
	// a row before its key's first window has no aggregates to compare
	has := make([]bool, n)
	for i := range has {
		has[i] = prev[i] != nil || refs[i] >= 0 && winRow[refs[i]] >= 0
	}
	// the mixed metrics' aggregates each group keeps for later batches
	if len(c.aggs) > 0 {
		for i := len(slots) - 1; i >= 0; i-- {
			g := slots[i].g
			if g.ref == i && winRow[i] >= 0 {
				g.agg = winRes.Gather([]int{winRow[i]})
				g.ref = -1
			}
		}
	}
	err = e.output(times, gs, has, slots, closes, winRes, winRow, rowRes)
	e.collect(gs)
	return err
}

// stage appends the batch's rows (those with a time) to their groups'
// buffers.
func (e *engine) stage(batch *value.Table, times []int64, gs []*group) {
	idx := map[*group][]int{}
	var order []*group
	for i, g := range gs {
		if times[i] == nullTime {
			continue
		}
		if _, ok := idx[g]; !ok {
			order = append(order, g)
		}
		idx[g] = append(idx[g], i)
	}
	for _, g := range order {
		part := batch.Gather(idx[g])
		for k, col := range g.buf.Cols {
			col.AppendVector(part.Cols[k])
		}
		for _, i := range idx[g] {
			g.times = append(g.times, times[i])
		}
	}
}

// collect drops the rows no later window needs from groups holding more
// than garbageSize rows.
func (e *engine) collect(gs []*group) {
	if !e.c.windowed {
		return
	}
	done := map[*group]bool{}
	for _, g := range gs {
		if done[g] || int64(len(g.times)) <= e.c.garbageSize {
			continue
		}
		done[g] = true
		from := g.lastEnd + e.c.step - e.c.window
		k := sort.Search(len(g.times), func(i int) bool { return g.times[i] >= from })
		if k == 0 {
			continue
		}
		n := len(g.times)
		for i, col := range g.buf.Cols {
			g.buf.Cols[i] = col.Slice(k, n).Clone()
		}
		g.times = append(g.times[:0:0], g.times[k:]...)
	}
}

const winCol = "__adWindow"
const rowCol = "__adRow"

// windows computes the window metrics and the mixed metrics' aggregates
// of every slot in one query grouped by slot; winRow[i] is slot i's row
// of the result (-1 for none).
func (e *engine) windows(slots []slot) (*value.Table, []int, error) {
	c := e.c
	winRow := make([]int, len(slots))
	for i := range winRow {
		winRow[i] = -1
	}
	var cols []ast.Expr
	for j, m := range c.metrics {
		if m.kind == perWindow {
			cols = append(cols, &ast.AliasExpr{X: m.expr, Name: metricCol(j)})
		}
	}
	for k, a := range c.aggs {
		cols = append(cols, &ast.AliasExpr{X: a, Name: aggCol(k)})
	}
	if len(slots) == 0 || len(cols) == 0 {
		return nil, winRow, nil
	}
	in := e.dummy.EmptyLike(0)
	win := value.NewVector(value.Int, 0, 0)
	for i, s := range slots {
		for k, col := range in.Cols {
			col.AppendVector(s.g.buf.Cols[k].Slice(s.lo, s.hi))
		}
		for r := s.lo; r < s.hi; r++ {
			win.I32 = append(win.I32, int32(i))
		}
	}
	in.Names = append(append([]string(nil), in.Names...), winCol)
	in.Cols = append(in.Cols, win)
	sel := &ast.SelectExpr{Cols: cols, GroupBy: []ast.Expr{&ast.Ident{Name: winCol}}}
	out, err := streamengine.Run(e.bg, sel, in, c.bind)
	if err != nil {
		return nil, nil, err
	}
	wc := out.Column(winCol)
	if wc == nil || wc.T != value.Int {
		return nil, nil, ddberr.Errorf("The metrics of %s must be metacode or a tuple of metacode.", fnName)
	}
	for r, i := range wc.I32 {
		if i >= 0 && int(i) < len(winRow) {
			winRow[i] = r
		}
	}
	return out, winRow, nil
}

func metricCol(j int) string { return "__adMetric" + itoa(j) }

func itoa(j int) string {
	if j < 10 {
		return string(rune('0' + j))
	}
	return itoa(j/10) + string(rune('0'+j%10))
}

// rows checks the per-row and mixed metrics of every row of the batch
// in one query (context by key, so order-sensitive functions see each
// key's rows); the result has a row per batch row, in order.
func (e *engine) rows(batch *value.Table, gs []*group, refs []int, prev []*value.Table, winRes *value.Table, winRow []int) (*value.Table, error) {
	c := e.c
	var cols []ast.Expr
	for j, m := range c.metrics {
		if m.kind != perWindow {
			cols = append(cols, &ast.AliasExpr{X: m.expr, Name: metricCol(j)})
		}
	}
	n := batch.Rows()
	if len(cols) == 0 || n == 0 {
		return nil, nil
	}
	// order-sensitive metrics see each key's earlier rows first
	var hist *value.Table
	if c.history {
		hist = e.dummy.EmptyLike(0)
		seen := map[*group]bool{}
		for _, g := range gs {
			if !seen[g] && g.tail != nil {
				seen[g] = true
				for k, col := range hist.Cols {
					col.AppendVector(g.tail.Cols[k])
				}
			}
		}
	}
	h := 0
	if hist != nil {
		h = hist.Rows()
	}
	names := append([]string(nil), batch.Names...)
	in := append([]*value.Vector(nil), batch.Cols...)
	if h > 0 {
		for k, col := range batch.Cols {
			v := hist.Cols[k]
			v.AppendVector(col)
			in[k] = v
		}
	}
	for k := range c.aggs {
		name := aggCol(k)
		var typ value.Type = value.Double
		if winRes != nil {
			typ = winRes.Column(name).T
		} else {
			for _, p := range prev {
				if p != nil {
					typ = p.Column(name).T
					break
				}
			}
		}
		v := value.NewVector(typ, 0, h+n)
		v.AppendNulls(h)
		for i := 0; i < n; i++ {
			var src *value.Vector
			r := 0
			if refs[i] >= 0 && winRes != nil && winRow[refs[i]] >= 0 {
				src, r = winRes.Column(name), winRow[refs[i]]
			} else if prev[i] != nil {
				src = prev[i].Column(name)
			}
			if src != nil && src.T == typ {
				v.AppendFrom(src, r)
			} else {
				v.AppendNull()
			}
		}
		names, in = append(names, name), append(in, v)
	}
	ids := make([]int32, h+n)
	for i := range ids {
		ids[i] = int32(i - h)
	}
	names, in = append(names, rowCol), append(in, value.NewInts(ids))
	sel := &ast.SelectExpr{Cols: append([]ast.Expr{&ast.Ident{Name: rowCol}}, cols...)}
	for _, k := range c.keyNames {
		sel.ContextBy = append(sel.ContextBy, &ast.Ident{Name: k})
	}
	out, err := streamengine.Run(e.bg, sel, value.NewTable(names, in), c.bind)
	if err != nil {
		return nil, err
	}
	rc := out.Column(rowCol)
	if rc == nil || rc.T != value.Int || rc.Len() != h+n {
		return nil, ddberr.Errorf("The metrics of %s must be metacode or a tuple of metacode.", fnName)
	}
	order := make([]int, n)
	for r, i := range rc.I32 {
		if i >= 0 && int(i) < n {
			order[i] = r
		}
	}
	if c.history {
		e.keepTails(batch, gs)
	}
	return out.Gather(order), nil
}

// output writes, row by row, the windows each row closed (time: the
// window's end) and then the row's own conditions (time: the row's).
func (e *engine) output(times []int64, gs []*group, has []bool, slots []slot, closes [][2]int, winRes *value.Table, winRow []int, rowRes *value.Table) error {
	c := e.c
	tcol := value.NewVector(c.timeType, 0, 0)
	var gids []int
	var types []int32
	var texts []string
	add := func(t int64, g *group, j int) {
		appendTime(tcol, t)
		gids = append(gids, g.id)
		types = append(types, int32(j))
		texts = append(texts, c.metrics[j].text)
	}
	for i := range times {
		for s := closes[i][0]; s < closes[i][1]; s++ {
			if winRes == nil || winRow[s] < 0 {
				continue
			}
			for j, m := range c.metrics {
				if m.kind == perWindow && truth(winRes.Column(metricCol(j)), winRow[s]) {
					add(slots[s].end, slots[s].g, j)
				}
			}
		}
		if rowRes == nil {
			continue
		}
		for j, m := range c.metrics {
			if m.kind == perRow && truth(rowRes.Column(metricCol(j)), i) || m.kind == mixed && has[i] && truth(rowRes.Column(metricCol(j)), i) {
				add(times[i], gs[i], j)
			}
		}
	}
	if len(types) == 0 {
		return nil
	}
	names := []string{"time"}
	cols := []*value.Vector{tcol}
	if len(c.keyCols) > 0 {
		keys := e.groups.Keys.Gather(gids)
		names = append(names, keys.Names...)
		cols = append(cols, keys.Cols...)
	}
	names = append(names, "type", "metric")
	cols = append(cols, value.NewInts(types), value.NewStrings(value.String, texts))
	return streamengine.Emit(e.bg, c.output, value.NewTable(names, cols))
}

// truth reports whether element i of a condition's column holds: true,
// or a non-zero number.
func truth(v *value.Vector, i int) bool {
	if v == nil || i >= v.Len() || v.IsNull(i) {
		return false
	}
	switch {
	case v.I8 != nil:
		return v.I8[i] != 0
	case v.I16 != nil:
		return v.I16[i] != 0
	case v.I32 != nil:
		return v.I32[i] != 0
	case v.I64 != nil:
		return v.I64[i] != 0
	case v.F64 != nil:
		return v.F64[i] != 0
	case v.F32 != nil:
		return v.F32[i] != 0
	}
	return false
}

// groupsOf is each batch row's group, made on first sight.
func (e *engine) groupsOf(batch *value.Table) []*group {
	return e.groups.Of(batch, func(id int) *group { return &group{id: id, buf: e.dummy.EmptyLike(0), ref: -1} })
}

// appendTime appends t to a temporal vector of either width.
func appendTime(v *value.Vector, t int64) {
	switch {
	case t == nullTime:
		v.AppendNull()
	case v.T.Storage() == value.StInt32:
		v.I32 = append(v.I32, int32(t))
	default:
		v.I64 = append(v.I64, t)
	}
}

// keepTails keeps each group's latest garbageSize rows for the
// order-sensitive metrics of later batches.
func (e *engine) keepTails(batch *value.Table, gs []*group) {
	idx := map[*group][]int{}
	var order []*group
	for i, g := range gs {
		if _, ok := idx[g]; !ok {
			order = append(order, g)
		}
		idx[g] = append(idx[g], i)
	}
	for _, g := range order {
		if g.tail == nil {
			g.tail = e.dummy.EmptyLike(0)
		}
		part := batch.Gather(idx[g])
		for k, col := range g.tail.Cols {
			col.AppendVector(part.Cols[k])
		}
		if n := g.tail.Rows(); int64(n) > e.c.garbageSize {
			g.tail = g.tail.Slice(n-int(e.c.garbageSize), n)
			for k, col := range g.tail.Cols {
				g.tail.Cols[k] = col.Clone()
			}
		}
	}
}
