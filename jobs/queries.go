package jobs

import (
	"sync"
	"sync/atomic"
	"time"

	"github.com/porpoisedb/porpoise/auth"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/wallclock"
)

// The query-status functions (funcs/g/getCompletedQueries.md,
// funcs/g/getQueryStatus.md). A single node runs each request as one
// root job with no subtasks, so every request a session runs counts as a
// query: getQueryStatus lists those running now, getCompletedQueries the
// latest finished ones with their errors.
func init() {
	funcs.Register(
		funcs.Spec{Name: "getCompletedQueries", Params: []string{"top"}, Min: 0, Max: 1, Props: funcs.Session, Category: "query-status", Fn: getCompletedQueries},
		funcs.Spec{Name: "getQueryStatus", Min: 0, Max: 0, Props: funcs.Session, Category: "query-status", Fn: funcs.WithHost(getQueryStatus)},
	)
}

// maxCompletedQueries bounds the finished requests kept; the oldest go
// first.
const maxCompletedQueries = 1000

// queryLog numbers the requests as they start and keeps the latest
// finished ones.
type queryLog struct {
	seq  atomic.Int64
	mu   sync.Mutex
	done []completedQuery // oldest first
}

// completedQuery is one request, finished or (end zero) running.
type completedQuery struct {
	user, id, desc, errMsg, ip string
	session                    int64
	start, end                 time.Time
}

func (l *queryLog) add(q completedQuery) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.done = appendBounded(l.done, q, maxCompletedQueries)
}

// appendBounded appends x to s, first dropping s's oldest elements so
// that at most limit remain; it reuses s's array, which readers copy.
func appendBounded[T any](s []T, x T, limit int) []T {
	if len(s) >= limit {
		s = append(s[:0], s[len(s)-limit+1:]...)
	}
	return append(s, x)
}

// latest is the n most recent finished requests, newest first.
func (l *queryLog) latest(n int) []completedQuery {
	l.mu.Lock()
	defer l.mu.Unlock()
	n = min(n, len(l.done))
	out := make([]completedQuery, n)
	for i := range out {
		out[i] = l.done[len(l.done)-1-i]
	}
	return out
}

// query describes s's request j; its end is left zero.
func (s *Session) query(j *consoleJob) completedQuery {
	q := completedQuery{user: auth.OrGuest(s.User()), id: j.rootID, desc: j.desc, ip: s.meta.RemoteIP,
		session: s.meta.ID, start: j.start}
	if q.ip == "" {
		q.ip = "127.0.0.1"
	}
	return q
}

// finish records s's request j as finished at end with err.
func (s *Session) finish(j *consoleJob, end time.Time, err error) {
	q := s.query(j)
	q.end = end
	if err != nil {
		q.errMsg = err.Error()
	}
	s.reg.queries.add(q)
}

// getCompletedQueries is getCompletedQueries([top=10]): the latest top
// finished requests, newest first; administrators only.
func getCompletedQueries(env funcs.Env, args []value.Value) (value.Value, error) {
	if err := funcs.RequireAdmin(env, "getCompletedQueries"); err != nil {
		return nil, err
	}
	top, err := funcs.PositiveIntArg("getCompletedQueries", "top", funcs.Arg(args, 0), 10)
	if err != nil {
		return nil, err
	}
	h, err := host(env)
	if err != nil {
		return nil, err
	}
	return queryTable(h.Jobs().queries.latest(int(top))), nil
}

// queryTable is getRunningQueries' and getCompletedQueries' table: one
// root job per request (level 0, its own root), endTime NULL while it
// runs.
func queryTable(qs []completedQuery) *value.Table {
	n := len(qs)
	cols := funcs.NewColumns(n, value.String, value.Long, value.String, value.String, value.Int,
		value.NanoTimestamp, value.NanoTimestamp, value.String, value.String, value.String)
	users, sids, ids, roots, levels, starts, ends, descs, errs, ips := cols[0], cols[1], cols[2], cols[3], cols[4], cols[5], cols[6], cols[7], cols[8], cols[9]
	for _, q := range qs {
		users.Str = append(users.Str, q.user)
		sids.I64 = append(sids.I64, q.session)
		ids.Str = append(ids.Str, q.id)
		roots.Str = append(roots.Str, q.id)
		levels.I32 = append(levels.I32, 0)
		starts.I64 = append(starts.I64, wallclock.Nanos(q.start))
		if q.end.IsZero() {
			ends.I64 = append(ends.I64, value.NullInt64)
		} else {
			ends.I64 = append(ends.I64, wallclock.Nanos(q.end))
		}
		descs.Str = append(descs.Str, q.desc)
		errs.Str = append(errs.Str, q.errMsg)
		ips.Str = append(ips.Str, q.ip)
	}
	return value.NewTable([]string{"userID", "sessionID", "jobID", "rootID", "level", "startTime", "endTime", "jobDesc", "errorMsg", "remoteIP"}, cols)
}

// getQueryStatus lists the requests running now: each is one task, not
// completed while it runs; memoryUsage is its session's estimate.
func getQueryStatus(h Host, _ funcs.Env, _ []value.Value) (value.Value, error) {
	jobs := h.Jobs().runningJobs()
	n := len(jobs)
	cols := funcs.NewColumns(n, value.Long, value.Long, value.String, value.String, value.Timestamp,
		value.Long, value.Long, value.Int, value.Int, value.Double)
	ids, sids, users, queries, starts, elapsed, mem, total, done, pct := cols[0], cols[1], cols[2], cols[3], cols[4], cols[5], cols[6], cols[7], cols[8], cols[9]
	now := time.Now()
	for _, r := range jobs {
		ids.I64 = append(ids.I64, r.j.seq)
		sids.I64 = append(sids.I64, r.s.meta.ID)
		users.Str = append(users.Str, auth.OrGuest(r.s.User()))
		queries.Str = append(queries.Str, r.j.desc)
		starts.I64 = append(starts.I64, wallclock.Millis(r.j.start))
		elapsed.I64 = append(elapsed.I64, now.Sub(r.j.start).Milliseconds())
		mem.I64 = append(mem.I64, r.s.memSize.Load())
		total.I32 = append(total.I32, 1)
		done.I32 = append(done.I32, 0)
		pct.F64 = append(pct.F64, 0)
	}
	return value.NewTable([]string{"id", "sessionId", "userId", "query", "startTime", "elapsedTimeInMs", "memoryUsage",
		"totalTaskCount", "completedTaskCount", "percentComplete"}, cols), nil
}
