package streaming

import (
	"context"
	"strconv"
	"time"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/stream"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/wire/streammsg"
)

// publishParams are publishTable's parameters as the APIs send them.
var publishParams = []string{"subscriberHost", "subscriberPort", "tableName", "actionName", "offset", "filter",
	"allowExists", "resetOffset", "udpMulticast", "streamingSQL"}

// maxPubQueueDepth is DolphinDB's default maxPubQueueDepthPerSite: the
// messages a remote subscriber may lag behind before it is cut off.
const maxPubQueueDepth = 10_000_000

// pubQueueDepth is the engine's maxPubQueueDepthPerSite.
func pubQueueDepth(h Host) int64 {
	if n, err := strconv.ParseInt(h.Settings()["maxPubQueueDepthPerSite"], 10, 64); err == nil && n > 0 {
		return n
	}
	return maxPubQueueDepth
}

// publishTable is the request a client's subscribe sends on a connection
// of its own: it subscribes that connection to a shared stream table and
// returns the table's column names. Once the reply has gone the server
// pushes the schema and then the messages on the connection (package
// server; the framing is package wire/streammsg's). Only this reverse
// form exists: the clients use it whenever the server's version is
// 2.00.9 or later, and they send port 0.
func publishTable(h Host, env funcs.Env, args []value.Value) (value.Value, error) {
	sink := stream.SinkFrom(env.Context())
	if sink == nil {
		return nil, ddberr.Errorf("publishTable is sent by the APIs' subscribe on a connection of its own; use subscribeTable in a script.")
	}
	subHost, _ := funcs.StringArg(args[0])
	port, err := funcs.IntArg("publishTable", "subscriberPort", args[1], 0)
	if err != nil {
		return nil, err
	}
	if port != 0 {
		return nil, ddberr.Errorf("Porpoise publishes on the subscriber's own connection only: enable streaming without a listening port.")
	}
	name, action, err := tableActionArgs("publishTable", args, 2)
	if err != nil {
		return nil, err
	}
	src, pub, err := subscribable(h, name)
	if err != nil {
		return nil, err
	}
	o := stream.Options{Table: name, Action: action, Throttle: time.Second, MsgAsTable: true,
		Subscriber: subHost + ":" + strconv.FormatInt(port, 10), MaxPending: pubQueueDepth(h), Overflow: sink.Close}
	ra := funcs.ReadArgs("publishTable", args)
	o.Offset = ra.Int("offset", ra.Arg(4), -1)
	filt := funcs.Read(ra, func() (*filter, error) { return newFilter(h, pub, ra.Arg(5)) })
	if filt != nil {
		o.Filter = filt.describe()
	}
	allowExists := ra.Bool("allowExists", ra.Arg(6), false)
	if err := ra.Err(); err != nil {
		return nil, err
	}
	topic := topicOf(env, name, action)
	r := registry(h)
	if allowExists {
		// the subscriber resubscribes on a new connection before this
		// node noticed the old one is gone: the new one replaces it
		r.StopRemote(o.Subscriber, topic)
	}
	sub, err := r.Subscribe(topic, src, o, func(ctx context.Context) stream.Deliver {
		return sendTo(sink, topic, h.Background(ctx), filt)
	})
	if err != nil {
		return nil, err
	}
	src.Mu.RLock()
	schema := src.EmptyLike(0)
	src.Mu.RUnlock()
	sink.Attach(r, sub, schema)
	return value.NewStrings(value.String, append([]string(nil), schema.Names...)), nil
}

// sendTo delivers a batch to a network subscriber in messages of at most
// streammsg.MaxRows rows, each filtered, each carrying the offset of its
// last row.
func sendTo(sink stream.Sink, topic string, bg funcs.Env, filt *filter) stream.Deliver {
	return func(batch *value.Table, lastID int64) (int, error) {
		n := batch.Rows()
		first := lastID - int64(n) + 1
		sent := 0
		for lo := 0; lo < n; lo += streammsg.MaxRows {
			hi := min(lo+streammsg.MaxRows, n)
			part := batch.Slice(lo, hi)
			if filt != nil {
				var err error
				if part, err = filt.apply(bg, part); err != nil {
					return sent + hi - lo, err
				}
				if part == nil || part.Rows() == 0 {
					continue
				}
			}
			if err := sink.Send(topic, part, first+int64(hi)-1); err != nil {
				return sent + part.Rows(), err
			}
			sent += part.Rows()
		}
		return sent, nil
	}
}

// stopPublishTable(subscriberHost, subscriberPort, tableName,
// [actionName]) stops what publishTable started for that subscriber (the
// Java API sends it when it unsubscribes; the C++ and Python APIs close
// the connection instead). Stopping what does not exist is no error.
func stopPublishTable(h Host, env funcs.Env, args []value.Value) (value.Value, error) {
	subHost, _ := funcs.StringArg(args[0])
	port, err := funcs.IntArg("stopPublishTable", "subscriberPort", args[1], 0)
	if err != nil {
		return nil, err
	}
	name, action, err := tableActionArgs("stopPublishTable", args, 2)
	if err != nil {
		return nil, err
	}
	registry(h).StopRemote(subHost+":"+strconv.FormatInt(port, 10), topicOf(env, name, action))
	return nil, nil
}
