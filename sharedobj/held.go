package sharedobj

import (
	"sort"

	"github.com/porpoisedb/porpoise/value"
)

// Held is the set of objects whose lock one session's running statement
// holds, with the names that order them; only the session's own
// goroutine touches it.
type Held struct {
	m map[*Obj]string
}

// Lock locks objs in name order, for writing or for reading, skipping
// the ones held already, and returns the release of those it took. A
// cached table is always locked for writing: any query of it may refresh
// it, replacing its columns under its readers.
func (h *Held) Lock(objs []Entry, write bool) func() {
	sort.Slice(objs, func(i, j int) bool { return objs[i].Name < objs[j].Name })
	var taken []*Obj
	var wrote []bool
	for i, x := range objs {
		if i > 0 && objs[i-1].Obj == x.Obj {
			continue
		}
		if _, ok := h.m[x.Obj]; ok {
			continue
		}
		t, _ := x.Obj.value().(*value.Table)
		w := write || (t != nil && t.Refresh != nil)
		if w {
			x.Obj.mu.Lock()
		} else {
			x.Obj.mu.RLock()
		}
		if h.m == nil {
			h.m = map[*Obj]string{}
		}
		h.m[x.Obj] = x.Name
		taken = append(taken, x.Obj)
		wrote = append(wrote, w)
	}
	return func() {
		for i := len(taken) - 1; i >= 0; i-- {
			o := taken[i]
			delete(h.m, o)
			if wrote[i] {
				o.mu.Unlock()
			} else {
				o.mu.RUnlock()
			}
		}
	}
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
