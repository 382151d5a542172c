package engine

import "github.com/porpoisedb/porpoise/value"

// IPC in-memory tables (package ipctable) are handles of the engine's
// shared catalog: every session reaches them through a function, not a
// shared name, and the statement lock finds them by identity
// (shared_lock.go).

// PutHandle implements ipctable's host.
func (in *interp) PutHandle(name string, t *value.Table) bool {
	return in.s.eng.shared.PutHandle(name, t)
}

// Handle implements ipctable's host.
func (in *interp) Handle(name string) (*value.Table, bool) { return in.s.eng.shared.Handle(name) }

// DropHandle implements ipctable's host.
func (in *interp) DropHandle(name string) bool { return in.s.eng.shared.DropHandle(name) }
