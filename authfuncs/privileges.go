package authfuncs

import (
	"strings"

	"github.com/porpoisedb/porpoise/auth"
	"github.com/porpoisedb/porpoise/catalog"
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/viewfuncs"
)

// privArg reads accessType, a privilege type.
func privArg(r *funcs.Args, v value.Value) auth.Priv {
	s, ok := v.(*value.Scalar)
	if !ok || s.Null || s.T.Category() != value.CatIntegral || !auth.Priv(s.I).Valid() {
		r.Bad("accessType", "a privilege type such as TABLE_READ")
		return 0
	}
	return auth.Priv(s.I)
}

// privOp is grant, deny or revoke.
func privOp(op auth.Op) impl {
	return func(h Host, pr auth.Principal, r *funcs.Args) (value.Value, error) {
		who := nameArg(r, "userId", r.Arg(0))
		p := privArg(r, r.Arg(1))
		if err := r.Err(); err != nil {
			return nil, err
		}
		var objs []string
		limit := 0.0
		var ok bool
		if o := r.Given(2); o != nil {
			if p.IsLimit() {
				x, ok := o.(*value.Scalar)
				if !ok || x.Null || (x.T.Category() != value.CatIntegral && x.T.Category() != value.CatFloating) {
					return nil, ddberr.Errorf("The objs of %s must be a positive number.", p)
				}
				limit = x.Float64()
			} else if f, isFn := o.(interface{ FuncName() string }); isFn && p == auth.ViewExec {
				objs = []string{f.FuncName()} // grant.md: a view's function names it
			} else if objs, ok = funcs.StringsArg(o); !ok {
				return nil, funcs.BadArg(r.Fn, "objs", "a string scalar or vector")
			}
		}
		if p.IsLimit() && op == auth.Grant && limit <= 0 {
			return nil, ddberr.Errorf("The objs of %s must be a positive number.", p)
		}
		// catalog.md: catalog.schema[.table] names a schema's database
		// (or its table)
		objs, err := catalog.Objects(h, objs)
		if err != nil {
			return nil, err
		}
		ownerOf := func(name string) (string, bool) {
			t, ok := h.SharedTable(name)
			return t.Owner, ok
		}
		if p == auth.ViewExec {
			for i, obj := range objs {
				objs[i] = auth.ViewName(obj)
			}
			ownerOf = func(name string) (string, bool) { return viewfuncs.ViewOwner(h, name) }
		}
		if err := pr.CheckGrantor(op, p, objs, ownerOf); err != nil {
			return nil, err
		}
		// Shared tables are named without the node part in the store.
		for i, obj := range objs {
			if obj != auth.Global && !auth.IsDFS(obj) && !strings.Contains(obj, "::") {
				objs[i] = auth.SharedName(obj)
			}
		}
		if p == auth.DBManage && op == auth.Grant {
			for _, obj := range objs {
				if obj != auth.Global && !h.DatabaseExists(obj) {
					return nil, ddberr.Errorf("The database [%s]  does not exist", obj)
				}
			}
		}
		if p.IsCatalog() {
			if len(objs) == 0 || objs[0] == auth.Global {
				return nil, funcs.BadArg(r.Fn, "objs", "a string scalar or vector")
			}
			dbs, err := catalog.Databases(h, objs)
			if err != nil {
				return nil, err
			}
			return nil, pr.Store.ApplyCatalog(who, op, p, objs, dbs)
		}
		if err := pr.Store.Apply(who, op, p, objs, limit); err != nil {
			return nil, err
		}
		// A grant, deny or revoke on a shared table puts it under access
		// control.
		for _, obj := range objs {
			if p != auth.ViewExec {
				h.ControlShared(obj)
			}
		}
		return nil, nil
	}
}

func addAccessControl(h Host, p auth.Principal, r *funcs.Args) (value.Value, error) {
	name, ok := funcs.StringArg(r.Arg(0))
	if !ok {
		t, isTable := r.Arg(0).(*value.Table)
		if !isTable || t.Shared == "" {
			return nil, funcs.BadArg(r.Fn, "table", "a shared table or its name")
		}
		name = t.Shared
	}
	t, ok := h.SharedTable(name)
	if !ok {
		return nil, ddberr.Errorf("The shared table or stream engine [%s] doesn't exist.", name)
	}
	if err := p.CheckAddAccessControl(t.Owner); err != nil {
		return nil, err
	}
	h.ControlShared(name)
	return nil, nil
}
