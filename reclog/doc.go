// Package reclog keeps a bounded list of records in memory and in an
// append-only file that a restart reloads: the node's audit trails and
// resource-tracking logs. Past its bound a log drops its oldest tenth,
// from memory and (by an atomic rewrite) from the file, which is
// DolphinDB's log rotation and retention in one. It knows nothing of
// what the records mean: a Format says how a file holds them.
package reclog
