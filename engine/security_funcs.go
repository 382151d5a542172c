package engine

import (
	"path/filepath"
	"strings"
	"time"

	"github.com/porpoisedb/porpoise/auth"
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// The security functions of DolphinDB's manual (category "security"):
// users, groups, privileges, passwords, locks, SCRAM login. They reach
// the engine's access store through the interpreter.

func init() {
	sec := func(name string, params []string, min, max int, fn funcs.Impl) funcs.Spec {
		return funcs.Spec{Name: name, Params: params, Min: min, Max: max, Props: funcs.Session | funcs.Command, Category: "security", Fn: fn}
	}
	funcs.Register(
		sec("createUser", []string{"userId", "password", "groupIds", "isAdmin", "authMode"}, 2, 5, xcreateUser),
		sec("deleteUser", []string{"userId"}, 1, 1, xdeleteUser),
		sec("createGroup", []string{"groupId", "userIds"}, 1, 2, xcreateGroup),
		sec("deleteGroup", []string{"groupId"}, 1, 1, xdeleteGroup),
		sec("addGroupMember", []string{"userIds", "groupIds"}, 2, 2, xaddGroupMember),
		sec("deleteGroupMember", []string{"userIds", "groupIds"}, 2, 2, xdeleteGroupMember),
		sec("grant", []string{"userId", "accessType", "objs"}, 2, 3, privOp(auth.Grant)),
		sec("deny", []string{"userId", "accessType", "objs"}, 2, 3, privOp(auth.DenyOp)),
		sec("revoke", []string{"userId", "accessType", "objs"}, 2, 3, privOp(auth.Revoke)),
		sec("getUserAccess", []string{"userIds", "finalAccess"}, 0, 2, xgetUserAccess),
		sec("getGroupAccess", []string{"groupIds"}, 1, 1, xgetGroupAccess),
		sec("getUserList", nil, 0, 0, xgetUserList),
		sec("getGroupList", nil, 0, 0, xgetGroupList),
		sec("getGroupsByUserId", []string{"userId"}, 1, 1, xgetGroupsByUserID),
		sec("getUsersByGroupId", []string{"groupId"}, 1, 1, xgetUsersByGroupID),
		sec("changePwd", []string{"oldPwd", "newPwd"}, 2, 2, xchangePwd),
		sec("resetPwd", []string{"userId", "newPwd"}, 2, 2, xresetPwd),
		sec("lockUser", []string{"userId"}, 1, 1, xlockUser),
		sec("unlockUser", []string{"userId"}, 1, 1, xunlockUser),
		sec("getUserLockedStatus", nil, 0, 0, xgetUserLockedStatus),
		sec("getUserPasswordStatus", []string{"user"}, 0, 1, xgetUserPasswordStatus),
		sec("isLoggedIn", []string{"userId"}, 1, 1, xisLoggedIn),
		sec("getAuthenticatedUsers", nil, 0, 0, xgetAuthenticatedUsers),
		sec("backupSettings", []string{"fileName", "userPermission", "functionView"}, 1, 3, xbackupSettings),
		sec("restoreSettings", []string{"fileName", "overwrite"}, 1, 2, xrestoreSettings),
		sec("addAccessControl", []string{"table"}, 1, 1, xaddAccessControl),
		sec("scramClientFirst", []string{"userId", "clientNonce"}, 2, 2, xscramClientFirst),
		sec("scramClientFinal", []string{"userId", "combinedNonce", "clientProof"}, 3, 3, xscramClientFinal),
	)
}

// privConstant resolves TABLE_READ, DB_OWNER ... to their INT values.
func privConstant(name string) (value.Value, bool) {
	if p, ok := auth.PrivByName(name); ok {
		return value.NewInt(int32(p)), true
	}
	return nil, false
}

func sessionOf(env funcs.Env) *Session { return env.(*interp).s }

// adminSession is the caller's session after the admin-only check.
func adminSession(env funcs.Env, fn string) (*Session, error) {
	s := sessionOf(env)
	return s, s.requireAdmin(fn)
}

func nameArg(fn, param string, v value.Value) (string, error) {
	s, ok := funcs.StringArg(v)
	if !ok || s == "" {
		return "", ddberr.Errorf("The argument [%s] of %s must be %s.", param, fn, "a non-empty string")
	}
	return s, nil
}

func namesArg(fn, param string, v value.Value) ([]string, error) {
	if v == nil {
		return nil, nil
	}
	if sc, ok := v.(*value.Scalar); ok && sc.Null && sc.T != value.String {
		return nil, nil
	}
	s, ok := funcs.StringsArg(v)
	if !ok {
		return nil, ddberr.Errorf("The argument [%s] of %s must be %s.", param, fn, "a string scalar or vector")
	}
	return s, nil
}

func xcreateUser(env funcs.Env, args []value.Value) (value.Value, error) {
	s, err := adminSession(env, "createUser")
	if err != nil {
		return nil, err
	}
	user, err := nameArg("createUser", "userId", args[0])
	if err != nil {
		return nil, err
	}
	pw, ok := funcs.StringArg(args[1])
	if !ok {
		return nil, ddberr.Errorf("The argument [%s] of %s must be %s.", "password", "createUser", "a string")
	}
	groups, err := namesArg("createUser", "groupIds", funcs.Arg(args, 2))
	if err != nil {
		return nil, err
	}
	admin, err := optBool("createUser", "isAdmin", funcs.Arg(args, 3), false)
	if err != nil {
		return nil, err
	}
	mode := ""
	if m := funcs.Arg(args, 4); m != nil && !isNullArg(m) {
		if mode, ok = funcs.StringArg(m); !ok {
			return nil, ddberr.Errorf("The argument [%s] of %s must be %s.", "authMode", "createUser", "'sha256' or 'scram'")
		}
		mode = strings.ToLower(mode)
	}
	return nil, s.eng.acl.CreateUser(user, pw, groups, admin, mode)
}

// optBool is a BOOL argument that may be left out or passed as NULL.
func optBool(fn, param string, v value.Value, def bool) (bool, error) {
	if v == nil || isNullArg(v) {
		return def, nil
	}
	return funcs.BoolArg(fn, param, v, def)
}

func xdeleteUser(env funcs.Env, args []value.Value) (value.Value, error) {
	s, err := adminSession(env, "deleteUser")
	if err != nil {
		return nil, err
	}
	user, err := nameArg("deleteUser", "userId", args[0])
	if err != nil {
		return nil, err
	}
	return nil, s.eng.acl.DeleteUser(user)
}

func xcreateGroup(env funcs.Env, args []value.Value) (value.Value, error) {
	s, err := adminSession(env, "createGroup")
	if err != nil {
		return nil, err
	}
	group, err := nameArg("createGroup", "groupId", args[0])
	if err != nil {
		return nil, err
	}
	users, err := namesArg("createGroup", "userIds", funcs.Arg(args, 1))
	if err != nil {
		return nil, err
	}
	return nil, s.eng.acl.CreateGroup(group, users)
}

func xdeleteGroup(env funcs.Env, args []value.Value) (value.Value, error) {
	s, err := adminSession(env, "deleteGroup")
	if err != nil {
		return nil, err
	}
	group, err := nameArg("deleteGroup", "groupId", args[0])
	if err != nil {
		return nil, err
	}
	return nil, s.eng.acl.DeleteGroup(group)
}

func membership(fn string, add bool) funcs.Impl {
	return func(env funcs.Env, args []value.Value) (value.Value, error) {
		s, err := adminSession(env, fn)
		if err != nil {
			return nil, err
		}
		users, err := namesArg(fn, "userIds", args[0])
		if err != nil {
			return nil, err
		}
		groups, err := namesArg(fn, "groupIds", args[1])
		if err != nil {
			return nil, err
		}
		if add {
			return nil, s.eng.acl.AddGroupMember(users, groups)
		}
		return nil, s.eng.acl.DeleteGroupMember(users, groups)
	}
}

var (
	xaddGroupMember    = membership("addGroupMember", true)
	xdeleteGroupMember = membership("deleteGroupMember", false)
)

// privOp is grant, deny or revoke.
func privOp(op auth.Op) funcs.Impl {
	fn := op.String()
	return func(env funcs.Env, args []value.Value) (value.Value, error) {
		s := sessionOf(env)
		if s.user == "" {
			return nil, ddberr.Errorf("Only administrators execute function %s", fn)
		}
		who, err := nameArg(fn, "userId", args[0])
		if err != nil {
			return nil, err
		}
		pv, ok := args[1].(*value.Scalar)
		if !ok || pv.Null || pv.T.Category() != value.CatIntegral {
			return nil, ddberr.Errorf("The argument [%s] of %s must be %s.", "accessType", fn, "a privilege type such as TABLE_READ")
		}
		p := auth.Priv(pv.I)
		if !p.Valid() {
			return nil, ddberr.Errorf("The argument [%s] of %s must be %s.", "accessType", fn, "a privilege type such as TABLE_READ")
		}
		var objs []string
		limit := 0.0
		if o := funcs.Arg(args, 2); o != nil && !isNullArg(o) {
			if p.IsLimit() {
				x, ok := o.(*value.Scalar)
				if !ok || x.Null || (x.T.Category() != value.CatIntegral && x.T.Category() != value.CatFloating) {
					return nil, ddberr.Errorf("The objs of %s must be a positive number.", p)
				}
				limit = x.Float64()
			} else if objs, ok = funcs.StringsArg(o); !ok {
				return nil, ddberr.Errorf("The argument [%s] of %s must be %s.", "objs", fn, "a string scalar or vector")
			}
		}
		if p.IsLimit() && op == auth.Grant && limit <= 0 {
			return nil, ddberr.Errorf("The objs of %s must be a positive number.", p)
		}
		sharedOwner := func(name string) (string, bool) {
			t, ok := s.eng.sharedTable(name)
			return t.Owner, ok
		}
		if err := s.principal().CheckGrantor(op, p, objs, sharedOwner); err != nil {
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
				if obj == auth.Global {
					continue
				}
				if _, err := s.eng.dbs.Lookup(obj); err != nil {
					return nil, ddberr.Errorf("The database [%s]  does not exist", obj)
				}
			}
		}
		if err := s.eng.acl.Apply(who, op, p, objs, limit); err != nil {
			return nil, err
		}
		// A grant, deny or revoke on a shared table puts it under access
		// control.
		for _, obj := range objs {
			if o := s.eng.sharedEntry(obj); o != nil {
				o.controlled.Store(true)
			}
		}
		return nil, nil
	}
}

