package stream

import (
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/value"
)

// SetCacheSize keeps at most n rows in memory (0: all); the caller holds
// t's write lock.
func (p *Table) SetCacheSize(t *value.Table, n int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.cacheSize = n
	p.purgeLocked(t)
}

// CachePurged reports whether the table's rows in memory are purged, by
// a cache size or by time (getStreamTables' cachePurgeEnabled).
func (p *Table) CachePurged() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.cacheSize > 0 || p.byTime != nil
}

// purgeLocked drops the oldest cacheSize/2 rows when an append leaves
// more than cacheSize, DolphinDB's rule (10,000 rows with a cache of
// 10,000 and 3,000 more keep 8,000; 2,000 with a cache of 1,000 keep
// 1,500), but never a row a subscriber has not had yet.
func (p *Table) purgeLocked(t *value.Table) {
	if p.cacheSize <= 0 || t.Rows() <= p.cacheSize {
		return
	}
	p.dropLocked(t, max(p.cacheSize/2, 1))
}

// dropLocked drops the oldest n rows from memory, fewer when a subscriber
// has not had them yet.
func (p *Table) dropLocked(t *value.Table, n int) {
	base := p.purged.Load()
	for s := range p.subs {
		n = min(n, int(s.next.Load()-base))
	}
	if n <= 0 {
		return
	}
	rows := t.Rows()
	for i, c := range t.Cols {
		t.Cols[i] = c.Slice(n, rows).Clone()
	}
	reindex(t)
	p.purged.Add(int64(n))
}

// TimePurge purges a stream table's rows by a time column
// (cachePurgeTimeColumn, cachePurgeInterval, cacheRetentionTime): when
// an append's newest time is Interval or more past the first row's in
// memory, the rows before the append older than Retention before it are
// dropped, the last of them always kept (funcs/e/
// enabletableshareandcachepurge.md: 1,000 rows two seconds apart, then
// 1,000 more 35 minutes on, with 30m and 20m, drop 999).
type TimePurge struct {
	col                 int
	tick                int64 // the column's unit in nanoseconds
	interval, retention int64 // nanoseconds
}

// NewTimePurge is the purge of t by its column col, interval and
// retention being DURATION scalars; fn names the function asking.
func NewTimePurge(fn string, t *value.Table, col string, interval, retention value.Value) (*TimePurge, error) {
	k := -1
	for i, n := range t.Names {
		if strings.EqualFold(n, col) {
			k = i
		}
	}
	if k < 0 {
		return nil, ddberr.Errorf("The time column %s doesn't exist in the table.", col)
	}
	tick := value.TickNanos(t.Cols[k].T)
	if tick == 0 {
		return nil, ddberr.Errorf("The cachePurgeTimeColumn of %s must name a temporal column of the table.", fn)
	}
	length := func(v value.Value) int64 {
		s, ok := v.(*value.Scalar)
		if !ok || s.T != value.Duration || s.Null || s.I <= 0 {
			return 0
		}
		return s.I * value.DurationNanos(value.DurationUnit(s))
	}
	tp := &TimePurge{col: k, tick: tick, interval: length(interval), retention: length(retention)}
	if tp.interval <= 0 || tp.retention <= 0 {
		return nil, ddberr.Errorf("The cachePurgeInterval and cacheRetentionTime of %s must be positive durations of a fixed length (ns to w).", fn)
	}
	if tp.retention >= tp.interval {
		return nil, ddberr.Errorf("The cacheRetentionTime of %s must be less than its cachePurgeInterval.", fn)
	}
	return tp, nil
}

// SetTimePurge purges the table by tp from the next append on; the
// caller holds t's write lock.
func (p *Table) SetTimePurge(tp *TimePurge) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.byTime = tp
}

// purgeByTimeLocked applies the time purge after an append of the rows
// from on.
func (p *Table) purgeByTimeLocked(t *value.Table, from int) {
	tp := p.byTime
	if tp == nil || from <= 0 || from > t.Rows() {
		return
	}
	c := t.Cols[tp.col]
	at := func(i int) (int64, bool) {
		if c.I64 != nil {
			return c.I64[i] * tp.tick, c.I64[i] != value.NullInt64
		}
		return int64(c.I32[i]) * tp.tick, c.I32[i] != value.NullInt32
	}
	newest, ok1 := at(t.Rows() - 1)
	first, ok2 := at(0)
	if !ok1 || !ok2 || newest-first < tp.interval {
		return
	}
	n := 0
	for n < from-1 {
		if ts, ok := at(n); ok && newest-ts <= tp.retention {
			break
		}
		n++
	}
	p.dropLocked(t, n)
}
