// Package joinengine is DolphinDB's streaming join engines, each fed by
// a left and a right input (appendForJoin, getLeftStream,
// getRightStream): the lookup join engine (createLookupJoinEngine),
// which joins each left row to the latest right row of its key; the
// asof join engine (createAsofJoinEngine), which joins it to the right
// row of its key at or before its time; the equi join engine
// (createEquiJoinEngine), which joins rows of equal key and time from
// either side; and the left semi join engine (createLeftSemiJoinEngine),
// which joins each left row to the first or latest right row of its key
// once there is one; and the window join engine
// (createWindowJoinEngine), which computes metrics over the right rows
// of each left row's time window.
package joinengine