// accessColumns are the allow/deny/none columns of getUserAccess.
var accessColumns = []auth.Priv{
	auth.TableRead, auth.TableInsert, auth.TableUpdate, auth.TableDelete,
	auth.ViewExec, auth.ScriptExec, auth.TestExec, auth.DBObjCreate, auth.DBObjDelete,
	auth.DBManage, auth.DBOwner, auth.ViewOwner, auth.ComputeGroupExec,
	auth.TableSensitiveView, auth.DBSensitiveView,
}

// objectColumns are the _allowed / _denied object-list columns.
var objectColumns = []auth.Priv{
	auth.TableRead, auth.TableInsert, auth.TableUpdate, auth.TableDelete,
	auth.DBRead, auth.DBInsert, auth.DBUpdate, auth.DBDelete,
	auth.ViewExec, auth.DBObjCreate, auth.DBObjDelete, auth.DBOwner, auth.DBManage,
}

// accessRow is one principal's row of getUserAccess / getGroupAccess.
type accessRow struct {
	name, groups string
	admin        bool
	sum          auth.Summary
}

func accessTable(first string, rows []accessRow, user bool) *value.Table {
	var names []string
	var cols []*value.Vector
	add := func(name string, v *value.Vector) {
		names = append(names, name)
		cols = append(cols, v)
	}
	str := func(f func(r accessRow) string) *value.Vector {
		out := make([]string, len(rows))
		for i, r := range rows {
			out[i] = f(r)
		}
		return value.NewStrings(value.String, out)
	}
	add(first, str(func(r accessRow) string { return r.name }))
	if user {
		add("groups", str(func(r accessRow) string { return r.groups }))
		adm := value.NewVector(value.Bool, len(rows), len(rows))
		for i, r := range rows {
			if r.admin {
				adm.I8[i] = 1
			}
		}
		add("isAdmin", adm)
		add("MAX_JOB_PRIORITY", intCol(len(rows), 8))
		add("MAX_PARALLELISM", intCol(len(rows), 64))
		for _, p := range []auth.Priv{auth.QueryResultMemLimit, auth.TaskGroupMemLimit} {
			f := make([]float64, len(rows))
			for i, r := range rows {
				f[i] = r.sum.Limits[p]
				if f[i] == 0 {
					f[i] = value.NullFloat64
				}
			}
			add(p.String(), value.NewDoubles(f))
		}
	}
	for _, p := range accessColumns {
		add(p.String(), str(func(r accessRow) string { return r.sum.Global[p].String() }))
	}
	for _, p := range objectColumns {
		add(p.String()+"_allowed", str(func(r accessRow) string { return strings.Join(r.sum.Allowed[p], ",") }))
		if p != auth.DBOwner {
			add(p.String()+"_denied", str(func(r accessRow) string { return strings.Join(r.sum.Denied[p], ",") }))
		}
	}
	mp := make([]int32, len(rows))
	for i, r := range rows {
		mp[i] = -1
		if v, ok := r.sum.Limits[auth.MaxPartitionNumPerQuery]; ok {
			mp[i] = int32(v)
		}
	}
	add("MAX_PARTITION_NUM_PER_QUERY", &value.Vector{T: value.Int, I32: mp})
	return value.NewTable(names, cols)
}

