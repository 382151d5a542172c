// Package imoltp is DolphinDB's in-memory OLTP engine (IMOLTP,
// db_distr_comp/db/imoltp.md): oltp:// databases, createIMOLTPTable's
// row tables with a unique primary key and unique or non-unique secondary
// keys, and their durability. A table is an in-memory table whose Stream
// field holds its store (insert.Durable), so the SQL and append paths
// run on it unchanged while the store enforces the unique keys and logs
// each committed change to a redo file under <data dir>/IMOLTP;
// triggerCheckpointForIMOLTP (and a redo file past its threshold) writes
// every table to the checkpoint file and starts a new redo file, and the
// first IMOLTP operation after a restart replays both. Each key is a
// B-tree of the rows' order-preserving key bytes (index.go), which
// inserts check unique keys against and queries' key conditions are
// answered from (keyindex.Ordered); an update or delete finds its rows
// there too and moves only those rows' keys and logs only those rows
// (rows.go, insert.RowWriter). schema() names the IMOLTP engine. A
// transaction block works on private copies of the tables and commits
// them whole, or row by row when another transaction changed the table
// meanwhile, conflicting only on a row or unique key both wrote (txn.go,
// merge.go). The IMOLTP
// configuration keys come from package config; a timer the state owns
// takes the checkpoints IMOLTPCheckpointInterval asks for.
package imoltp
