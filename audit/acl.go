package audit

import (
	"context"
	"fmt"
	"strings"
)

// The ACL operations recorded outside the security functions (package
// authfuncs records those), in the opDetail forms of
// funcs/g/getaclauditlog.md.

// LoggedIn records a login as user. It is called before the session
// becomes user: the row's userId is the session's user until then
// (guest on a new connection), as in the page's example.
func LoggedIn(ctx context.Context, user string, encrypted bool) {
	RecordACL(ctx, "login", fmt.Sprintf("login userId=%s encrypted=%t", user, encrypted))
}

// LoggedOut records the logout of user. It is called once the session
// is a guest again: the page's example shows such a row by guest.
func LoggedOut(ctx context.Context, user string, sessionOnly bool) {
	RecordACL(ctx, "logout", fmt.Sprintf("logout userId=%s sessionOnly=%t", user, sessionOnly))
}

// RevokedByDFS records revokeByDFSOperation: oldObj, a DFS database,
// table or column ("dfs://db/t:col") that was dropped, takes its
// privileges with it. The page shows the form "oldObj=xxx
// newObjs=[xxx,...]" without an example; a drop leaves no new object, so
// newObjs is [].
func RevokedByDFS(ctx context.Context, oldObj string) {
	ReplacedByDFS(ctx, oldObj)
}

// ReplacedByDFS records replaceByDFSOperation: the privileges on oldObj
// now apply to newObjs (renameTable, rename! of a column, replaceColumn!).
// revokeByDFSOperation when there are no new objects.
func ReplacedByDFS(ctx context.Context, oldObj string, newObjs ...string) {
	op := "replaceByDFSOperation"
	if len(newObjs) == 0 {
		op = "revokeByDFSOperation"
	}
	RecordACL(ctx, op, "oldObj="+oldObj+" newObjs=["+strings.Join(newObjs, ",")+"]")
}
