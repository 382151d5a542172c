package rsengine

import (
	"slices"
	"strconv"
	"time"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/streamengine"
	"github.com/porpoisedb/porpoise/insert"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
)

// seqName is the column of a query's input that holds each row's place
// in the engine's history; the query selects it first so that the new
// rows of a batch can be told from the history before them.
const seqName = "__rsSeq"

// keepName is the filter's column in the query.
const keepName = "__rsKeep"

// config is what the create functions read from their arguments.
type config struct {
	metrics    *streamengine.Metrics
	filter     ast.Expr
	purge      *streamengine.Metrics
	purgeFreq  time.Duration
	keys       []int
	keepOrder  bool
	elapsed    bool
	output     value.Value
	handler    bool
	msgAsTable bool
	// shape is the outputTable given with a handler: a table the
	// handler gets (msgAsTable) has its column names and types
	// (tutorials/getting_started_with_cep_engine.md's factorResult)
	shape    *value.Table
	snapshot streamengine.Snapshot
	// narrow is the count of metrics written one row each under
	// metricNames (createNarrowReactiveStateEngine), 0 for the wide
	// engine.
	narrow      int
	metricNames []string
	// inlined are the metrics and filter with the user functions they
	// call written in, when canInline (inline.go).
	inlined       []ast.Expr
	inlinedFilter ast.Expr
	canInline     bool
	// sink, when set, takes the output rows in place of output: the
	// halves of a dual ownership engine (dual.go).
	sink func(*value.Table) error
}

// group is one key's state: the places in the engine's history of the
// rows the key's metrics still need, oldest first.
type group struct {
	key  string
	rows []int
	// newRows are the rows of the batch being consumed with this key.
	newRows []int
	// nodes are the key's states of the plan's nodes.
	nodes []nodeState
	// last is the place in lastOut of the key's latest output row,
	// -1 before any (keyPurgeFilter reads them).
	last int
}

// engine is a reactive state engine.
type engine struct {
	bg    funcs.Env
	cfg   *config
	sel   *ast.SelectExpr
	dummy *value.Table
	// ext is how far back from a row its metrics reach, when bounded
	// (bound.go); tcol is the place of ext's time column.
	ext     extent
	bounded bool
	tcol    int

	hist *value.Table // the rows groups point into
	// plan is the metrics' nodes, nil when they have none (stage.go);
	// nodeCols are the nodes' values at the history's rows and
	// levelSels the queries of their arguments, a level each.
	plan      *plan
	nodeCols  []*value.Vector
	levelSels []*ast.SelectExpr
	dead      int // rows of hist no group points to any more
	groups    map[string]*group
	nrows     int64
	buf       []byte
	warming   bool
	// rowGroup is the group of each row of the batch being consumed.
	rowGroup []*group

	lastOut    *value.Table // each key's latest output row, for keyPurgeFilter
	lastGroups []*group     // the group of each row of lastOut
	lastPurge  time.Time
}

func newEngine(bg funcs.Env, cfg *config, dummy *value.Table) *engine {
	cols := make([]*value.Vector, len(dummy.Cols))
	for i, c := range dummy.Cols {
		cols[i] = c.Like(0)
		cols[i].Scale = c.Scale
	}
	e := &engine{bg: bg, cfg: cfg, dummy: dummy, hist: value.NewTable(slices.Clone(dummy.Names), cols),
		groups: map[string]*group{}, lastPurge: time.Now()}
	metrics, filter := cfg.metrics.Exprs, cfg.filter
	z := sizer{dummy: dummy}
	if _, bounded := z.extentOf(append(slices.Clone(cfg.inlined), cfg.inlinedFilter)); cfg.canInline && (makePlan(cfg.inlined, cfg.inlinedFilter, z) != nil || bounded) {
		// the user functions written in, the history is bounded
		metrics, filter = cfg.inlined, cfg.inlinedFilter
	}
	if p := makePlan(metrics, filter, z); p != nil {
		e.plan = p
		e.nodeCols = make([]*value.Vector, len(p.nodes))
		metrics, filter = p.exprs, p.filter
		for _, level := range p.levels {
			var args []ast.Expr
			for _, j := range level {
				args = append(append(args, p.nodes[j].arg), p.nodes[j].extra...)
			}
			e.levelSels = append(e.levelSels, e.query(args, nil))
		}
	}
	e.sel = e.query(metrics, filter)
	exprs := slices.Clone(metrics)
	if filter != nil {
		exprs = append(exprs, filter)
	}
	if e.plan != nil {
		for _, nd := range e.plan.nodes {
			exprs = append(append(exprs, nd.arg), nd.extra...)
		}
	}
	e.ext, e.bounded = z.extentOf(exprs)
	e.tcol = dummy.ColumnIndex(e.ext.tcol)
	return e
}

