package authfuncs

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/auth"
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// fakeHost is a session over an in-memory store: the Host these functions
// see, without an engine. The embedded funcs.Env is nil: the functions
// use only SessionInfo and Context of it.
type fakeHost struct {
	funcs.Env
	store  *auth.Store
	user   string
	dbs    map[string]bool
	shared map[string]*auth.SharedTable
	logins []string
}

func (h *fakeHost) SessionInfo() funcs.SessionInfo {
	return funcs.SessionInfo{User: h.user, Admin: h.Principal().IsAdmin()}
}
func (h *fakeHost) Context() context.Context     { return context.Background() }
func (h *fakeHost) Principal() auth.Principal    { return auth.Principal{Store: h.store, User: h.user} }
func (h *fakeHost) DatabaseExists(p string) bool { return h.dbs[p] }
func (h *fakeHost) LoggedInUsers() []string      { return h.logins }

func (h *fakeHost) SharedTable(name string) (auth.SharedTable, bool) {
	if t, ok := h.shared[name]; ok {
		return *t, true
	}
	return auth.SharedTable{}, false
}

func (h *fakeHost) ControlShared(name string) {
	if t, ok := h.shared[name]; ok {
		t.Controlled = true
	}
}

func (h *fakeHost) ScramLogin(user, combined, proof string) (string, error) {
	return h.store.ScramFinal(user, combined, proof, "local")
}

func newHost(t *testing.T, user string) *fakeHost {
	t.Helper()
	st, err := auth.Open(auth.Options{})
	require.NoError(t, err)
	return &fakeHost{store: st, user: user, dbs: map[string]bool{}, shared: map[string]*auth.SharedTable{}}
}

// as is the same store seen from another user's session.
func (h *fakeHost) as(user string) *fakeHost {
	c := *h
	c.user = user
	return &c
}

func call(t *testing.T, env funcs.Env, name string, args ...value.Value) (value.Value, error) {
	t.Helper()
	s, ok := funcs.Lookup(name)
	require.True(t, ok, name)
	require.Equal(t, "security", s.Category, name)
	return s.Fn(env, args)
}

func str(s string) value.Value { return value.NewString(s) }

func priv(p auth.Priv) value.Value { return value.NewInt(int32(p)) }

func TestAdminOnlyFunctionsRefuseOthers(t *testing.T) {
	admin := newHost(t, auth.SuperAdmin)
	_, err := call(t, admin, "createUser", str("u1"), str("Pass1234"))
	require.NoError(t, err)
	for _, h := range []*fakeHost{admin.as("u1"), admin.as("")} {
		_, err = call(t, h, "getUserList")
		require.EqualError(t, err, "Only administrators execute function getUserList")
		_, err = call(t, h, "createUser", str("u2"), str("Pass1234"))
		require.EqualError(t, err, "Only administrators execute function createUser")
	}
	users, err := call(t, admin, "getUserList")
	require.NoError(t, err)
	require.Equal(t, []string{"u1"}, users.(*value.Vector).Str)
}

func TestArgumentTexts(t *testing.T) {
	admin := newHost(t, auth.SuperAdmin)
	_, err := call(t, admin, "createUser", str(""), str("Pass1234"))
	require.EqualError(t, err, "The argument [userId] of createUser must be a non-empty string.")
	_, err = call(t, admin, "grant", str("u1"), str("TABLE_READ"))
	require.EqualError(t, err, "The argument [accessType] of grant must be a privilege type such as TABLE_READ.")
	_, err = call(t, admin, "grant", str("u1"), priv(auth.QueryResultMemLimit), value.NewInt(0))
	require.EqualError(t, err, "The objs of QUERY_RESULT_MEM_LIMIT must be a positive number.")
	_, err = call(t, admin.as(""), "changePwd", str("a"), str("b"))
	require.EqualError(t, err, "<NotAuthenticated>Please login first.")
}

func TestGrantOnSharedTablePutsItUnderAccessControl(t *testing.T) {
	admin := newHost(t, auth.SuperAdmin)
	_, err := call(t, admin, "createUser", str("u1"), str("Pass1234"))
	require.NoError(t, err)
	_, err = call(t, admin, "createUser", str("u2"), str("Pass1234"))
	require.NoError(t, err)
	admin.shared["st"] = &auth.SharedTable{Name: "st", Owner: "u1"}

	// u2 did not share st: refused, and st stays open.
	_, err = call(t, admin.as("u2"), "grant", str("u2"), priv(auth.TableRead), str("st"))
	require.EqualError(t, err, "Non-admin users cannot grant the TABLE_READ privilege. Contact the administrator. RefId: S04004")
	require.False(t, admin.shared["st"].Controlled)

	// Its creator may, naming it with the node part.
	_, err = call(t, admin.as("u1"), "grant", str("u2"), priv(auth.TableRead), str("local8848:st"))
	require.NoError(t, err)
	require.True(t, admin.shared["st"].Controlled)
	require.True(t, admin.store.Allowed("u2", auth.Target{Priv: auth.TableRead, Obj: "st"}))
}

func TestAddAccessControl(t *testing.T) {
	admin := newHost(t, auth.SuperAdmin)
	admin.shared["st"] = &auth.SharedTable{Name: "st", Owner: "u1"}
	_, err := call(t, admin, "addAccessControl", str("nope"))
	require.EqualError(t, err, "The shared table or stream engine [nope] doesn't exist.")
	_, err = call(t, admin.as("u2"), "addAccessControl", str("st"))
	require.EqualError(t, err, "Only the creator of the shared table or an administrator can add access control to it.")
	require.False(t, admin.shared["st"].Controlled)
	_, err = call(t, admin.as("u1"), "addAccessControl", &value.Table{Shared: "st"})
	require.NoError(t, err)
	require.True(t, admin.shared["st"].Controlled)
}

