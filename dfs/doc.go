// Package dfs owns databases and partitioned tables: in-memory partitioned
// tables of database("") and dfs:// tables persisted in storage, their
// catalog (schemes and schemas), scans, appends, upserts and chunk
// rewrites under the database's TRANS/CHUNK atomicity, column changes
// committed with their chunk rewrites as one step that readers see whole
// (alter.go, schema.go), and partition pruning from where-clauses.
//
// It works on values, contexts and sqlparse expressions only: it may not
// touch sessions, the interpreter, SQL execution or the wire. What it needs
// from the interpreter (evaluating an expression, knowing which function a
// name runs) comes in as an Evaluator; append rules come from insert,
// partition mapping from partition and chunk transactions from storage.
package dfs
