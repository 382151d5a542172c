// Package authfuncs implements DolphinDB's user, group and privilege
// script functions (the manual's "security" category: createUser ...
// getUserAccess, grant/deny/revoke, lockUser, changePwd, backupSettings,
// addAccessControl, the SCRAM login steps) over package auth's store.
//
// It registers them into package funcs from init and reaches the calling
// session only through Host, which the engine's interpreter implements;
// it does not import engine. Who may do what is auth's policy
// (auth.Principal): this package reads arguments, asks the policy, calls
// the store and shapes the result tables. Enforcing privileges on data
// (table reads and writes, DFS operations) is the interpreter's job, not
// this package's.
package authfuncs
