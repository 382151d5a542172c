// Package atomicfile replaces a file's content as a whole, durably: a
// reader, or the process after a crash or power loss, finds the old
// content or the new one, never a part, and a write that returned nil
// is on disk. The small files the server keeps beside its data (users
// and privileges, function views, retention policies, job results,
// record logs, MVCC tables, backups' metadata, stream engine snapshots,
// generated TLS keys) are all written through it.
package atomicfile
