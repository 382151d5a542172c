// Package statelessengine registers createReactiveStatelessEngine, the
// engine that recomputes, on each append of (product, metric, value)
// rows, every output that depends directly or through other outputs on
// the cells the append set (funcs/c/createReactiveStatelessEngine.md).
// It builds on funcs/streamengine.
package statelessengine
