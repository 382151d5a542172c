package streaming

import (
	"context"
	"fmt"
	"time"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/system"
	"github.com/porpoisedb/porpoise/stream"
	"github.com/porpoisedb/porpoise/value"
)

// subscribeParams are subscribeTable's parameters, in DolphinDB's order.
var subscribeParams = []string{"server", "tableName", "actionName", "offset", "handler", "msgAsTable", "batchSize",
	"throttle", "hash", "reconnect", "filter", "persistOffset", "timeTrigger", "handlerNeedMsgId", "raftGroup",
	"userId", "password", "udpMulticast"}

// subscribeTable subscribes a handler to a shared stream table of this
// node and returns the topic. reconnect, hash, timeTrigger, userId and
// password change nothing for a local subscription.
func subscribeTable(h Host, env funcs.Env, args []value.Value) (value.Value, error) {
	name, action, err := topicArgs(env, "subscribeTable", args)
	if err != nil {
		return nil, err
	}
	src, pub, err := subscribable(h, name)
	if err != nil {
		return nil, err
	}
	r := funcs.ReadArgs("subscribeTable", args)
	o := stream.Options{Table: name, Action: action, Throttle: time.Second}
	o.Offset = r.Int("offset", r.Arg(3), -1)
	handler := r.Arg(4)
	if handler == nil {
		r.Fail(ddberr.Errorf("The handler of subscribeTable must be a function or a table."))
	}
	o.MsgAsTable = r.Bool("msgAsTable", r.Arg(5), false)
	o.BatchSize = int(r.Int("batchSize", r.Arg(6), 0))
	if v := r.Given(7); v != nil {
		secs, ok := funcs.PositiveArg(v)
		if !ok {
			r.Fail(ddberr.Errorf("The throttle of subscribeTable must be a positive number."))
		}
		o.Throttle = time.Duration(secs * float64(time.Second))
	}
	o.Hash = int(r.Int("hash", r.Arg(8), -1))
	filt := funcs.Read(r, func() (*filter, error) { return newFilter(h, pub, r.Arg(10)) })
	if filt != nil {
		o.Filter = filt.describe()
	}
	o.PersistOffset = r.Bool("persistOffset", r.Arg(11), false)
	o.TimeTrigger = r.Bool("timeTrigger", r.Arg(12), false)
	o.HandlerNeedMsgID = r.Bool("handlerNeedMsgId", r.Arg(13), false)
	if err := r.Err(); err != nil {
		return nil, err
	}
	topic := topicOf(env, name, action)
	system.GuardWritten(h, handler)
	_, err = registry(h).Subscribe(topic, src, o, func(ctx context.Context) stream.Deliver {
		return deliverTo(h.Background(ctx), handler, filt, o)
	})
	if err != nil {
		return nil, err
	}
	return value.NewString(topic), nil
}

// deliverTo is how a batch reaches the handler: filtered, then appended
// to a handler table, or passed to a handler function as a table or a
// tuple of columns (with the last message's offset when it asks).
func deliverTo(bg funcs.Env, handler value.Value, filt *filter, o stream.Options) stream.Deliver {
	insert, _ := funcs.Lookup("tableInsert")
	return func(batch *value.Table, lastID int64) (int, error) {
		if filt != nil && batch.Rows() > 0 {
			n := batch.Rows()
			var err error
			if batch, err = filt.apply(bg, batch); err != nil {
				return n, err
			}
			if batch == nil || batch.Rows() == 0 {
				return 0, nil
			}
		}
		if !funcs.IsFunction(handler) {
			_, err := callShared(bg, insert, handler, batch)
			return batch.Rows(), err
		}
		var msg value.Value = batch
		if !o.MsgAsTable {
			cols := make([]value.Value, len(batch.Cols))
			for i, c := range batch.Cols {
				cols[i] = c
			}
			msg = value.NewTuple(cols)
		}
		var err error
		if o.HandlerNeedMsgID {
			_, err = callShared(bg, handler, msg, value.NewLong(lastID))
		} else {
			_, err = callShared(bg, handler, msg)
		}
		return batch.Rows(), err
	}
}

// topicArgs reads the ([server], tableName, [actionName]) that begin the
// arguments of fn, for a local server.
func topicArgs(env funcs.Env, fn string, args []value.Value) (table, action string, err error) {
	if err = localServer(env, funcs.Arg(args, 0)); err != nil {
		return "", "", err
	}
	return tableActionArgs(fn, args, 1)
}

