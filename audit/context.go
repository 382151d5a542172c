package audit

import (
	"context"
	"strings"
	"time"

	"github.com/porpoisedb/porpoise/auth"
	"github.com/porpoisedb/porpoise/ctxval"
	"github.com/porpoisedb/porpoise/wallclock"
)

// Actor is who runs a request: the session's user as it is when asked
// (a script may log in part-way) and the client's address.
type Actor struct {
	User       func() string
	RemoteIP   string
	RemotePort int
}

// NewContext returns ctx carrying the node's log and the request's
// actor; a nil log records nothing.
func NewContext(ctx context.Context, l *Log, a Actor) context.Context {
	return ctxval.WithBound(ctx, l, a)
}

// FromContext is the log and actor ctx carries; ok is false when it
// carries none (an engine-less caller's, which may be nil).
func FromContext(ctx context.Context) (*Log, Actor, bool) {
	return ctxval.BoundFrom[Log, Actor](ctx)
}

// Record adds a DDL or write operation on db (and table, "" for the
// database itself) that began at start and has just completed. Only
// operations on dfs:// databases are audited; others are ignored.
func Record(ctx context.Context, start time.Time, db, table, opType, detail string) {
	l, a, ok := FromContext(ctx)
	if !ok || !strings.HasPrefix(db, "dfs://") {
		return
	}
	l.AddOp(Op{User: a.user(), Start: wallclock.Nanos(start), End: wallclock.Nanos(time.Now()), DB: db, Table: table,
		Type: opType, Detail: detail, RemoteIP: a.RemoteIP, RemotePort: a.RemotePort})
}

// RecordACL adds an ACL operation that has just completed.
func RecordACL(ctx context.Context, opType, detail string) {
	l, a, ok := FromContext(ctx)
	if !ok {
		return
	}
	l.AddACL(ACLOp{User: a.user(), Time: wallclock.Nanos(time.Now()), Type: opType, Detail: detail,
		RemoteIP: a.RemoteIP, RemotePort: a.RemotePort})
}

func (a Actor) user() string {
	user := ""
	if a.User != nil {
		user = a.User()
	}
	return auth.OrGuest(user)
}
