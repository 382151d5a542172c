package authfuncs

import (
	"github.com/porpoisedb/porpoise/auth"
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// Host is what these functions need of the calling session beyond
// funcs.Env.
type Host interface {
	funcs.Env
	// Principal is the session's user and the engine's access store.
	Principal() auth.Principal
	// DatabaseExists reports whether the dfs:// database path exists.
	DatabaseExists(path string) bool
	// SharedTable is the shared object name as the access rules see it;
	// ok is false when nothing is shared under name.
	SharedTable(name string) (t auth.SharedTable, ok bool)
	// ControlShared puts the shared object name, if there is one, under
	// access control.
	ControlShared(name string)
	// LoggedInUsers lists, sorted and once each, the users some open
	// session is logged in as.
	LoggedInUsers() []string
	// ScramLogin checks the final SCRAM proof and logs the session in as
	// user; it returns the server signature.
	ScramLogin(user, combined, proof string) (string, error)
}

// impl is one of these functions once its caller's Host and principal
// are known; r reads its arguments.
type impl func(h Host, p auth.Principal, r *funcs.Args) (value.Value, error)

// rule is who may call a function.
type rule int

const (
	anyone rule = iota
	// member refuses guests with "Only administrators execute function
	// fn", as DolphinDB does for the functions a user may call on itself.
	member
	admin
)

// guarded is f behind its rule, refused in DolphinDB's words before f
// reads an argument.
func guarded(fn string, who rule, f impl) funcs.Impl {
	return funcs.WithHost(func(h Host, _ funcs.Env, args []value.Value) (value.Value, error) {
		p := h.Principal()
		switch {
		case who == admin:
			if err := funcs.RequireAdmin(h, fn); err != nil {
				return nil, err
			}
		case who == member && p.User == "":
			return nil, ddberr.Errorf("Only administrators execute function %s", fn)
		}
		return f(h, p, funcs.ReadArgs(fn, args))
	})
}

// nameArg reads param, a non-empty string.
func nameArg(r *funcs.Args, param string, v value.Value) string {
	s, ok := funcs.StringArg(v)
	if !ok || s == "" {
		r.Bad(param, "a non-empty string")
	}
	return s
}

// textArg reads param, a string; what is the "must be" of its error.
func textArg(r *funcs.Args, param string, v value.Value, what string) string {
	s, ok := funcs.StringArg(v)
	if !ok {
		r.Bad(param, what)
	}
	return s
}

// namesArg reads param, a STRING scalar or vector; nil when left out or
// NULL.
func namesArg(r *funcs.Args, param string, v value.Value) []string {
	if v == nil {
		return nil
	}
	if sc, ok := v.(*value.Scalar); ok && sc.Null && sc.T != value.String {
		return nil
	}
	s, ok := funcs.StringsArg(v)
	if !ok {
		r.Bad(param, "a string scalar or vector")
	}
	return s
}

// stringsResult is a STRING vector of s, empty rather than NULL when s is
// nil, or err.
func stringsResult(s []string, err error) (value.Value, error) {
	if err != nil {
		return nil, err
	}
	if s == nil {
		s = []string{}
	}
	return value.NewStrings(value.String, s), nil
}
