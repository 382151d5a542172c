package viewfuncs

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/porpoisedb/porpoise/atomicfile"
	"github.com/porpoisedb/porpoise/auth"
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/system"
	"github.com/porpoisedb/porpoise/sqlparse"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/sqlparse/unparse"
	"github.com/porpoisedb/porpoise/value"
)

// Function views are user functions every session can call, persisted
// with the catalog: DolphinDB keeps them on the controller across
// restarts. Porpoise keeps their definitions in functionViews.json in
// the data directory and rebuilds them when the engine first looks one
// up. addFunctionView of a module name adds each function f of module m
// as the view m::f (addFunctionView.md), which a call names so; such a
// view keeps the module's script it was added with.

func init() {
	funcs.Register(
		funcs.Spec{Name: "addFunctionView", Params: []string{"udf"}, Min: 1, Max: 1, Props: funcs.Session | funcs.Command, Category: "db-table", Fn: xaddFunctionView},
		funcs.Spec{Name: "dropFunctionView", Params: []string{"name", "isNamespace"}, Min: 1, Max: 2, Props: funcs.Session | funcs.Command, Category: "db-table", Fn: xdropFunctionView},
		funcs.Spec{Name: "getFunctionViews", Min: 0, Max: 0, Props: funcs.Session, Category: "db-table", Fn: xgetFunctionViews},
	)
}

// viewsFile is the file, in the data directory, that holds the views.
const viewsFile = "functionViews.json"

// viewsKey is the views' key in the engine's state.
const viewsKey = "viewfuncs.views"

// view is one function view: its definition text, the user who added
// it, for a module's function the module's script (Module), and the
// function scripts call (call).
type view struct {
	Name   string `json:"name"`
	Body   string `json:"body"`
	Owner  string `json:"owner"`
	Module string `json:"module,omitempty"`
	call   *funcs.Spec
}

// views is an engine's function views.
type views struct {
	once    sync.Once
	loadErr error
	dir     string // "" in memory

	mu    sync.RWMutex
	byKey map[string]*view
}

// engineViews returns the engine's views, loading them from disk once.
func engineViews(h Host) (*views, error) {
	vs := h.EngineState(viewsKey, func() any { return &views{byKey: map[string]*view{}} }).(*views)
	vs.once.Do(func() {
		vs.dir = h.DataDir()
		vs.loadErr = vs.load(h)
	})
	return vs, vs.loadErr
}

func (vs *views) load(h Host) error {
	if vs.dir == "" {
		return nil
	}
	raw, err := os.ReadFile(filepath.Join(vs.dir, viewsFile))
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	var list []*view
	if err := json.Unmarshal(raw, &list); err != nil {
		return fmt.Errorf("function views: %s: %w", viewsFile, err)
	}
	mods := map[string][]moduleFunction{} // by script: each module parsed once
	for _, v := range list {
		fn, err := v.function(h, mods)
		switch {
		case err != nil && v.Module != "":
			// A module it uses may be gone from moduleDir: the view stays,
			// to be dropped or added again, and calling it is the error.
			v.call = &funcs.Spec{Name: v.Name, Min: 0, Max: -1, Props: funcs.Session,
				Fn: func(funcs.Env, []value.Value) (value.Value, error) {
					return nil, fmt.Errorf("function view %s: %w", v.Name, err)
				}}
		case err != nil:
			return fmt.Errorf("function view %s: %w", v.Name, err)
		default:
			v.bind(fn)
		}
		vs.byKey[v.Name] = v
	}
	return nil
}

// bind makes the function scripts call the view's function fn: it
// takes the same parameters and runs the body with the view's rights
// over DFS tables. A caller who may not execute the view (VIEW_EXEC;
// auth.Principal.CanExecView) is refused, as
// tutorials/module_code_versioning_and_rights_management.md (section 6)
// shows. Code the caller passes in (a function, metacode) could read
// anything under the view's rights, so such a call runs with the
// caller's.
func (v *view) bind(fn value.Value) {
	var params []string
	if d, err := definition(v.Body); err == nil {
		for _, p := range d.Params {
			params = append(params, p.Name)
		}
	}
	v.call = &funcs.Spec{Name: v.Name, Params: params, Min: 0, Max: -1, Props: funcs.Session,
		Fn: func(env funcs.Env, args []value.Value) (value.Value, error) {
			h, err := host(env)
			if err != nil {
				return nil, err
			}
			run := func() (value.Value, error) { return env.Call(fn, args...) }
			if !h.Principal().CanExecView(v.Name, v.Owner) {
				return nil, ddberr.Errorf("No access to view %s.", v.Name)
			}
			if slices.ContainsFunc(args, carriesCode) {
				return run()
			}
			return h.RunInView(run)
		}}
}

