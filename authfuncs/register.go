package authfuncs

import (
	"github.com/porpoisedb/porpoise/auth"
	"github.com/porpoisedb/porpoise/funcs"
)

// privDetail is grant's, deny's and revoke's audit detail.
var privDetail = detailOf("userOrGroupId", "accessType", "objs")

func init() {
	sec := func(name string, params []string, min, max int, fn funcs.Impl) funcs.Spec {
		return funcs.Spec{Name: name, Params: params, Min: min, Max: max, Props: funcs.Session | funcs.Command, Category: "security", Fn: fn}
	}
	funcs.Register(
		sec("createUser", []string{"userId", "password", "groupIds", "isAdmin", "authMode"}, 2, 5, audited("createUser", detailOf("userId", "", "groupIds", "isAdmin"), createUser)),
		sec("deleteUser", []string{"userId"}, 1, 1, audited("deleteUser", detailOf("userId"), nameOp("deleteUser", "userId", (*auth.Store).DeleteUser))),
		sec("createGroup", []string{"groupId", "userIds"}, 1, 2, audited("createGroup", detailOf("groupId", "userIds"), createGroup)),
		sec("deleteGroup", []string{"groupId"}, 1, 1, audited("deleteGroup", detailOf("groupId"), nameOp("deleteGroup", "groupId", (*auth.Store).DeleteGroup))),
		sec("addGroupMember", []string{"userIds", "groupIds"}, 2, 2, audited("addGroupMember", detailOf("userIds", "groupIds"), membership("addGroupMember", true))),
		sec("deleteGroupMember", []string{"userIds", "groupIds"}, 2, 2, audited("deleteGroupMember", detailOf("userIds", "groupIds"), membership("deleteGroupMember", false))),
		sec("grant", []string{"userId", "accessType", "objs"}, 2, 3, audited("grant", privDetail, privOp(auth.Grant))),
		sec("deny", []string{"userId", "accessType", "objs"}, 2, 3, audited("deny", privDetail, privOp(auth.DenyOp))),
		sec("revoke", []string{"userId", "accessType", "objs"}, 2, 3, audited("revoke", privDetail, privOp(auth.Revoke))),
		sec("getUserAccess", []string{"userIds", "finalAccess"}, 0, 2, getUserAccess),
		sec("getGroupAccess", []string{"groupIds"}, 1, 1, getGroupAccess),
		sec("getUserList", nil, 0, 0, getUserList),
		funcs.Spec{Name: "getDFSDatabasesByOwner", Params: []string{"user"}, Min: 1, Max: 1, Props: funcs.Session, Category: "db-table", Fn: byName("getDFSDatabasesByOwner", "user", databasesOwnedBy)},
		sec("getGroupList", nil, 0, 0, getGroupList),
		sec("getGroupsByUserId", []string{"userId"}, 1, 1, namesOf("getGroupsByUserId", "userId", (*auth.Store).GroupsOf)),
		sec("getUsersByGroupId", []string{"groupId"}, 1, 1, namesOf("getUsersByGroupId", "groupId", (*auth.Store).Members)),
		sec("changePwd", []string{"oldPwd", "newPwd"}, 2, 2, audited("changePwd", noDetail, changePwd)),
		sec("resetPwd", []string{"userId", "newPwd"}, 2, 2, audited("resetPwd", detailOf("userId"), resetPwd)),
		sec("lockUser", []string{"userId"}, 1, 1, nameOp("lockUser", "userId", (*auth.Store).Lock)),
		sec("unlockUser", []string{"userId"}, 1, 1, nameOp("unlockUser", "userId", (*auth.Store).Unlock)),
		sec("getUserLockedStatus", nil, 0, 0, getUserLockedStatus),
		sec("getUserPasswordStatus", []string{"user"}, 0, 1, getUserPasswordStatus),
		sec("isLoggedIn", []string{"userId"}, 1, 1, isLoggedIn),
		sec("getAuthenticatedUsers", nil, 0, 0, getAuthenticatedUsers),
		sec("backupSettings", []string{"fileName", "userPermission", "functionView"}, 1, 3, backupSettings),
		sec("restoreSettings", []string{"fileName", "overwrite"}, 1, 2, restoreSettings),
		sec("addAccessControl", []string{"table"}, 1, 1, addAccessControl),
		sec("scramClientFirst", []string{"userId", "clientNonce"}, 2, 2, scramClientFirst),
		sec("scramClientFinal", []string{"userId", "combinedNonce", "clientProof"}, 3, 3, scramClientFinal),
	)
}
