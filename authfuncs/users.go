package authfuncs

import (
	"slices"
	"strings"
	"time"

	"github.com/porpoisedb/porpoise/auth"
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/wallclock"
)

// Users, groups, passwords, locks and logins: the administration of the
// store's principals.

func createUser(_ Host, p auth.Principal, r *funcs.Args) (value.Value, error) {
	user := nameArg(r, "userId", r.Arg(0))
	pw := textArg(r, "password", r.Arg(1), "a string")
	groups := namesArg(r, "groupIds", r.Arg(2))
	admin := r.Bool("isAdmin", r.Given(3), false)
	mode := ""
	if m := r.Given(4); m != nil {
		mode = strings.ToLower(textArg(r, "authMode", m, "'sha256' or 'scram'"))
	}
	if err := r.Err(); err != nil {
		return nil, err
	}
	return nil, p.Store.CreateUser(user, pw, groups, admin, mode)
}

func createGroup(_ Host, p auth.Principal, r *funcs.Args) (value.Value, error) {
	group := nameArg(r, "groupId", r.Arg(0))
	users := namesArg(r, "userIds", r.Arg(1))
	if err := r.Err(); err != nil {
		return nil, err
	}
	return nil, p.Store.CreateGroup(group, users)
}

// membership is addGroupMember (add) or deleteGroupMember.
func membership(add bool) impl {
	return func(_ Host, p auth.Principal, r *funcs.Args) (value.Value, error) {
		users := namesArg(r, "userIds", r.Arg(0))
		groups := namesArg(r, "groupIds", r.Arg(1))
		if err := r.Err(); err != nil {
			return nil, err
		}
		if add {
			return nil, p.Store.AddGroupMember(users, groups)
		}
		return nil, p.Store.DeleteGroupMember(users, groups)
	}
}

func getUserList(_ Host, p auth.Principal, _ *funcs.Args) (value.Value, error) {
	return value.NewStrings(value.String, p.Store.Users()), nil
}

func getGroupList(_ Host, p auth.Principal, _ *funcs.Args) (value.Value, error) {
	return value.NewStrings(value.String, p.Store.Groups()), nil
}

// byName is an administrator's function of one name (param), whose
// result f gives from the store.
func byName(param string, f func(*auth.Store, string) (value.Value, error)) impl {
	return func(_ Host, p auth.Principal, r *funcs.Args) (value.Value, error) {
		name := nameArg(r, param, r.Arg(0))
		if err := r.Err(); err != nil {
			return nil, err
		}
		return f(p.Store, name)
	}
}

// nameOp is byName for a store operation with no result: deleteUser,
// deleteGroup, lockUser, unlockUser.
func nameOp(param string, op func(*auth.Store, string) error) impl {
	return byName(param, func(s *auth.Store, name string) (value.Value, error) { return nil, op(s, name) })
}

// namesOf is getGroupsByUserId and getUsersByGroupId: the names list
// gives for the one name the function takes (param).
func namesOf(param string, list func(*auth.Store, string) ([]string, error)) impl {
	return byName(param, func(s *auth.Store, name string) (value.Value, error) { return stringsResult(list(s, name)) })
}

func changePwd(_ Host, p auth.Principal, r *funcs.Args) (value.Value, error) {
	if p.User == "" {
		return nil, ddberr.Errorf("<NotAuthenticated>Please login first.")
	}
	// DolphinDB names newPwd whichever password is not a string
	oldPw := textArg(r, "newPwd", r.Arg(0), "a string")
	newPw := textArg(r, "newPwd", r.Arg(1), "a string")
	if err := r.Err(); err != nil {
		return nil, err
	}
	return nil, p.Store.ChangePassword(p.User, oldPw, newPw)
}

func resetPwd(_ Host, p auth.Principal, r *funcs.Args) (value.Value, error) {
	user := nameArg(r, "userId", r.Arg(0))
	pw := textArg(r, "newPwd", r.Arg(1), "a string")
	if err := r.Err(); err != nil {
		return nil, err
	}
	return nil, p.Store.ResetPassword(user, pw)
}

