package sharedobj

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync/atomic"

	"github.com/porpoisedb/porpoise/value"
)

// Held is the set of objects whose lock one session's running statement
// holds, with the names that order them; only the session's own
// goroutine changes it. Other sessions read which object it waits for
// (waits.go).
type Held struct {
	m map[*Obj]string
	// wrote says which of m are held for writing.
	wrote map[*Obj]bool
	// waiting is the object whose lock the session waits for, nil when
	// it waits for none.
	waiting atomic.Pointer[Obj]
	// within is the Held whose work this one does meanwhile (Within).
	within *Held
}

// Within makes h count the locks parent holds as its own until restore:
// a stream engine's session computes an append on behalf of the
// appending statement, whose goroutine runs it and holds the locks of
// what the engine writes. Taking them again would wait for that
// statement, which waits for the engine.
func (h *Held) Within(parent *Held) (restore func()) {
	h.within = parent
	return func() { h.within = nil }
}

// has reports whether h, or a Held h works within, holds o.
func (h *Held) has(o *Obj) bool {
	for ; h != nil; h = h.within {
		if _, ok := h.m[o]; ok {
			return true
		}
	}
	return false
}

// Lock locks objs in name order, for writing or for reading, skipping
// the ones held already, and returns the release of those it took. A
// cached table is always locked for writing: any query of it may refresh
// it, replacing its columns under its readers.
//
// A statement plans every lock it needs (Scans.Plan), so a statement
// that starts holding nothing takes them all in order. A statement
// nested in it (a function's) finds them held, unless the plan could not
// see the call: then a lock it needs may sort before one it holds, and
// waiting for it could close a cycle with a session holding that one
// and waiting, in order, for one of ours. Such a lock is taken by
// lockOutOfOrder, which never waits inside a cycle: it fails the
// statement (its writes so far stay, as after any error) instead.
func (h *Held) Lock(objs []Entry, write bool) (func(), error) {
	return h.lock(objs, write, func(x Entry, w bool) error {
		if h.inOrder(x.Name) {
			h.wait(x, w)
			return nil
		}
		return h.lockOutOfOrder(x, w)
	})
}

// TryLock is Lock that never waits: it takes the locks of objs h
// doesn't hold only if every one is free now, and reports false, having
// taken none, otherwise. A stream engine's timer takes its outputs' locks
// this way, polling, so that dropping the engine stops it waiting.
func (h *Held) TryLock(objs []Entry, write bool) (func(), bool) {
	release, err := h.lock(objs, write, func(x Entry, w bool) error {
		if x.Obj.tryHold(h, w) {
			return nil
		}
		return errBusy
	})
	return release, err == nil
}

// errBusy is TryLock's failure to take a lock.
var errBusy = errors.New("busy")

// lock takes, with take, the locks of objs h doesn't hold, in name
// order; when take fails it releases those taken.
func (h *Held) lock(objs []Entry, write bool, take func(x Entry, write bool) error) (func(), error) {
	if h.holdsAll(objs) {
		return noRelease, nil
	}
	slices.SortFunc(objs, func(a, b Entry) int { return strings.Compare(a.Name, b.Name) })
	var taken []*Obj
	var wrote []bool
	for i, x := range objs {
		if i > 0 && objs[i-1].Obj == x.Obj || h.has(x.Obj) {
			continue
		}
		t, _ := x.Obj.value().(*value.Table)
		w := write || (t != nil && t.Refresh != nil)
		if err := take(x, w); err != nil {
			h.release(taken, wrote)
			return nil, err
		}
		if h.m == nil {
			h.m, h.wrote = map[*Obj]string{}, map[*Obj]bool{}
		}
		h.m[x.Obj], h.wrote[x.Obj] = x.Name, w
		taken = append(taken, x.Obj)
		wrote = append(wrote, w)
	}
	return func() { h.release(taken, wrote) }, nil
}

// noRelease is the release of a Lock that took nothing.
func noRelease() {}

// holdsAll reports whether h holds every lock of objs: a statement
// nested in the one that planned them, the common case, takes nothing.
func (h *Held) holdsAll(objs []Entry) bool {
	for _, x := range objs {
		if !h.has(x.Obj) {
			return false
		}
	}
	return true
}

// release releases the locks taken, for writing where wrote says so,
// last first.
func (h *Held) release(taken []*Obj, wrote []bool) {
	for i := len(taken) - 1; i >= 0; i-- {
		o := taken[i]
		delete(h.m, o)
		delete(h.wrote, o)
		o.unhold(h, wrote[i])
	}
}

// inOrder reports whether name sorts after every lock h holds: waiting
// for it can't close a cycle with sessions that lock in order.
func (h *Held) inOrder(name string) bool {
	for ; h != nil; h = h.within {
		for _, n := range h.m {
			if n >= name {
				return false
			}
		}
	}
	return true
}

// wait takes e's lock, waiting for it; e sorts after every lock h holds.
// Under value.Invariants a wait out of that order panics with the
// names: it could deadlock.
func (h *Held) wait(e Entry, write bool) {
	if value.Invariants && !h.inOrder(e.Name) {
		panic(fmt.Sprintf("invariant: waiting for the lock of shared object %q while holding %q", e.Name, h.names()))
	}
	h.take(e.Obj, write)
}

// take takes o's lock for h, waiting for it.
func (h *Held) take(o *Obj, write bool) {
	if !o.tryHold(h, write) {
		h.waiting.Store(o)
		o.hold(h, write)
		h.waiting.Store(nil)
	}
}

// Unlocked runs wait with every lock h holds released and takes them
// again after it, in name order, each for what it was held for. sleep
// waits this way, so that a statement waiting for other sessions (a
// function polling a shared table a subscription writes) lets them use
// the objects meanwhile, as DolphinDB's per-operation locks do. The
// statement reads nothing while it waits, and what it holds may have
// changed when it goes on, as in DolphinDB; values that expose an
// object's storage are still copied when they outlive the statement.
func (h *Held) Unlocked(wait func()) {
	objs := make([]Entry, 0, len(h.m))
	for o, name := range h.m {
		objs = append(objs, Entry{Name: name, Obj: o})
	}
	slices.SortFunc(objs, func(a, b Entry) int { return strings.Compare(a.Name, b.Name) })
	write := make([]bool, len(objs))
	for i := len(objs) - 1; i >= 0; i-- {
		o := objs[i].Obj
		write[i] = h.wrote[o]
		delete(h.m, o)
		delete(h.wrote, o)
		o.unhold(h, write[i])
	}
	defer func() {
		for i, e := range objs {
			h.take(e.Obj, write[i])
			h.m[e.Obj], h.wrote[e.Obj] = e.Name, write[i]
		}
	}()
	wait()
}

// names lists the names of the locks h holds, in order.
func (h *Held) names() []string {
	out := make([]string, 0, len(h.m))
	for _, n := range h.m {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// Exposes reports whether v exposes storage of an object whose lock is
// held: such a value must not outlive the statement uncopied, or its
// reader would race the object's next writer.
func (h *Held) Exposes(v value.Value) bool {
	if len(h.m) == 0 || !value.IsContainer(v) {
		return false
	}
	mine := value.HeldVectors(v, nil)
	var buf []*value.Vector
	for o := range h.m {
		buf = value.HeldVectors(o.value(), buf[:0])
		for _, a := range mine {
			for _, b := range buf {
				if value.SharesStorage(a, b) {
					return true
				}
			}
		}
	}
	return false
}
