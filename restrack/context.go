package restrack

import (
	"context"
	"time"

	"github.com/porpoisedb/porpoise/auth"
	"github.com/porpoisedb/porpoise/ctxval"
	"github.com/porpoisedb/porpoise/wallclock"
)

// Request is the request a context belongs to, as the access records
// name it.
type Request struct {
	// User is the session's user as it is when asked (a script may log
	// in part-way).
	User func() string
	// RootID is the request's root query id; Script its text.
	RootID, Script string
}

// NewContext returns ctx carrying the node's tracker and the request; a
// nil tracker tracks nothing.
func NewContext(ctx context.Context, t *Tracker, req Request) context.Context {
	return ctxval.WithBound(ctx, t, req)
}

func fromContext(ctx context.Context) (*Tracker, Request, bool) {
	return ctxval.BoundFrom[Tracker, Request](ctx)
}

// TableRead records, while tracking is on, that the request's SQL query
// reads the DFS table db.table, when err (the read-permission check's)
// is nil; it returns err.
func TableRead(ctx context.Context, db, table string, err error) error {
	t, req, ok := fromContext(ctx)
	if err != nil || !ok || !t.on.Load() {
		return err
	}
	user := ""
	if req.User != nil {
		user = req.User()
	}
	t.addAccess(accessRec{at: wallclock.Nanos(time.Now()), rootID: req.RootID, user: auth.OrGuest(user), db: db, table: table, kind: "sql", value: 1, script: req.Script})
	return nil
}
