package engine

import (
	"strings"

	"github.com/porpoisedb/porpoise/defcheck"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/modules"
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
	e.mods.Check = defcheck.Module
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
	s.used = modules.Import(s.used, m)
	return nil
}

// moduleNamed finds a module a qualified name may refer to: one the
// session (or the running module function's module) uses, directly or
// through another, else one loaded system-wide.
func (in *interp) moduleNamed(name string) *modules.Module {
	if in.mod != nil {
		if m := modules.Find([]*modules.Module{in.mod}, name); m != nil {
			return m
		}
	}
	if m := modules.Find(in.s.used, name); m != nil {
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
	if m, err := modules.Pick(imported, name); err != nil {
		return nil, err
	} else if m != nil {
		return moduleFunc(m, name), nil
	}
	return in.rootFunction(name), nil
}

// rootFunction finds a function of the root namespace: a definition of
// the session, a built-in, a function view.
func (in *interp) rootFunction(name string) Function {
	if f, ok := in.s.defs[name]; ok {
		return f
	}
	if c, ok := in.s.classes[name]; ok {
		return c
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
	in.s.used = modules.Import(in.s.used, ms...)
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