// query is `select seq, [filter], exprs... context by keys`, each
// expression under a name of its own: two metrics may have the same
// text, and the output takes them by place.
func (e *engine) query(exprs []ast.Expr, filter ast.Expr) *ast.SelectExpr {
	sel := &ast.SelectExpr{Cols: []ast.Expr{&ast.AliasExpr{X: &ast.Ident{Name: seqName}, Name: seqName}}}
	if filter != nil {
		sel.Cols = append(sel.Cols, &ast.AliasExpr{X: filter, Name: keepName})
	}
	for i, x := range exprs {
		if a, ok := x.(*ast.AliasExpr); ok {
			x = a.X
		}
		sel.Cols = append(sel.Cols, &ast.AliasExpr{X: x, Name: "__rsMetric" + strconv.Itoa(i)})
	}
	for _, k := range e.cfg.keys {
		sel.ContextBy = append(sel.ContextBy, &ast.Ident{Name: e.dummy.Names[k]})
	}
	return sel
}

// Consume computes the metrics of a batch's rows and writes their
// output rows.
func (e *engine) Consume(batch *value.Table) error {
	start := time.Now()
	n := batch.Rows()
	// the batch's rows by key, keys in order of first appearance
	var touched []*group
	e.rowGroup = e.rowGroup[:0]
	for i := 0; i < n; i++ {
		e.buf = streamengine.RowKey(e.buf[:0], batch, e.cfg.keys, i)
		g, ok := e.groups[string(e.buf)]
		if !ok {
			g = &group{key: string(e.buf), last: -1}
			e.groups[g.key] = g
		}
		e.rowGroup = append(e.rowGroup, g)
		if len(g.newRows) == 0 {
			touched = append(touched, g)
		}
		g.newRows = append(g.newRows, i)
	}
	defer func() {
		for _, g := range touched {
			g.newRows = g.newRows[:0]
		}
	}()
	base := e.hist.Rows()
	for c, col := range e.hist.Cols {
		col.AppendVector(batch.Cols[c])
	}
	e.nrows += int64(n)
	// the history of each touched key, then its new rows
	idx := make([]int, 0, n)
	for _, g := range touched {
		idx = append(idx, g.rows...)
		for _, r := range g.newRows {
			g.rows = append(g.rows, base+r)
			idx = append(idx, base+r)
		}
	}
	res, at, err := e.evaluate(idx, base, n)
	e.trim(touched)
	if err != nil {
		return err
	}
	rows := make([]int, n)
	for i := range rows {
		rows[i] = i
	}
	metrics := res.Cols[1:]
	if e.cfg.filter != nil {
		keep := truth(res.Cols[1])
		metrics = res.Cols[2:]
		j := 0
		for i, p := range at {
			if keep[p] {
				at[j], rows[j] = p, rows[i]
				j++
			}
		}
		at, rows = at[:j], rows[:j]
	}
	out := e.outputTable(batch, metrics, at, rows, start, n)
	if e.cfg.purge != nil && !e.warming {
		// the narrow engine writes metricNames' rows for each input row
		last := rows
		if k := e.cfg.narrow; k > 0 {
			last = make([]int, 0, len(rows)*k)
			for _, r := range rows {
				for range k {
					last = append(last, r)
				}
			}
		}
		e.keepLast(batch, out, last)
	}
	if e.warming || out.Rows() == 0 {
		return e.maybePurge()
	}
	if err := e.emit(out); err != nil {
		return err
	}
	return e.maybePurge()
}

// evaluate runs the metrics' query over the rows idx of the history,
// the batch's rows from base on among them, after computing the nodes'
// values at the batch's rows level by level; at is each batch row's
// place in the result.
func (e *engine) evaluate(idx []int, base, n int) (*value.Table, []int, error) {
	if e.plan != nil {
		defer e.alignNodes()
		for l, sel := range e.levelSels {
			res, at, err := e.run(sel, idx, base, n)
			if err != nil {
				return nil, nil, err
			}
			c := 1
			for _, j := range e.plan.levels[l] {
				// the node's argument, then its other arguments
				x := res.Cols[c].Gather(at)
				extra := make([]*value.Vector, len(e.plan.nodes[j].extra))
				for k := range extra {
					extra[k] = res.Cols[c+1+k].Gather(at)
				}
				c += 1 + len(extra)
				if err := e.step(j, x, extra...); err != nil {
					return nil, nil, err
				}
			}
		}
	}
	return e.run(e.sel, idx, base, n)
}

