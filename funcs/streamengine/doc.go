// Package streamengine owns DolphinDB's stream engines as named objects:
// one namespace of engine names per server, each engine's input table
// (which consumes every append made to it, by any append path or as a
// subscription's handler), the functions that find, list, describe and
// drop engines, and what every kind of engine shares: a background
// interpreter of its creator, its metrics as code, the queries that
// compute them and the writing of results to its output, its groups of
// rows by key (Groups), the first window's alignment (FirstEnd), and
// snapshots: the options every engine reports (Snapshot), and for the
// engines that save their state (Snapshotter, made by
// CreateWithSnapshot) the message ids appendMsg brings, the saving of
// <name>.snapshot files every snapshotIntervalInMsgCount messages and
// their loading when the engine is created again, and the pieces an
// engine's saved state is read back with (state.go). The kinds of
// engine (createTimeSeriesEngine and its kin) are packages of their own
// that build on Create.
package streamengine
