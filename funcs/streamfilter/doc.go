// Package streamfilter registers streamFilter, DolphinDB's stream
// dispatching engine, and owns the msgBody format of heterogeneous stream
// tables: EncodeRows serializes a table's rows as replay writes them into
// a BLOB column (dbfuncs' heterogeneous replay calls it) and DecodeRows
// parses them back given the table's schema, as the engine and the APIs'
// StreamDeserializer do. The engine takes each append (or subscription
// message), parses heterogeneous rows by their key's schema, keeps the
// rows each filter's condition and time ranges select and hands them, in
// order, to the filter's handler: a table, another engine's input or a
// function. It builds on funcs/streamengine.
package streamfilter