// run evaluates sel over the history's rows idx (with the nodes'
// columns complete so far and each row's place, seq).
func (e *engine) run(sel *ast.SelectExpr, idx []int, base, n int) (*value.Table, []int, error) {
	var in []*value.Vector
	var names []string
	for c, col := range e.hist.Cols {
		in, names = append(in, col.Gather(idx)), append(names, e.hist.Names[c])
	}
	for j, col := range e.nodeCols {
		if col != nil && col.Len() == e.hist.Rows() {
			in, names = append(in, col.Gather(idx)), append(names, e.plan.nodes[j].name)
		}
	}
	seq := make([]int64, len(idx))
	for i, p := range idx {
		seq[i] = int64(p)
	}
	in, names = append(in, value.NewLongs(seq)), append(names, seqName)
	res, err := streamengine.Run(e.bg, sel, value.NewTable(names, in), e.cfg.metrics.Bind)
	if err != nil {
		return nil, nil, err
	}
	if res.Rows() != len(idx) || len(res.Cols) == 0 || res.Cols[0].T != value.Long {
		return nil, nil, ddberr.Errorf("A stream engine's metrics must give a table.")
	}
	// the new rows' places in res, in input order: keepOrder's order,
	// which the engine keeps whether asked to or not
	at := make([]int, n)
	for i, s := range res.Cols[0].I64 {
		if s >= int64(base) {
			at[int(s)-base] = i
		}
	}
	return res, at, nil
}

// alignNodes gives every node's column a value (NULL) at the rows a
// failed batch left without one, so that the columns stay row for row
// with the history.
func (e *engine) alignNodes() {
	for j, col := range e.nodeCols {
		if col == nil {
			col = value.NewVector(value.Double, 0, e.hist.Rows())
			e.nodeCols[j] = col
		}
		if k := e.hist.Rows() - col.Len(); k > 0 {
			col.AppendNulls(k)
		}
	}
}

// truth reads a filter's column: true where it holds.
func truth(v *value.Vector) []bool {
	keep := make([]bool, v.Len())
	if v.T == value.Bool && v.Syms == nil && len(v.I8) == len(keep) {
		for i, b := range v.I8 {
			keep[i] = b != 0 && b != -128
		}
		return keep
	}
	for i := range keep {
		s := v.At(i)
		keep[i] = !s.Null && s.Bool()
	}
	return keep
}

// outputTable is the output rows: outputColumns, or a narrow engine's
// rows.
func (e *engine) outputTable(batch *value.Table, metrics []*value.Vector, at, rows []int, start time.Time, n int) *value.Table {
	if e.cfg.narrow > 0 {
		return e.narrowTable(batch, metrics, at, rows, start, n)
	}
	return value.NewTable(e.outputColumns(batch, metrics, at, rows, start, n))
}

// outputColumns are the key columns of the batch's rows, the elapsed
// time and batch size when asked for, then the metrics of their places
// in the query's result (a narrow engine's rows start with them).
func (e *engine) outputColumns(batch *value.Table, metrics []*value.Vector, at, rows []int, start time.Time, n int) (names []string, cols []*value.Vector) {
	for _, k := range e.cfg.keys {
		names = append(names, batch.Names[k])
		cols = append(cols, batch.Cols[k].Gather(rows))
	}
	if e.cfg.elapsed {
		us, cnt := e.elapsed(start, rows, n)
		names = append(names, "outputElapsedMicroseconds", "batchSize")
		cols = append(cols, us, cnt)
	}
	for i, m := range metrics {
		names = append(names, metricName(i))
		cols = append(cols, m.Gather(at))
	}
	return names, cols
}

// elapsed is each output row's batch and its time. DolphinDB's engine
// takes an append's rows in order and starts a new batch at each row
// whose key already has a row in the current one (streaming_timer.md:
// ten rows of three keys are five batches, of 1, 2, 3, 1 and 3 rows);
// the append's time, computed at once here, is shared among them by
// size, so that the rows' cost over batchSize sums to it.
func (e *engine) elapsed(start time.Time, rows []int, n int) (us, count *value.Vector) {
	d := time.Since(start).Microseconds()
	size := make([]int32, n)
	in := make(map[*group]bool)
	from := 0
	cut := func(to int) {
		for i := from; i < to; i++ {
			size[i] = int32(to - from)
		}
		from = to
		clear(in)
	}
	for i, g := range e.rowGroup[:n] {
		if in[g] {
			cut(i)
		}
		in[g] = true
	}
	cut(n)
	u, c := make([]int64, len(rows)), make([]int32, len(rows))
	for j, r := range rows {
		c[j] = size[r]
		u[j] = d * int64(size[r]) / int64(n)
	}
	return value.NewLongs(u), value.NewInts(c)
}

func metricName(i int) string { return "metric" + strconv.Itoa(i) }

