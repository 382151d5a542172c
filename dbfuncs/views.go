package dbfuncs

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// Function views are user functions every session can call, persisted
// with the catalog: DolphinDB keeps them on the controller across
// restarts. Porpoise keeps their definitions in functionViews.json in
// the data directory and rebuilds them when the engine first looks one
// up.

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
const viewsKey = "dbfuncs.views"

// view is one function view: its definition text, the function built
// from it and the user who added it.
type view struct {
	Name  string `json:"name"`
	Body  string `json:"body"`
	Owner string `json:"owner"`
	fn    value.Value
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
	for _, v := range list {
		fn, err := h.DefineFunction(v.Body)
		if err != nil {
			return fmt.Errorf("function view %s: %w", v.Name, err)
		}
		v.fn = fn
		vs.byKey[v.Name] = v
	}
	return nil
}

// save writes the views to disk (the caller holds mu): a new file
// renamed over the old one, so a crash leaves one or the other.
func (vs *views) save() error {
	if vs.dir == "" {
		return nil
	}
	list := vs.sorted()
	raw, err := json.MarshalIndent(list, "", "  ")
	if err != nil {
		return err
	}
	tmp := filepath.Join(vs.dir, viewsFile+".tmp")
	if err := os.WriteFile(tmp, raw, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, filepath.Join(vs.dir, viewsFile))
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
	if v := vs.byKey[name]; v != nil {
		return v.fn
	}
	return nil
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
	if !h.IsAdmin() {
		return nil, fmt.Errorf("%s can only be executed by administrators or users with the VIEW_OWNER privilege.", fn)
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
	if _, ok := funcs.StringArg(args[0]); ok {
		return nil, ddberr.Errorf("Porpoise does not support modules as function views; pass a user-defined function.")
	}
	name, src, ok := h.FunctionSource(args[0])
	if !ok {
		return nil, ddberr.Errorf("The argument of addFunctionView must be a user-defined function that is not anonymous.")
	}
	fn, err := h.DefineFunction(src)
	if err != nil {
		return nil, err
	}
	return nil, editViews(h, func(vs *views) (func(), error) {
		if _, dup := vs.byKey[name]; dup {
			return nil, ddberr.Errorf("The function view [%s] already exists.", name)
		}
		vs.byKey[name] = &view{Name: name, Body: src, Owner: h.SessionInfo().User, fn: fn}
		return func() { delete(vs.byKey, name) }, nil
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
		for k := range vs.byKey {
			if k == name && !ns || ns && strings.HasPrefix(k, name+"::") {
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
		if h.IsAdmin() || v.Owner == user {
			names = append(names, v.Name)
			bodies = append(bodies, v.Body)
		}
	}
	return value.NewTable([]string{"name", "body"}, []*value.Vector{
		value.NewStrings(value.String, names), value.NewStrings(value.String, bodies)}), nil
}
