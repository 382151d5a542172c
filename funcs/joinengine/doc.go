// Package joinengine is DolphinDB's streaming join engines, each fed by
// a left and a right input (appendForJoin, getLeftStream,
// getRightStream): the lookup join engine (createLookupJoinEngine),
// which joins each left row to the latest right row of its key, and the
// asof join engine (createAsofJoinEngine), which joins it to the right
// row of its key at or before its time.
package joinengine
