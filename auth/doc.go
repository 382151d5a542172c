// Package auth keeps Porpoise's users, groups and privileges and their
// persistence: salted password verifiers (usable by both the plain login
// and SCRAM-SHA-256), DolphinDB's privilege types granted, denied or
// revoked at global, database and table scope, group membership with
// deny-wins resolution, database ownership, the failed-login lockout, and
// which user each session is logged in as (Logins).
// A Store with a directory writes its state atomically to acl.json there
// after every change; without one it lives in memory.
//
// It also owns the access policy (Principal, policy.go): whether a user
// may read, write, create, drop or list a DFS database or table, use a
// shared table, or grant a privilege. That policy is pure: it is told
// object names and owners and answers with DolphinDB's refusal texts; the
// interpreter (package engine) finds the objects and enforces the answer,
// and the security script functions (package authfuncs) administer the
// store. auth imports nothing of Porpoise but ddberr.
package auth
