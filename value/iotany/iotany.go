package iotany

import (
	"slices"

	"github.com/porpoisedb/porpoise/value"
)

// Is reports whether x is an IOTANY vector.
func Is(x value.Value) bool {
	v, ok := x.(*value.Vector)
	return ok && v.T == value.IOTAny
}

// Any reports whether any of args is an IOTANY vector.
func Any(args []value.Value) bool {
	return slices.ContainsFunc(args, Is)
}

// groups splits an IOTANY vector by value type: one typed vector per type
// in order of first appearance and the rows it holds. A row without a
// value (a VOID NULL) is a NULL of the first type, so a column of one
// type stays one group; a column of VOID NULLs alone is one VOID group.
func groups(v *value.Vector) (subs []*value.Vector, rows [][]int) {
	at := map[value.Type]int{}
	var voids []int
	for i, x := range v.Any {
		s, _ := x.(*value.Scalar)
		if s == nil || s.T == value.Void {
			voids = append(voids, i)
			continue
		}
		g, ok := at[s.T]
		if !ok {
			g = len(subs)
			at[s.T] = g
			subs = append(subs, value.NewVector(s.T, 0, 0))
			rows = append(rows, nil)
		}
		subs[g].AppendScalar(s)
		rows[g] = append(rows[g], i)
	}
	if len(voids) > 0 {
		if len(subs) == 0 {
			return []*value.Vector{value.NewNullVector(value.Void, len(voids))}, [][]int{voids}
		}
		subs[0].AppendNulls(len(voids))
		rows[0] = append(rows[0], voids...)
	}
	return subs, rows
}

// Plain is v as the ANY vector of its scalars would compute: one typed
// vector when its values share a type (NULLs without a value taking it),
// else a tuple of its scalars. Any other value is returned as it is.
func Plain(x value.Value) value.Value {
	v, ok := x.(*value.Vector)
	if !ok || v.T != value.IOTAny {
		return x
	}
	subs, rows := groups(v)
	switch len(subs) {
	case 0:
		return value.NewTuple(nil)
	case 1:
		return scatter(subs[0], rows[0], v.Len())
	}
	return value.NewTuple(slices.Clone(v.Any))
}

// PlainArgs is args with each IOTANY vector made plain (Plain); args
// itself when none is one.
func PlainArgs(args []value.Value) []value.Value {
	if !Any(args) {
		return args
	}
	out := make([]value.Value, len(args))
	for i, a := range args {
		out[i] = Plain(a)
	}
	return out
}

// ElementWise runs f, an element-wise function or operator, over args
// holding one IOTANY vector or more of one length: once per value type of
// the first, every IOTANY or other vector argument of that length cut to
// that type's rows, scalars whole. The answers go back to their rows: a
// typed vector when they share a type, else a tuple of scalars. ok is
// false when no argument is an IOTANY vector.
func ElementWise(args []value.Value, f func([]value.Value) (value.Value, error)) (value.Value, bool, error) {
	first := slices.IndexFunc(args, Is)
	if first < 0 {
		return nil, false, nil
	}
	v := args[first].(*value.Vector)
	n := v.Len()
	subs, rows := groups(v)
	if len(subs) <= 1 {
		r, err := f(PlainArgs(args))
		return r, true, err
	}
	outs := make([]*value.Vector, len(subs))
	for g := range subs {
		call := make([]value.Value, len(args))
		for k, a := range args {
			call[k] = a
			switch w, ok := a.(*value.Vector); {
			case k == first:
				call[k] = subs[g]
			case ok && w.Len() == n:
				call[k] = Plain(w).(*value.Vector).Gather(rows[g])
			}
		}
		r, err := f(call)
		if err != nil {
			return nil, true, err
		}
		out, isVec := r.(*value.Vector)
		if !isVec || out.Len() != len(rows[g]) {
			// not element-wise after all: the plain form decides
			r, err := f(PlainArgs(args))
			return r, true, err
		}
		outs[g] = out
	}
	return merge(outs, rows, n), true, nil
}

// merge puts each group's answers back at its rows.
func merge(outs []*value.Vector, rows [][]int, n int) value.Value {
	t := outs[0].T
	same := !t.IsArray() && t != value.Any
	for _, o := range outs[1:] {
		if o.T != t || o.Scale != outs[0].Scale {
			same = false
		}
	}
	if same {
		all := value.NewVector(t, 0, n)
		all.Scale = outs[0].Scale
		pos := make([]int32, 0, n)
		for g, o := range outs {
			all.AppendVector(o)
			for _, r := range rows[g] {
				pos = append(pos, int32(r))
			}
		}
		return all.Scatter(pos, n)
	}
	xs := make([]value.Value, n)
	for g, o := range outs {
		for j, r := range rows[g] {
			xs[r] = o.Elem(j)
		}
	}
	return value.NewTuple(xs)
}

// scatter is sub's elements at rows of an n-row vector; rows cover all n.
func scatter(sub *value.Vector, rows []int, n int) *value.Vector {
	pos := make([]int32, len(rows))
	inOrder := true
	for j, r := range rows {
		pos[j] = int32(r)
		inOrder = inOrder && r == j
	}
	if inOrder {
		return sub
	}
	return sub.Scatter(pos, n)
}
