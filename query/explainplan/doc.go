// Package explainplan runs a select [HINT_EXPLAIN] query and writes the
// JSON plan it returns in place of its result
// (tutorials/DolphinDB_Explain.md).
package explainplan
