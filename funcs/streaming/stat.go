package streaming

import (
	"slices"
	"strconv"
	"strings"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// getStreamingStat is a dictionary of the streaming tables DolphinDB
// shows (funcs/g/getStreamingStat.md): pubTables (the subscribed tables),
// subWorkers (one row per subscription, with its counters and its last
// handler error), and pubConns, subConns and persistWorkers, empty on a
// node without remote subscribers, and udpPubTables, always empty (no
// table is published by UDP multicast).
func getStreamingStat(h Host, env funcs.Env, _ []value.Value) (value.Value, error) {
	subs := registry(h).Subscriptions()
	var (
		tables, subscriber, actions                  []string
		offsets                                      []int64
		topics, kind, errs, filters                  []string
		workerID, depthLimit, batch, throttle, hash  []int32
		processed, lastID, failed, lastFailed, depth []int64
		failedAt                                     []int64
		asTable, persist, trigger, needID            []bool
	)
	byTable := map[string]int{}
	site := funcs.SiteOf(env)
	local := site.Host + ":" + strconv.Itoa(site.Port)
	clients := conns{depthLimit: int32(min(pubQueueDepth(h), 1<<31-1))}
	for _, s := range subs {
		st := s.Stats()
		who := s.Opts.Subscriber
		if who == "" {
			who = local
		}
		if j, ok := byTable[s.Opts.Table+"\x00"+who]; ok {
			actions[j] += "," + s.Opts.Action
			offsets[j] = max(offsets[j], st.LastMsgID)
		} else {
			byTable[s.Opts.Table+"\x00"+who] = len(tables)
			tables = append(tables, s.Opts.Table)
			subscriber = append(subscriber, who)
			actions = append(actions, s.Opts.Action)
			offsets = append(offsets, st.LastMsgID)
		}
		if s.Opts.Subscriber != "" {
			// a network subscriber's handler runs on its side
			clients.add(s.Opts.Subscriber, s.Opts.Table, st.QueueDepth)
			continue
		}
		// each topic runs on a worker of its own, numbered from 1; the
		// column is empty while the subscription has received nothing
		// (funcs/g/getStreamingStat.md)
		if st.LastMsgID < 0 && st.LastFailedMsgID < 0 {
			workerID = append(workerID, value.NullInt32)
		} else {
			workerID = append(workerID, int32(len(workerID)+1))
		}
		topics = append(topics, s.Topic)
		kind = append(kind, "tcp")
		depthLimit = append(depthLimit, 10000000)
		depth = append(depth, st.QueueDepth)
		processed = append(processed, st.Processed)
		lastID = append(lastID, st.LastMsgID)
		failed = append(failed, st.Failed)
		lastFailed = append(lastFailed, st.LastFailedMsgID)
		if st.LastFailedTime.IsZero() {
			failedAt = append(failedAt, value.NullInt64)
		} else {
			failedAt = append(failedAt, st.LastFailedTime.UnixMilli())
		}
		errs = append(errs, st.LastErr)
		asTable = append(asTable, s.Opts.MsgAsTable)
		batch = append(batch, int32(s.Opts.BatchSize))
		throttle = append(throttle, int32(s.Opts.Throttle.Milliseconds()))
		hash = append(hash, int32(s.Opts.Hash))
		filters = append(filters, s.Opts.Filter)
		persist = append(persist, s.Opts.PersistOffset)
		trigger = append(trigger, s.Opts.TimeTrigger)
		needID = append(needID, s.Opts.HandlerNeedMsgID)
	}
	str := func(xs []string) *value.Vector { return value.NewStrings(value.String, xs) }
	d := value.NewDict(value.String, value.Any)
	put := func(name string, t *value.Table) {
		d.Put(value.NewStrings(value.String, []string{name}), 0, value.NewTuple([]value.Value{t}), 0)
	}
	put("pubConns", value.NewTable([]string{"client", "queueDepthLimit", "queueDepth", "tables"},
		[]*value.Vector{str(clients.client), value.NewInts(clients.limit), value.NewLongs(clients.depth), str(clients.tables)}))
	put("subConns", value.NewTable([]string{"publisher", "cumMsgCount", "cumMsgLatency", "lastMsgLatency", "lastUpdate"},
		[]*value.Vector{str(nil), value.NewLongs(nil), value.NewLongs(nil), value.NewLongs(nil), value.NewVector(value.Timestamp, 0, 0)}))
	put("pubTables", value.NewTable([]string{"tableName", "subscriber", "msgOffset", "actions"},
		[]*value.Vector{str(tables), str(subscriber), value.NewLongs(offsets), str(actions)}))
	put("persistWorkers", value.NewTable([]string{"workerId", "queueDepthLimit", "queueDepth", "tables"},
		[]*value.Vector{value.NewInts(nil), value.NewLongs(nil), value.NewLongs(nil), str(nil)}))
	ts := &value.Vector{T: value.Timestamp, I64: failedAt}
	put("subWorkers", value.NewTable([]string{"workerId", "topic", "type", "queueDepthLimit", "queueDepth", "processedMsgCount",
		"lastMsgId", "failedMsgCount", "lastFailedMsgId", "lastFailedTimestamp", "lastErrMsg", "msgAsTable", "batchSize",
		"throttle", "hash", "filter", "persistOffset", "timeTrigger", "handlerNeedMsgId", "raftGroup"},
		[]*value.Vector{value.NewInts(workerID), str(topics), str(kind), value.NewInts(depthLimit), value.NewLongs(depth),
			value.NewLongs(processed), value.NewLongs(lastID), value.NewLongs(failed), value.NewLongs(lastFailed), ts,
			str(errs), bools(asTable), value.NewInts(batch), value.NewInts(throttle), value.NewInts(hash), str(filters),
			bools(persist), bools(trigger), bools(needID), value.NewNullVector(value.Int, len(workerID))}))
	put("udpPubTables", value.NewTable([]string{"tableName", "channel", "msgOffset", "actions", "subNum"},
		[]*value.Vector{str(nil), str(nil), value.NewLongs(nil), str(nil), value.NewInts(nil)}))
	return d, nil
}

// conns are getStreamingStat's pubConns: one row per network subscriber,
// with the messages waiting for it and the tables it subscribes to.
type conns struct {
	depthLimit     int32
	client, tables []string
	limit          []int32
	depth          []int64
}

func (c *conns) add(client, table string, depth int64) {
	for i, x := range c.client {
		if x == client {
			c.depth[i] += depth
			if !slices.Contains(strings.Split(c.tables[i], ","), table) {
				c.tables[i] += "," + table
			}
			return
		}
	}
	c.client = append(c.client, client)
	c.tables = append(c.tables, table)
	c.limit = append(c.limit, c.depthLimit)
	c.depth = append(c.depth, depth)
}
