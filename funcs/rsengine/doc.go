// Package rsengine is DolphinDB's reactive state engine
// (createReactiveStateEngine, createNarrowReactiveStateEngine): an engine
// that answers every input row with one output row of metrics computed
// over the history of the row's key, as `context by` computes them.
package rsengine
