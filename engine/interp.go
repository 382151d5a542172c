package engine

import (
	"context"
	"fmt"
	"github.com/porpoisedb/porpoise/engine/mutparam"
	"time"

	"github.com/porpoisedb/porpoise/access"
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/engine/forloop"
	"github.com/porpoisedb/porpoise/engine/litval"
	"github.com/porpoisedb/porpoise/exception"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/system"
	"github.com/porpoisedb/porpoise/insert"
	"github.com/porpoisedb/porpoise/literal"
	"github.com/porpoisedb/porpoise/modules"
	"github.com/porpoisedb/porpoise/oop"
	"github.com/porpoisedb/porpoise/operator"
	"github.com/porpoisedb/porpoise/query"
	"github.com/porpoisedb/porpoise/query/indexupdate"
	"github.com/porpoisedb/porpoise/readonly"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/sqlparse/exprs"
	"github.com/porpoisedb/porpoise/stmterr"
	"github.com/porpoisedb/porpoise/transaction"
	"github.com/porpoisedb/porpoise/value"
)

// interp evaluates statements and expressions in one frame of variables
// (the session's at top level, a fresh one inside a function call).
type interp struct {
	s *Session
	// ctx is the running request's: cancelling it stops loops between
	// statements.
	ctx   context.Context
	frame map[string]value.Value
	depth int
	// nest is how deeply the expression being evaluated is nested.
	nest int
	// row is the table whose columns are in scope inside a SQL clause
	// (and how a SQL join qualifies them); nil elsewhere.
	row *query.Scope
	// ro are the frame's const variables, parameters declared without
	// mutable (read-only in the function body) and mutable parameters.
	ro *readonly.Names
	// mod is the module whose function is running, nil outside modules:
	// its functions and the modules it uses come first (modules.go).
	mod *modules.Module
	// self is the object whose method is running, nil elsewhere.
	self *oop.Object
	// code is set while metacode is evaluated (eval, parseExpr(...).eval()),
	// where DolphinDB reads a name no variable holds as a column.
	code bool
	// exposed is set once the interpreter was handed to what may keep it
	// (a built-in takes it as its Env): its frame serves no other call.
	exposed bool
}

type flow uint8

const (
	flowNext flow = iota
	flowBreak
	flowContinue
	flowReturn
)

const maxCallDepth = 200

// execTop runs a script's statements and returns the last statement's
// value.
func (in *interp) execTop(stmts []ast.Stmt) (value.Value, error) {
	var last value.Value
	for i, st := range stmts {
		if err := in.ctx.Err(); err != nil {
			return nil, err
		}
		f, v, err := in.execKeep(st, i == len(stmts)-1)
		if err != nil {
			return nil, stmterr.Top(err)
		}
		last = v
		if f == flowReturn {
			return v, nil
		}
	}
	return last, nil
}

func (in *interp) execBlock(stmts []ast.Stmt) (flow, value.Value, error) {
	return in.execBlockKeep(stmts, true)
}

// execBlockKeep runs stmts; keepLast says whether the caller uses the
// last statement's value (a loop body's is thrown away).
func (in *interp) execBlockKeep(stmts []ast.Stmt, keepLast bool) (flow, value.Value, error) {
	var last value.Value
	for i, st := range stmts {
		f, v, err := in.execKeep(st, keepLast && i == len(stmts)-1)
		if err != nil || f != flowNext {
			return f, v, err
		}
		last = v
	}
	return flowNext, last, nil
}

// exec runs one statement whose value the caller uses.
func (in *interp) exec(st ast.Stmt) (flow, value.Value, error) {
	return in.execKeep(st, true)
}

// execKeep runs one statement; a simple one runs holding the locks of
// the shared objects it names (shared_lock.go). Unless keep is set or the
// statement returns, its value is thrown away, so a value exposing a
// shared table is not copied: `t.append!(x)` on a shared t in a loop
// would otherwise copy the whole table on every pass.
func (in *interp) execKeep(st ast.Stmt, keep bool) (flow, value.Value, error) {
	switch st.(type) {
	case *ast.ExprStmt, *ast.AssignStmt, *ast.ReturnStmt, *ast.InsertStmt,
		*ast.UpdateStmt, *ast.DeleteStmt, *ast.ShareStmt, *ast.ThrowStmt,
		*ast.AssertStmt:
		release, err := in.lockShared(st)
		if err != nil {
			return flowNext, nil, stmterr.Mark(st, err)
		}
		defer release()
		f, v, err := in.execStmt(st)
		if err == nil && (keep || f == flowReturn) { // a failed call's value may be a typed nil
			v = in.s.detach(v)
		}
		return f, v, stmterr.Mark(st, err)
	}
	return in.execStmt(st)
}

