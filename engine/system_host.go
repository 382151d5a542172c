package engine

import (
	"cmp"
	"sort"
	"strconv"

	"github.com/porpoisedb/porpoise/config"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/system"
	"github.com/porpoisedb/porpoise/funcs/temporal"
	"github.com/porpoisedb/porpoise/modules"
	"github.com/porpoisedb/porpoise/value"
)

// The interpreter is the Host of funcs/system's functions over the
// session's variables, shared objects, user, settings and tables.
var _ system.Host = (*interp)(nil)

// today() and now() read the engine's clock (Options.Now, SetNow).
var _ temporal.Clock = (*interp)(nil)

// Local implements system.Host.
func (in *interp) Local(name string) (value.Value, bool) {
	v, ok := in.frame[name]
	return v, ok
}

// Shared implements system.Host.
func (in *interp) Shared(name string) (value.Value, bool) { return in.s.eng.Shared(name) }

// Undefine implements system.Host.
func (in *interp) Undefine(name string, kind system.ObjKind) error {
	switch kind {
	case system.DefObj:
		if name == "all" {
			clear(in.s.defs)
		} else {
			delete(in.s.defs, name)
		}
		in.s.funcsGen++
		return nil
	case system.SharedObj:
		if name != "all" {
			return in.unshare(name)
		}
		for _, x := range in.s.eng.shared.All() {
			if err := in.unshare(x.Name); err != nil {
				return err
			}
		}
		return nil
	}
	if name == "all" {
		clear(in.frame)
		return nil
	}
	if in.frame[name] == nil {
		if _, ok := in.s.eng.Shared(name); ok {
			return in.unshare(name)
		}
	}
	in.ro.Forget(name)
	delete(in.frame, name)
	return nil
}

// unshare drops the shared object called name, when the session may.
func (in *interp) unshare(name string) error {
	if err := in.s.checkUnshare(name); err != nil {
		return err
	}
	return in.s.eng.shared.Drop(name)
}

// DatabaseOwner implements system.Host.
func (in *interp) DatabaseOwner(path string) string { return in.s.eng.acl.DBOwner(path) }

// Share implements system.Host.
func (in *interp) Share(v value.Value, name string, readonly bool) error {
	return in.s.eng.shareObject(v, name, readonly, in.s.user)
}

// SessionObjects implements system.Host. The caller runs in this
// session, which holds s.mu already.
func (in *interp) SessionObjects(withShared bool) []funcs.Object {
	s := in.s
	local := make([]string, 0, len(s.vars))
	for n := range s.vars {
		local = append(local, n)
	}
	sort.Strings(local)
	out := make([]funcs.Object, 0, len(local))
	for _, n := range local {
		if v := s.vars[n]; v != nil {
			out = append(out, funcs.Object{Name: n, Value: v})
		}
	}
	if !withShared {
		return out
	}
	for _, x := range s.eng.shared.All() {
		out = append(out, funcs.Object{Name: x.Name, Value: x.Obj.V, Shared: true})
	}
	return out
}

// ReadObject implements system.Host (sharedobj.Held.ReadOf).
func (in *interp) ReadObject(o funcs.Object, key string, read func(value.Value) any) any {
	return in.s.held.ReadOf(&in.s.eng.shared, o.Name, o.Value, o.Shared, key, read)
}

// Settings implements system.Host: the configuration getConfig shows.
func (in *interp) Settings() map[string]string {
	m := in.s.eng.cfg.Settings()
	m["maxMemSize"] = strconv.FormatFloat(in.s.eng.maxMemSizeGB(), 'g', -1, 64)
	m["moduleDir"] = cmp.Or(in.s.eng.cfg.ModuleDir, modules.DefaultDir)
	// Stream tables persist in the store under the data directory.
	m["persistenceDir"] = in.s.eng.opts.DataDir
	return m
}

// Config implements imoltp.Host: the engine's configuration.
func (in *interp) Config() config.Config { return in.s.eng.cfg }

// OwnColumns implements system.Host.
func (in *interp) OwnColumns(t *value.Table) { in.ownColumns(t) }

// Login implements system.Host.
func (in *interp) Login(user, password string) error { return in.s.Login(user, password, false) }

// Logout implements system.Host.
func (in *interp) Logout() { in.s.Logout() }
