// Package rsengine is DolphinDB's reactive state engine
// (createReactiveStateEngine, createNarrowReactiveStateEngine): an engine
// that answers every input row with one output row of metrics computed
// over the history of the row's key, as `context by` computes them,
// and createDualOwnershipReactiveStateEngine, two such engines keyed
// apart over the same rows. Each engine's state (each key's rows its
// metrics still reach and its states of the state functions) is saved
// and restored through streamengine's snapshots (snapshot.go).
package rsengine
