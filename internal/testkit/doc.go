// Package testkit runs DolphinDB scripts for the tests of other packages,
// in an engine session or over a client connection, failing the test on
// any error, and the property test the stream engines' snapshots share
// (SnapshotProperty: cut a stream, restore, compare with an engine that
// never stopped), and lists a directory's entries (DirNames).
//
// It is imported by _test.go files only; the engine package's own
// in-package tests cannot import it (testkit imports engine).
package testkit