func intCol(n int, x int32) *value.Vector {
	v := make([]int32, n)
	for i := range v {
		v[i] = x
	}
	return &value.Vector{T: value.Int, I32: v}
}

func xgetUserAccess(env funcs.Env, args []value.Value) (value.Value, error) {
	s := sessionOf(env)
	if s.user == "" {
		return nil, ddberr.Errorf("Only administrators execute function %s", "getUserAccess")
	}
	users, err := namesArg("getUserAccess", "userIds", funcs.Arg(args, 0))
	if err != nil {
		return nil, err
	}
	if len(users) == 0 {
		users = []string{s.user}
	}
	final, err := optBool("getUserAccess", "finalAccess", funcs.Arg(args, 1), false)
	if err != nil {
		return nil, err
	}
	if !s.isAdmin() {
		for _, u := range users {
			if u != s.user {
				return nil, ddberr.Errorf("Only administrators execute function %s", "getUserAccess")
			}
		}
	}
	rows := make([]accessRow, 0, len(users))
	for _, u := range users {
		sum, admin, groups, err := s.eng.acl.UserAccess(u, final)
		if err != nil {
			return nil, err
		}
		rows = append(rows, accessRow{name: u, groups: strings.Join(groups, ","), admin: admin, sum: sum})
	}
	return accessTable("userId", rows, true), nil
}

