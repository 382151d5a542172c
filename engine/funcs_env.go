package engine

import (
	"context"
	"io"
	"math/rand/v2"
	"sort"

	"github.com/porpoisedb/porpoise/funcs"
	// Every family of built-ins registers itself when linked.
	"github.com/porpoisedb/porpoise/ddberr"
	_ "github.com/porpoisedb/porpoise/funcs/all"
	"github.com/porpoisedb/porpoise/sqlparse"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
)

// The interpreter is the Env of the built-ins it calls.
var _ funcs.Env = (*interp)(nil)

// FileHome implements filesys.Home.
func (in *interp) FileHome() (string, error) { return in.s.eng.home.Dir() }

// Context implements funcs.Env.
func (in *interp) Context() context.Context { return in.ctx }

// Call implements funcs.Env.
func (in *interp) Call(fn value.Value, args ...value.Value) (value.Value, error) {
	f, ok := fn.(Function)
	if !ok {
		return nil, ddberr.Errorf("The object is not a function.")
	}
	return in.call(f, args, nil)
}

// Out implements funcs.Env.
func (in *interp) Out() io.Writer { return in.s.out }

// Reserve implements funcs.Env.
func (in *interp) Reserve(n int) error { return in.reserveElems(int64(n)) }

// Function implements funcs.Env.
func (in *interp) Function(name string) (value.Value, bool) {
	if f := in.function(name); f != nil {
		return f, true
	}
	return nil, false
}

// Var implements funcs.Env.
func (in *interp) Var(name string) (value.Value, bool) {
	if v, ok := in.frame[name]; ok {
		return v, true
	}
	if v, ok := in.s.vars[name]; ok {
		return v, true
	}
	return in.s.eng.Shared(name)
}

// Eval implements funcs.Env. The bound names shadow the caller's
// variables only while e runs; the caller's own values come back after.
func (in *interp) Eval(e ast.Expr, bind map[string]value.Value) (value.Value, error) {
	defer in.bind(bind)()
	defer func(code bool) { in.code = code }(in.code)
	in.code = true
	return in.eval(e)
}

// EvalSession implements funcs.Env.
func (in *interp) EvalSession(e ast.Expr, bind map[string]value.Value) (value.Value, error) {
	top := &interp{s: in.s, ctx: in.ctx, frame: in.s.vars, depth: in.depth, ro: &in.s.ro}
	return top.Eval(e, bind)
}

// Exec implements funcs.Env.
func (in *interp) Exec(st ast.Stmt, bind map[string]value.Value) (value.Value, error) {
	defer in.bind(bind)()
	_, v, err := in.exec(st)
	return v, err
}

// bind sets names in the frame and returns the function that restores
// what they held.
func (in *interp) bind(bind map[string]value.Value) func() {
	if len(bind) == 0 {
		return func() {}
	}
	type saved struct {
		v  value.Value
		ok bool
	}
	old := make(map[string]saved, len(bind))
	for k, v := range bind {
		ov, ok := in.frame[k]
		old[k] = saved{ov, ok}
		in.frame[k] = v
	}
	return func() {
		for k, s := range old {
			if s.ok {
				in.frame[k] = s.v
			} else {
				delete(in.frame, k)
			}
		}
	}
}

// RunScript implements funcs.Env.
func (in *interp) RunScript(code string) (value.Value, error) {
	prog, err := sqlparse.Parse(code)
	if err != nil {
		return nil, err
	}
	_, v, err := in.execBlock(prog.Stmts)
	return v, err
}

// Functions implements funcs.Env: the session's definitions and the
// registry's built-ins, sorted by name.
func (in *interp) Functions() []funcs.FuncInfo {
	out := make([]funcs.FuncInfo, 0, len(in.s.defs)+512)
	seen := map[string]bool{}
	for name, f := range in.s.defs {
		params := make([]string, len(f.params))
		min := 0
		for i, p := range f.params {
			params[i] = p.Name
			if p.Default == nil {
				min = i + 1
			}
		}
		seen[name] = true
		out = append(out, funcs.FuncInfo{Name: name, Params: params, Min: min, Max: len(params), UserDefined: true})
	}
	for _, s := range funcs.All() {
		if seen[s.Name] || funcs.Internal(s.Name) {
			continue
		}
		out = append(out, funcs.FuncInfo{Name: s.Name, Params: s.Params, Min: s.Min, Max: s.Max, Command: s.Props.Has(funcs.Command)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Objects implements funcs.Env.
func (in *interp) Objects(shared bool) []funcs.Object {
	var out []funcs.Object
	for name, v := range in.frame {
		if _, ok := v.(Function); ok {
			continue
		}
		out = append(out, funcs.Object{Name: name, Value: v})
	}
	if shared {
		for _, x := range in.s.eng.shared.All() {
			out = append(out, funcs.Object{Name: x.Name, Value: x.Obj.V, Shared: true})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// SessionInfo implements funcs.Env.
func (in *interp) SessionInfo() funcs.SessionInfo {
	return funcs.SessionInfo{ID: in.s.meta.ID, User: in.s.user, Admin: in.s.isAdmin(), RemoteIP: in.s.meta.RemoteIP, RemotePort: in.s.meta.RemotePort}
}

// ParamCount is the number of parameters a user function declares; the
// higher-order functions pick reduce's unary, binary or ternary form by it.
func (u *userFunc) ParamCount() int { return len(u.params) }

// ParamCount is the number of arguments a partial application still takes:
// its empty slots plus the parameters after the bound ones.
func (p *partialFunc) ParamCount() int {
	total := 2
	switch f := p.fn.(type) {
	case *userFunc:
		total = len(f.params)
	case *funcs.Spec:
		if f.Max == f.Min {
			total = f.Min
		}
	case *partialFunc:
		total = f.ParamCount()
	}
	free := total - len(p.bound)
	if free < 0 {
		free = 0
	}
	for _, b := range p.bound {
		if b == nil {
			free++
		}
	}
	return free
}

// Rand implements funcs.Env.
func (in *interp) Rand() *rand.Rand { return in.s.rng }

// SetRandomSeed implements funcs.Env: the same seed gives the same
// sequence in every session, as DolphinDB's does.
func (in *interp) SetRandomSeed(seed int64) {
	in.s.rng = rand.New(rand.NewPCG(uint64(seed), uint64(seed)^0x9e3779b97f4a7c15))
}

// SetSite tells the engine where its server listens, for getNodeHost,
// getNodePort and getClusterPerf; site is called on each use (it may
// count connections). nil forgets it.
func (e *Engine) SetSite(site func() funcs.Site) {
	if site == nil {
		e.site.Store(nil)
		return
	}
	e.site.Store(&site)
}

// Site implements funcs.SiteEnv: the announced site, else DolphinDB's
// single-node default.
func (in *interp) Site() funcs.Site {
	if f := in.s.eng.site.Load(); f != nil {
		return (*f)()
	}
	return funcs.Site{Host: "localhost", Port: 8848, Alias: funcs.DefaultAlias}
}