// emit writes output rows to the output table or handler.
func (e *engine) emit(out *value.Table) error {
	if e.cfg.sink != nil {
		return e.cfg.sink(out)
	}
	if e.cfg.handler && !e.cfg.msgAsTable {
		cols := make([]value.Value, len(out.Cols))
		for i, c := range out.Cols {
			cols[i] = c
		}
		_, err := e.bg.Call(e.cfg.output, value.NewTuple(cols))
		return err
	}
	if e.cfg.handler && e.cfg.shape != nil && len(e.cfg.shape.Cols) == len(out.Cols) {
		cols := make([]*value.Vector, len(out.Cols))
		for i, c := range out.Cols {
			sc := e.cfg.shape.Cols[i]
			// a column outputTable's type can't take keeps its own
			cols[i] = c
			if conv, err := insert.ConvertColumn(c, sc.T, sc.Scale, e.cfg.shape.Names[i], insert.MemoryRules); err == nil {
				cols[i] = conv
			}
		}
		out = value.NewTable(slices.Clone(e.cfg.shape.Names), cols)
	}
	return streamengine.Emit(e.bg, e.cfg.output, out)
}

// trim drops from the touched keys the rows their metrics will not
// need again, and rewrites the history without the dropped rows once
// they outnumber the kept ones.
func (e *engine) trim(touched []*group) {
	if e.bounded {
		for _, g := range touched {
			if k := e.dropped(g.rows); k > 0 {
				e.dead += k
				g.rows = append(g.rows[:0], g.rows[k:]...)
			}
		}
	}
	e.maybeCompact()
}

// dropped is how many of a key's oldest rows its next rows' metrics
// don't reach: all but the last ext.rows, or, with a time window, those
// before the rows whose time is within ext.time of the time ext.rows
// rows before the last, less ext.rows.
func (e *engine) dropped(rows []int) int {
	n := len(rows)
	if e.ext.tcol == "" {
		return max(0, n-e.ext.rows)
	}
	if e.tcol < 0 || n == 0 {
		return 0
	}
	back := max(e.ext.rows-1, 0)
	col := e.hist.Cols[e.tcol]
	at := func(r int) (int64, bool) {
		switch {
		case len(col.I32) > r:
			v := col.I32[r]
			return int64(v), v != value.NullInt32
		case len(col.I64) > r:
			v := col.I64[r]
			return v, v != value.NullInt64
		}
		return 0, false
	}
	anchor, ok := at(rows[max(0, n-1-back)])
	if !ok {
		return 0
	}
	first := 0
	for first < n {
		if t, ok := at(rows[first]); ok && t >= anchor-e.ext.time {
			break
		}
		first++
	}
	return max(0, first-back)
}

// maybeCompact rewrites the history without the rows no key needs once
// they are many and outnumber the rest.
func (e *engine) maybeCompact() {
	live := e.hist.Rows() - e.dead
	if e.dead < 1024 || e.dead < live {
		return
	}
	keep := make([]bool, e.hist.Rows())
	for _, g := range e.groups {
		for _, r := range g.rows {
			keep[r] = true
		}
	}
	place := make([]int, len(keep))
	j := 0
	for i, k := range keep {
		if k {
			place[i] = j
			j++
		}
	}
	for c, col := range e.hist.Cols {
		e.hist.Cols[c] = col.Filter(keep)
	}
	for j, col := range e.nodeCols {
		if col != nil {
			e.nodeCols[j] = col.Filter(keep)
		}
	}
	for _, g := range e.groups {
		for i, r := range g.rows {
			g.rows[i] = place[r]
		}
	}
	e.dead = 0
}

// Stat is the engine's columns of getStreamEngineStat's
// ReactiveStreamEngine table.
func (e *engine) Stat() ([]string, []value.Value) {
	mem := int64(0)
	for _, c := range e.hist.Cols {
		mem += int64(c.Len()) * 8
	}
	for _, c := range e.nodeCols {
		if c != nil {
			mem += int64(c.Len()) * 8
		}
	}
	for _, g := range e.groups {
		mem += int64(cap(g.rows))*8 + 64 + int64(len(g.nodes))*64
	}
	return append([]string{"numGroups", "numRows", "numMetrics", "memoryInUsed"}, streamengine.SnapshotStatNames()...),
		append([]value.Value{value.NewLong(int64(len(e.groups))), value.NewLong(e.nrows), value.NewLong(int64(len(e.cfg.metrics.Exprs))),
			value.NewLong(mem)}, e.cfg.snapshot.Stat()...)
}

// Close implements streamengine.Engine: the engine runs nothing of its
// own.
func (e *engine) Close() {}

// Outputs implements streamengine.Engine.
func (e *engine) Outputs() []value.Value { return []value.Value{e.cfg.output} }

// Warmup consumes msgs as Consume does without writing output
// (warmupStreamEngine).
func (e *engine) Warmup(msgs *value.Table) error {
	e.warming = true
	defer func() { e.warming = false }()
	return e.Consume(msgs)
}
