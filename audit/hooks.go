package audit

import (
	"context"
	"fmt"
	"time"

	"github.com/porpoisedb/porpoise/insert"
)

// The hooks below are deferred by package dfs in the operations it
// performs for any caller (append!, tableInsert, INSERT INTO, upsert!,
// dropColumns!): each records the operation, begun at start, once its
// results are known, and nothing when it failed or changed no row.

// Appended records an append of *n rows to db.table: APPEND for a TRANS
// database or a dimension table, APPEND_CHUNK_GRANULARITY for a
// partitioned table of a CHUNK database.
func Appended(ctx context.Context, start time.Time, db, table string, chunkGranularity bool, n *int, err *error) {
	if *err != nil || *n == 0 {
		return
	}
	op := "APPEND"
	if chunkGranularity {
		op = "APPEND_CHUNK_GRANULARITY"
	}
	Record(ctx, start, db, table, op, fmt.Sprintf("appendedRows=%d", *n))
}

// Upserted records an upsert into db.table.
func Upserted(ctx context.Context, start time.Time, db, table string, res *insert.Result, err *error) {
	if *err != nil || res.Inserted+res.Updated == 0 {
		return
	}
	Record(ctx, start, db, table, "UPSERT", fmt.Sprintf("insertedRows=%d, updatedRows=%d", res.Inserted, res.Updated))
}

// Done records opType on db.table with detail when *err is nil.
func Done(ctx context.Context, start time.Time, db, table, opType, detail string, err *error) {
	if *err == nil {
		Record(ctx, start, db, table, opType, detail)
	}
}
