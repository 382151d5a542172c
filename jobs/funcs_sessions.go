package jobs

import (
	"errors"
	"net"
	"strconv"
	"time"

	"github.com/porpoisedb/porpoise/auth"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/wallclock"
)

// The functions that list and stop sessions and their running requests.
func init() {
	funcs.Register(
		funcs.Spec{Name: "getSessionMemoryStat", Min: 0, Max: 0, Props: funcs.Session, Category: "system", Fn: funcs.WithHost(getSessionMemoryStat)},
		funcs.Spec{Name: "getConsoleJobs", Min: 0, Max: 0, Props: funcs.Session, Category: "system", Fn: funcs.WithHost(getConsoleJobs)},
		funcs.Spec{Name: "getRunningQueries", Min: 0, Max: 0, Props: funcs.Session, Category: "system", Fn: funcs.WithHost(getRunningQueries)},
		funcs.Spec{Name: "cancelConsoleJob", Params: []string{"rootJobId"}, Min: 1, Max: 1, Props: funcs.Session | funcs.Command, Category: "system", Fn: funcs.WithHost(cancelConsoleJob)},
		funcs.Spec{Name: "getConnections", Min: 0, Max: 0, Props: funcs.Session, Category: "system", Fn: funcs.WithHost(getConnections)},
		funcs.Spec{Name: "closeSessions", Params: []string{"sessionId"}, Min: 1, Max: 1, Props: funcs.Session | funcs.Command, Category: "system", Fn: funcs.WithHost(closeSessions)},
	)
}

// cacheRows are getSessionMemoryStat's first rows, one per cache DolphinDB
// reports. Porpoise keeps only shared tables in memory beside sessions
// (dfs:// data lives in Pebble, whose caches it sizes itself), so the
// others are truly empty.
var cacheRows = []string{"__DimensionalTable__", "__SharedTable__", "__OLAPTablet__", "__OLAPCacheEngine__",
	"__OLAPCachedSymbolBase__", "__DFSMetadata__", "__TSDBCacheEngine__", "__TSDBLevelFileIndex__",
	"__TSDBCachedSymbolBase__", "__StreamingPubQueue__", "__StreamingSubQueue__",
	"__IOTDBStaticTableCache__", "__IOTDBLatestKeyCache__"}

// IoTCaches is a Host that reports the IOTDB engine's cache memory, its
// static tables' and its latest-key caches', in bytes.
type IoTCaches interface {
	IoTCacheBytes() (static, latest int64)
}

func getSessionMemoryStat(h Host, _ funcs.Env, _ []value.Value) (value.Value, error) {
	sessions := h.Jobs().list()
	n := len(cacheRows) + len(sessions)
	cols := funcs.NewColumns(n, value.String, value.Long, value.Long, value.String, value.Int, value.Timestamp, value.Timestamp)
	users, ids, mem, ips, ports, created, active := cols[0], cols[1], cols[2], cols[3], cols[4], cols[5], cols[6]
	bytes := map[string]int64{"__SharedTable__": h.SharedBytes()}
	if c, ok := h.(IoTCaches); ok {
		bytes["__IOTDBStaticTableCache__"], bytes["__IOTDBLatestKeyCache__"] = c.IoTCacheBytes()
	}
	for _, name := range cacheRows {
		users.Str = append(users.Str, name)
		ids.I64 = append(ids.I64, value.NullInt64)
		mem.I64 = append(mem.I64, bytes[name])
		ips.Str = append(ips.Str, "0.0.0.0")
		ports.I32 = append(ports.I32, value.NullInt32)
		created.I64 = append(created.I64, value.NullInt64)
		active.I64 = append(active.I64, value.NullInt64)
	}
	for _, s := range sessions {
		users.Str = append(users.Str, auth.OrGuest(s.User()))
		ids.I64 = append(ids.I64, s.meta.ID)
		mem.I64 = append(mem.I64, s.memSize.Load())
		ip, port := clientCells(s.meta.RemoteIP, s.meta.RemotePort)
		ips.Str = append(ips.Str, ip)
		ports.I32 = append(ports.I32, port)
		created.I64 = append(created.I64, wallclock.Millis(s.created))
		if ms := s.lastActive.Load(); ms > 0 {
			active.I64 = append(active.I64, wallclock.Millis(time.UnixMilli(ms)))
		} else {
			active.I64 = append(active.I64, value.NullInt64)
		}
	}
	return value.NewTable([]string{"userId", "sessionId", "memSize", "remoteIP", "remotePort", "createTime", "lastActiveTime"}, cols), nil
}

// getConnections lists the node's network connections: its own address,
// the client's and when the connection opened (funcs/g/getConnections.md).
// An embedded session has no connection.
func getConnections(h Host, env funcs.Env, _ []value.Value) (value.Value, error) {
	site := funcs.SiteOf(env)
	server := net.JoinHostPort(site.Host, strconv.Itoa(site.Port))
	var servers, clients []string
	var starts []int64
	for _, s := range h.Jobs().list() {
		if s.meta.RemotePort <= 0 {
			continue
		}
		servers = append(servers, server)
		clients = append(clients, net.JoinHostPort(s.meta.RemoteIP, strconv.Itoa(s.meta.RemotePort)))
		starts = append(starts, wallclock.Millis(s.created))
	}
	return value.NewTable([]string{"server", "client", "startTime"}, []*value.Vector{
		value.NewStrings(value.String, servers), value.NewStrings(value.String, clients),
		{T: value.Timestamp, I64: starts},
	}), nil
}

