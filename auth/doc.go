// Package auth keeps Porpoise's users, groups and privileges and their
// persistence: salted password verifiers (usable by both the plain login
// and SCRAM-SHA-256), DolphinDB's privilege types granted, denied or
// revoked at global, database and table scope, group membership with
// deny-wins resolution, database ownership, and the failed-login lockout.
// A Store with a directory writes its state atomically to acl.json there
// after every change; without one it lives in memory.
package auth
