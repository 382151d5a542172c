package sharedobj

import (
	"github.com/porpoisedb/porpoise/memlimit"
	"github.com/porpoisedb/porpoise/value"
)

// Some readers look at shared objects their statement does not name, so
// its plan locked none of them: objs(true) lists every shared table's
// shape, getSessionMemoryStat their bytes. They read each object holding
// its lock for that read alone (Read), never two at once, so they can't
// close a cycle with a statement that holds several.

// Read calls read with e's value holding e's read lock, and a table's own
// read lock (value.Table.Mu), for the call alone; a lock the session's
// running statement holds is not taken again. The session waits for the
// lock only when every lock it holds orders before e, as Lock's name
// order requires; otherwise it only tries it, and reports false without
// calling read when another session has it.
func (h *Held) Read(e Entry, read func(value.Value)) bool {
	o := e.Obj
	if _, ok := h.m[o]; ok {
		read(o.value())
		return true
	}
	wait := h.inOrder(e.Name)
	if !h.lockRead(o, &o.mu, wait) {
		return false
	}
	defer o.mu.RUnlock()
	v := o.value()
	if t, ok := v.(*value.Table); ok {
		if !h.lockRead(nil, &t.Mu, wait) {
			return false
		}
		defer t.Mu.RUnlock()
	}
	read(v)
	return true
}

// rwLock is a sync.RWMutex's read side.
type rwLock interface {
	RLock()
	TryRLock() bool
}

// lockRead takes l's read lock, waiting for it or only trying; while it
// waits for o's lock (o non-nil), h says so (waits.go).
func (h *Held) lockRead(o *Obj, l rwLock, wait bool) bool {
	if l.TryRLock() {
		return true
	}
	if !wait {
		return false
	}
	if o != nil {
		h.waiting.Store(o)
		defer h.waiting.Store(nil)
	}
	l.RLock()
	return true
}

// ReadOr is read's result for e, computed by Read and kept as e's last
// reading of its kind (key); when Read can't take the lock, it is the
// last reading kept, nil if there is none. A reading a moment old is
// what a reader racing the writer could have seen anyway.
func (h *Held) ReadOr(e Entry, key string, read func(value.Value) any) any {
	var got any
	if h.Read(e, func(v value.Value) { got = read(v) }) {
		e.Obj.readings.Store(key, got)
		return got
	}
	last, _ := e.Obj.readings.Load(key)
	return last
}

// Bytes estimates the memory of c's shared objects
// (getSessionMemoryStat), each read by ReadOr.
func (h *Held) Bytes(c *Catalog) int64 {
	var n int64
	for _, e := range c.All() {
		b, _ := h.ReadOr(e, "bytes", func(v value.Value) any { return memlimit.EstimateBytes(v) }).(int64)
		n += b
	}
	return n
}
