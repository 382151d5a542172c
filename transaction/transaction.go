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

// Snapshot holds copies of tables to put back, and the engines taking
// part in the block (Join).
type Snapshot struct {
	tables, copies []*value.Table
	joined         map[any]Participant
	order          []Participant
}

// Isolated is the publisher (value.Table.Stream) of a table a block
// works on a private copy of, which its commit makes the table (an
// IMOLTP table), so other sessions don't see the block's changes before
// it commits.
type Isolated interface {
	// Private is the copy of the table for the block ctx runs, the
	// table itself outside a block.
	Private(ctx context.Context) *value.Table
}

// Participant is an engine's part in a block: its changes are kept
// apart until Commit, and Rollback drops them.
type Participant interface {
	Commit() error
	Rollback()
}

// Take copies the in-memory tables among vals, and those partitioned
// tables among them are made of (extpart.Partitioned); an Isolated
// table needs no copy.
func Take(vals []value.Value) *Snapshot {
	s := &Snapshot{}
	for _, v := range vals {
		if p, ok := v.(extpart.Partitioned); ok {
			for _, t := range p.ExternalPartitions() {
				s.add(t)
			}
		}
		if t, ok := v.(*value.Table); ok {
			if _, iso := t.Stream.(Isolated); !iso {
				s.add(t)
			}
		}
	}
	return s
}

// Join is the participant of the block ctx runs under key, made by
// create when the block has none; nil outside a block.
func Join(ctx context.Context, key any, create func() Participant) Participant {
	s, _ := ctx.Value(withinKey{}).(*Snapshot)
	if s == nil {
		return nil
	}
	if p, ok := s.joined[key]; ok {
		return p
	}
	if s.joined == nil {
		s.joined = map[any]Participant{}
	}
	p := create()
	s.joined[key] = p
	s.order = append(s.order, p)
	return p
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
	for _, p := range s.order {
		p.Rollback()
	}
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
// without an error. Otherwise the participants commit, and one failing
// to puts everything back.
func (s *Snapshot) Finish(err error) error {
	var end End
	if errors.As(err, &end) {
		if end.Rollback {
			s.Restore()
			return nil
		}
		err = nil
	}
	if err == nil {
		err = s.commit()
	}
	if err != nil {
		s.Restore()
	}
	return err
}

// commit commits the participants.
func (s *Snapshot) commit() error {
	for _, p := range s.order {
		if err := p.Commit(); err != nil {
			return err
		}
	}
	return nil
}

// withinKey marks the context of a transaction block's statements.
type withinKey struct{}

// Enter marks *ctx as the context of the block s's statements, and
// gives the variables of frame among names holding an Isolated table
// the block's copy of it; the function it returns puts the unmarked
// context and those variables back.
func (s *Snapshot) Enter(ctx *context.Context, frame map[string]value.Value, names []string) func() {
	old := *ctx
	*ctx = context.WithValue(old, withinKey{}, s)
	type swap struct{ orig, copy value.Value }
	swapped := map[string]swap{}
	for _, name := range names {
		t, ok := frame[name].(*value.Table)
		if !ok {
			continue
		}
		if iso, ok := t.Stream.(Isolated); ok {
			if c := iso.Private(*ctx); c != t {
				frame[name] = c
				swapped[name] = swap{t, c}
			}
		}
	}
	return func() {
		for name, sw := range swapped {
			// a variable the block assigned keeps its new value
			if frame[name] == sw.copy {
				frame[name] = sw.orig
			}
		}
		*ctx = old
	}
}

// InBlock reports whether ctx runs a transaction block's statements,
// where IMOLTP refuses DDL (S07003).
func InBlock(ctx context.Context) bool { return ctx.Value(withinKey{}) != nil }
