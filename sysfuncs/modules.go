package sysfuncs

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// ModuleHost is what the module functions need of the interpreter; the
// files and the cache of loaded modules are package modules'.
type ModuleHost interface {
	funcs.Env
	CheckRead() error
	// LoadModule loads module name (and the modules it uses) for every
	// session, from dir or, when empty, moduleDir.
	LoadModule(name, dir string) error
	// LoadModuleFromScript loads modules from their scripts and imports
	// them into the session.
	LoadModuleFromScript(names, scripts []string, reload bool) error
	// SaveModule writes module name's .dom file beside its .dos file.
	SaveModule(name, dir string, overwrite bool) error
	// ClearCachedModules makes the next use read module files again.
	ClearCachedModules()
}

func init() {
	funcs.Register(
		funcs.Spec{Name: "loadModule", Params: []string{"name", "moduleDir"}, Min: 1, Max: 2, Props: funcs.Session | funcs.Command, Category: "system", Fn: funcs.WithHostCheck(ModuleHost.CheckRead, loadModule)},
		funcs.Spec{Name: "loadModuleFromScript", Params: []string{"moduleNamespace", "moduleScript", "reload"}, Min: 2, Max: 3, Props: funcs.Session | funcs.Command, Category: "system", Fn: funcs.WithHostCheck(ModuleHost.CheckRead, loadModuleFromScript)},
		funcs.Spec{Name: "saveModule", Params: []string{"name", "moduleDir", "overwrite"}, Min: 1, Max: 3, Props: funcs.Session | funcs.Command, Category: "system", Fn: funcs.WithHostCheck(ModuleHost.CheckRead, saveModule)},
		funcs.Spec{Name: "clearCachedModules", Min: 0, Max: 0, Props: funcs.Session | funcs.Command, Category: "environment", Fn: clearCachedModules},
	)
}

// moduleHost is the calling session's ModuleHost, once it is logged in
// (loadModule.md, saveModule.md: "must be run after logging in").
func moduleHost(env funcs.Env) (ModuleHost, error) {
	return funcs.HostWith(env, ModuleHost.CheckRead)
}

// nameAndDir reads the arguments name and [moduleDir] ("" when left
// out) of loadModule and saveModule.
func nameAndDir(fn string, args []value.Value) (name, dir string, err error) {
	if name, err = funcs.StrScalarArg(fn, "name", args[0]); err != nil {
		return "", "", err
	}
	if len(args) > 1 && args[1] != nil {
		dir, err = funcs.StrScalarArg(fn, "moduleDir", args[1])
	}
	return name, dir, err
}

func loadModule(h ModuleHost, _ funcs.Env, args []value.Value) (value.Value, error) {
	name, dir, err := nameAndDir("loadModule", args)
	if err != nil {
		return nil, err
	}
	return value.NullScalar(value.Void), h.LoadModule(name, dir)
}

func loadModuleFromScript(h ModuleHost, _ funcs.Env, args []value.Value) (value.Value, error) {
	names, ok1 := funcs.StringsArg(args[0])
	scripts, ok2 := funcs.StringsArg(args[1])
	if !ok1 || !ok2 || len(names) != len(scripts) {
		return nil, ddberr.Errorf("The arguments [moduleNamespace] and [moduleScript] of loadModuleFromScript must be strings of the same length.")
	}
	reload, err := funcs.BoolArg("loadModuleFromScript", "reload", third(args), false)
	if err != nil {
		return nil, err
	}
	return value.NullScalar(value.Void), h.LoadModuleFromScript(names, scripts, reload)
}

func saveModule(h ModuleHost, _ funcs.Env, args []value.Value) (value.Value, error) {
	name, dir, err := nameAndDir("saveModule", args)
	if err != nil {
		return nil, err
	}
	overwrite, err := funcs.BoolArg("saveModule", "overwrite", third(args), false)
	if err != nil {
		return nil, err
	}
	return value.NullScalar(value.Void), h.SaveModule(name, dir, overwrite)
}

// third is the third argument, nil when left out (BoolArg's default).
func third(args []value.Value) value.Value {
	if len(args) > 2 {
		return args[2]
	}
	return nil
}

func clearCachedModules(env funcs.Env, _ []value.Value) (value.Value, error) {
	if err := funcs.RequireAdminCan(env, "clearCachedModules"); err != nil {
		return nil, err
	}
	h, err := moduleHost(env)
	if err != nil {
		return nil, err
	}
	h.ClearCachedModules()
	return value.NullScalar(value.Void), nil
}