func xgetGroupAccess(env funcs.Env, args []value.Value) (value.Value, error) {
	s, err := adminSession(env, "getGroupAccess")
	if err != nil {
		return nil, err
	}
	groups, err := namesArg("getGroupAccess", "groupIds", args[0])
	if err != nil {
		return nil, err
	}
	rows := make([]accessRow, 0, len(groups))
	for _, g := range groups {
		sum, _, err := s.eng.acl.GroupAccess(g)
		if err != nil {
			return nil, err
		}
		rows = append(rows, accessRow{name: g, sum: sum})
	}
	return accessTable("groupName", rows, false), nil
}

func xgetUserList(env funcs.Env, _ []value.Value) (value.Value, error) {
	s, err := adminSession(env, "getUserList")
	if err != nil {
		return nil, err
	}
	return value.NewStrings(value.String, s.eng.acl.Users()), nil
}

func xgetGroupList(env funcs.Env, _ []value.Value) (value.Value, error) {
	s, err := adminSession(env, "getGroupList")
	if err != nil {
		return nil, err
	}
	return value.NewStrings(value.String, s.eng.acl.Groups()), nil
}

func xgetGroupsByUserID(env funcs.Env, args []value.Value) (value.Value, error) {
	s, err := adminSession(env, "getGroupsByUserId")
	if err != nil {
		return nil, err
	}
	user, err := nameArg("getGroupsByUserId", "userId", args[0])
	if err != nil {
		return nil, err
	}
	g, err := s.eng.acl.GroupsOf(user)
	if err != nil {
		return nil, err
	}
	return value.NewStrings(value.String, nonNil(g)), nil
}