func getConsoleJobs(h Host, env funcs.Env, _ []value.Value) (value.Value, error) {
	jobs := h.Jobs().runningJobs()
	n := len(jobs)
	str := func() *value.Vector { return value.NewVector(value.String, 0, n) }
	node, users, roots, types, descs, queues := str(), str(), str(), str(), str(), str()
	ints := func() *value.Vector { return value.NewVector(value.Int, 0, n) }
	prio, par, total, finished, running, ports := ints(), ints(), ints(), ints(), ints(), ints()
	ts := func() *value.Vector { return value.NewVector(value.Timestamp, 0, n) }
	recv, first, latest := ts(), ts(), ts()
	sids := value.NewVector(value.Long, 0, n)
	ips := str()
	alias := funcs.SiteOf(env).Alias
	for _, r := range jobs {
		node.Str = append(node.Str, alias)
		users.Str = append(users.Str, auth.OrGuest(r.s.User()))
		roots.Str = append(roots.Str, r.j.rootID)
		types.Str = append(types.Str, r.j.jobType)
		descs.Str = append(descs.Str, r.j.desc)
		// a request runs as one task on its connection's goroutine
		prio.I32 = append(prio.I32, int32(r.j.priority))
		par.I32 = append(par.I32, int32(r.j.parallelism))
		total.I32 = append(total.I32, 1)
		finished.I32 = append(finished.I32, 0)
		running.I32 = append(running.I32, 1)
		start := wallclock.Millis(r.j.start)
		recv.I64 = append(recv.I64, start)
		first.I64 = append(first.I64, start)
		latest.I64 = append(latest.I64, start)
		sids.I64 = append(sids.I64, r.s.meta.ID)
		ip, port := clientCells(r.s.meta.RemoteIP, r.s.meta.RemotePort)
		ips.Str = append(ips.Str, ip)
		ports.I32 = append(ports.I32, port)
		queues.Str = append(queues.Str, "normal queue")
	}
	return value.NewTable([]string{"node", "userID", "rootJobId", "jobType", "desc", "priority", "parallelism",
		"receiveTime", "sessionId", "remoteIP", "remotePort", "totalTasks", "finishedTasks", "runningTask",
		"firstTaskStartTime", "latestTaskStartTime", "queue"},
		[]*value.Vector{node, users, roots, types, descs, prio, par, recv, sids, ips, ports, total, finished, running,
			first, latest, queues}), nil
}

func getRunningQueries(h Host, _ funcs.Env, _ []value.Value) (value.Value, error) {
	jobs := h.Jobs().runningJobs()
	qs := make([]completedQuery, len(jobs))
	for i, r := range jobs {
		qs[i] = r.s.query(r.j)
	}
	return queryTable(qs), nil
}

// idStrings is a job id argument: a STRING/SYMBOL scalar or vector, or
// UUIDs (getConsoleJobs' ids converted by the caller).
func idStrings(x value.Value) ([]string, bool) {
	if ids, ok := funcs.StringsArg(x); ok {
		return ids, true
	}
	switch v := x.(type) {
	case *value.Scalar:
		if v.T == value.UUID {
			return []string{v.String()}, true
		}
	case *value.Vector:
		if v.T == value.UUID {
			out := make([]string, v.Len())
			for i := range out {
				out[i] = v.FormatElem(i)
			}
			return out, true
		}
	}
	return nil, false
}

func cancelConsoleJob(h Host, env funcs.Env, args []value.Value) (value.Value, error) {
	ids, ok := idStrings(args[0])
	if !ok {
		return nil, errors.New("rootJobId must be a string scalar or vector.")
	}
	want := make(map[string]bool, len(ids))
	for _, id := range ids {
		want[id] = true
	}
	for _, r := range h.Jobs().runningJobs() {
		if want[r.j.rootID] && mayManage(env, r.s.User()) {
			r.j.cancel(ErrCancelled)
		}
	}
	return nil, nil
}

func closeSessions(h Host, env funcs.Env, args []value.Value) (value.Value, error) {
	var ids []int64
	switch v := args[0].(type) {
	case *value.Scalar:
		if v.T.Category() == value.CatIntegral && !v.Null {
			ids = []int64{v.I}
		}
	case *value.Vector:
		ids = integralElems(v)
	}
	if ids == nil {
		return nil, errors.New("sessionId must be a LONG scalar or vector.")
	}
	var mine []int64
	for _, s := range h.Jobs().list() {
		for _, id := range ids {
			if s.meta.ID == id && mayManage(env, s.User()) {
				mine = append(mine, id)
			}
		}
	}
	h.Jobs().closeSessions(mine)
	return nil, nil
}

// integralElems returns the non-null elements of an integral vector as
// int64 (nil for other types).
func integralElems(v *value.Vector) []int64 {
	if v.T.Category() != value.CatIntegral || v.T.IsArray() {
		return nil
	}
	out := make([]int64, 0, v.Len())
	for _, x := range funcs.LongsOf(v) {
		if x != value.NullInt64 {
			out = append(out, x)
		}
	}
	return out
}

// clientCells is a client's address as the job and session listings show
// it: an embedded session (no address) as 127.0.0.1 with a NULL port.
func clientCells(ip string, port int) (string, int32) {
	if ip == "" {
		ip = "127.0.0.1"
	}
	if port <= 0 {
		return ip, value.NullInt32
	}
	return ip, int32(port)
}
