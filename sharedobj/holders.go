package sharedobj

import (
	"github.com/porpoisedb/porpoise/extpart"
	"github.com/porpoisedb/porpoise/value"
)

// Binder is a value that binds others, as a partial application
// (append!{ipc_t}) binds its arguments.
type Binder interface {
	BoundArgs() []value.Value
}

// maxHoldDepth bounds the walk of containers inside containers: a tuple
// may hold itself.
const maxHoldDepth = 8

// AppendHeld appends to hs the tables of v a statement naming v must
// lock by identity (Find's vals): v itself if it is a handle or a shared
// table (a variable still bound to a table it shared), what a stream
// engine writes when v is its input, and those a
// Binder binds, an extpart.Partitioned table is made of or a tuple or dictionary holds (d["a"] = ipc_t;
// d["a"].append!(x)), up to maxHoldDepth deep.
func AppendHeld(hs []value.Value, v value.Value) []value.Value {
	return appendHeld(hs, v, 0)
}

func appendHeld(hs []value.Value, v value.Value, depth int) []value.Value {
	if depth > maxHoldDepth {
		return hs
	}
	switch x := v.(type) {
	case *value.Table:
		if x.Handle || x.Shared != "" {
			hs = append(hs, x)
		}
		// a stream engine's input: what the engine writes when the
		// statement appends to it
		if w, ok := x.Stream.(interface{ Writes() []value.Value }); ok {
			for _, o := range w.Writes() {
				hs = appendHeld(hs, o, depth+1)
			}
		}
	case Binder:
		for _, b := range x.BoundArgs() {
			hs = appendHeld(hs, b, depth+1)
		}
	case extpart.Partitioned: // a statement naming it reads or writes them
		for _, t := range x.ExternalPartitions() {
			hs = appendHeld(hs, t, depth+1)
		}
	case *value.Vector:
		if x.T != value.Any {
			return hs
		}
		for _, e := range x.Any {
			if _, scalar := e.(*value.Scalar); !scalar && e != nil {
				hs = appendHeld(hs, e, depth+1)
			}
		}
	case *value.Dict:
		hs = appendHeld(hs, x.Vals, depth+1)
	}
	return hs
}

// ReadOf is ReadOr for the object a session lists (objs) under name with
// value v: the object shared under name when shared is set (nil once
// unshared), else the shared table or handle v is, found by identity, or
// v itself, read directly, when it is neither.
func (h *Held) ReadOf(c *Catalog, name string, v value.Value, shared bool, key string, read func(value.Value) any) any {
	var objs []Entry
	if t, ok := v.(*value.Table); shared {
		objs = c.Find([]string{name}, nil)
	} else if ok && (t.Handle || t.Shared != "") {
		objs = c.Find(nil, []value.Value{t})
	}
	for _, e := range objs {
		if e.Obj.V == v || e.Obj.V == nil {
			return h.ReadOr(e, key, read)
		}
	}
	if shared {
		return nil
	}
	return read(v)
}
