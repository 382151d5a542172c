package tsengine

import (
	"time"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs/streamengine"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// winCol is the column that tells the queued windows apart in the
// query that computes them all.
const winCol = "__tsWindow"

// flush commits the rows staged from the batch, computes the queued
// windows (one query per window size) and writes them to the output.
func (e *engine) flush(batch *value.Table) error {
	for _, g := range e.touched {
		if len(g.staged) > 0 {
			part := batch.Gather(g.staged)
			for i, c := range g.buf.Cols {
				c.AppendVector(part.Cols[i])
			}
			g.staged = g.staged[:0]
		}
	}
	e.touched = e.touched[:0]
	slots := e.slots
	e.slots = nil
	var err error
	if len(slots) > 0 {
		err = e.output(slots)
	}
	e.compact()
	return err
}

// compact drops the rows no window needs any more.
func (e *engine) compact() {
	for _, g := range e.groups.All {
		if g.off == 0 || (g.off < 1024 && g.off < len(g.times)) {
			continue
		}
		n := len(g.times)
		g.dropped += g.off
		for i, c := range g.buf.Cols {
			g.buf.Cols[i] = c.Slice(g.off, n).Clone()
		}
		g.times = append(g.times[:0:0], g.times[g.off:]...)
		g.off = 0
	}
}

// output computes slots and writes their rows.
func (e *engine) output(slots []slot) error {
	start := time.Now()
	c := e.c
	n := len(slots)
	tcol := value.NewVector(c.timeType, 0, n)
	for _, s := range slots {
		t := s.end
		if c.windowStart {
			t = e.cal.start(t, c.wmax)
		}
		appendTime(tcol, t)
	}
	names := []string{"time"}
	cols := []*value.Vector{tcol}
	if len(c.keyCols) > 0 {
		ids := make([]int, n)
		for i, s := range slots {
			ids[i] = s.g.id
		}
		keys := e.groups.Keys.Gather(ids)
		names = append(names, keys.Names...)
		cols = append(cols, keys.Cols...)
	}
	var metricCols []*value.Vector
	var metricNames []string
	for j := range c.windows {
		mc, mn, err := e.compute(j, slots)
		if err != nil {
			return err
		}
		metricCols = append(metricCols, mc...)
		metricNames = append(metricNames, mn...)
	}
	if c.fill != nil {
		e.fillSlots(slots, metricCols)
	}
	if c.elapsed {
		us, _ := streamengine.Elapsed(start, n, 0)
		names = append(names, "elapsed")
		cols = append(cols, us)
	}
	names = append(names, metricNames...)
	cols = append(cols, metricCols...)
	return e.emit(value.NewTable(uniqueNames(names), cols))
}

// appendTime appends t to a temporal vector of either width.
func appendTime(v *value.Vector, t int64) {
	if v.T.Storage() == value.StInt32 {
		v.I32 = append(v.I32, int32(t))
	} else {
		v.I64 = append(v.I64, t)
	}
}

// compute evaluates the metrics of window size j over each slot's rows
// in one query grouped by slot, and returns their columns, a row per
// slot (NULL where a slot has no rows).
func (e *engine) compute(j int, slots []slot) ([]*value.Vector, []string, error) {
	in := e.dummy.EmptyLike(0)
	win := value.NewVector(value.Int, 0, 0)
	for i, s := range slots {
		lo := max(s.lo[j], e.cutoff(j, s.g))
		if s.filled || s.hi[j] <= lo {
			continue
		}
		for k, c := range in.Cols {
			c.AppendVector(s.g.buf.Cols[k].Slice(lo, s.hi[j]))
		}
		for r := lo; r < s.hi[j]; r++ {
			win.I32 = append(win.I32, int32(i))
		}
	}
	m := e.c.metrics[j]
	rowOf := make([]int, len(slots))
	for i := range rowOf {
		rowOf[i] = -1
	}
	var res *value.Table
	if win.Len() > 0 {
		in.Names = append(append([]string(nil), in.Names...), winCol)
		in.Cols = append(in.Cols, win)
		sel := &ast.SelectExpr{Cols: streamengine.DistinctNames(m.Exprs), GroupBy: []ast.Expr{&ast.Ident{Name: winCol}}}
		out, err := streamengine.Run(e.bg, sel, in, m.Bind)
		if err != nil {
			return nil, nil, err
		}
		wc := out.Column(winCol)
		if wc == nil || wc.T != value.Int {
			return nil, nil, ddberr.Errorf("The time-series engine only accepts aggregate functions as metrics. RefId: S03014")
		}
		for r, i := range wc.I32 {
			rowOf[i] = r
		}
		keep := out.ColumnIndex(winCol)
		res = value.NewTable(append(append([]string(nil), out.Names[:keep]...), out.Names[keep+1:]...),
			append(append([]*value.Vector(nil), out.Cols[:keep]...), out.Cols[keep+1:]...))
		for len(e.resNames) <= j {
			e.resNames, e.resTypes, e.resScale = append(e.resNames, nil), append(e.resTypes, nil), append(e.resScale, nil)
		}
		e.resNames[j], e.resTypes[j], e.resScale[j] = res.Names, res.Types(), nil
		for _, c := range res.Cols {
			e.resScale[j] = append(e.resScale[j], c.Scale)
		}
	}
	// the columns' types: this query's, else an earlier one's, else the
	// output table's
	var names []string
	var types []value.Type
	var scales []int32
	switch {
	case res != nil:
		names, types = res.Names, res.Types()
		for _, c := range res.Cols {
			scales = append(scales, c.Scale)
		}
	case j < len(e.resNames) && e.resNames[j] != nil:
		names, types, scales = e.resNames[j], e.resTypes[j], e.resScale[j]
	default:
		names, types, scales = e.guessColumns(j)
	}
	cols := make([]*value.Vector, len(types))
	for k, t := range types {
		cols[k] = value.NewVector(t, 0, len(slots))
		cols[k].Scale = scales[k]
		for i := range slots {
			switch r := rowOf[i]; {
			case r >= 0 && t.IsArray():
				// a defg metric's vector: the row of an array vector
				cols[k].AppendVector(res.Cols[k].Slice(r, r+1))
			case r >= 0:
				cols[k].AppendFrom(res.Cols[k], r)
			default:
				cols[k].AppendNull()
			}
		}
	}
	return cols, names, nil
}

// guessColumns types the metrics of window size j before any window was
// computed (every slot filled): the output table's columns, DOUBLE
// failing that.
func (e *engine) guessColumns(j int) ([]string, []value.Type, []int32) {
	first := 0
	for k := 0; k < j; k++ {
		first += len(e.c.metrics[k].Exprs)
	}
	n := len(e.c.metrics[j].Exprs)
	names := make([]string, n)
	types := make([]value.Type, n)
	scales := make([]int32, n)
	out, _ := e.c.output.(*value.Table)
	skip := 1 + len(e.c.keyCols)
	if e.c.elapsed {
		skip++
	}
	for k := range types {
		names[k] = "metric"
		types[k] = value.Double
		if out != nil && skip+first+k < len(out.Cols) {
			c := out.Cols[skip+first+k]
			names[k], types[k], scales[k] = out.Names[skip+first+k], c.T, c.Scale
		}
	}
	return names, types, scales
}

// fillSlots writes the fills of the slots without rows and remembers
// each group's last output for 'ffill'.
func (e *engine) fillSlots(slots []slot, cols []*value.Vector) {
	for i, s := range slots {
		g := s.g
		if s.filled {
			for k, c := range cols {
				f := e.c.fill[min(k, len(e.c.fill)-1)]
				switch f.kind {
				case fillPrev:
					if k < len(g.last) && g.last[k] != nil {
						c.Set(i, g.last[k])
					}
				case fillValue:
					if v, err := cast.To(f.val, c.T, c.Scale); err == nil {
						if sc, ok := v.(*value.Scalar); ok {
							c.Set(i, sc)
						}
					}
				}
			}
		}
		if len(g.last) != len(cols) {
			g.last = make([]*value.Scalar, len(cols))
		}
		for k, c := range cols {
			if !c.T.IsArray() && c.T != value.Any {
				g.last[k] = c.At(i)
			}
		}
	}
}

// emit writes the rows to the output table or handler.
func (e *engine) emit(t *value.Table) error {
	if e.c.handler == nil {
		return streamengine.Emit(e.bg, e.c.output, t)
	}
	if e.c.msgAsTable {
		return streamengine.Emit(e.bg, e.c.handler, t)
	}
	cols := make([]value.Value, len(t.Cols))
	for i, c := range t.Cols {
		cols[i] = c
	}
	_, err := e.bg.Call(e.c.handler, value.NewTuple(cols))
	return err
}

// uniqueNames renames repeated column names (a metric named like a key
// column) so the table is well formed; the output takes columns by
// position.
func uniqueNames(names []string) []string {
	seen := map[string]int{}
	out := make([]string, len(names))
	for i, n := range names {
		seen[n]++
		if seen[n] > 1 {
			n = n + "_" + string(rune('0'+seen[n]%10))
		}
		out[i] = n
	}
	return out
}
