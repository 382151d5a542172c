package query

import (
	"errors"

	"github.com/porpoisedb/porpoise/insert"
	"github.com/porpoisedb/porpoise/query/sqljoin"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
)

// Delete runs `delete from t [where ...]`. The kept rows move up in
// place when nothing but the variable naming t can see its columns'
// storage (Env.Owns); otherwise t gets new columns of the kept rows, and
// whatever else holds the old ones keeps them as they were.
func Delete(env Env, n *ast.DeleteStmt) error {
	ex := &executor{env: env}
	t, pt, err := ex.dmlTable(n.Table, errors.New("delete supports tables only."))
	if err != nil {
		return err
	}
	if pt != nil {
		return ex.deletePartitioned(pt, n)
	}
	src := t
	var joined []int
	if n.From != nil {
		if src, joined, err = sqljoin.Update(newHost(ex), t, n.From); err != nil {
			return err
		}
	}
	mask, unlock, err := ex.lockedRows(t, src, n.Where)
	if err != nil {
		return err
	}
	defer unlock()
	var keep []int
	if joined != nil {
		_, rows := sqljoin.JoinedRows(flaggedRows(mask, true), joined)
		keep = keptRows(t.Rows(), rows)
	} else {
		keep = flaggedRows(mask, false)
	}
	if len(keep) == t.Rows() {
		return nil
	}
	id, named := n.Table.(*ast.Ident)
	inPlace := named && t.Shared == "" && env.Owns(id.Name, t)
	for i, c := range t.Cols {
		if !inPlace || !compactInPlace(c, keep) {
			t.Cols[i] = c.Gather(keep)
		}
	}
	if t.IsKeyed() {
		t.RebuildKeys()
	}
	return insert.Changed(t)
}

// keptRows lists, in order, the rows of an n-row table that are not in
// drop.
func keptRows(n int, drop []int) []int {
	gone := make([]bool, n)
	dropped := 0
	for _, r := range drop {
		if !gone[r] {
			gone[r] = true
			dropped++
		}
	}
	keep := make([]int, 0, n-dropped)
	for r, g := range gone {
		if !g {
			keep = append(keep, r)
		}
	}
	return keep
}

// compactInPlace moves v's rows keep (ascending) to its front and cuts v
// to them, in v's own storage; false, leaving v alone, for an array
// vector, a tuple or COMPLEX/POINT, whose rows aren't one slice element.
func compactInPlace(v *value.Vector, keep []int) bool {
	if v.T.IsArray() || v.T == value.Any || v.T.Storage() == value.StPair2F64 {
		return false
	}
	// one of these is the vector's storage (the codes of a coded one);
	// the others are empty
	v.I8 = compact(v.I8, keep)
	v.I16 = compact(v.I16, keep)
	v.I32 = compact(v.I32, keep)
	v.I64 = compact(v.I64, keep)
	v.F32 = compact(v.F32, keep)
	v.F64 = compact(v.F64, keep)
	v.Str = compact(v.Str, keep)
	v.B16 = compact(v.B16, keep)
	return true
}

// compact moves s[keep[k]] to s[k] (keep ascending, so no element is
// overwritten before it moves) and clears the tail, so strings no row
// holds any more can be collected.
func compact[T any](s []T, keep []int) []T {
	if len(s) == 0 {
		return s
	}
	for k, r := range keep {
		s[k] = s[r]
	}
	clear(s[len(keep):])
	return s[:len(keep)]
}

// OwnedBy reports whether t, the value of the variable called name among
// vars, is all that reaches its columns' storage: no other variable
// shares it, and no other variable is a tuple, a dictionary of ANY
// values, a function or code value (anything but a plain container),
// which might hold a column out of value.HeldVectors' sight.
func OwnedBy(vars map[string]value.Value, name string, t *value.Table) bool {
	if vars[name] != t {
		return false
	}
	var held []*value.Vector
	for n, w := range vars {
		if n == name {
			continue
		}
		if !plainContainer(w) {
			return false
		}
		held = value.HeldVectors(w, held[:0])
		for _, a := range t.Cols {
			for _, b := range held {
				if value.SharesStorage(a, b) {
					return false
				}
			}
		}
	}
	return true
}

// plainContainer reports whether every vector w holds is among
// value.HeldVectors(w).
func plainContainer(w value.Value) bool {
	switch x := w.(type) {
	case *value.Scalar, *value.Matrix, *value.Pair, *value.Set:
		return true
	case *value.Vector:
		return x.T != value.Any
	case *value.Dict:
		return x.Vals.T != value.Any && x.Keys.T != value.Any
	case *value.Table:
		for _, c := range x.Cols {
			if c.T == value.Any {
				return false
			}
		}
		return true
	}
	return false
}
