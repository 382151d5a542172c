package sharedobj

import (
	"slices"
	"time"

	"github.com/porpoisedb/porpoise/ddberr"
)

// Locks taken in name order can't deadlock: a cycle of sessions each
// waiting for a lock the next one holds needs one that waits for a lock
// sorting before one it holds. Only a call the plan could not see (a
// function reached through a value computed at run time) makes a
// statement need such a lock; lockOutOfOrder takes it without ever
// waiting inside a cycle. It tries the lock, and while another session
// has it polls, looking each time for a cycle through the sessions that
// hold it and the locks they wait for. A cycle seen twice in a row is a
// deadlock (a real one does not go away; one read while its sessions
// were moving on does): the statement fails with its locks released, so
// the sessions in the cycle go on, and its writes so far stay, as after
// any error. Releasing the statement's locks and retaking them in order
// instead would let other sessions change the objects between two steps
// of a statement that did not ask to wait; only a sleep, where the script
// itself waits, does that (Held.Unlocked).
//
// For that, each object lists the sessions that hold its lock (holders),
// and each session says which object it waits for (Held.waiting).

// Out-of-order polling backs off from pollMin to pollMax.
const (
	pollMin = 20 * time.Microsecond
	pollMax = 2 * time.Millisecond
)

// lockOutOfOrder takes e's lock, which sorts before one h holds, failing
// instead of waiting inside a cycle of sessions.
func (h *Held) lockOutOfOrder(e Entry, write bool) error {
	o := e.Obj
	if o.tryHold(h, write) {
		return nil
	}
	h.waiting.Store(o)
	defer h.waiting.Store(nil)
	seen := 0
	for delay := pollMin; ; delay = min(2*delay, pollMax) {
		time.Sleep(delay)
		if o.tryHold(h, write) {
			return nil
		}
		if !h.inCycle(o) {
			seen = 0
		} else if seen++; seen == 2 {
			return ddberr.Errorf("Deadlock: the statement can't lock the shared object [%s], which a session waiting for a lock this statement holds has. Run the statement again.", e.Name)
		}
	}
}

// inCycle reports whether a session holding o waits, directly or through
// others, for a lock h holds.
func (h *Held) inCycle(o *Obj) bool {
	todo := o.holding(nil)
	var done []*Held
	for len(todo) > 0 {
		x := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		if x == h {
			return true
		}
		if slices.Contains(done, x) {
			continue
		}
		done = append(done, x)
		if w := x.waiting.Load(); w != nil {
			todo = w.holding(todo)
		}
	}
	return false
}

// holding appends the sessions holding o's lock to hs.
func (o *Obj) holding(hs []*Held) []*Held {
	o.holdersMu.Lock()
	defer o.holdersMu.Unlock()
	return append(hs, o.holders...)
}

// tryHold takes o's lock for h if no other session has it.
func (o *Obj) tryHold(h *Held, write bool) bool {
	var ok bool
	if write {
		ok = o.mu.TryLock()
	} else {
		ok = o.mu.TryRLock()
	}
	if ok {
		o.addHolder(h)
	}
	return ok
}

// hold takes o's lock for h, waiting for it.
func (o *Obj) hold(h *Held, write bool) {
	if write {
		o.mu.Lock()
	} else {
		o.mu.RLock()
	}
	o.addHolder(h)
}

// unhold releases h's lock of o.
func (o *Obj) unhold(h *Held, write bool) {
	o.holdersMu.Lock()
	if i := slices.Index(o.holders, h); i >= 0 {
		o.holders = slices.Delete(o.holders, i, i+1)
	}
	o.holdersMu.Unlock()
	if write {
		o.mu.Unlock()
	} else {
		o.mu.RUnlock()
	}
}

func (o *Obj) addHolder(h *Held) {
	o.holdersMu.Lock()
	o.holders = append(o.holders, h)
	o.holdersMu.Unlock()
}
