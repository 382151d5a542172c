package system

import (
	"maps"
	"os"
	"strconv"
	"strings"

	"github.com/porpoisedb/porpoise/audit"
	"github.com/porpoisedb/porpoise/auth"
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/filesys"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/kernel"
)

// The functions over the session's variables, shared objects, user and
// settings; each reaches the session through Host.

// xexists is exists(path): whether each server-side file or directory
// (relative paths under the home directory) or dfs:// database exists
// (funcs/e/exists.md).
func xexists(h Host, env funcs.Env, args []value.Value) (value.Value, error) {
	names, ok := funcs.NamesArg(args[0])
	if !ok {
		return nil, ddberr.Errorf("The argument of exists must be a string.")
	}
	found := value.NewVector(value.Bool, len(names), len(names))
	for i, name := range names {
		if strings.HasPrefix(name, "dfs://") {
			if h.DatabaseExists(name) {
				found.I8[i] = 1
			}
			continue
		}
		p, err := filesys.Resolve(env, name)
		if err != nil {
			return nil, err
		}
		if _, err := os.Stat(p); err == nil {
			found.I8[i] = 1
		}
	}
	if _, scalar := args[0].(*value.Scalar); scalar {
		return found.At(0), nil
	}
	return found, nil
}

func xdefined(h Host, _ funcs.Env, args []value.Value) (value.Value, error) {
	names, ok := funcs.NamesArg(args[0])
	if !ok {
		return nil, ddberr.Errorf("The argument of defined must be a string.")
	}
	kind, err := objKindArg(funcs.Arg(args, 1), "defined")
	if err != nil {
		return nil, err
	}
	out := value.NewVector(value.Bool, 0, len(names))
	for _, n := range names {
		var def bool
		switch kind {
		case VarObj:
			_, def = h.Var(n)
			if def {
				_, shared := h.Shared(n)
				_, local := h.Local(n)
				def = local || !shared
			}
		case SharedObj:
			_, def = h.Shared(n)
		case DefObj:
			_, def = h.Function(n)
		}
		out.I8 = append(out.I8, kernel.BoolAs[int8](def))
	}
	if len(names) == 1 {
		return out.At(0), nil
	}
	return out, nil
}

// objKindArg reads the VAR/SHARED/DEF argument of defined and undef; a
// missing one is VAR.
func objKindArg(v value.Value, fn string) (ObjKind, error) {
	if v == nil {
		return VarObj, nil
	}
	t, ok := v.(*value.Scalar)
	if !ok || t.Null || t.Type().Category() != value.CatIntegral || t.I < int64(VarObj) || t.I > int64(DefObj) {
		return 0, ddberr.Errorf("The objType of %s must be VAR, SHARED or DEF.", fn)
	}
	return ObjKind(t.I), nil
}

func xundef(env funcs.Env, args []value.Value) (value.Value, error) {
	if len(args) == 0 {
		return nil, nil
	}
	h, err := host(env)
	if err != nil {
		return nil, err
	}
	names, ok := funcs.NamesArg(args[0])
	if !ok {
		return nil, ddberr.Errorf("The argument of undef must be a variable name string.")
	}
	kind, err := objKindArg(funcs.Arg(args, 1), "undef")
	if err != nil {
		return nil, err
	}
	for _, n := range names {
		if err := h.Undefine(n, kind); err != nil {
			return nil, err
		}
	}
	return nil, nil
}

func xshare(h Host, _ funcs.Env, args []value.Value) (value.Value, error) {
	name, ok := funcs.StringArg(args[1])
	if !ok {
		return nil, ddberr.Errorf("The shared name must be a string.")
	}
	if err := h.Share(args[0], name, funcs.OptBool(funcs.Arg(args, 2), false)); err != nil {
		return nil, err
	}
	return args[0], nil
}

func xlogin(h Host, _ funcs.Env, args []value.Value) (value.Value, error) {
	u, ok1 := funcs.StringArg(args[0])
	pw, ok2 := funcs.StringArg(args[1])
	if !ok1 || !ok2 {
		return nil, ddberr.Errorf("The user name and password must be strings.")
	}
	if err := h.Login(u, pw); err != nil {
		return nil, err
	}
	return value.NewBool(true), nil
}

func xlogout(h Host, env funcs.Env, args []value.Value) (value.Value, error) {
	user, ok := funcs.StringArg(funcs.Arg(args, 0))
	if !ok || user == "" {
		user = auth.OrGuest(env.SessionInfo().User)
	}
	h.Logout()
	audit.LoggedOut(env.Context(), user, funcs.OptBool(funcs.Arg(args, 1), true))
	return nil, nil
}

func xgetConfig(h Host, env funcs.Env, args []value.Value) (value.Value, error) {
	all := maps.Clone(h.Settings())
	// the address this node serves on, as a DolphinDB node's
	// host:port:alias setting reads
	site := funcs.SiteOf(env)
	all["localSite"] = site.Host + ":" + strconv.Itoa(site.Port) + ":" + site.Alias
	if len(args) == 0 {
		d := value.NewDict(value.String, value.String)
		for k, v := range all {
			d.Put(value.NewStrings(value.String, []string{k}), 0, value.NewStrings(value.String, []string{v}), 0)
		}
		return d, nil
	}
	key, ok := funcs.StringArg(args[0])
	if !ok {
		return nil, ddberr.Errorf("The configuration key must be a string.")
	}
	v, ok := all[key]
	if !ok {
		return value.NullScalar(value.String), nil
	}
	return value.NewString(v), nil
}

// xgetEnableNullSafeJoin is the enableNullSafeJoin setting as a BOOL
// (funcs/g/getenablenullsafejoin.md).
func xgetEnableNullSafeJoin(h Host, _ funcs.Env, _ []value.Value) (value.Value, error) {
	return value.NewBool(h.Settings()["enableNullSafeJoin"] == "true"), nil
}
