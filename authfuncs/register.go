package authfuncs

import (
	"github.com/porpoisedb/porpoise/auth"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// privDetail is grant's, deny's and revoke's audit detail.
var privDetail = detailOf("userOrGroupId", "accessType", "objs")

func init() {
	// sec is a security command that who may call; a detail records each
	// successful call in the ACL audit trail.
	sec := func(name string, params []string, min, max int, who rule, detail func([]value.Value) string, fn impl) funcs.Spec {
		f := guarded(name, who, fn)
		if detail != nil {
			f = audited(name, detail, f)
		}
		return funcs.Spec{Name: name, Params: params, Min: min, Max: max, Props: funcs.Session | funcs.Command, Category: "security", Fn: f}
	}
	funcs.Register(
		sec("createUser", []string{"userId", "password", "groupIds", "isAdmin", "authMode"}, 2, 5, admin, detailOf("userId", "", "groupIds", "isAdmin"), createUser),
		sec("deleteUser", []string{"userId"}, 1, 1, admin, detailOf("userId"), nameOp("userId", (*auth.Store).DeleteUser)),
		sec("createGroup", []string{"groupId", "userIds"}, 1, 2, admin, detailOf("groupId", "userIds"), createGroup),
		sec("deleteGroup", []string{"groupId"}, 1, 1, admin, detailOf("groupId"), nameOp("groupId", (*auth.Store).DeleteGroup)),
		sec("addGroupMember", []string{"userIds", "groupIds"}, 2, 2, admin, detailOf("userIds", "groupIds"), membership(true)),
		sec("deleteGroupMember", []string{"userIds", "groupIds"}, 2, 2, admin, detailOf("userIds", "groupIds"), membership(false)),
		sec("grant", []string{"userId", "accessType", "objs"}, 2, 3, member, privDetail, privOp(auth.Grant)),
		sec("deny", []string{"userId", "accessType", "objs"}, 2, 3, member, privDetail, privOp(auth.DenyOp)),
		sec("revoke", []string{"userId", "accessType", "objs"}, 2, 3, member, privDetail, privOp(auth.Revoke)),
		sec("getUserAccess", []string{"userIds", "finalAccess"}, 0, 2, member, nil, getUserAccess),
		sec("getGroupAccess", []string{"groupIds"}, 1, 1, admin, nil, getGroupAccess),
		sec("getDBAccess", []string{"dbUrl"}, 1, 1, member, nil, getDBAccess),
		sec("getTableAccess", []string{"dbUrl", "table"}, 2, 2, member, nil, getTableAccess),
		sec("getUserList", nil, 0, 0, admin, nil, getUserList),
		funcs.Spec{Name: "getDFSDatabasesByOwner", Params: []string{"user"}, Min: 1, Max: 1, Props: funcs.Session, Category: "db-table",
			Fn: guarded("getDFSDatabasesByOwner", admin, byName("user", databasesOwnedBy))},
		sec("getGroupList", nil, 0, 0, admin, nil, getGroupList),
		sec("getGroupsByUserId", []string{"userId"}, 1, 1, admin, nil, namesOf("userId", (*auth.Store).GroupsOf)),
		sec("getUsersByGroupId", []string{"groupId"}, 1, 1, admin, nil, namesOf("groupId", (*auth.Store).Members)),
		sec("changePwd", []string{"oldPwd", "newPwd"}, 2, 2, anyone, noDetail, changePwd),
		sec("resetPwd", []string{"userId", "newPwd"}, 2, 2, admin, detailOf("userId"), resetPwd),
		sec("lockUser", []string{"userId"}, 1, 1, admin, nil, nameOp("userId", (*auth.Store).Lock)),
		sec("unlockUser", []string{"userId"}, 1, 1, admin, nil, nameOp("userId", (*auth.Store).Unlock)),
		sec("getUserLockedStatus", nil, 0, 0, admin, nil, getUserLockedStatus),
		sec("getUserPasswordStatus", []string{"user"}, 0, 1, anyone, nil, getUserPasswordStatus),
		sec("isLoggedIn", []string{"userId"}, 1, 1, anyone, nil, isLoggedIn),
		sec("getAuthenticatedUsers", nil, 0, 0, anyone, nil, getAuthenticatedUsers),
		sec("backupSettings", []string{"fileName", "userPermission", "functionView"}, 1, 3, admin, nil, backupSettings),
		sec("restoreSettings", []string{"fileName", "overwrite"}, 1, 2, admin, nil, restoreSettings),
		sec("addAccessControl", []string{"table"}, 1, 1, anyone, nil, addAccessControl),
		sec("scramClientFirst", []string{"userId", "clientNonce"}, 2, 2, anyone, nil, scramClientFirst),
		sec("scramClientFinal", []string{"userId", "combinedNonce", "clientProof"}, 3, 3, anyone, nil, scramClientFinal),
	)
}
