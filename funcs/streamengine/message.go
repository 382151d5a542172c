package streamengine

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// engineArg is fn's engine argument: an engine's input table.
func engineArg(fn string, x value.Value) (*value.Table, error) {
	if t, ok := x.(*value.Table); ok {
		if _, ok := t.Stream.(*handle); ok {
			return t, nil
		}
	}
	return nil, ddberr.Errorf("The argument [engine] of %s must be a stream engine.", fn)
}

// appendMsg(engine, msgBody, msgId) is the handler of a subscription
// with handlerNeedMsgId=true to an engine with snapshots
// (funcs/a/appendMsg.md): msgBody, a table or a tuple of columns, is
// appended to the engine. Porpoise's engines take no snapshots, so the
// message id is checked and not kept.
func appendMsg(env funcs.Env, args []value.Value) (value.Value, error) {
	t, err := engineArg("appendMsg", args[0])
	if err != nil {
		return nil, err
	}
	if id, ok := funcs.ScalarArg(args[2]); !ok || id.T.Category() != value.CatIntegral {
		return nil, ddberr.Errorf("The argument [msgId] of appendMsg must be an integer scalar.")
	}
	ins, _ := funcs.Lookup("tableInsert")
	if _, err := env.Call(ins, t, args[1]); err != nil {
		return nil, err
	}
	return nil, nil
}

// getSnapshotMsgId is the id of the last message an engine's latest
// snapshot covers (funcs/g/getSnapshotMsgId.md): -1, as Porpoise's
// engines take no snapshots, so a resubscription from
// getSnapshotMsgId(engine)+1 replays the stream from its start into a
// new engine.
func getSnapshotMsgId(_ funcs.Env, args []value.Value) (value.Value, error) {
	if _, err := engineArg("getSnapshotMsgId", args[0]); err != nil {
		return nil, err
	}
	return value.NewLong(-1), nil
}
