package groupagg

import (
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/kernel"
)

// Decomposable reports whether name is an aggregate whose per-partition
// states (Partial) merge into the whole table's value (Merge).
func Decomposable(name string) bool { return decomposable[name] }

// decomposable are the aggregates Decomposable accepts.
var decomposable = map[string]bool{
	"count": true, "sum": true, "avg": true, "mean": true, "std": true, "var": true,
	"min": true, "max": true, "first": true, "last": true,
}

// State is an aggregate's partial state per group of one partition's
// rows; which fields are set depends on the aggregate and its argument's
// type.
type State struct {
	T    value.Type // argument type (Void for count(*))
	cnt  []int64    // non-NULL values (rows for count(*))
	isum []int64    // exact sums of an integral argument
	fsum []float64  // sums of a floating argument
	mean []float64  // std, var: the group's mean and squared deviations
	m2   []float64
	pick *value.Vector // min, max, first, last: the group's value
}

// RowCount is count(*)'s state of one group of rows rows.
func RowCount(rows int) State { return State{cnt: []int64{int64(rows)}} }

// Partial computes an aggregate's state for g's groups, on the argument
// types Aggregate has typed loops for (ok false otherwise).
func Partial(name string, args []*value.Vector, g *Groups) (State, bool) {
	if len(args) == 0 {
		if name != "count" {
			return State{}, false
		}
		return State{cnt: groupSizes(g)}, true
	}
	if len(args) != 1 {
		return State{}, false
	}
	v := args[0]
	st := State{T: v.T}
	switch name {
	case "count":
		c, ok := nonNullCounts(v, g)
		st.cnt = c
		return st, ok
	case "sum", "avg", "mean", "std", "var":
		if !FastNumeric(v) {
			return st, false
		}
		k, _ := numeric(v)
		st.cnt = make([]int64, g.N)
		switch {
		case name == "std" || name == "var":
			st.fsum = make([]float64, g.N)
			k.sumFloats(g.IDs, st.fsum, st.cnt)
			st.mean, st.m2 = deviations(k, g, st.fsum, st.cnt)
			st.fsum = nil
		case v.T.Category() != value.CatFloating:
			st.isum = make([]int64, g.N)
			k.sumInts(g.IDs, st.isum, st.cnt)
		default:
			st.fsum = make([]float64, g.N)
			k.sumFloats(g.IDs, st.fsum, st.cnt)
		}
		return st, true
	case "min", "max":
		if !fastScalarStorage(v) {
			return st, false
		}
		st.pick = groupExtreme(v, g, name == "max")
		return st, true
	case "first", "last":
		if v.T.IsArray() {
			return st, false
		}
		st.pick = groupPick(v, g, name == "first")
		return st, true
	}
	return st, false
}

// Merge reduces the partitions' states of one aggregate to its value
// per group of g, whose ids number the states' rows in partition
// order; nil when the states lack what name needs.
func Merge(name string, states []State, g *Groups) *value.Vector {
	ids := g.IDs
	switch name {
	case "count":
		c := make([]int64, g.N)
		r := 0
		for _, st := range states {
			for _, x := range st.cnt {
				c[ids[r]] += x
				r++
			}
		}
		return kernel.IntsOf(c)
	case "sum", "avg", "mean":
		if states[0].isum != nil {
			s, c := mergeSums(states, g, func(st State) []int64 { return st.isum })
			if name == "sum" {
				return IntSumVector(s, c, states[0].T == value.Long)
			}
			f := make([]float64, g.N)
			for i, x := range s {
				f[i] = float64(x)
			}
			return MeanVector(f, c)
		}
		f, c := mergeSums(states, g, func(st State) []float64 { return st.fsum })
		if name == "sum" {
			return FloatSumVector(f, c)
		}
		return MeanVector(f, c)
	case "std", "var":
		// Chan et al.'s pairwise update of count, mean and squared
		// deviations, partition by partition.
		c := make([]int64, g.N)
		mean := make([]float64, g.N)
		m2 := make([]float64, g.N)
		r := 0
		for _, st := range states {
			for j, nb := range st.cnt {
				id := ids[r]
				r++
				if nb == 0 {
					continue
				}
				na := c[id]
				if na == 0 {
					c[id], mean[id], m2[id] = nb, st.mean[j], st.m2[j]
					continue
				}
				nt := na + nb
				d := st.mean[j] - mean[id]
				mean[id] += d * float64(nb) / float64(nt)
				m2[id] += st.m2[j] + d*d*float64(na)*float64(nb)/float64(nt)
				c[id] = nt
			}
		}
		return spreadVector(name, m2, c)
	case "min", "max", "first", "last":
		t := states[0].pick.T
		picks := value.NewVector(t, 0, len(ids))
		picks.Scale = states[0].pick.Scale
		for _, st := range states {
			if st.pick.T != t || st.pick.Scale != picks.Scale {
				return nil
			}
			picks.AppendVector(st.pick)
		}
		if name == "min" || name == "max" {
			return groupExtreme(picks, g, name == "max")
		}
		return groupPick(picks, g, name == "first")
	}
	return nil
}

// mergeSums adds the states' sums (sums picks them) and counts per group
// of g.
func mergeSums[T int64 | float64](states []State, g *Groups, sums func(State) []T) ([]T, []int64) {
	s := make([]T, g.N)
	c := make([]int64, g.N)
	r := 0
	for _, st := range states {
		for j, x := range sums(st) {
			s[g.IDs[r]] += x
			c[g.IDs[r]] += st.cnt[j]
			r++
		}
	}
	return s, c
}