// function builds the view's function: from its text, or as its
// module's function bound to the module (its calls of the module's other
// functions resolve there); mods holds the modules built so far, by
// script.
func (v *view) function(h Host, mods map[string][]moduleFunction) (value.Value, error) {
	if v.Module == "" {
		d, err := definition(v.Body)
		if err != nil {
			return nil, err
		}
		return h.UserFunction(d, nil), nil
	}
	i := strings.LastIndex(v.Name, "::")
	fns, ok := mods[v.Module]
	if !ok {
		var err error
		if fns, err = moduleFunctions(h, v.Name[:i], v.Module); err != nil {
			return nil, err
		}
		mods[v.Module] = fns
	}
	for _, f := range fns {
		if f.Name == v.Name[i+2:] {
			return f.Fn, nil
		}
	}
	return nil, ddberr.Errorf("The function view [%s] does not exist. RefId: S04002", v.Name)
}

// definition parses a view's text: one def statement.
func definition(src string) (*ast.DefStmt, error) {
	prog, err := sqlparse.Parse(src)
	if err != nil {
		return nil, err
	}
	if len(prog.Stmts) == 1 {
		if d, ok := prog.Stmts[0].(*ast.DefStmt); ok {
			return d, nil
		}
	}
	return nil, ddberr.Errorf("A function definition must be one def statement.")
}

// moduleFunction is a module's function: its name, its definition text
// and the function, which runs in the module.
type moduleFunction struct {
	Name, Body string
	Fn         value.Value
}

// moduleFunctions builds module name from its script src, without
// loading it into any session, and returns its functions by name.
func moduleFunctions(h Host, name, src string) ([]moduleFunction, error) {
	m, err := h.Modules().Detached(name, src)
	if err != nil {
		return nil, err
	}
	out := make([]moduleFunction, 0, len(m.Funcs))
	for _, fn := range slices.Sorted(maps.Keys(m.Funcs)) {
		d := m.Funcs[fn]
		out = append(out, moduleFunction{Name: fn, Fn: h.UserFunction(d, m),
			Body: unparse.Metacode(&ast.DefStmt{Name: d.Name, Params: d.Params, Body: d.Body})})
	}
	return out, nil
}

// carriesCode reports whether x is, or a tuple or dictionary in x holds,
// a function or metacode.
func carriesCode(x value.Value) bool {
	if x == nil {
		return false
	}
	if t := x.Type(); t == value.FunctionDef || t == value.Code {
		return true
	}
	switch c := x.(type) {
	case *value.Vector:
		return slices.ContainsFunc(c.Any, carriesCode)
	case *value.Dict:
		return carriesCode(c.Vals)
	}
	return false
}

// save writes the views to disk (the caller holds mu), replacing the
// file as a whole.
func (vs *views) save() error {
	if vs.dir == "" {
		return nil
	}
	list := vs.sorted()
	raw, err := json.MarshalIndent(list, "", "  ")
	if err != nil {
		return err
	}
	return atomicfile.Write(filepath.Join(vs.dir, viewsFile), raw, 0o644)
}

func (vs *views) sorted() []*view {
	list := make([]*view, 0, len(vs.byKey))
	for _, v := range vs.byKey {
		list = append(list, v)
	}
	sort.Slice(list, func(i, j int) bool { return list[i].Name < list[j].Name })
	return list
}

// FunctionView returns the function view called name, or nil. The engine
// resolves a name no session definition or built-in has through it.
func FunctionView(h Host, name string) value.Value {
	vs, err := engineViews(h)
	if err != nil {
		return nil
	}
	vs.mu.RLock()
	defer vs.mu.RUnlock()
	if v := vs.byKey[auth.ViewName(name)]; v != nil {
		return v.call
	}
	return nil
}

// ViewOwner is the user who added the function view name; ok is false
// when env's engine has no such view. For a namespace's views, "ns::*",
// it is the user who added them all, ok false when there are none or
// users differ.
func ViewOwner(env funcs.Env, name string) (owner string, ok bool) {
	h, err := host(env)
	if err != nil {
		return "", false
	}
	vs, err := engineViews(h)
	if err != nil {
		return "", false
	}
	vs.mu.RLock()
	defer vs.mu.RUnlock()
	if v := vs.byKey[auth.ViewName(name)]; v != nil {
		return v.Owner, true
	}
	ns, all := strings.CutSuffix(name, "::*")
	if !all {
		return "", false
	}
	for k, v := range vs.byKey {
		if !strings.HasPrefix(k, ns+"::") {
			continue
		}
		if ok && v.Owner != owner {
			return "", false
		}
		owner, ok = v.Owner, true
	}
	return owner, ok
}

// viewOwnerHost is env's Host when its user may manage function views
// (fn names the function in the refusal).
func viewOwnerHost(env funcs.Env, fn string) (Host, error) {
	h, err := host(env)
	if err != nil {
		return nil, err
	}
	if err := h.CheckWrite(); err != nil {
		return nil, err
	}
	if !h.Principal().OwnsViews() {
		return nil, ddberr.Errorf("Only administrators or user with VIEW_OWNER permission can execute function %s.", fn)
	}
	return h, nil
}

