package modules

import (
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
)

// Find returns the module called name among ms and the modules they use,
// directly or through others; nil when none is.
func Find(ms []*Module, name string) *Module { return find(ms, name, 0) }

func find(ms []*Module, name string, depth int) *Module {
	for _, m := range ms {
		if m.Name == name {
			return m
		}
		if depth < 64 { // modules can't use each other; this only bounds the walk
			if d := find(m.Deps, name, depth+1); d != nil {
				return d
			}
		}
	}
	return nil
}

// Pick returns the one module among ms that defines function fn, nil
// when none does; two are DolphinDB's error (use.md: a call must then
// name its module).
func Pick(ms []*Module, fn string) (*Module, error) {
	var found *Module
	for _, m := range ms {
		if _, ok := m.Funcs[fn]; !ok {
			continue
		}
		if found != nil {
			return nil, ddberr.Errorf("Modules [%s] and [%s] contain function [%s]. Please use module name to qualify the function.", found.Name, m.Name, fn)
		}
		found = m
	}
	return found, nil
}

// Import returns the imports ms with add, each replacing a module of the
// same name imported before (reloaded since).
func Import(ms []*Module, add ...*Module) []*Module {
	for _, m := range add {
		i := 0
		for i < len(ms) && ms[i].Name != m.Name {
			i++
		}
		if i < len(ms) {
			ms[i] = m
		} else {
			ms = append(ms, m)
		}
	}
	return ms
}

// Resolve finds the module function a call of name means, by DolphinDB's
// rules (use.md), for code running in module running (nil outside any)
// of a session that imported used. A qualified name m::f is function f
// of module m: one the running module or the session uses, directly or
// through another, else one loaded system-wide. A plain name is the
// running module's own function, else that of the one module among the
// running module's dependencies (the session's imports outside modules)
// that defines it; two are an error. m is nil when the name means no
// module's function: fn is then the name to look up in the root
// namespace (::f's f), or "" for a qualified name of no known module.
func (r *Registry) Resolve(name string, running *Module, used []*Module) (m *Module, fn string, err error) {
	if i := strings.LastIndex(name, "::"); i >= 0 {
		if i == 0 {
			return nil, name[2:], nil
		}
		mod := name[:i]
		if running != nil {
			m = Find([]*Module{running}, mod)
		}
		if m == nil {
			m = Find(used, mod)
		}
		if m == nil {
			m = r.System(mod)
		}
		if m == nil {
			return nil, "", nil
		}
		return m, name[i+2:], nil
	}
	if running != nil {
		if _, ok := running.Funcs[name]; ok {
			return running, name, nil
		}
		used = running.Deps
	}
	if m, err = Pick(used, name); err != nil {
		return nil, "", err
	}
	return m, name, nil
}

// Func is the module function a call of name means (Resolve), with its
// module; root is the name to look up in the root namespace when it
// means none (nil d), "" when it means nothing.
func (r *Registry) Func(name string, running *Module, used []*Module) (d *ast.DefStmt, m *Module, root string) {
	if running == nil && len(used) == 0 && !strings.Contains(name, "::") {
		return nil, nil, name // no module can define it
	}
	m, fn, err := r.Resolve(name, running, used)
	if err != nil || m == nil {
		return nil, nil, fn
	}
	return m.Funcs[fn], m, ""
}
