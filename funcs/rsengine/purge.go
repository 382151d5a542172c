package rsengine

import (
	"time"

	"github.com/porpoisedb/porpoise/funcs/streamengine"
	"github.com/porpoisedb/porpoise/insert"
	"github.com/porpoisedb/porpoise/value"
)

// keepLast records each key's latest output row of out, whose rows are
// the batch's rows rows, under the output table's column names, which
// keyPurgeFilter names.
func (e *engine) keepLast(batch *value.Table, out *value.Table, rows []int) {
	if out.Rows() == 0 {
		return
	}
	if e.lastOut == nil {
		names := out.Names
		if t, ok := e.cfg.output.(*value.Table); ok && len(t.Names) == len(out.Names) {
			names = t.Names
		}
		cols := make([]*value.Vector, len(out.Cols))
		for i, c := range out.Cols {
			cols[i] = c.Like(0)
			cols[i].Scale = c.Scale
		}
		e.lastOut = value.NewTable(names, cols)
	}
	if len(e.lastOut.Cols) != len(out.Cols) {
		return
	}
	for i, r := range rows {
		g := e.rowGroup[r]
		if g.last < 0 {
			g.last = e.lastOut.Rows()
			e.lastGroups = append(e.lastGroups, g)
			for c, col := range e.lastOut.Cols {
				col.AppendFrom(out.Cols[c], i)
			}
			continue
		}
		for c, col := range e.lastOut.Cols {
			insert.SetRow(col, g.last, out.Cols[c], i)
		}
	}
}

// maybePurge drops the keys whose latest output row meets
// keyPurgeFilter, when keyPurgeFreqInSecond has passed since the last
// check and they are at least a tenth of the keys
// (funcs/c/createReactiveStateEngine.md).
func (e *engine) maybePurge() error {
	if e.cfg.purge == nil || e.lastOut == nil || e.lastOut.Rows() == 0 {
		return nil
	}
	now := time.Now()
	if now.Sub(e.lastPurge) < e.cfg.purgeFreq {
		return nil
	}
	e.lastPurge = now
	res, err := streamengine.Run(e.bg, streamengine.Select(e.cfg.purge.Exprs[:1]), e.lastOut, e.cfg.purge.Bind)
	if err != nil {
		return err
	}
	if len(res.Cols) == 0 || res.Cols[0].Len() != e.lastOut.Rows() {
		return nil
	}
	drop := truth(res.Cols[0])
	count := 0
	for _, d := range drop {
		if d {
			count++
		}
	}
	if count == 0 || count*10 < len(e.groups) {
		return nil
	}
	keep := make([]bool, len(drop))
	var groups []*group
	for i, g := range e.lastGroups {
		if drop[i] {
			delete(e.groups, g.key)
			e.dead += len(g.rows)
			g.rows = nil
			continue
		}
		keep[i] = true
		g.last = len(groups)
		groups = append(groups, g)
	}
	for c, col := range e.lastOut.Cols {
		e.lastOut.Cols[c] = col.Filter(keep)
	}
	e.lastGroups = groups
	e.maybeCompact()
	return nil
}
