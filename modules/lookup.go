package modules

import "github.com/porpoisedb/porpoise/ddberr"

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
