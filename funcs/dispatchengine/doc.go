// Package dispatchengine registers createStreamDispatchEngine, the
// engine that spreads each append over its output tables by the key
// column, keeping a key's rows on one table, and copies it to each group
// of outputs when given several (funcs/c/createStreamDispatchEngine.md).
// It builds on funcs/streamengine.
package dispatchengine
