package modules

import (
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
)

// Registry holds an engine's loaded modules. Its methods are safe for
// concurrent use.
type Registry struct {
	// Check vets a module's function definitions (the engine's rules
	// for definitions); nil accepts any.
	Check func([]ast.Stmt) error
	// IsFunction tells the parser the built-in names, which a module
	// calls without parentheses as any script does (print "a").
	IsFunction func(name string) bool
	// Home is the directory a relative moduleDir is under (the engine's
	// file home); ModuleDir is the moduleDir setting.
	Home      func() (string, error)
	ModuleDir string

	mu sync.Mutex
	// cache holds every module loaded, by name; system those loaded
	// system-wide, which every session sees and ClearCache keeps.
	cache  map[string]*Module
	system map[string]*Module
	// gen counts the modules loaded system-wide (Gen).
	gen atomic.Uint64
}

// Gen grows whenever a module is loaded system-wide, which changes what
// a qualified name may resolve to (Func).
func (r *Registry) Gen() uint64 { return r.gen.Load() }

// dir is the directory a moduleDir argument names (under Home unless
// absolute), the moduleDir setting's when arg is empty.
func (r *Registry) dir(arg string) (string, error) {
	if arg == "" {
		arg = r.ModuleDir
	}
	home := ""
	if r.Home != nil {
		var err error
		if home, err = r.Home(); err != nil {
			return "", err
		}
	}
	return Dir(home, arg), nil
}

// Use returns module name for a use statement: loaded already, or read
// from moduleDir (the .dos file before the .dom), with the modules it
// uses.
func (r *Registry) Use(name string) (*Module, error) {
	dir, err := r.dir("")
	if err != nil {
		return nil, err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.loader(dir, false).load(name)
}

// LoadSystem loads module name and the modules it uses system-wide
// (loadModule, preloadModules) from the directory dirArg names (moduleDir
// when empty), reading the .dom file before the .dos.
func (r *Registry) LoadSystem(dirArg, name string) (*Module, error) {
	dir, err := r.dir(dirArg)
	if err != nil {
		return nil, err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	m, err := r.loader(dir, true).load(name)
	if err != nil {
		return nil, err
	}
	r.markSystem(m)
	return m, nil
}

// Preload loads the modules of the preloadModules setting system-wide.
// A plugin among them (a deployment's plugins::mysql) is skipped: plugins
// are native libraries no Go program loads, so the server starts without
// them, as it starts without the configuration keys it ignores.
func (r *Registry) Preload(names []string) error {
	for _, name := range names {
		if IsPlugin(name) {
			continue
		}
		if _, err := r.LoadSystem("", name); err != nil {
			return err
		}
	}
	return nil
}

// IsPlugin reports whether a module name is a plugin's (loadModule.md:
// loadModule("plugins::mysql")).
func IsPlugin(name string) bool { return strings.HasPrefix(name, "plugins::") }

func (r *Registry) markSystem(m *Module) {
	if r.system[m.Name] == m {
		return
	}
	if r.system == nil {
		r.system = map[string]*Module{}
	}
	r.system[m.Name] = m
	r.gen.Add(1)
	for _, d := range m.Deps {
		r.markSystem(d)
	}
}

// LoadScripts loads modules from their scripts (loadModuleFromScript):
// names[i] is scripts[i]'s module. A use of one of names finds its script
// whatever the order; others are read from moduleDir. A module loaded
// already keeps its definition unless reload is set.
func (r *Registry) LoadScripts(names, scripts []string, reload bool) ([]*Module, error) {
	dir, err := r.dir("")
	if err != nil {
		return nil, err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	l := r.loader(dir, false)
	l.scripts = map[string]string{}
	for i, n := range names {
		l.scripts[n] = scripts[i]
	}
	l.reload = reload
	out := make([]*Module, len(names))
	for i, n := range names {
		m, err := l.load(n)
		if err != nil {
			return nil, err
		}
		out[i] = m
	}
	return out, nil
}

// System returns a module loaded system-wide, or nil.
func (r *Registry) System(name string) *Module {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.system[name]
}

// ClearCache forgets the modules use loaded, so the next use reads their
// files again (clearCachedModules); system-wide modules stay.
func (r *Registry) ClearCache() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.cache = map[string]*Module{}
	for n, m := range r.system {
		r.cache[n] = m
	}
}

// loader is one load: the modules being loaded (to find cycles) and
// where sources come from.
type loader struct {
	r         *Registry
	dir       string
	preferDom bool
	scripts   map[string]string
	reload    bool
	stack     []string
	done      map[string]*Module
}

func (r *Registry) loader(dir string, preferDom bool) *loader {
	if r.cache == nil {
		r.cache = map[string]*Module{}
	}
	return &loader{r: r, dir: dir, preferDom: preferDom, done: map[string]*Module{}}
}

func (l *loader) load(name string) (*Module, error) {
	if m, ok := l.done[name]; ok {
		return m, nil
	}
	if m, ok := l.r.system[name]; ok {
		// a module loaded system-wide is not read again (use.md)
		return m, nil
	}
	src, fromScript := l.scripts[name]
	if m, ok := l.r.cache[name]; ok && !(fromScript && l.reload) {
		return m, nil
	}
	if i := slices.Index(l.stack, name); i >= 0 {
		return nil, ddberr.Errorf("Modules can't use each other: %s.", strings.Join(append(l.stack[i:], name), " -> "))
	}
	if !fromScript {
		var err error
		if src, err = read(l.dir, name, l.preferDom); err != nil {
			return nil, err
		}
	}
	m, uses, err := l.r.parse(name, src)
	if err != nil {
		return nil, err
	}
	if err := l.useAll(m, uses); err != nil {
		return nil, err
	}
	l.done[name] = m
	l.r.cache[name] = m
	return m, nil
}

// Source returns module name's script from moduleDir, the .dos file
// before the .dom (addFunctionView.md), whether loaded or not.
func (r *Registry) Source(name string) (string, error) {
	dir, err := r.dir("")
	if err != nil {
		return "", err
	}
	return read(dir, name, false)
}

// Detached builds module name from its script src, with the modules it
// uses loaded as use loads them, without caching it: a function view's
// module keeps the definition it was added with, whatever the files
// and the sessions' use statements load later.
func (r *Registry) Detached(name, src string) (*Module, error) {
	dir, err := r.dir("")
	if err != nil {
		return nil, err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	m, uses, err := r.parse(name, src)
	if err != nil {
		return nil, err
	}
	if err := r.loader(dir, false).useAll(m, uses); err != nil {
		return nil, err
	}
	return m, nil
}

// useAll loads the modules m's use statements name (uses) as its Deps.
func (l *loader) useAll(m *Module, uses []string) error {
	l.stack = append(l.stack, m.Name)
	for _, u := range uses {
		d, err := l.load(u)
		if err != nil {
			return err
		}
		m.Deps = append(m.Deps, d)
	}
	l.stack = l.stack[:len(l.stack)-1]
	return nil
}
