package engine

import (
	"github.com/porpoisedb/porpoise/defcheck"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/modules"
)

// Modules: package modules reads module files, caches what engines load
// and says which module a function name means; the engine binds module
// functions to sessions. A session's use statements import modules
// (Session.used); loadModule makes a module visible to every session by
// its qualified names.

// openModules sets up the module registry and loads the modules of
// preloadModules system-wide.
func (e *Engine) openModules() error {
	e.mods.Check = defcheck.Module
	e.mods.IsFunction = func(name string) bool {
		_, ok := funcs.Lookup(name)
		return ok
	}
	e.mods.Home, e.mods.ModuleDir = e.home.Dir, e.cfg.ModuleDir
	return e.mods.Preload(e.cfg.PreloadModules)
}

// use imports module name into the session (the use statement); after
// clearCachedModules, a module used before is read again.
func (s *Session) use(name string) error {
	m, err := s.eng.mods.Use(name)
	if err != nil {
		return err
	}
	s.used = modules.Import(s.used, m)
	s.funcsGen++
	return nil
}

// runModule runs a module's script in the session
// (tutorials/module_tutorial.md 6.2): the session imports the module as
// the script defines it, until it uses the module again; the module's
// file and the modules other sessions use stay as they were.
func (s *Session) runModule(name, script string) error {
	m, err := s.eng.mods.Detached(name, script)
	if err != nil {
		return err
	}
	s.used = modules.Import(s.used, m)
	s.funcsGen++
	return nil
}

// moduleFunc makes module m's function name callable.
func moduleFunc(m *modules.Module, name string) Function {
	d, ok := m.Funcs[name]
	if !ok {
		return nil
	}
	return newUserFunc(userFunc{name: d.Name, params: d.Params, body: d.Body, mod: m})
}

// resolve finds the function a name calls: outside modules a definition
// of the session first, then a module's function by DolphinDB's rules
// (modules.Registry.Resolve), then the root namespace; a qualified name
// of no module the session sees is a module's function view (m::f, added
// by addFunctionView("m")), so a module the session uses comes before
// the view (addFunctionView.md). nil with no error when no function has
// the name.
func (in *interp) resolve(name string) (Function, error) {
	if in.mod == nil {
		if f, ok := in.s.defs[name]; ok {
			return f, nil
		}
	}
	m, fn, err := in.s.eng.mods.Resolve(name, in.mod, in.s.used)
	switch {
	case err != nil:
		return nil, err
	case fn == "":
		return in.functionView(name), nil
	case m != nil:
		return moduleFunc(m, fn), nil
	}
	return in.rootFunction(fn), nil
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

// LoadModule implements sysfuncs.ModuleHost: loadModule.
func (in *interp) LoadModule(name, dir string) error {
	if modules.IsPlugin(name) {
		return funcs.NotSupported("loadPlugin")
	}
	_, err := in.s.eng.mods.LoadSystem(dir, name)
	return err
}

// LoadModuleFromScript implements sysfuncs.ModuleHost:
// loadModuleFromScript, which also imports the modules into the session.
func (in *interp) LoadModuleFromScript(names, scripts []string, reload bool) error {
	ms, err := in.s.eng.mods.LoadScripts(names, scripts, reload)
	if err != nil {
		return err
	}
	in.s.used = modules.Import(in.s.used, ms...)
	in.s.funcsGen++
	return nil
}

// SaveModule implements sysfuncs.ModuleHost: saveModule.
func (in *interp) SaveModule(name, dir string, overwrite bool) error {
	return in.s.eng.mods.Save(dir, name, overwrite)
}

// ClearCachedModules implements sysfuncs.ModuleHost: clearCachedModules.
func (in *interp) ClearCachedModules() { in.s.eng.mods.ClearCache() }
