package engine

import (
	"context"
	"io"
	"maps"
	"sort"
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/jobs"
	"github.com/porpoisedb/porpoise/literal"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/sqlparse/unparse"
	"github.com/porpoisedb/porpoise/sysfuncs"
	"github.com/porpoisedb/porpoise/value"
)

// SubmitJob implements sysfuncs.Host and jobs.Host: fn(args...) as a
// batch job of the session's user, run in a background session of its
// own that the engine's job registry owns.
func (in *interp) SubmitJob(id, desc string, fn value.Value, args []value.Value) (string, error) {
	f, ok := fn.(Function)
	if !ok {
		return "", ddberr.Errorf("The job definition must be a function.")
	}
	bin := in.background(context.Background())
	return in.s.eng.jobs.Submit(id, desc, in.s.user, f.String(), func(ctx context.Context, out io.Writer) (result value.Value, err error) {
		bin.ctx, bin.s.out = ctx, out
		defer recoverError(&err)
		return bin.call(f, args, nil)
	}), nil
}

// Background implements stream.Host: an interpreter, cancelled with ctx,
// for work the session hands to a goroutine (a subscription's handler).
func (in *interp) Background(ctx context.Context) funcs.Env { return in.background(ctx) }

// EngineBackground implements stream.Host: the caller's variables, its
// function's locals over the session's, are copied into the new session;
// copying the map (not the values) keeps the caller's later assignments
// out of the engine's view without a data race on the map.
func (in *interp) EngineBackground(ctx context.Context) funcs.Env {
	bg := in.background(ctx)
	maps.Copy(bg.frame, in.s.vars)
	maps.Copy(bg.frame, in.frame)
	return bg
}

// LockShared implements system.Host.
func (in *interp) LockShared(vals []value.Value, wait bool) (func(), bool, error) {
	objs, err := in.s.lockable(nil, vals, true)
	if err != nil {
		return nil, false, err
	}
	if !wait {
		release, ok := in.s.held.TryLock(objs, true)
		return release, ok, nil
	}
	release, err := in.s.held.Lock(objs, true)
	return release, err == nil, err
}

// background is a session of the caller's user that sees the functions
// defined so far: the caller goes on defining functions while the
// goroutine runs, and a map shared between the two would be a data race.
func (in *interp) background(ctx context.Context) *interp {
	bg := in.s.eng.newSession()
	bg.setUser(in.s.user)
	bg.defs = maps.Clone(in.s.defs)
	bg.classes = maps.Clone(in.s.classes) // a CEP engine's monitors make events of the caller's classes
	return &interp{s: bg, ctx: ctx, frame: bg.vars, ro: &bg.ro}
}

// Jobs implements jobs.Host.
func (in *interp) Jobs() *jobs.Registry { return in.s.eng.jobs }

// SharedBytes implements jobs.Host.
func (in *interp) SharedBytes() int64 { return in.s.held.Bytes(&in.s.eng.shared) }

// Unlocked runs wait with the statement's locks released (sleep).
func (in *interp) Unlocked(wait func()) { in.s.held.Unlocked(wait) }

// JobSource implements sysfuncs.Host: a script expression that
// evaluates to fn and the definitions it needs (the session's functions),
// so that a scheduled job can be saved and rebuilt after a restart.
func (in *interp) JobSource(fn value.Value) (string, []string, error) {
	expr, err := functionExpr(fn)
	if err != nil {
		return "", nil, err
	}
	names := make([]string, 0, len(in.s.defs))
	for name := range in.s.defs {
		names = append(names, name)
	}
	sort.Strings(names)
	defs := make([]string, 0, len(names))
	for _, name := range names {
		f := in.s.defs[name]
		defs = append(defs, unparse.Format(&ast.DefStmt{Name: name, Params: f.params, Body: f.body}))
	}
	return expr, defs, nil
}

// functionExpr renders a function value as script: a name, a lambda, or
// a partial application whose bound arguments are literals.
func functionExpr(fn value.Value) (string, error) {
	switch f := fn.(type) {
	case *funcs.Spec:
		return f.Name, nil
	case *userFunc:
		if f.name != "" && !strings.HasPrefix(f.name, "lambda") {
			return f.name, nil
		}
		return unparse.Format(&ast.LambdaExpr{Params: f.params, Body: f.body}), nil
	case *partialFunc:
		inner, err := functionExpr(f.fn)
		if err != nil {
			return "", err
		}
		parts := make([]string, len(f.bound))
		for i, b := range f.bound {
			if b == nil {
				continue
			}
			lit, err := literal.Source(b)
			if err != nil {
				return "", err
			}
			parts[i] = lit
		}
		if strings.HasPrefix(inner, "def") || strings.HasPrefix(inner, "{") {
			inner = "(" + inner + ")"
		}
		return inner + "{" + strings.Join(parts, ", ") + "}", nil
	}
	return "", ddberr.Errorf("The function %s can't be saved with a scheduled job.", fn.String())
}

// engineRunner runs scheduled jobs for the scheduler, outside any client
// session.
type engineRunner struct{ e *Engine }

// HostFor implements sysfuncs.Runner: a session of user, with defs run,
// seen through its interpreter.
func (r engineRunner) HostFor(user string, defs []string) (sysfuncs.Host, error) {
	s := r.e.NewGuestSession()
	s.user = user
	for _, d := range defs {
		if _, err := s.Run(d); err != nil {
			return nil, err
		}
	}
	return &interp{s: s, ctx: context.Background(), frame: s.vars, ro: &s.ro}, nil
}

// Store implements sysfuncs.Runner.
func (r engineRunner) Store() sysfuncs.Store { return r.e.store }

// startExtensions starts what packages outside engine run for the engine
// from its opening: the job scheduler, with the jobs saved in the store.
func (e *Engine) startExtensions() error {
	sch, err := sysfuncs.StartScheduler(engineRunner{e}, e.Now)
	if err != nil {
		return err
	}
	e.ext.put(sysfuncs.SchedulerKey, sch)
	return nil
}
