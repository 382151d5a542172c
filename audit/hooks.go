package audit

import (
	"context"
	"fmt"
	"time"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/insert"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/sqlparse/unparse"
	"github.com/porpoisedb/porpoise/value"
)

// The hooks below are deferred by package dfs in the operations it
// performs for any caller (append!, tableInsert, INSERT INTO, upsert!,
// SQL update and delete, addColumn, rename!, replaceColumn!, dropColumns!): each records the operation, begun at start, once its
// results are known, and nothing when it failed or (but for SQL update
// and delete) changed no row.

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

// Rewrote records SQL's update or delete stmt on db.table, which changed
// *n rows: SQL_UPDATE with updatedRows or SQL_DELETE with deletedRows,
// after the statement's text, unparsed as DolphinDB prints a statement
// before its error. A statement that changed no row is recorded too,
// with 0: funcs/g/getauditlog.md records each completed statement with
// its count and makes no exception for none.
func Rewrote(ctx context.Context, start time.Time, db, table string, stmt ast.Node, n *int, err *error) {
	if *err != nil {
		return
	}
	op, rows := "SQL_UPDATE", "updatedRows"
	if _, ok := stmt.(*ast.DeleteStmt); ok {
		op, rows = "SQL_DELETE", "deletedRows"
	}
	Record(ctx, start, db, table, op, fmt.Sprintf("script=[%s], %s=%d", unparse.Statement(stmt), rows, *n))
}

// AddedColumns records addColumn on db.table: an ADD_COLUMN per column.
func AddedColumns(ctx context.Context, start time.Time, db, table string, names []string, types []value.Type, scales []int32, err *error) {
	if *err != nil {
		return
	}
	for i, name := range names {
		Record(ctx, start, db, table, "ADD_COLUMN", fmt.Sprintf("colName=[%s], colType=[%s]", name, funcs.TypeString(types[i], scales[i])))
	}
}

// ReplacedColumn records replaceColumn! on db.table, which changed the
// column name from type from to type to.
func ReplacedColumn(ctx context.Context, start time.Time, db, table, name string, from value.Type, fromScale int32, to value.Type, toScale int32, err *error) {
	if *err == nil {
		Record(ctx, start, db, table, "REPLACE_COLUMN", fmt.Sprintf("colName=[%s], colType=[%s], newColType=[%s]",
			name, funcs.TypeString(from, fromScale), funcs.TypeString(to, toScale)))
	}
}
