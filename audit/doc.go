// Package audit keeps one node's audit trails, as DolphinDB's
// enableAuditLog does: the DDL and write operations on DFS databases and
// tables (getAuditLog) and the ACL operations (getAclAuditlog: logins,
// connections, changes to users, groups, privileges and catalogs), each
// bounded and persisted under the data directory, and registers the two
// functions that read them.
//
// A request's context carries the node's Log and who runs the request
// (NewContext, which package jobs calls as each request begins), so the
// code that performs an operation — dfs for appends and upserts, the
// database and security functions for the rest — records it with Record
// or RecordACL from the context alone.
package audit
