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
// appended to the engine, whose next snapshot, when the append makes
// one due, covers the messages up to msgId. Plain appends change the
// engine's state and count toward the interval but make no snapshot, as
// they carry no message id.
func appendMsg(env funcs.Env, args []value.Value) (value.Value, error) {
	t, err := engineArg("appendMsg", args[0])
	if err != nil {
		return nil, err
	}
	id, ok := funcs.ScalarArg(args[2])
	if !ok || id.T.Category() != value.CatIntegral {
		return nil, ddberr.Errorf("The argument [msgId] of appendMsg must be an integer scalar.")
	}
	ins, _ := funcs.Lookup("tableInsert")
	if _, err := env.Call(ins, t, args[1]); err != nil {
		return nil, err
	}
	return nil, t.Stream.(*handle).consumedMsg(id.I)
}

// getSnapshotMsgId is the id of the last message an engine's latest
// snapshot covers, the one it restored at its creation included
// (funcs/g/getSnapshotMsgId.md): -1 before any snapshot (as
// tutorials/streaming_tutorial.md's section 4.3 says), so a
// resubscription from getSnapshotMsgId(engine)+1 replays the stream from
// its start.
func getSnapshotMsgId(_ funcs.Env, args []value.Value) (value.Value, error) {
	t, err := engineArg("getSnapshotMsgId", args[0])
	if err != nil {
		return nil, err
	}
	h := t.Stream.(*handle)
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.snap == nil {
		return value.NewLong(-1), nil
	}
	return value.NewLong(h.snap.msgID), nil
}
