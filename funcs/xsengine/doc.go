// Package xsengine is DolphinDB's cross-sectional engine
// (createCrossSectionalEngine): a keyed table of the latest row per key,
// whose metrics are computed over that cross-section when appends,
// rows, a timer, a count of keys or a data-time window trigger them.
// Its snapshots save and restore the cross-section and the triggers'
// bookkeeping (snapshot.go).
package xsengine