// cond is the truth of an if or loop condition, evaluated as evalLocked
// does.
func (in *interp) cond(e ast.Expr) (bool, error) {
	c, err := in.evalLocked(e)
	if err != nil {
		return false, err
	}
	return funcs.Truth(c)
}

// evalLocked evaluates a loop or if condition holding the locks of the
// shared objects it names.
func (in *interp) evalLocked(e ast.Expr) (value.Value, error) {
	release, err := in.lockShared(e)
	if err != nil {
		return nil, err
	}
	defer release()
	return in.eval(e)
}

func (in *interp) execStmt(st ast.Stmt) (flow, value.Value, error) {
	switch n := st.(type) {
	case *ast.ExprStmt:
		v, err := in.eval(n.X)
		return flowNext, v, err
	case *ast.AssignStmt:
		if n.Ref {
			return flowNext, nil, in.assignRef(n)
		}
		if err := in.assign(n); err != nil || !n.Const {
			return flowNext, nil, err
		}
		in.ro.Declare(n.Targets[0].(*ast.Ident).Name)
		return flowNext, nil, nil
	case *ast.DefStmt:
		if n.Body == nil { // only declared: defined further down
			return flowNext, nil, nil
		}
		in.s.defs[n.Name] = newUserFunc(userFunc{name: n.Name, aggregate: n.Aggregate, params: n.Params, body: n.Body})
		in.s.funcsGen++
		return flowNext, nil, nil
	case *ast.IfStmt:
		ok, err := in.cond(n.Cond)
		if err != nil {
			return flowNext, nil, err
		}
		if ok {
			return in.execBlock(n.Then)
		}
		return in.execBlock(n.Else)
	case *ast.ForStmt:
		return in.execFor(n)
	case *ast.WhileStmt:
		return in.loop(n.Cond, false, n.Body, nil)
	case *ast.DoWhileStmt:
		return in.loop(n.Cond, true, n.Body, nil)
	case *ast.ReturnStmt:
		if n.X == nil {
			return flowReturn, nil, nil
		}
		v, err := in.eval(n.X)
		return flowReturn, v, err
	case *ast.BreakStmt:
		return flowBreak, nil, nil
	case *ast.ContinueStmt:
		return flowContinue, nil, nil
	case *ast.TxnEndStmt:
		return flowNext, nil, transaction.End{Rollback: n.Rollback}
	case *ast.TryStmt:
		f, v, err := in.execBlock(n.Body)
		if err == nil {
			return f, v, nil
		}
		if n.CatchVar != "" {
			in.frame[n.CatchVar] = exception.Caught(stmterr.Strip(err))
		}
		return in.execBlock(n.Catch)
	case *ast.ShareStmt:
		return flowNext, nil, in.execShare(n)
	case *ast.UndefStmt:
		return flowNext, nil, in.execUndef(n)
	case *ast.TimerStmt:
		return in.execTimer(n)
	case *ast.InsertStmt:
		return flowNext, nil, query.Insert(in, n)
	case *ast.UpdateStmt:
		return flowNext, nil, query.Update(in, n)
	case *ast.DeleteStmt:
		return flowNext, nil, query.Delete(in, n)
	case *ast.TransactionStmt:
		return in.execTransaction(n)
	case *ast.ClassStmt:
		return flowNext, nil, in.s.classes.Define(n)
	case *ast.GoStmt, *ast.ModuleStmt, *ast.MaprStmt:
		// mapr declares how a cluster splits a user aggregate; Porpoise
		// runs the aggregate over each group's rows, which that split
		// only speeds up
		return flowNext, nil, nil
	case *ast.UseStmt:
		return flowNext, nil, in.s.use(n.Name)
	case *ast.ThrowStmt:
		return flowNext, nil, in.execThrow(n)
	case *ast.AssertStmt:
		return flowNext, nil, in.execAssert(n)
	}
	return flowNext, nil, fmt.Errorf("unsupported statement %T", st)
}

func (in *interp) execLoopBody(body []ast.Stmt) (flow, value.Value, error) {
	if err := in.ctx.Err(); err != nil {
		return flowNext, nil, err
	}
	f, v, err := in.execBlockKeep(body, false)
	if f == flowContinue {
		f = flowNext
	}
	return f, v, err
}

