// Package mvcc registers DolphinDB's MVCC tables (mvccTable,
// loadMvccTable) and keeps a persisted one on disk: <path>/<tableName>.tbl
// is a log of records (a snapshot of the table, then each appended
// batch), every record written and fsynced before the statement that made
// it returns; an update or delete rewrites the file as one snapshot,
// atomically. The table is an in-memory table whose Stream field holds
// the store (insert.Durable), so the append, update and delete paths
// tell it of their changes.
package mvcc
