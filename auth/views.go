package auth

import "strings"

// Function views (db_distr_comp/db_oper/FunctionView.md, the VIEW_EXEC and
// VIEW_OWNER sections of tutorials/ACL_and_Security.md): a user who may
// execute a view runs it with the view's rights over DFS tables, so that
// one without TABLE_READ still gets what the view computes.

// ViewName is a view's name as VIEW_EXEC objects spell it: a view outside
// any namespace is global, and "::f" names the same view as "f".
func ViewName(name string) string { return strings.TrimPrefix(name, "::") }

// ViewNamespace is the "ns::*" object that covers the view name in the
// module namespace ns, "" for a global view.
func ViewNamespace(name string) string {
	if i := strings.LastIndex(name, "::"); i > 0 {
		return name[:i] + "::*"
	}
	return ""
}

// CanExecView reports whether the user may execute the function view name
// that owner added: administrators and the view's creator may; anyone
// else needs VIEW_EXEC on the view, on its namespace or globally, and no
// deny of any of them.
func (p Principal) CanExecView(name, owner string) bool {
	if p.User == "" {
		return false
	}
	if p.IsAdmin() || p.User == owner {
		return true
	}
	t := []Target{{Priv: ViewExec, Obj: ViewName(name)}}
	if ns := ViewNamespace(name); ns != "" {
		t = append(t, Target{Priv: ViewExec, Obj: ns})
	}
	return p.allowed(t...)
}

// OwnsViews reports whether the user may add function views and manage
// the ones it added: an administrator, or a user holding VIEW_OWNER.
func (p Principal) OwnsViews() bool {
	return p.IsAdmin() || p.User != "" && p.allowed(Target{Priv: ViewOwner, Obj: Global})
}
