package restrack

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sync/atomic"
	"time"

	"github.com/porpoisedb/porpoise/auth"
	"github.com/porpoisedb/porpoise/ctxval"
	"github.com/porpoisedb/porpoise/memlimit"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/wallclock"
)

// Request is the request a context belongs to, as the access records
// name it.
type Request struct {
	// User is the session's user as it is when asked (a script may log
	// in part-way).
	User func() string
}

// NewContext returns ctx carrying the node's tracker and the request; a
// nil tracker tracks nothing.
func NewContext(ctx context.Context, t *Tracker, req Request) context.Context {
	return ctxval.WithBound(ctx, t, req)
}

func fromContext(ctx context.Context) (*Tracker, Request, bool) {
	return ctxval.BoundFrom[Tracker, Request](ctx)
}

// TableQuery is one SQL query's reading of one DFS table, as
// getUserTableAccessRecords lists it: a sql record when the query
// starts reading the table, then a rowCount and a memUsage record for
// each read of its rows. A nil *TableQuery (tracking off) records
// nothing.
type TableQuery struct {
	t            *Tracker
	rootID, user string
	db, table    string
	rows, bytes  atomic.Int64 // pending: added by Add, recorded by Flush
	pendingReads atomic.Bool
}

// QueryTable records, while tracking is on, that an SQL query of the
// request (its text given by script, asked only then) reads the DFS table
// db.table, and returns what records the query's reads of its rows; nil
// while tracking is off. *rootID is the query's root query id, which
// each SQL query has of its own however many a request runs
// (user_level_resource_tracking.md): set here when it is "", the
// query's first table.
func QueryTable(ctx context.Context, rootID *string, db, table string, script func() string) *TableQuery {
	t, req, ok := fromContext(ctx)
	if !ok || !t.on.Load() {
		return nil
	}
	user := ""
	if req.User != nil {
		user = req.User()
	}
	if *rootID == "" {
		*rootID = newRootID()
	}
	q := &TableQuery{t: t, rootID: *rootID, user: auth.OrGuest(user), db: db, table: table}
	q.add("sql", 1, script())
	return q
}

// newRootID is a random (version 4) UUID, as DolphinDB's ids print.
func newRootID() string {
	a, b := rand.Uint64(), rand.Uint64()
	b = b&^(0xc000<<48) | 0x8000<<48
	a = a&^0xf000 | 0x4000
	return fmt.Sprintf("%08x-%04x-%04x-%04x-%012x", a>>32, (a>>16)&0xffff, a&0xffff, b>>48, b&0xffffffffffff)
}

func (q *TableQuery) add(kind string, v int64, script string) {
	q.t.addAccess(accessRec{at: wallclock.Nanos(time.Now()), rootID: q.rootID, user: q.user, db: q.db, table: q.table, kind: kind, value: v, script: script})
}

// Add counts rows the storage engine returned for the query: their
// number and their estimated bytes (memlimit.EstimateBytes, as
// getSessionMemoryStat measures variables). Partitions read in parallel
// may be added concurrently.
func (q *TableQuery) Add(rows *value.Table) {
	if q == nil || rows == nil {
		return
	}
	q.rows.Add(int64(rows.Rows()))
	q.bytes.Add(memlimit.EstimateBytes(rows))
	q.pendingReads.Store(true)
}

// Flush records the rows added since the last Flush as one read: its
// rowCount and memUsage records, stamped now, when the data was read.
func (q *TableQuery) Flush() {
	if q == nil || !q.pendingReads.Swap(false) {
		return
	}
	q.add("rowCount", q.rows.Swap(0), "")
	q.add("memUsage", q.bytes.Swap(0), "")
}

// Read is Add then Flush: one read of rows.
func (q *TableQuery) Read(rows *value.Table) {
	q.Add(rows)
	q.Flush()
}
