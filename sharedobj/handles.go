package sharedobj

import (
	"runtime"
	"strconv"
	"weak"

	"github.com/porpoisedb/porpoise/value"
)

// Handles are tables every session reaches through a function rather
// than by a shared name: an IPC table, by loadIPCInMemoryTable. Sessions
// bind them to variables of their own, which shadow shared names, so the
// statement lock finds a handle by identity (Find's vals) instead; All,
// Get and Value don't list them, and Len counts them so that statements
// plan their locks.
//
// Dropping a handle frees its name, but sessions holding the table go on
// using it, still serialized by its lock, until the last of them lets it
// go: the catalog holds a dropped table weakly, and forgets its lock when
// the table is collected.

// handleObj is a handle's lock object: Obj.V stays nil, ref is the table.
type handleObj struct {
	Obj
	key string
	ref weak.Pointer[value.Table]
}

// value is the handle's table, nil once collected.
func (o *Obj) value() value.Value {
	if o.V != nil || o.handle == nil {
		return o.V
	}
	if t := o.handle.ref.Value(); t != nil {
		return t
	}
	return nil
}

// PutHandle registers t as the handle called name; false when a handle
// has the name already.
func (c *Catalog) PutHandle(name string, t *value.Table) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.handles[name]; ok {
		return false
	}
	if c.handles == nil {
		c.handles = map[string]*value.Table{}
	}
	c.handles[name] = t
	c.addHandle(name, t)
	return true
}

// Guard makes t, a table no name shares, a handle without a name: a
// table handed to a goroutine of the server's (a subscription's handler
// appends to it, a stream engine writes it or takes its appends) while
// the sessions holding it go on reading it. Statements then lock it by
// identity, as they do IPC tables, and the goroutine writes it holding
// its lock. A handle is left as it is; callers pass no table shared by
// name.
func (c *Catalog) Guard(t *value.Table) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if t.Handle {
		return
	}
	t.Handle = true
	c.addHandle("", t)
}

// addHandle adds the lock object of the handle t called name ("" for a
// guarded table); c.mu is held.
func (c *Catalog) addHandle(name string, t *value.Table) {
	if c.handleObjs == nil {
		c.handleObjs = map[*handleObj]bool{}
	}
	c.nextHandle++
	// The key orders the handle's lock among the shared names: no name
	// shared by a script starts with NUL, and the sequence number tells
	// a dropped handle from a new one of the same name.
	h := &handleObj{key: "\x00" + name + "\x00" + strconv.FormatInt(c.nextHandle, 10), ref: weak.Make(t)}
	h.Obj.handle = h
	c.handleObjs[h] = true
	c.counted()
	c.gen.Add(1)
	runtime.AddCleanup(t, c.forgetHandle, h)
}

// forgetHandle drops the lock object of a collected table.
func (c *Catalog) forgetHandle(h *handleObj) {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.handleObjs, h)
	c.counted()
}

// Handle is the table registered as the handle called name.
func (c *Catalog) Handle(name string) (*value.Table, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	t, ok := c.handles[name]
	return t, ok
}

// DropHandle frees the name of a handle; false when no handle has it.
func (c *Catalog) DropHandle(name string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.handles[name]; !ok {
		return false
	}
	delete(c.handles, name)
	c.gen.Add(1)
	return true
}

// findHandles appends the handles among vals to objs; c.mu is held.
func (c *Catalog) findHandles(objs []Entry, vals []value.Value) []Entry {
	for _, v := range vals {
		t, ok := v.(*value.Table)
		if !ok || !t.Handle {
			continue
		}
		for h := range c.handleObjs {
			if h.ref.Value() == t {
				objs = append(objs, Entry{h.key, &h.Obj})
				break
			}
		}
	}
	return objs
}
