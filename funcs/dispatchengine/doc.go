// Package dispatchengine registers createStreamDispatchEngine, the
// stream engine (over funcs/streamengine) that spreads each append over
// its output tables by the key column, a key's rows always to one table,
// and copies it to each group of outputs when given several
// (funcs/c/createStreamDispatchEngine.md).
package dispatchengine
