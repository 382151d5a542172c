// Package statelessengine registers createReactiveStatelessEngine, the
// stream engine (over funcs/streamengine) that recomputes, on each append
// of (product, metric, value) rows, every output depending directly or
// through other outputs on the cells the append set
// (funcs/c/createReactiveStatelessEngine.md).
package statelessengine
