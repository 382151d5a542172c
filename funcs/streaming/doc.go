// Package streaming declares DolphinDB's stream-table and subscription
// functions (streamTable, keyedStreamTable, the latest keyed tables,
// subscribeTable, unsubscribeTable, persistence and cache purge, and the
// functions that list and drop stream tables and topics) over package
// stream, which owns the publishing state and the subscription
// goroutines. It reaches the engine through Host.
package streaming
