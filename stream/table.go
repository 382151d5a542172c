package stream

import (
	"sync"
	"sync/atomic"
	"time"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/value"
)

// Table is the publishing state of one stream table.
type Table struct {
	// purged counts the rows dropped from memory: the table's row i is
	// message purged+i. It changes under the value.Table's write lock.
	purged atomic.Int64

	mu        sync.Mutex
	subs      map[*Subscription]struct{}
	filterCol string
	// cacheSize > 0 keeps at most that many rows in memory: past it, the
	// older half already delivered is purged (enableTableCachePurge);
	// byTime, when set, purges by a time column (purge.go).
	cacheSize int
	byTime    *TimePurge
	persist   *persisted

	// stamp is the name of the table's time column, set once
	// (setStreamTableTimestamp), which appends fill; "" for none.
	stamp atomic.Pointer[string]
}

// Mark makes t a stream table.
func Mark(t *value.Table) *value.Table {
	t.Stream = &Table{}
	return t
}

// Of returns the publishing state of a stream table, nil for another
// value.
func Of(v value.Value) *Table {
	if t, ok := v.(*value.Table); ok {
		if p, ok := t.Stream.(*Table); ok {
			return p
		}
	}
	return nil
}

// Published implements value.Publisher: the new rows are written to disk
// when the table is persisted, subscribers are woken, and the cache is
// purged.
func (p *Table) Published(t *value.Table, from int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.persist != nil {
		p.persist.write(t.Slice(from, t.Rows()))
	}
	before := p.purged.Load() + int64(from) // messages before this append
	for s := range p.subs {
		s.published(before)
	}
	p.purgeLocked(t)
	p.purgeByTimeLocked(t, from)
}

// Undefining implements value.Publisher: a table with subscribers stays.
func (p *Table) Undefining(t *value.Table) error {
	if p.Subscribers() > 0 {
		return ddberr.Errorf("To undefine the shared stream table '%s', first cancel all subscriptions to it. RefId: S03000", t.Shared)
	}
	return nil
}

// Subscribers is the number of subscriptions to the table.
func (p *Table) Subscribers() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.subs)
}

// Total is the number of rows ever published (purged ones included), the
// offset of the next message; the caller holds t's lock.
func (p *Table) Total(t *value.Table) int64 { return p.purged.Load() + int64(t.Rows()) }

// InMemory is the offset of the table's first row in memory.
func (p *Table) InMemory() int64 { return p.purged.Load() }

// SetFilterColumn names the column the value, range and hash filters of
// subscriptions test (setStreamTableFilterColumn).
func (p *Table) SetFilterColumn(name string) {
	p.mu.Lock()
	p.filterCol = name
	p.mu.Unlock()
}

// FilterColumn is the column set by SetFilterColumn, "" for none.
func (p *Table) FilterColumn() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.filterCol
}

func (p *Table) attach(s *Subscription) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.subs == nil {
		p.subs = map[*Subscription]struct{}{}
	}
	p.subs[s] = struct{}{}
}

func (p *Table) detach(s *Subscription) {
	p.mu.Lock()
	defer p.mu.Unlock()
	delete(p.subs, s)
}

// reindex rebuilds a keyed stream table's key index after its rows
// changed. A latestKeyedStreamTable holds a key once per newer time, so
// its index keeps the key's last row.
func reindex(t *value.Table) {
	if !t.IsKeyed() || t.RebuildKeys() {
		return
	}
	t.PutKeys(0)
}

// SetTimestampColumn makes the last column of t the time column: every
// append leaves it out of its data and it is filled with the time of the
// append. The column must be temporal, and once set it stays
// (funcs/s/setstreamtabletimestamp.md).
func (p *Table) SetTimestampColumn(t *value.Table, name string) error {
	last := len(t.Cols) - 1
	if last < 0 || t.Names[last] != name {
		return ddberr.Errorf("The argument [columnName] of setStreamTableTimestamp must be the name of the stream table's last column.")
	}
	if t.Cols[last].T.Category() != value.CatTemporal {
		return ddberr.Errorf("The timestamp column of a stream table must have a temporal type.")
	}
	if !p.stamp.CompareAndSwap(nil, &name) {
		return ddberr.Errorf("The timestamp column of a stream table can't be changed once set.")
	}
	return nil
}

// Stamp implements insert.Stamper: the system time, once the table has a
// time column.
func (p *Table) Stamp() (time.Time, bool) {
	if p.stamp.Load() == nil {
		return time.Time{}, false
	}
	return time.Now(), true
}

// TimestampColumn is the name of the time column, "" for none
// (getStreamTableTimestamp).
func (p *Table) TimestampColumn() string {
	if name := p.stamp.Load(); name != nil {
		return *name
	}
	return ""
}