func xgetUsersByGroupID(env funcs.Env, args []value.Value) (value.Value, error) {
	s, err := adminSession(env, "getUsersByGroupId")
	if err != nil {
		return nil, err
	}
	group, err := nameArg("getUsersByGroupId", "groupId", args[0])
	if err != nil {
		return nil, err
	}
	u, err := s.eng.acl.Members(group)
	if err != nil {
		return nil, err
	}
	return value.NewStrings(value.String, nonNil(u)), nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func xchangePwd(env funcs.Env, args []value.Value) (value.Value, error) {
	s := sessionOf(env)
	if s.user == "" {
		return nil, ddberr.Errorf("<NotAuthenticated>Please login first.")
	}
	oldPw, ok1 := funcs.StringArg(args[0])
	newPw, ok2 := funcs.StringArg(args[1])
	if !ok1 || !ok2 {
		return nil, ddberr.Errorf("The argument [%s] of %s must be %s.", "newPwd", "changePwd", "a string")
	}
	return nil, s.eng.acl.ChangePassword(s.user, oldPw, newPw)
}

func xresetPwd(env funcs.Env, args []value.Value) (value.Value, error) {
	s, err := adminSession(env, "resetPwd")
	if err != nil {
		return nil, err
	}
	user, err := nameArg("resetPwd", "userId", args[0])
	if err != nil {
		return nil, err
	}
	pw, ok := funcs.StringArg(args[1])
	if !ok {
		return nil, ddberr.Errorf("The argument [%s] of %s must be %s.", "newPwd", "resetPwd", "a string")
	}
	return nil, s.eng.acl.ResetPassword(user, pw)
}

func lockOp(fn string, lock bool) funcs.Impl {
	return func(env funcs.Env, args []value.Value) (value.Value, error) {
		s, err := adminSession(env, fn)
		if err != nil {
			return nil, err
		}
		user, err := nameArg(fn, "userId", args[0])
		if err != nil {
			return nil, err
		}
		if lock {
			return nil, s.eng.acl.Lock(user)
		}
		return nil, s.eng.acl.Unlock(user)
	}
}

var (
	xlockUser   = lockOp("lockUser", true)
	xunlockUser = lockOp("unlockUser", false)
)

// localTimestamps converts instants to DolphinDB TIMESTAMPs (local wall
// clock, as now() gives); the zero time is NULL.
func localTimestamps(ts []time.Time) *value.Vector {
	out := make([]int64, len(ts))
	for i, t := range ts {
		if t.IsZero() {
			out[i] = value.NullInt64
			continue
		}
		_, off := t.Zone()
		out[i] = t.UnixMilli() + int64(off)*1000
	}
	return &value.Vector{T: value.Timestamp, I64: out}
}

func xgetUserLockedStatus(env funcs.Env, _ []value.Value) (value.Value, error) {
	s, err := adminSession(env, "getUserLockedStatus")
	if err != nil {
		return nil, err
	}
	rows := s.eng.acl.LockStatuses()
	users := make([]string, len(rows))
	ips := make([]string, len(rows))
	at := make([]time.Time, len(rows))
	until := make([]time.Time, len(rows))
	for i, r := range rows {
		users[i], ips[i], at[i], until[i] = r.User, r.IP, r.At, r.Until
	}
	return value.NewTable([]string{"user", "IP", "lockTime", "unlockTime"}, []*value.Vector{
		value.NewStrings(value.String, users), value.NewStrings(value.String, ips), localTimestamps(at), localTimestamps(until),
	}), nil
}

func xgetUserPasswordStatus(env funcs.Env, args []value.Value) (value.Value, error) {
	s := sessionOf(env)
	user := ""
	if a := funcs.Arg(args, 0); a != nil && !isNullArg(a) {
		var ok bool
		if user, ok = funcs.StringArg(a); !ok {
			return nil, ddberr.Errorf("The argument [%s] of %s must be %s.", "user", "getUserPasswordStatus", "a string")
		}
	}
	if !s.isAdmin() && (user == "" || user != s.user) {
		return nil, ddberr.Errorf("Only administrators execute function %s", "getUserPasswordStatus")
	}
	rows, err := s.eng.acl.PasswordStatuses(user)
	if err != nil {
		return nil, err
	}
	n := len(rows)
	users, modes := make([]string, n), make([]string, n)
	set, expire := make([]int64, n), make([]int64, n)
	for i, r := range rows {
		users[i], modes[i] = r.User, r.AuthMode
		_, off := r.SetTime.Zone()
		set[i] = r.SetTime.UnixNano() + int64(off)*1e9
		// Porpoise has no passwordEffectTime: passwords don't expire.
		expire[i] = value.NullInt64
	}
	return value.NewTable([]string{"user", "setTime", "expireTime", "authMode"}, []*value.Vector{
		value.NewStrings(value.String, users), {T: value.NanoTimestamp, I64: set}, {T: value.NanoTimestamp, I64: expire}, value.NewStrings(value.String, modes),
	}), nil
}

func xisLoggedIn(env funcs.Env, args []value.Value) (value.Value, error) {
	s := sessionOf(env)
	user, err := nameArg("isLoggedIn", "userId", args[0])
	if err != nil {
		return nil, err
	}
	return value.NewBool(s.eng.logins.has(user)), nil
}

func xgetAuthenticatedUsers(env funcs.Env, _ []value.Value) (value.Value, error) {
	return value.NewStrings(value.String, sessionOf(env).eng.logins.users()), nil
}

// settingsPath resolves a backup file name against the home directory.
func settingsPath(env funcs.Env, name string) string {
	if filepath.IsAbs(name) {
		return name
	}
	if home := env.SessionInfo().HomeDir; home != "" {
		return filepath.Join(home, name)
	}
	return name
}

func xbackupSettings(env funcs.Env, args []value.Value) (value.Value, error) {
	s, err := adminSession(env, "backupSettings")
	if err != nil {
		return nil, err
	}
	name, err := nameArg("backupSettings", "fileName", args[0])
	if err != nil {
		return nil, err
	}
	perm, err := optBool("backupSettings", "userPermission", funcs.Arg(args, 1), true)
	if err != nil {
		return nil, err
	}
	if _, err := optBool("backupSettings", "functionView", funcs.Arg(args, 2), true); err != nil {
		return nil, err
	}
	users, err := s.eng.acl.Backup(settingsPath(env, name), perm)
	if err != nil {
		return nil, err
	}
	return value.NewStrings(value.String, nonNil(users)), nil
}

func xrestoreSettings(env funcs.Env, args []value.Value) (value.Value, error) {
	s, err := adminSession(env, "restoreSettings")
	if err != nil {
		return nil, err
	}
	name, err := nameArg("restoreSettings", "fileName", args[0])
	if err != nil {
		return nil, err
	}
	overwrite, err := optBool("restoreSettings", "overwrite", funcs.Arg(args, 1), false)
	if err != nil {
		return nil, err
	}
	users, err := s.eng.acl.Restore(settingsPath(env, name), overwrite)
	if err != nil {
		return nil, err
	}
	return value.NewStrings(value.String, nonNil(users)), nil
}

func xaddAccessControl(env funcs.Env, args []value.Value) (value.Value, error) {
	s := sessionOf(env)
	name, ok := funcs.StringArg(args[0])
	if !ok {
		t, isTable := args[0].(*value.Table)
		if !isTable || t.Shared == "" {
			return nil, ddberr.Errorf("The argument [%s] of %s must be %s.", "table", "addAccessControl", "a shared table or its name")
		}
		name = t.Shared
	}
	return nil, s.addAccessControl(name)
}

func xscramClientFirst(env funcs.Env, args []value.Value) (value.Value, error) {
	s := sessionOf(env)
	user, ok1 := funcs.StringArg(args[0])
	nonce, ok2 := funcs.StringArg(args[1])
	if !ok1 || !ok2 {
		return nil, ddberr.Errorf("The argument [%s] of %s must be %s.", "userId", "scramClientFirst", "a string")
	}
	salt, iter, combined, err := s.ScramFirst(user, nonce)
	if err != nil {
		return nil, err
	}
	return value.NewTuple([]value.Value{value.NewString(salt), value.NewInt(int32(iter)), value.NewString(combined)}), nil
}

func xscramClientFinal(env funcs.Env, args []value.Value) (value.Value, error) {
	s := sessionOf(env)
	user, ok1 := funcs.StringArg(args[0])
	combined, ok2 := funcs.StringArg(args[1])
	proof, ok3 := funcs.StringArg(args[2])
	if !ok1 || !ok2 || !ok3 {
		return nil, ddberr.Errorf("The argument [%s] of %s must be %s.", "userId", "scramClientFinal", "a string")
	}
	sig, err := s.ScramFinal(user, combined, proof)
	if err != nil {
		return nil, err
	}
	return value.NewString(sig), nil
}