// editViews runs edit on the engine's views under their lock and saves
// them, calling the undo edit returns when saving fails.
func editViews(h Host, edit func(vs *views) (undo func(), err error)) error {
	vs, err := engineViews(h)
	if err != nil {
		return err
	}
	vs.mu.Lock()
	defer vs.mu.Unlock()
	undo, err := edit(vs)
	if err != nil {
		return err
	}
	if err := vs.save(); err != nil {
		undo()
		return err
	}
	return nil
}

func xaddFunctionView(env funcs.Env, args []value.Value) (value.Value, error) {
	h, err := viewOwnerHost(env, "addFunctionView")
	if err != nil {
		return nil, err
	}
	if mod, ok := funcs.StringArg(args[0]); ok {
		return nil, addModuleViews(h, mod)
	}
	name, src, ok := h.FunctionSource(args[0])
	if !ok {
		return nil, ddberr.Errorf("The input function view must be a user defined function.")
	}
	v := &view{Name: name, Body: src, Owner: h.SessionInfo().User}
	fn, err := v.function(h, nil)
	if err != nil {
		return nil, err
	}
	v.bind(fn)
	if err := addViews(h, v); err != nil {
		return nil, err
	}
	// The session's definition is the view from now on, so that calling
	// it by name runs with the view's rights, as the manual's examples
	// do in the session that added it.
	if sh, ok := env.(system.Host); ok {
		return nil, sh.Undefine(name, system.DefObj)
	}
	return nil, nil
}

// addModuleViews adds every function f of module mod, read from
// moduleDir, as the view mod::f.
func addModuleViews(h Host, mod string) error {
	src, err := h.Modules().Source(mod)
	if err != nil {
		return err
	}
	fns, err := moduleFunctions(h, mod, src)
	if err != nil {
		return err
	}
	list := make([]*view, len(fns))
	for i, f := range fns {
		list[i] = &view{Name: mod + "::" + f.Name, Body: f.Body, Owner: h.SessionInfo().User, Module: src}
		list[i].bind(f.Fn)
	}
	return addViews(h, list...)
}

// addViews adds the views, all or none when one of their names is
// taken.
func addViews(h Host, list ...*view) error {
	return editViews(h, func(vs *views) (func(), error) {
		for _, v := range list {
			if _, dup := vs.byKey[v.Name]; dup {
				return nil, ddberr.Errorf("The function view [%s] already exists.", v.Name)
			}
		}
		for _, v := range list {
			vs.byKey[v.Name] = v
		}
		return func() {
			for _, v := range list {
				delete(vs.byKey, v.Name)
			}
		}, nil
	})
}

func xdropFunctionView(env funcs.Env, args []value.Value) (value.Value, error) {
	h, err := viewOwnerHost(env, "dropFunctionView")
	if err != nil {
		return nil, err
	}
	name, ok := funcs.StringArg(args[0])
	if !ok {
		return nil, ddberr.Errorf("The argument [name] of dropFunctionView must be a string scalar.")
	}
	ns, err := funcs.BoolArg("dropFunctionView", "isNamespace", funcs.Arg(args, 1), false)
	if err != nil {
		return nil, err
	}
	return nil, editViews(h, func(vs *views) (func(), error) {
		var victims []string
		for k, v := range vs.byKey {
			if k == name && !ns || ns && strings.HasPrefix(k, name+"::") {
				if !h.SessionInfo().Admin && v.Owner != h.SessionInfo().User {
					return nil, ddberr.Errorf("Only administrators or user with VIEW_OWNER permission can execute function %s.", "dropFunctionView")
				}
				victims = append(victims, k)
			}
		}
		if len(victims) == 0 {
			return nil, ddberr.Errorf("The function view [%s] does not exist. RefId: S04002", name)
		}
		old := make(map[string]*view, len(victims))
		for _, k := range victims {
			old[k] = vs.byKey[k]
			delete(vs.byKey, k)
		}
		return func() {
			for k, v := range old {
				vs.byKey[k] = v
			}
		}, nil
	})
}

// xgetFunctionViews lists the views: all of them for an administrator,
// the caller's own for anyone else.
func xgetFunctionViews(env funcs.Env, _ []value.Value) (value.Value, error) {
	h, err := readHost(env)
	if err != nil {
		return nil, err
	}
	vs, err := engineViews(h)
	if err != nil {
		return nil, err
	}
	user := h.SessionInfo().User
	vs.mu.RLock()
	defer vs.mu.RUnlock()
	var names, bodies []string
	for _, v := range vs.sorted() {
		if h.SessionInfo().Admin || v.Owner == user {
			names = append(names, v.Name)
			bodies = append(bodies, v.Body)
		}
	}
	return value.NewTable([]string{"name", "body"}, []*value.Vector{
		value.NewStrings(value.String, names), value.NewStrings(value.String, bodies)}), nil
}