// tableActionArgs reads fn's tableName and [actionName] at args[i] and
// args[i+1].
func tableActionArgs(fn string, args []value.Value, i int) (table, action string, err error) {
	table, ok := funcs.StringArg(funcs.Arg(args, i))
	if !ok {
		return "", "", ddberr.Errorf("The tableName of %s must be a string.", fn)
	}
	action, _ = funcs.StringArg(funcs.Arg(args, i+1))
	return table, action, nil
}

// localServer accepts an empty server or this node's alias: remote
// publishers are not supported.
func localServer(env funcs.Env, server value.Value) error {
	if funcs.NullOrAbsent(server) {
		return nil
	}
	if s, ok := funcs.StringArg(server); ok && (s == "" || s == funcs.SiteOf(env).Alias) {
		return nil
	}
	return ddberr.Errorf("Subscribing to a stream table on another node is not supported.")
}

// topicOf is DolphinDB's topic: the node's host:port:alias, the table
// and the action, joined by "/".
func topicOf(env funcs.Env, table, action string) string {
	s := funcs.SiteOf(env)
	topic := fmt.Sprintf("%s:%d:%s/%s", s.Host, s.Port, s.Alias, table)
	if action != "" {
		topic += "/" + action
	}
	return topic
}

// sharedStream finds the shared stream table called name.
func sharedStream(h Host, name string) (*value.Table, *stream.Table) {
	v, ok := h.Shared(name)
	if !ok {
		return nil, nil
	}
	if p := stream.Of(v); p != nil {
		return v.(*value.Table), p
	}
	return nil, nil
}

// subscribable is the shared stream table called name, or DolphinDB's
// error for anything else.
func subscribable(h Host, name string) (*value.Table, *stream.Table, error) {
	if t, p := sharedStream(h, name); p != nil {
		return t, p, nil
	}
	return nil, nil, ddberr.Errorf("Cannot subscribe to the table %s. Share this table before subscribing. RefId: S03007", name)
}

// unsubscribeTable([server], tableName, [actionName], [removeOffset=true], [raftGroup]).
func unsubscribeTable(h Host, env funcs.Env, args []value.Value) (value.Value, error) {
	name, action, err := topicArgs(env, "unsubscribeTable", args)
	if err != nil {
		return nil, err
	}
	remove, err := funcs.BoolArg("unsubscribeTable", "removeOffset", funcs.Arg(args, 3), true)
	if err != nil {
		return nil, err
	}
	return nil, registry(h).Unsubscribe(topicOf(env, name, action), remove)
}

// existsSubscriptionTopic([server], tableName, [actionName]).
func existsSubscriptionTopic(h Host, env funcs.Env, args []value.Value) (value.Value, error) {
	name, action, err := topicArgs(env, "existsSubscriptionTopic", args)
	if err != nil {
		return nil, err
	}
	return value.NewBool(registry(h).Exists(topicOf(env, name, action))), nil
}

// removeTopicOffset(topic) forgets the offset a subscription with
// persistOffset=true saved.
func removeTopicOffset(h Host, _ funcs.Env, args []value.Value) (value.Value, error) {
	topic, err := topicArg(args)
	if err != nil {
		return nil, err
	}
	registry(h).RemoveOffset(topic)
	return nil, nil
}

// getTopicProcessedOffset(topic) is the offset of the last message the
// topic's handler processed, -1 when none was.
func getTopicProcessedOffset(h Host, _ funcs.Env, args []value.Value) (value.Value, error) {
	topic, err := topicArg(args)
	if err != nil {
		return nil, err
	}
	r := registry(h)
	for _, s := range r.Subscriptions() {
		if s.Topic == topic {
			return value.NewLong(s.Stats().LastMsgID), nil
		}
	}
	if off, ok := r.Offset(topic); ok {
		return value.NewLong(off), nil
	}
	return value.NewLong(-1), nil
}

// topicArg is the topic that is the first argument.
func topicArg(args []value.Value) (string, error) {
	topic, ok := funcs.StringArg(args[0])
	if !ok {
		return "", ddberr.Errorf("The topic must be a string.")
	}
	return topic, nil
}

// getSubscriptionTopic(tableName, [actionName]): the topic a
// subscription of the shared stream table would have and the table's
// column names.
func getSubscriptionTopic(h Host, env funcs.Env, args []value.Value) (value.Value, error) {
	name, action, err := tableActionArgs("getSubscriptionTopic", args, 0)
	if err != nil {
		return nil, err
	}
	t, _, err := subscribable(h, name)
	if err != nil {
		return nil, err
	}
	return value.NewTuple([]value.Value{value.NewString(topicOf(env, name, action)),
		value.NewStrings(value.String, append([]string(nil), t.Names...))}), nil
}