func TestGrantDBManageNeedsTheDatabase(t *testing.T) {
	admin := newHost(t, auth.SuperAdmin)
	_, err := call(t, admin, "createUser", str("u1"), str("Pass1234"))
	require.NoError(t, err)
	_, err = call(t, admin, "grant", str("u1"), priv(auth.DBManage), str("dfs://none"))
	require.EqualError(t, err, "The database [dfs://none]  does not exist")
	admin.dbs["dfs://db"] = true
	_, err = call(t, admin, "grant", str("u1"), priv(auth.DBManage), str("dfs://db"))
	require.NoError(t, err)
}

func TestGetUserAccessOwnRowOnly(t *testing.T) {
	admin := newHost(t, auth.SuperAdmin)
	_, err := call(t, admin, "createUser", str("u1"), str("Pass1234"))
	require.NoError(t, err)
	own, err := call(t, admin.as("u1"), "getUserAccess")
	require.NoError(t, err)
	tb := own.(*value.Table)
	require.Equal(t, 1, tb.Rows())
	require.Equal(t, []string{"u1"}, tb.Column("userId").Str)
	require.Equal(t, []int32{-1}, tb.Column("MAX_PARTITION_NUM_PER_QUERY").I32)
	_, err = call(t, admin.as("u1"), "getUserAccess", str("admin"))
	require.EqualError(t, err, "Only administrators execute function getUserAccess")
	_, err = call(t, admin.as(""), "getUserAccess")
	require.EqualError(t, err, "Only administrators execute function getUserAccess")

	groups, err := call(t, admin, "getGroupAccess", str("nope"))
	require.Error(t, err, "an unknown group")
	require.Nil(t, groups)
}

func TestLogins(t *testing.T) {
	h := newHost(t, "")
	h.logins = []string{"admin", "u1"}
	v, err := call(t, h, "isLoggedIn", str("u1"))
	require.NoError(t, err)
	require.True(t, v.(*value.Scalar).Bool())
	v, err = call(t, h, "isLoggedIn", str("u2"))
	require.NoError(t, err)
	require.False(t, v.(*value.Scalar).Bool())
	v, err = call(t, h, "getAuthenticatedUsers")
	require.NoError(t, err)
	require.Equal(t, []string{"admin", "u1"}, v.(*value.Vector).Str)
}

// A bare funcs.Env (no engine) gets an error, not a panic.
func TestWithoutAnEngine(t *testing.T) {
	_, err := call(t, nil, "getUserList")
	require.EqualError(t, err, ddberr.Errorf("This function needs a database engine.").Error())
}

// TestFirstBadArgumentWins covers the argument reads of the functions
// that read several: the first bad argument names the error, whatever
// follows it.
func TestFirstBadArgumentWins(t *testing.T) {
	admin := newHost(t, auth.SuperAdmin)
	bad := value.NewInt(1)
	for _, c := range []struct {
		fn   string
		args []value.Value
		want string
	}{
		{"createUser", []value.Value{str("u1"), bad, bad}, "The argument [password] of createUser must be a string."},
		{"createUser", []value.Value{str("u1"), str("Pass1234"), bad, str("x")}, "The argument [groupIds] of createUser must be a string scalar or vector."},
		{"createUser", []value.Value{str("u1"), str("Pass1234"), nil, str("x"), bad}, "The argument [isAdmin] of createUser must be a boolean."},
		{"createUser", []value.Value{str("u1"), str("Pass1234"), nil, value.NewBool(false), bad}, "The argument [authMode] of createUser must be 'sha256' or 'scram'."},
		{"createGroup", []value.Value{str(""), bad}, "The argument [groupId] of createGroup must be a non-empty string."},
		{"addGroupMember", []value.Value{bad, bad}, "The argument [userIds] of addGroupMember must be a string scalar or vector."},
		{"addGroupMember", []value.Value{str("u1"), bad}, "The argument [groupIds] of addGroupMember must be a string scalar or vector."},
		{"resetPwd", []value.Value{str("u1"), bad}, "The argument [newPwd] of resetPwd must be a string."},
		{"changePwd", []value.Value{bad, str("b")}, "The argument [newPwd] of changePwd must be a string."},
		{"lockUser", []value.Value{str("")}, "The argument [userId] of lockUser must be a non-empty string."},
		{"backupSettings", []value.Value{str("f"), str("x"), bad}, "The argument [userPermission] of backupSettings must be a boolean."},
		{"restoreSettings", []value.Value{bad, str("x")}, "The argument [fileName] of restoreSettings must be a non-empty string."},
		{"getUserAccess", []value.Value{bad, str("x")}, "The argument [userIds] of getUserAccess must be a string scalar or vector."},
		{"revoke", []value.Value{str(""), str("TABLE_READ")}, "The argument [userId] of revoke must be a non-empty string."},
		{"scramClientFinal", []value.Value{str("u1"), str("n"), bad}, "The argument [userId] of scramClientFinal must be a string."},
	} {
		_, err := call(t, admin, c.fn, c.args...)
		require.EqualError(t, err, c.want, c.fn)
	}
}