// loop runs body while cond holds (nil: for ever), testing it before
// each pass, or before each pass but the first when condAfter
// (do-while); post runs after each pass (a C-style for).
func (in *interp) loop(cond ast.Expr, condAfter bool, body []ast.Stmt, post ast.Stmt) (flow, value.Value, error) {
	for pass := 0; ; pass++ {
		if cond != nil && (pass > 0 || !condAfter) {
			if ok, err := in.cond(cond); err != nil || !ok {
				return flowNext, nil, err
			}
		}
		f, v, err := in.execLoopBody(body)
		if err != nil || f == flowReturn {
			return f, v, err
		}
		if f == flowBreak {
			return flowNext, nil, nil
		}
		if post != nil {
			if _, _, err := in.execKeep(post, false); err != nil {
				return flowNext, nil, err
			}
		}
	}
}

func (in *interp) execFor(n *ast.ForStmt) (flow, value.Value, error) {
	if n.Iter == nil {
		if n.Init != nil {
			if _, _, err := in.execKeep(n.Init, false); err != nil {
				return flowNext, nil, err
			}
		}
		return in.loop(n.Cond, false, n.Body, n.Post)
	}
	it, err := in.evalLocked(n.Iter)
	if err != nil {
		return flowNext, nil, err
	}
	count, items, err := forloop.Items(it)
	if err != nil {
		return flowNext, nil, err
	}
	for i := 0; i < count; i++ {
		in.frame[n.Var] = items(i)
		f, v, err := in.execLoopBody(n.Body)
		if err != nil || f == flowReturn {
			return f, v, err
		}
		if f == flowBreak {
			break
		}
	}
	return flowNext, nil, nil
}

func (in *interp) execTimer(n *ast.TimerStmt) (flow, value.Value, error) {
	times := 1
	if n.Count != nil {
		c, err := in.eval(n.Count)
		if err != nil {
			return flowNext, nil, err
		}
		k, err := funcs.IntScalar("timer", c)
		if err != nil {
			return flowNext, nil, err
		}
		times = int(k)
	}
	start := time.Now()
	for i := 0; i < times; i++ {
		if f, v, err := in.execBlock(n.Body); err != nil || f == flowReturn {
			return f, v, err
		}
	}
	elapsed := time.Since(start)
	fmt.Fprintf(in.s.out, "Time elapsed: %s ms\n", value.FormatFloat(float64(elapsed.Microseconds())/1000, 3))
	return flowNext, nil, nil
}

// execUndef runs the statement form of undef; `undef all` without a
// kind removes the variables and the function definitions.
func (in *interp) execUndef(n *ast.UndefStmt) error {
	kinds := []system.ObjKind{system.VarObj}
	if n.Kind != "" {
		k, _ := literal.Constant(n.Kind)
		kinds[0] = system.ObjKind(k.(*value.Scalar).I)
	} else if n.All {
		kinds = append(kinds, system.DefObj)
	}
	names := n.Names
	if n.All {
		names = []string{"all"}
	}
	for _, k := range kinds {
		for _, name := range names {
			if err := in.Undefine(name, k); err != nil {
				return err
			}
		}
	}
	return nil
}

func (in *interp) execShare(n *ast.ShareStmt) error {
	v, err := in.eval(n.X)
	if err != nil {
		return err
	}
	nameV, err := in.eval(n.Name)
	if err != nil {
		return err
	}
	name, ok := funcs.StringArg(nameV)
	if !ok {
		return ddberr.Errorf("The shared name must be a string.")
	}
	return in.s.eng.shareObject(v, name, false, in.s.user)
}

func (in *interp) assign(n *ast.AssignStmt) error {
	eval := in.eval
	if n.Op != "=" && len(n.Targets) == 1 {
		eval = in.operand // x += 1: only the operator reads it (assignTo)
	}
	v, err := eval(n.Value)
	if err != nil {
		return err
	}
	if len(n.Targets) > 1 {
		parts, err := access.Spread(v, len(n.Targets))
		if err != nil {
			return err
		}
		for i, t := range n.Targets {
			if err := in.assignTo(t, parts[i], "=", nil); err != nil {
				return err
			}
		}
		return nil
	}
	if id, ok := n.Targets[0].(*ast.Ident); ok && n.Op == "=" && in.isAsisCall(n.Value) && !in.sharedOnly(id.Name) {
		if err := in.ro.CheckAssign(id); err != nil {
			return err
		}
		in.frame[id.Name] = v
		return nil
	}
	return in.assignTo(n.Targets[0], v, n.Op, n.Value)
}

