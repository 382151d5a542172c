// Package stream is the server side of DolphinDB's streaming: the
// publishing state of stream tables (the rows each append adds, purged
// from memory past a cache size, persisted as tables in package storage's
// store) and local subscriptions, each delivering a table's new rows to
// its handler in order, in batches, from a goroutine the subscription owns
// and that unsubscribing, dropping the table or closing the engine stops.
//
// A stream table is a value.Table whose Stream field holds a *Table; the
// append paths (package insert) call its Published hook. What a handler
// is (a function, a table to append to) and how a batch is filtered
// belong to the script functions (package funcs/streaming), which hand
// this package a Deliver function.
package stream
