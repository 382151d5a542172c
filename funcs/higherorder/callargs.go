package higherorder

import (
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// argChunk is how many calls' arguments callArgs allocates at once.
const argChunk = 64

// callArgs hands out the arguments of each's calls a chunk at a time: one
// slice for the argument lists of argChunk calls, and one block of
// scalars for the items read from vectors of scalars, instead of a slice
// and a scalar per call. Every call's list and scalars are its own, so a
// callee may keep or change them (a mutable parameter), as before; one
// it keeps holds its chunk's block, a few kilobytes at most.
type callArgs struct {
	seqs []funcs.Seq
	// vecs[k] is the vector whose elements are seqs[k]'s items, read
	// into the block; nil for items of other kinds (a matrix's columns,
	// a table's rows, a tuple's elements), which seqs[k] gives.
	vecs    []*value.Vector
	nvecs   int
	lists   []value.Value
	scalars []value.Scalar
}

func newCallArgs(args []value.Value, seqs []funcs.Seq) *callArgs {
	c := &callArgs{seqs: seqs, vecs: make([]*value.Vector, len(seqs))}
	for k := range seqs {
		if !seqs[k].Scalar {
			c.vecs[k] = scalarItems(args[k])
		}
		if c.vecs[k] != nil {
			c.nvecs++
		}
	}
	return c
}

// scalarItems is the vector of scalars whose elements are x's items as
// funcs.SeqOf gives them, or nil when they are no scalars read from a
// vector.
func scalarItems(x value.Value) *value.Vector {
	var v *value.Vector
	switch t := x.(type) {
	case *value.Vector:
		v = t
	case *value.Pair:
		v = t.V
	case *value.Dict:
		v = t.Vals
	case *value.Set:
		v = t.V
	}
	if v == nil || v.T == value.Any || v.T.IsArray() {
		return nil
	}
	return v
}

// at is the arguments of call i of n.
func (c *callArgs) at(i, n int) []value.Value {
	k := len(c.seqs)
	if len(c.lists) < k || len(c.scalars) < c.nvecs {
		m := min(argChunk, n-i)
		c.lists = make([]value.Value, m*k)
		c.scalars = make([]value.Scalar, m*c.nvecs)
	}
	call := c.lists[:k:k]
	c.lists = c.lists[k:]
	for j, s := range c.seqs {
		if v := c.vecs[j]; v != nil {
			sc := &c.scalars[0]
			c.scalars = c.scalars[1:]
			v.ReadAt(i, sc)
			call[j] = sc
		} else {
			call[j] = s.At(i)
		}
	}
	return call
}