func getUserLockedStatus(_ Host, p auth.Principal, _ *funcs.Args) (value.Value, error) {
	rows := p.Store.LockStatuses()
	users := make([]string, len(rows))
	ips := make([]string, len(rows))
	at := make([]time.Time, len(rows))
	until := make([]time.Time, len(rows))
	for i, r := range rows {
		users[i], ips[i], at[i], until[i] = r.User, r.IP, r.At, r.Until
	}
	return value.NewTable([]string{"user", "IP", "lockTime", "unlockTime"}, []*value.Vector{
		value.NewStrings(value.String, users), value.NewStrings(value.String, ips), wallclock.Timestamps(at), wallclock.Timestamps(until),
	}), nil
}

func getUserPasswordStatus(_ Host, p auth.Principal, r *funcs.Args) (value.Value, error) {
	user := ""
	if a := r.Given(0); a != nil {
		user = textArg(r, "user", a, "a string")
	}
	if err := r.Err(); err != nil {
		return nil, err
	}
	if !p.IsAdmin() && (user == "" || user != p.User) {
		return nil, ddberr.Errorf("Only administrators execute function %s", "getUserPasswordStatus")
	}
	rows, err := p.Store.PasswordStatuses(user)
	if err != nil {
		return nil, err
	}
	n := len(rows)
	users, modes := make([]string, n), make([]string, n)
	set, expire := make([]int64, n), make([]int64, n)
	for i, r := range rows {
		users[i], modes[i] = r.User, r.AuthMode
		set[i] = wallclock.Nanos(r.SetTime)
		// Porpoise has no passwordEffectTime: passwords don't expire.
		expire[i] = value.NullInt64
	}
	return value.NewTable([]string{"user", "setTime", "expireTime", "authMode"}, []*value.Vector{
		value.NewStrings(value.String, users), {T: value.NanoTimestamp, I64: set}, {T: value.NanoTimestamp, I64: expire}, value.NewStrings(value.String, modes),
	}), nil
}

func isLoggedIn(h Host, _ auth.Principal, r *funcs.Args) (value.Value, error) {
	user := nameArg(r, "userId", r.Arg(0))
	if err := r.Err(); err != nil {
		return nil, err
	}
	return value.NewBool(slices.Contains(h.LoggedInUsers(), user)), nil
}

func getAuthenticatedUsers(h Host, _ auth.Principal, _ *funcs.Args) (value.Value, error) {
	return value.NewStrings(value.String, h.LoggedInUsers()), nil
}

// The SCRAM steps name userId whichever argument is not a string.

func scramClientFirst(_ Host, p auth.Principal, r *funcs.Args) (value.Value, error) {
	user := textArg(r, "userId", r.Arg(0), "a string")
	nonce := textArg(r, "userId", r.Arg(1), "a string")
	if err := r.Err(); err != nil {
		return nil, err
	}
	salt, iter, combined, err := p.Store.ScramFirst(user, nonce)
	if err != nil {
		return nil, err
	}
	return value.NewTuple([]value.Value{value.NewString(salt), value.NewInt(int32(iter)), value.NewString(combined)}), nil
}

func scramClientFinal(h Host, _ auth.Principal, r *funcs.Args) (value.Value, error) {
	user := textArg(r, "userId", r.Arg(0), "a string")
	combined := textArg(r, "userId", r.Arg(1), "a string")
	proof := textArg(r, "userId", r.Arg(2), "a string")
	if err := r.Err(); err != nil {
		return nil, err
	}
	sig, err := h.ScramLogin(user, combined, proof)
	if err != nil {
		return nil, err
	}
	return value.NewString(sig), nil
}

// databasesOwnedBy is getDFSDatabasesByOwner: the databases a user
// created, as the ownership record database() keeps.
func databasesOwnedBy(s *auth.Store, user string) (value.Value, error) {
	return value.NewStrings(value.String, s.DatabasesOwnedBy(user)), nil
}