// sharedOnly reports whether name is a shared object the frame does not
// shadow: such a name can't be assigned.
func (in *interp) sharedOnly(name string) bool {
	_, ok := in.s.eng.Shared(name)
	return ok && in.frame[name] == nil
}

// isAsisCall reports whether e is a call of the built-in asis: assigning
// its result binds the variable to the argument's object itself instead
// of a copy, so a change through either name shows in the other.
func (in *interp) isAsisCall(e ast.Expr) bool {
	c, ok := e.(*ast.CallExpr)
	if !ok || len(c.Args) != 1 {
		return false
	}
	id, ok := c.Fn.(*ast.Ident)
	if !ok || id.Name != "asis" {
		return false
	}
	_, user := in.s.defs[id.Name]
	return !user
}

func (in *interp) assignTo(target ast.Expr, v value.Value, op string, src ast.Expr) error {
	if err := in.ro.CheckAssign(target); err != nil {
		return err
	}
	if op != "=" {
		cur, err := in.eval(target)
		if err != nil {
			return err
		}
		v, err = operator.Binary(op[:len(op)-1], cur, v)
		if err != nil {
			return err
		}
		v = litval.Owned(v, src)
		if src != nil && value.IsContainer(v) {
			// ownedValue reads src of a container only: x += 1 in a loop
			// builds no node for a scalar
			src = &ast.BinaryExpr{Op: op[:len(op)-1], L: target, R: src}
		}
	}
	switch t := target.(type) {
	case *ast.Ident:
		if in.sharedOnly(t.Name) {
			return ddberr.Errorf("Can't assign a value to the shared variable '%s'.", t.Name)
		}
		if in.self != nil && in.frame[t.Name] == nil {
			if err := in.self.SetAttr(t.Name, v); err == nil {
				return nil
			}
		}
		if op != "=" && in.ro.Mutable(t.Name) {
			if mutparam.Store(in.frame[t.Name], v) {
				return nil
			}
		}
		in.frame[t.Name] = in.ownedValue(v, t.Name, src)
		return nil
	case *ast.IndexExpr:
		root, err := in.keyPath(target)
		if err != nil {
			return err
		}
		base, err := in.eval(t.X)
		if err != nil {
			return err
		}
		if tu, ok := t.Index.(*ast.TupleExpr); ok && access.AssignsN(base) && len(tu.Elems) == 2 {
			sel, err := in.indexSels(tu)
			if err != nil {
				return err
			}
			return changed(root, access.AssignN(base, sel, v))
		}
		idx, err := in.eval(t.Index)
		if err != nil {
			return err
		}
		if ok, err := indexupdate.Run(in, t.X, base, idx, v); ok {
			return err
		}
		return changed(root, access.Assign(base, idx, v))
	default: // the parser allows no other target
		m := target.(*ast.MemberExpr)
		base, err := in.eval(m.X)
		if err != nil {
			return err
		}
		root, _ := in.pathTable(target)
		return changed(root, access.Assign(base, value.NewString(m.Name), v))
	}
}

// pathTable is the table a path expression (t.x, t[i], t.x[0]) starts
// from, a variable's or a shared one, and the column it names on it.
func (in *interp) pathTable(e ast.Expr) (*value.Table, string) {
	root, col := exprs.RootColumn(e)
	v, ok := in.frame[root]
	if !ok {
		v, _ = in.s.eng.Shared(root)
	}
	t, _ := v.(*value.Table)
	return t, col
}

// keyPath is the table a change in place through e reaches (pathTable),
// for changed after the change; it refuses a change into a key column of
// a keyed or indexed table (kt.id[0] = v, kt.id.replace!(1, 3)), as
// update does: the key index would no longer match the rows.
func (in *interp) keyPath(e ast.Expr) (*value.Table, error) {
	t, col := in.pathTable(e)
	if t != nil && access.IsKeyColumn(t, col) {
		return nil, insert.ErrUpdateKey
	}
	return t, nil
}

// changed follows a change made in place (err is the change's) into the
// table at its path's root: an MVCC table's files are rewritten
// (insert.Changed), as an update's are.
func changed(root *value.Table, err error) error {
	if err == nil && root != nil {
		return insert.Changed(root)
	}
	return err
}
