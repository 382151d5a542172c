// Package sharedobj keeps an engine's shared objects (share, undef) and
// the statement locks sessions take on them.
//
// Shared objects (tables, dictionaries, sets, stream tables) are used by
// every session at once, and script reaches them through many paths:
// SQL, x[i], x.col, x[i]=v, size(x), x.append!(y), passing x to any
// built-in. Rather than lock at each of those call sites, the
// interpreter locks at the statement boundary: before a simple statement
// (or a loop/if condition) runs, it takes the lock of every shared object
// the statement names (Plan) — for writing if the statement can change
// anything (an assignment, a '!' or otherwise mutating call, SQL DML),
// for reading otherwise — and releases them when it ends, panics
// included. Locks are taken in name order so two statements can't
// deadlock each other, and a session never re-takes a lock it already
// holds (Held: a user function called from a locked statement). The plan
// reaches into the script functions a statement calls, so their
// statements find their locks held, and keeps what each function's body
// reaches until a definition or a shared name changes (calls.go); a lock
// a call the plan can't see needs out of order is taken without waiting
// inside a cycle of sessions, failing the statement instead (waits.go). Under
// value.Invariants a wait out of order panics. The
// object's own locks (value.Table.Mu, taken by tableInsert and SQL
// internally) nest inside this one, so every path orders them alike.
//
// Handles (IPC tables) are locked the same way but found by identity,
// since sessions reach them through variables of their own (handles.go);
// what a statement's text says about its locks is scanned once per
// session (Scans), and the tables a variable's tuple, dictionary,
// partial application or partitioned table over a tuple of tables holds
// are found the same way (holders.go).
// Readers of every shared object (objs, the memory estimate), which
// their statement does not name, take each one's lock for that read
// alone (read.go).
//
// It knows nothing of sessions, users or access rules: the interpreter
// (package engine) says which names are variables of its frame and checks
// a session's rights on the objects before locking them.
package sharedobj
