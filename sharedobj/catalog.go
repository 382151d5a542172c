package sharedobj

import (
	"sort"
	"sync"
	"sync/atomic"

	"github.com/porpoisedb/porpoise/value"
)

// Obj is one shared object: the value and the lock sessions take around
// statements that use it.
type Obj struct {
	V value.Value
	// Owner is the user who shared it; Controlled is set by
	// addAccessControl or a grant on it.
	Owner      string
	Controlled atomic.Bool
	mu         sync.RWMutex
	// handle is set on a handle's lock object (handles.go).
	handle *handleObj
	// readings are the last results of ReadOr by kind (read.go).
	readings sync.Map
	// holders are the sessions whose statements hold mu (waits.go).
	holdersMu sync.Mutex
	holders   []*Held
}

// Entry is an object with the name it is shared under.
type Entry struct {
	Name string
	Obj  *Obj
}

// Catalog is the shared objects of one engine by name; it is safe for
// concurrent use.
type Catalog struct {
	mu sync.RWMutex
	// gen counts the changes of what lookup answers (names shared and
	// handles named), so a plan kept from before one is known stale.
	gen atomic.Uint64
	m   map[string]*Obj
	// handles are the tables registered by name, handleObjs the locks of
	// every handle whose table is alive, dropped ones included
	// (handles.go).
	handles    map[string]*value.Table
	handleObjs map[*handleObj]bool
	nextHandle int64
	// n is len(m) + len(handleObjs), set under mu's write lock: Len is
	// asked before every statement a script runs, and a read lock's
	// atomics there cost a tight loop a tenth of its time.
	n atomic.Int64
}

// counted sets n after a change of m or handleObjs; mu is held.
func (c *Catalog) counted() { c.n.Store(int64(len(c.m) + len(c.handleObjs))) }

// Get is the object shared under name, nil if none.
func (c *Catalog) Get(name string) *Obj {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.m[name]
}

// lookup reports whether an object is shared under name, and which
// handle has the name.
func (c *Catalog) lookup(name string) (shared bool, handle *value.Table) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.m[name] != nil, c.handles[name]
}

// Value is the value shared under name.
func (c *Catalog) Value(name string) (value.Value, bool) {
	if o := c.Get(name); o != nil {
		return o.V, true
	}
	return nil, false
}

// Len is how many objects are shared, handles included; 0 lets
// statements skip the lock planning.
func (c *Catalog) Len() int { return int(c.n.Load()) }

// Put shares v under name for owner, replacing what name held.
func (c *Catalog) Put(name string, v value.Value, owner string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = map[string]*Obj{}
	}
	c.m[name] = &Obj{V: v, Owner: owner}
	c.counted()
	c.gen.Add(1)
}

// Drop removes name, unless it is a stream table that refuses (its
// subscriptions must be cancelled first).
func (c *Catalog) Drop(name string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if o, ok := c.m[name]; ok {
		if t, isTable := o.V.(*value.Table); isTable && t.Stream != nil {
			if err := t.Stream.Undefining(t); err != nil {
				return err
			}
		}
	}
	delete(c.m, name)
	c.counted()
	c.gen.Add(1)
	return nil
}

// All lists the shared objects in name order.
func (c *Catalog) All() []Entry {
	c.mu.RLock()
	out := make([]Entry, 0, len(c.m))
	for n, o := range c.m {
		out = append(out, Entry{n, o})
	}
	c.mu.RUnlock()
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Find lists the objects shared under names, plus those among vals (by
// identity, or a STRING scalar naming one) and the handles among vals, in
// no order and possibly repeated.
func (c *Catalog) Find(names []string, vals []value.Value) []Entry {
	c.mu.RLock()
	defer c.mu.RUnlock()
	var objs []Entry
	for _, n := range names {
		if o := c.m[n]; o != nil {
			objs = append(objs, Entry{n, o})
		}
	}
	if len(vals) > 0 {
		objs = c.findHandles(objs, vals)
		for n, o := range c.m {
			for _, v := range vals {
				if v == o.V {
					objs = append(objs, Entry{n, o})
					break
				}
				if sc, ok := v.(*value.Scalar); ok && !sc.Null && sc.T == value.String && sc.S == n {
					objs = append(objs, Entry{n, o})
					break
				}
			}
		}
	}
	return objs
}
