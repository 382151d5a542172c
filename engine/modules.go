package engine

import (
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/modules"
	"github.com/porpoisedb/porpoise/sqlparse"
)

// Modules: package modules reads module files and caches what engines
// load; the engine resolves function names through them. A session's use
// statements import modules (Session.used); loadModule makes a module
// visible to every session by its qualified names.

// moduleDir is where module files are: moduleDir, under the home
// directory unless absolute.
func (e *Engine) moduleDir() (string, error) {
	home, err := e.fileHome()
	if err != nil {
		return "", err
	}
	return modules.Dir(home, e.cfg.ModuleDir), nil
}

// openModules sets up the module registry and loads the modules of
// preloadModules system-wide.
func (e *Engine) openModules() error {
	e.mods.Check = checkModuleDefs
	e.mods.IsFunction = func(name string) bool {
		_, ok := funcs.Lookup(name)
		return ok
	}
	if len(e.cfg.PreloadModules) == 0 {
		return nil
	}
	dir, err := e.moduleDir()
	if err != nil {
		return err
	}
	for _, name := range e.cfg.PreloadModules {
		if isPlugin(name) {
			// a deployment's preloadModules=plugins::mysql: plugins are
			// native libraries no Go program loads, so the server starts
			// without them, as it starts without the keys it ignores
			continue
		}
		if _, err := e.mods.LoadSystem(dir, name); err != nil {
			return err
		}
	}
	return nil
}

// checkModuleDefs applies the rules for definitions to a module's, except
// that a module function may take a built-in's name: the module's
// namespace tells them apart, ::name being the built-in (use.md).
func checkModuleDefs(stmts []sqlparse.Stmt) error { return checkDefs(stmts, true) }

// use imports module name into the session (the use statement); after
// clearCachedModules, a module used before is read again.
func (s *Session) use(name string) error {
	dir, err := s.eng.moduleDir()
	if err != nil {
		return err
	}
	m, err := s.eng.mods.Use(dir, name)
	if err != nil {
		return err
	}
	s.importModules([]*modules.Module{m})
	return nil
}

// importModules adds modules to the session's imports, replacing a
// module of the same name loaded before.
func (s *Session) importModules(ms []*modules.Module) {
	for _, m := range ms {
		i := 0
		for i < len(s.used) && s.used[i].Name != m.Name {
			i++
		}
		if i < len(s.used) {
			s.used[i] = m
		} else {
			s.used = append(s.used, m)
		}
	}
}

// moduleNamed finds a module a qualified name may refer to: one the
// session (or the running module function's module) uses, directly or
// through another, else one loaded system-wide.
func (in *interp) moduleNamed(name string) *modules.Module {
	var find func(ms []*modules.Module, depth int) *modules.Module
	find = func(ms []*modules.Module, depth int) *modules.Module {
		for _, m := range ms {
			if m.Name == name {
				return m
			}
			if depth < 64 { // modules can't use each other; this only bounds the walk
				if d := find(m.Deps, depth+1); d != nil {
					return d
				}
			}
		}
		return nil
	}
	if in.mod != nil {
		if m := find([]*modules.Module{in.mod}, 0); m != nil {
			return m
		}
	}
	if m := find(in.s.used, 0); m != nil {
		return m
	}
	return in.s.eng.mods.System(name)
}

// moduleFunc makes module m's function name callable.
func moduleFunc(m *modules.Module, name string) Function {
	d, ok := m.Funcs[name]
	if !ok {
		return nil
	}
	return &userFunc{name: d.Name, params: d.Params, body: d.Body, mod: m}
}

// resolve finds the function a name calls, by DolphinDB's rules (use.md):
// a qualified name (m::f) in its module, ::f in the root namespace;
// otherwise the running module's own function, then the one module among
// those imported that defines it (two are an error), then the root
// namespace: the session's definitions, built-ins, function views. nil
// with no error when no function has the name.
func (in *interp) resolve(name string) (Function, error) {
	if i := strings.LastIndex(name, "::"); i >= 0 {
		if i == 0 {
			return in.rootFunction(name[2:]), nil
		}
		m := in.moduleNamed(name[:i])
		if m == nil {
			return nil, nil
		}
		return moduleFunc(m, name[i+2:]), nil
	}
	imported := in.s.used
	if in.mod != nil {
		if f := moduleFunc(in.mod, name); f != nil {
			return f, nil
		}
		imported = in.mod.Deps
	} else if f, ok := in.s.defs[name]; ok {
		return f, nil
	}
	var found Function
	var from *modules.Module
	for _, m := range imported {
		f := moduleFunc(m, name)
		if f == nil {
			continue
		}
		if found != nil {
			return nil, ddberr.Errorf("Modules [%s] and [%s] contain function [%s]. Please use module name to qualify the function.", from.Name, m.Name, name)
		}
		found, from = f, m
	}
	if found != nil {
		return found, nil
	}
	return in.rootFunction(name), nil
}

// rootFunction finds a function of the root namespace: a definition of
// the session, a built-in, a function view.
func (in *interp) rootFunction(name string) Function {
	if f, ok := in.s.defs[name]; ok {
		return f
	}
	if s, ok := funcs.Lookup(name); ok {
		return s
	}
	return in.functionView(name)
}

// isPlugin reports whether a module name is a plugin's (loadModule.md:
// loadModule("plugins::mysql")).
func isPlugin(name string) bool { return strings.HasPrefix(name, "plugins::") }

// LoadModule implements sysfuncs.ModuleHost: loadModule.
func (in *interp) LoadModule(name, dir string) error {
	if isPlugin(name) {
		return funcs.NotSupported("loadPlugin")
	}
	dir, err := in.s.eng.moduleDirArg(dir)
	if err != nil {
		return err
	}
	_, err = in.s.eng.mods.LoadSystem(dir, name)
	return err
}

// moduleDirArg is the module directory a function's moduleDir argument
// names (under the home directory unless absolute), moduleDir when empty.
func (e *Engine) moduleDirArg(dir string) (string, error) {
	if dir == "" {
		return e.moduleDir()
	}
	home, err := e.fileHome()
	if err != nil {
		return "", err
	}
	return modules.Dir(home, dir), nil
}

// LoadModuleFromScript implements sysfuncs.ModuleHost:
// loadModuleFromScript, which also imports the modules into the session.
func (in *interp) LoadModuleFromScript(names, scripts []string, reload bool) error {
	dir, err := in.s.eng.moduleDir()
	if err != nil {
		return err
	}
	ms, err := in.s.eng.mods.LoadScripts(dir, names, scripts, reload)
	if err != nil {
		return err
	}
	in.s.importModules(ms)
	return nil
}

// SaveModule implements sysfuncs.ModuleHost: saveModule.
func (in *interp) SaveModule(name, dir string, overwrite bool) error {
	dir, err := in.s.eng.moduleDirArg(dir)
	if err != nil {
		return err
	}
	return in.s.eng.mods.Save(dir, name, overwrite)
}

// ClearCachedModules implements sysfuncs.ModuleHost: clearCachedModules.
func (in *interp) ClearCachedModules() { in.s.eng.mods.ClearCache() }
