// Package explainplan writes the JSON plan a select [HINT_EXPLAIN] query
// returns in place of its result (tutorials/DolphinDB_Explain.md).
package explainplan
