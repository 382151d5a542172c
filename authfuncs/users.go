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

func createUser(_ Host, p auth.Principal, args []value.Value) (value.Value, error) {
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
	if m := funcs.Arg(args, 4); !absent(m) {
		if mode, ok = funcs.StringArg(m); !ok {
			return nil, ddberr.Errorf("The argument [%s] of %s must be %s.", "authMode", "createUser", "'sha256' or 'scram'")
		}
		mode = strings.ToLower(mode)
	}
	return nil, p.Store.CreateUser(user, pw, groups, admin, mode)
}

func createGroup(_ Host, p auth.Principal, args []value.Value) (value.Value, error) {
	group, err := nameArg("createGroup", "groupId", args[0])
	if err != nil {
		return nil, err
	}
	users, err := namesArg("createGroup", "userIds", funcs.Arg(args, 1))
	if err != nil {
		return nil, err
	}
	return nil, p.Store.CreateGroup(group, users)
}

// membership is addGroupMember (add) or deleteGroupMember.
func membership(fn string, add bool) impl {
	return func(_ Host, p auth.Principal, args []value.Value) (value.Value, error) {
		users, err := namesArg(fn, "userIds", args[0])
		if err != nil {
			return nil, err
		}
		groups, err := namesArg(fn, "groupIds", args[1])
		if err != nil {
			return nil, err
		}
		if add {
			return nil, p.Store.AddGroupMember(users, groups)
		}
		return nil, p.Store.DeleteGroupMember(users, groups)
	}
}

func getUserList(_ Host, p auth.Principal, _ []value.Value) (value.Value, error) {
	return value.NewStrings(value.String, p.Store.Users()), nil
}

func getGroupList(_ Host, p auth.Principal, _ []value.Value) (value.Value, error) {
	return value.NewStrings(value.String, p.Store.Groups()), nil
}

// byName is an administrator's function of one name (param), whose
// result f gives from the store.
func byName(fn, param string, f func(*auth.Store, string) (value.Value, error)) impl {
	return func(_ Host, p auth.Principal, args []value.Value) (value.Value, error) {
		name, err := nameArg(fn, param, args[0])
		if err != nil {
			return nil, err
		}
		return f(p.Store, name)
	}
}

// nameOp is byName for a store operation with no result: deleteUser,
// deleteGroup, lockUser, unlockUser.
func nameOp(fn, param string, op func(*auth.Store, string) error) impl {
	return byName(fn, param, func(s *auth.Store, name string) (value.Value, error) { return nil, op(s, name) })
}

// namesOf is getGroupsByUserId and getUsersByGroupId: the names list
// gives for the one name the function takes (param).
func namesOf(fn, param string, list func(*auth.Store, string) ([]string, error)) impl {
	return byName(fn, param, func(s *auth.Store, name string) (value.Value, error) {
		names, err := list(s, name)
		if err != nil {
			return nil, err
		}
		return stringsResult(names), nil
	})
}

func changePwd(_ Host, p auth.Principal, args []value.Value) (value.Value, error) {
	if p.User == "" {
		return nil, ddberr.Errorf("<NotAuthenticated>Please login first.")
	}
	oldPw, ok1 := funcs.StringArg(args[0])
	newPw, ok2 := funcs.StringArg(args[1])
	if !ok1 || !ok2 {
		return nil, ddberr.Errorf("The argument [%s] of %s must be %s.", "newPwd", "changePwd", "a string")
	}
	return nil, p.Store.ChangePassword(p.User, oldPw, newPw)
}

func resetPwd(_ Host, p auth.Principal, args []value.Value) (value.Value, error) {
	user, err := nameArg("resetPwd", "userId", args[0])
	if err != nil {
		return nil, err
	}
	pw, ok := funcs.StringArg(args[1])
	if !ok {
		return nil, ddberr.Errorf("The argument [%s] of %s must be %s.", "newPwd", "resetPwd", "a string")
	}
	return nil, p.Store.ResetPassword(user, pw)
}

func getUserLockedStatus(_ Host, p auth.Principal, _ []value.Value) (value.Value, error) {
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

func getUserPasswordStatus(_ Host, p auth.Principal, args []value.Value) (value.Value, error) {
	user := ""
	if a := funcs.Arg(args, 0); !absent(a) {
		var ok bool
		if user, ok = funcs.StringArg(a); !ok {
			return nil, ddberr.Errorf("The argument [%s] of %s must be %s.", "user", "getUserPasswordStatus", "a string")
		}
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

func isLoggedIn(h Host, _ auth.Principal, args []value.Value) (value.Value, error) {
	user, err := nameArg("isLoggedIn", "userId", args[0])
	if err != nil {
		return nil, err
	}
	return value.NewBool(slices.Contains(h.LoggedInUsers(), user)), nil
}

func getAuthenticatedUsers(h Host, _ auth.Principal, _ []value.Value) (value.Value, error) {
	return value.NewStrings(value.String, h.LoggedInUsers()), nil
}

func scramClientFirst(_ Host, p auth.Principal, args []value.Value) (value.Value, error) {
	user, ok1 := funcs.StringArg(args[0])
	nonce, ok2 := funcs.StringArg(args[1])
	if !ok1 || !ok2 {
		return nil, ddberr.Errorf("The argument [%s] of %s must be %s.", "userId", "scramClientFirst", "a string")
	}
	salt, iter, combined, err := p.Store.ScramFirst(user, nonce)
	if err != nil {
		return nil, err
	}
	return value.NewTuple([]value.Value{value.NewString(salt), value.NewInt(int32(iter)), value.NewString(combined)}), nil
}

func scramClientFinal(h Host, _ auth.Principal, args []value.Value) (value.Value, error) {
	user, ok1 := funcs.StringArg(args[0])
	combined, ok2 := funcs.StringArg(args[1])
	proof, ok3 := funcs.StringArg(args[2])
	if !ok1 || !ok2 || !ok3 {
		return nil, ddberr.Errorf("The argument [%s] of %s must be %s.", "userId", "scramClientFinal", "a string")
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
