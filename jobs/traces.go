package jobs

import (
	"strings"
	"sync"
	"time"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/wallclock"
)

// SQL Trace (progr/sql/sql_trace.md): setTraceMode(true) makes the node
// trace every request it receives from then on, until setTraceMode(false)
// (itself traced, as it starts while tracing is on); getTraces lists them
// and viewTraceInfo shows one as spans. A single node runs a request in
// one worker, so a trace is its two spans: receiving the request and the
// worker running it.
func init() {
	funcs.Register(
		funcs.Spec{Name: "setTraceMode", Params: []string{"mode"}, Min: 1, Max: 1, Props: funcs.Session | funcs.Command, Category: "system", Fn: funcs.WithHost(setTraceMode)},
		funcs.Spec{Name: "getTraces", Min: 0, Max: 0, Props: funcs.Session, Category: "system", Fn: funcs.WithHost(getTraces)},
		funcs.Spec{Name: "viewTraceInfo", Params: []string{"traceId", "isTreeView"}, Min: 1, Max: 2, Props: funcs.Session, Category: "system", Fn: funcs.WithHost(viewTraceInfo)},
	)
}

// traceLog is the node's tracing switch and the requests it traced.
type traceLog struct {
	mu     sync.Mutex
	on     bool
	traces []trace
}

// trace is one traced request.
type trace struct {
	id      string
	script  string
	session int64
	start   time.Time
	elapsed time.Duration
}

// tracing reports whether a request starting now is traced.
func (l *traceLog) tracing() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.on
}

// maxTraces bounds the traces kept while tracing stays on; the oldest go
// first.
const maxTraces = 10000

func (l *traceLog) add(t trace) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.traces = appendBounded(l.traces, t, maxTraces)
}

func setTraceMode(h Host, _ funcs.Env, args []value.Value) (value.Value, error) {
	on, err := funcs.BoolArg("setTraceMode", "mode", args[0], false)
	if err != nil {
		return nil, err
	}
	l := &h.Jobs().traces
	l.mu.Lock()
	l.on = on
	l.mu.Unlock()
	return nil, nil
}

// getTraces lists the traced requests, the latest first (getTraces.md).
func getTraces(h Host, _ funcs.Env, _ []value.Value) (value.Value, error) {
	l := &h.Jobs().traces
	l.mu.Lock()
	traces := append([]trace(nil), l.traces...)
	l.mu.Unlock()
	cols := funcs.NewColumns(len(traces), value.NanoTimestamp, value.String, value.String, value.Long)
	for i := len(traces) - 1; i >= 0; i-- {
		t := traces[i]
		cols[0].I64 = append(cols[0].I64, wallclock.Nanos(t.start))
		cols[1].Str = append(cols[1].Str, t.script)
		cols[2].Str = append(cols[2].Str, t.id)
		cols[3].I64 = append(cols[3].I64, t.session)
	}
	return value.NewTable([]string{"time", "scripts", "traceId", "sessionId"}, cols), nil
}

// viewTraceInfo shows a traced request's spans (viewTraceInfo.md).
func viewTraceInfo(h Host, env funcs.Env, args []value.Value) (value.Value, error) {
	id, ok := funcs.StringArg(args[0])
	if !ok {
		return nil, ddberr.Errorf("The argument [traceId] of viewTraceInfo must be a string scalar.")
	}
	tree, err := funcs.BoolArg("viewTraceInfo", "isTreeView", funcs.Arg(args, 1), true)
	if err != nil {
		return nil, err
	}
	l := &h.Jobs().traces
	l.mu.Lock()
	var found *trace
	for i := range l.traces {
		if strings.EqualFold(l.traces[i].id, id) {
			found = &l.traces[i]
		}
	}
	l.mu.Unlock()
	if found == nil {
		return nil, ddberr.Errorf("The trace %s does not exist.", id)
	}
	names := []string{"receiving request", "Worker<0>::run"}
	first := "name"
	if tree {
		names[1] = "└── " + names[1]
		first = "tree"
	}
	cols := funcs.NewColumns(2, value.String, value.String, value.NanoTimestamp, value.Long, value.String, value.String, value.Int)
	alias := funcs.SiteOf(env).Alias
	start := wallclock.Nanos(found.start)
	for i, name := range names {
		cols[0].Str = append(cols[0].Str, name)
		cols[1].Str = append(cols[1].Str, "")
		cols[2].I64 = append(cols[2].I64, start)
		elapsed, ref := int64(0), "Root"
		if i == 1 {
			elapsed, ref = found.elapsed.Microseconds(), "FollowsFrom"
		}
		cols[3].I64 = append(cols[3].I64, elapsed)
		cols[4].Str = append(cols[4].Str, ref)
		cols[5].Str = append(cols[5].Str, alias)
		cols[6].I32 = append(cols[6].I32, 0)
	}
	return value.NewTable([]string{first, "script", "startTime", "timeElapsed", "reference", "node", "thread"}, cols), nil
}
