package engine

import (
	"github.com/porpoisedb/porpoise/exception"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/transaction"
	"github.com/porpoisedb/porpoise/value"
)

// execThrow raises the user exception `throw x` (package exception).
func (in *interp) execThrow(n *ast.ThrowStmt) error {
	v, err := in.eval(n.X)
	if err != nil {
		return err
	}
	return exception.Throw(v)
}

// execAssert checks `assert [case,] x` (package exception).
func (in *interp) execAssert(n *ast.AssertStmt) error {
	var c value.Value
	if n.Case != nil {
		var err error
		if c, err = in.eval(n.Case); err != nil {
			return err
		}
	}
	v, err := in.eval(n.X)
	if err != nil {
		return err
	}
	return exception.Assert(c, v)
}

// execTransaction runs a transaction block (package transaction): the
// shared objects it may change stay locked for writing while it runs,
// and its in-memory tables are put back when a statement fails.
func (in *interp) execTransaction(n *ast.TransactionStmt) (flow, value.Value, error) {
	names := transaction.Names(n.Body, func(name string) []ast.Stmt {
		if f, ok := in.s.defs[name]; ok {
			return f.body
		}
		return nil
	})
	var vals []value.Value
	for _, name := range names {
		if v, ok := in.frame[name]; ok {
			vals = append(vals, v)
		} else if v, ok := in.s.eng.Shared(name); ok {
			vals = append(vals, v)
		}
	}
	release, err := in.s.lockObjects(names, vals, true)
	if err != nil {
		return flowNext, nil, err
	}
	defer release()
	snap := transaction.Take(vals)
	defer snap.Enter(&in.ctx, in.frame, names)()
	f, v, err := in.execBlock(n.Body)
	return f, v, snap.Finish(err)
}
