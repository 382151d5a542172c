package transaction

import (
	"context"
	"errors"

	"github.com/porpoisedb/porpoise/extpart"
	"github.com/porpoisedb/porpoise/insert"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/sqlparse/astwalk"
	"github.com/porpoisedb/porpoise/value"
)

// Names are the names stmts use, and those the bodies of the functions
// they call use, transitively; body gives a user function's body (nil
// for any other name).
func Names(stmts []ast.Stmt, body func(name string) []ast.Stmt) []string {
	seen := map[string]bool{}
	var out []string
	var visit func(stmts []ast.Stmt)
	visit = func(stmts []ast.Stmt) {
		for _, st := range stmts {
			astwalk.Inspect(st, func(n ast.Node) bool {
				id, ok := n.(*ast.Ident)
				if !ok || seen[id.Name] {
					return true
				}
				seen[id.Name] = true
				out = append(out, id.Name)
				visit(body(id.Name))
				return true
			})
		}
	}
	visit(stmts)
	return out
}

// Snapshot holds copies of tables to put back.
type Snapshot struct {
	tables, copies []*value.Table
}

// Take copies the in-memory tables among vals, and those partitioned
// tables among them are made of (extpart.Partitioned).
func Take(vals []value.Value) *Snapshot {
	s := &Snapshot{}
	for _, v := range vals {
		if p, ok := v.(extpart.Partitioned); ok {
			for _, t := range p.ExternalPartitions() {
				s.add(t)
			}
		}
		if t, ok := v.(*value.Table); ok {
			s.add(t)
		}
	}
	return s
}

// add keeps a copy of t to put back.
func (s *Snapshot) add(t *value.Table) {
	s.tables = append(s.tables, t)
	s.copies = append(s.copies, value.DeepCopy(t).(*value.Table))
}

// Restore gives every table its copied columns back, in place, so every
// variable and shared name holding it sees the rollback; a persisted MVCC
// table's file is rewritten to match. The block's own error is what the
// statement reports, so a rewrite that fails too (its file then keeps the
// block's changes) is not reported over it.
func (s *Snapshot) Restore() {
	for i, t := range s.tables {
		c := s.copies[i]
		t.Names, t.Cols = c.Names, c.Cols
		if t.IsKeyed() {
			t.RebuildKeys()
		}
		_ = insert.Changed(t)
	}
}

// End is what commit and rollback raise: the transaction block they are
// in ends there, its changes kept (commit) or put back (rollback).
type End struct{ Rollback bool }

// Error implements error, for a commit or rollback outside any block.
func (e End) Error() string {
	if e.Rollback {
		return "rollback is only allowed in a transaction block"
	}
	return "commit is only allowed in a transaction block"
}

// Finish ends the block whose statements ended with err: a failure or a
// rollback puts the tables back; a commit or rollback ends the block
// without an error.
func (s *Snapshot) Finish(err error) error {
	var end End
	if errors.As(err, &end) {
		if end.Rollback {
			s.Restore()
		}
		return nil
	}
	if err != nil {
		s.Restore()
	}
	return err
}

// withinKey marks the context of a transaction block's statements.
type withinKey struct{}

// Enter marks *ctx as the context of a transaction block's statements,
// and returns the function that puts the unmarked one back.
func Enter(ctx *context.Context) func() {
	old := *ctx
	*ctx = context.WithValue(old, withinKey{}, true)
	return func() { *ctx = old }
}

// InBlock reports whether ctx runs a transaction block's statements,
// where IMOLTP refuses DDL (S07003).
func InBlock(ctx context.Context) bool { return ctx.Value(withinKey{}) != nil }
