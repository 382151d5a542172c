package engine

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

// The tests in this file check identities every built-in of a kind must
// keep, whichever kernel answers the call: an element-wise function
// applied to a vector gives, element by element, what it gives applied to
// each element; an aggregate gives the same value per group through
// group by, context by and a distributed table's map-reduce plan as
// called on the group's rows; a function with a segmented kernel gives
// under context by what it gives on each group's rows. The typed vector,
// grouped, segmented and per-partition paths are separate code, so these
// catch one path drifting from the others for any registered function,
// including ones added later.

// consistencyVectors are vectors of the common types, each with a NULL,
// a zero or empty value, negatives and a repeated value.
const consistencyVectors = `
v0 = 1 -2 NULL 0 7 100
v1 = 1.5 -2.25 NULL 0.0 3.0 1e10
v2 = ["a", "", "Bc d", NULL, "xyz", "a"]
v3 = symbol(["a", "", "Bc d", "", "xyz", "a"])
v4 = 2024.01.01 NULL 1970.01.01 2023.12.31 2000.02.29 2024.03.01
v5 = 2024.01.01T10:00:00.123 NULL 2023.12.31T23:59:59.999 1970.01.01T00:00:00.000 2024.02.29T12:00:00.000 2001.01.01T01:01:01.001
v6 = [true, false, NULL, true, false, true]
v7 = 1l -2l NULL 0l 7l 10000000000l
v8 = float(1.5 -2.25 NULL 0.0 3.0 1e10)
v9 = 10:00:00 NULL 23:59:59 00:00:00 12:30:45 01:02:03
v10 = char(1 -2 NULL 0 97 100)
v11 = short(1 -2 NULL 0 7 100)
v12 = decimal64(1.5 -2.25 NULL 0.0 3.0 100.125, 3)
v13 = 2024.01M NULL 1970.01M 2023.12M 2000.02M 2024.03M
v14 = 10:00:00.123 NULL 23:59:59.999 00:00:00.000 12:30:45.500 01:02:03.004
v15 = 2024.01.01T10:00:00 NULL 2023.12.31T23:59:59 1970.01.01T00:00:00 2024.02.29T12:00:00 2001.01.01T01:01:01
v16 = 0.5 0.25 NULL 1.0 0.0 0.9
`

const consistencyVectorCount = 17

// consistencyScalars are the second arguments tried with each vector.
var consistencyScalars = []string{"2", "0", "-1", "2.5", `"a"`, "2024.01.02", "true", "NULL", "1H", "int(NULL)"}

// consistencyTables is a table t of four groups k with columns of the
// common types, and copies of it in a DFS table hashed on id (a group's
// rows in several partitions) and one partitioned by k (one per group).
const consistencyTables = `
n = 40
t = table(take(1 2 3 4, n) as k, 0..(n-1) as id,
  take(1 -2 NULL 0 7 100 3 3 -5 8 11, n) as ci,
  take(1.5 -2.25 NULL 0.0 3.0 1e3 2.5 2.5 -7.75 0.125 9.0 4.5 NULL, n) as cd,
  take(["a", "", "Bc d", NULL, "xyz", "a", "b"], n) as cs,
  symbol(take(["a", "q", "Bc d", "", "xyz", "a", "b"], n)) as cy,
  take(2024.01.01 NULL 1970.01.01 2023.12.31 2000.02.29 2024.03.01 2024.01.01, n) as cdt,
  take([true, false, NULL, true, false, true, true], n) as cb,
  take(1l -2l NULL 0l 7l 10000000000l 5l 5l, n) as cl,
  float(take(1.5 -2.25 NULL 0.0 3.0 1e3 2.5 2.5 -7.75 0.125 9.0 4.5 NULL, n)) as cf,
  take(10:00:00.123 NULL 23:59:59.999 00:00:00.000 12:30:45.500 01:02:03.004, n) as ctm,
  decimal64(take(1.5 -2.25 NULL 0.0 3.0 100.125 2.5, n), 3) as cdec,
  take(2 1 3 4 1 2 5 2 3 1 1, n) as w)
ph = database("dfs://consistencyHash", HASH, [INT, 3]).createPartitionedTable(t, "ph", "id")
ph.append!(t)
pk = database("dfs://consistencyValue", VALUE, 1..4).createPartitionedTable(t, "pk", "k")
pk.append!(t)
`

var consistencyColumns = []string{"ci", "cd", "cs", "cy", "cdt", "cb", "cl", "cf", "ctm", "cdec"}

// consistencySession is a session of a fresh in-memory engine with both
// scripts run.
func consistencySession(t *testing.T) *Session {
	t.Helper()
	e, err := Open(Options{InMemory: true, Seed: 1})
	require.NoError(t, err)
	t.Cleanup(func() { e.Close() })
	s := e.NewSession()
	mustRun(t, s, consistencyVectors)
	mustRun(t, s, consistencyTables)
	return s
}

// builtinsWith lists the registered built-ins with props that read or
// change no state and that the robustness sweep may call, by name.
func builtinsWith(props funcs.Props) []*funcs.Spec {
	var out []*funcs.Spec
	for _, sp := range funcs.All() {
		if sp.Props.Has(props) && sp.Props&(funcs.Session|funcs.Mutating|funcs.Command) == 0 && !robustSkip[sp.Name] {
			out = append(out, sp)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// consistencyCalls evaluates consistencyScalars in s and returns them
// with a caller of built-ins that gives each call 5 s.
func consistencyCalls(t *testing.T, s *Session) ([]value.Value, func(string, ...value.Value) (value.Value, error)) {
	scalars := make([]value.Value, len(consistencyScalars))
	for i, src := range consistencyScalars {
		scalars[i] = mustRun(t, s, src)
	}
	return scalars, func(name string, args ...value.Value) (value.Value, error) {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		return callRobust(s, ctx, name, args)
	}
}

// TestElementWiseConsistency checks f(v)[i] == f(v[i]) (and with a
// second argument, a scalar or, where f is element-wise in it too, a
// vector) for every element-wise built-in and every test vector f takes.
func TestElementWiseConsistency(t *testing.T) {
	s := consistencySession(t)
	vecs := make([]*value.Vector, consistencyVectorCount)
	for i := range vecs {
		vecs[i] = s.vars[fmt.Sprintf("v%d", i)].(*value.Vector)
	}
	scalars, call := consistencyCalls(t, s)
	var failures []string
	compared := 0
	for _, sp := range builtinsWith(funcs.ElementWise) {
		// check compares f(v, rest...) with f on v's elements; at(i) gives
		// the other arguments of element i.
		check := func(desc string, v *value.Vector, rest []value.Value, at func(i int) []value.Value) bool {
			r, err := call(sp.Name, append([]value.Value{v}, rest...)...)
			if err != nil {
				return true
			}
			rv, ok := r.(*value.Vector)
			if !ok || rv.Len() != v.Len() || rv.T.IsArray() {
				return true
			}
			for i := range v.Len() {
				ri, err := call(sp.Name, append([]value.Value{v.Elem(i)}, at(i)...)...)
				if err != nil {
					if sp.Name == "mask" { // mask takes vectors and matrices only (funcs/m/mask.md)
						return true
					}
					failures = append(failures, fmt.Sprintf("%s(%s)[%d]: the vector call succeeds, the element's fails: %v", sp.Name, desc, i, err))
					return false
				}
				rs, ok := ri.(*value.Scalar)
				if !ok {
					return true
				}
				compared++
				if !sameElement(rv, i, rs) {
					failures = append(failures, fmt.Sprintf("%s(%s)[%d]: vector %s %v, element %s %v", sp.Name, desc, i, rv.At(i), rv.T, rs, rs.T))
					return false
				}
			}
			return true
		}
		for k, v := range vecs {
			if sp.Min <= 1 && !check(fmt.Sprintf("v%d", k), v, nil, func(int) []value.Value { return nil }) {
				break
			}
			if sp.Min > 2 || sp.Max >= 0 && sp.Max < 2 {
				continue
			}
			for j, sc := range scalars {
				if !check(fmt.Sprintf("v%d, %s", k, consistencyScalars[j]), v, []value.Value{sc}, func(int) []value.Value { return []value.Value{sc} }) {
					break
				}
			}
			if sp.Props.Has(funcs.FirstOnly) {
				continue // its second argument is one value for all rows
			}
			for j, w := range vecs {
				if !check(fmt.Sprintf("v%d, v%d", k, j), v, []value.Value{w}, func(i int) []value.Value { return []value.Value{w.Elem(i)} }) {
					break
				}
			}
		}
	}
	require.Empty(t, failures, "element-wise built-ins whose vector and element results differ:\n%s", strings.Join(failures, "\n"))
	require.Greater(t, compared, 10000, "too few calls succeeded to check anything")
}

// sameElement reports whether element i of v is s: same type and the
// same number (sameNumber) or text.
func sameElement(v *value.Vector, i int, s *value.Scalar) bool {
	return v.T == s.T && sameNumber(v, i, s)
}

// TestAggregateConsistency checks, for every aggregate and every column
// (and pair of columns) it takes, that group by on t, on the DFS table
// hashed on id and on the one partitioned by the group key, and context
// by on t give each group what the aggregate gives on the group's rows
// read from the same table (the DFS tables' rows come in partition order,
// which order-sensitive aggregates see).
func TestAggregateConsistency(t *testing.T) {
	s := consistencySession(t)
	var failures []string
	compared := 0
	for _, sp := range builtinsWith(funcs.Aggregate) {
		var argSets [][]string
		for _, c := range consistencyColumns {
			if sp.Min <= 1 {
				argSets = append(argSets, []string{c})
			}
			if sp.Min <= 2 && (sp.Max < 0 || sp.Max >= 2) {
				argSets = append(argSets, []string{c, "w"}, []string{c, "cd"})
			}
		}
		before := len(failures)
		for _, args := range argSets {
			if len(failures) > before {
				break // one failure per function is enough to look into
			}
			a := strings.Join(args, ", ")
			for _, q := range []struct{ table, form, query string }{
				{"t", "group by", "exec r from (select %s(%s) as r from t group by k order by k)"},
				{"ph", "group by on a hashed DFS table", "exec r from (select %s(%s) as r from ph group by k order by k)"},
				{"pk", "group by on a DFS table partitioned by k", "exec r from (select %s(%s) as r from pk group by k order by k)"},
				{"t", "context by", "exec r from (select first(r) as r from (select k as kk, %s(%s) as r from t context by k) group by kk order by kk)"},
			} {
				if sp.Name == "kendall" && q.table != "t" {
					continue // refused on DFS tables (S02057)
				}
				if sp.Name == "toArray" && q.form == "context by" {
					continue // refused under context by (S02026)
				}
				ref, err := s.Run(fmt.Sprintf("each(def(tt, key){ return %s(%s) }{%s}, 1 2 3 4)", sp.Name, groupRows(args), q.table))
				if rv, ok := ref.(*value.Vector); err != nil || !ok || rv.T == value.Any {
					continue // not an aggregate of these arguments
				}
				got, err := s.Run(fmt.Sprintf(q.query, sp.Name, a))
				compared++
				switch {
				case err != nil:
					failures = append(failures, fmt.Sprintf("%s(%s) %s: %v", sp.Name, a, q.form, err))
				case fmt.Sprint(got) != fmt.Sprint(ref):
					failures = append(failures, fmt.Sprintf("%s(%s) %s: %v, on each group's rows %v", sp.Name, a, q.form, got, ref))
				}
			}
		}
	}
	require.Empty(t, failures, "aggregates whose grouped results differ from their value on the group's rows:\n%s", strings.Join(failures, "\n"))
	require.Greater(t, compared, 1000, "too few aggregates ran to check anything")
}

// groupRows writes each column of args as the rows of table tt in group
// key (the other arguments as they are).
func groupRows(args []string) string {
	out := make([]string, len(args))
	for i, a := range args {
		out[i] = a
		if a == "w" || strings.HasPrefix(a, "c") {
			out[i] = fmt.Sprintf("(exec %s from tt where k = key)", a)
		}
	}
	return strings.Join(out, ", ")
}

// TestSegmentedConsistency checks that every built-in with a segmented
// kernel gives under context by, on rows of the groups interleaved, what
// it gives on each group's rows in turn.
func TestSegmentedConsistency(t *testing.T) {
	s := consistencySession(t)
	extra := [][]string{nil, {"3"}, {"1"}, {"w"}, {"cd"}, {"3", "2"}, {"0.5"}, {"4", "1"}, {"cd", "3"}}
	var failures []string
	compared := 0
	for _, sp := range funcs.All() {
		if sp.Segmented == nil {
			continue
		}
		before := len(failures)
		for _, c := range consistencyColumns {
			for _, x := range extra {
				if len(failures) > before {
					break // one failure per function is enough to look into
				}
				args := append([]string{c}, x...)
				ref, err := s.Run(fmt.Sprintf("reduce(join, each(def(tt, key){ return %s(%s) }{t}, 1 2 3 4))", sp.Name, groupRows(args)))
				if rv, ok := ref.(*value.Vector); err != nil || !ok || rv.T == value.Any {
					continue
				}
				a := strings.Join(args, ", ")
				got, err := s.Run(fmt.Sprintf("exec r from (select %s(%s) as r from t context by k)", sp.Name, a))
				compared++
				switch {
				case err != nil:
					failures = append(failures, fmt.Sprintf("%s(%s): %v", sp.Name, a, err))
				case fmt.Sprint(got) != fmt.Sprint(ref):
					failures = append(failures, fmt.Sprintf("%s(%s): context by %v, on each group's rows %v", sp.Name, a, got, ref))
				}
			}
		}
	}
	require.Empty(t, failures, "segmented kernels that differ from the function on each group:\n%s", strings.Join(failures, "\n"))
	require.Greater(t, compared, 500, "too few calls ran to check anything")
}

// consistencyRowColumns are numeric columns for the row functions: each
// row function on three of them (one column shifted twice) must give, row
// by row, what its aggregate gives on the row's three values. The LONGs
// pass 2^53 and the DECIMALs have fractions, which DOUBLE would lose.
const consistencyRowColumns = `
r0 = 1 -2 NULL 0 7 100 3 3
r1 = 1.5 -2.25 NULL 0.0 3.0 1e3 2.5 NULL
r2 = 9007199254740993l -2l NULL 0l 7l 10000000000l 5l NULL
r3 = decimal64(["1.5", "-2.25", NULL, "0.0", "3.001", "100.125", "2.5", "2.5"], 3)
r4 = short(1 -2 NULL 0 7 100 3 3)
r5 = float(1.5 -2.25 NULL 0.0 3.0 1e3 2.5 2.5)
r6 = decimal32(["1.5", "-2.25", NULL, "0.0", "3.1", "100.1", "2.5", "2.5"], 2)
`

// TestRowWiseConsistency checks rowF(a, b, c)[i] against F([a[i], b[i],
// c[i]]) for the row functions with an aggregate of the same name, on
// columns of one type; values compare as DOUBLEs except for LONG and
// DECIMAL results, which must match exactly.
func TestRowWiseConsistency(t *testing.T) {
	s := consistencySession(t)
	mustRun(t, s, consistencyRowColumns)
	aggs := []string{"sum", "avg", "max", "min", "prod", "std", "var", "stdp", "varp", "count", "sum2", "kurtosis", "skew", "imax", "imin", "imaxLast", "iminLast"}
	var failures []string
	compared := 0
	for _, agg := range aggs {
		row := "row" + strings.ToUpper(agg[:1]) + agg[1:]
		for k := 0; k < 7; k++ {
			a := fmt.Sprintf("r%d", k)
			got, err := s.Run(fmt.Sprintf("%s(%s, move(%s, 1), move(%s, -2))", row, a, a, a))
			require.NoError(t, err, "%s over r%d", row, k)
			gv := got.(*value.Vector)
			for i := range gv.Len() {
				want, err := s.Run(fmt.Sprintf("x = %s; %s([x[%d], move(x, 1)[%d], move(x, -2)[%d]])", a, agg, i, i, i))
				require.NoError(t, err)
				compared++
				if !sameNumber(gv, i, want.(*value.Scalar)) {
					failures = append(failures, fmt.Sprintf("%s(r%d...)[%d] = %s, %s of the row = %s", row, k, i, gv.At(i), agg, want))
					break
				}
			}
		}
	}
	require.Empty(t, failures, "row functions that differ from their aggregate on a row:\n%s", strings.Join(failures, "\n"))
	require.Greater(t, compared, 500)
}

// sameNumber reports whether element i of v and s are the same number:
// exactly when both are integers or decimals, else within rounding.
func sameNumber(v *value.Vector, i int, s *value.Scalar) bool {
	if v.IsNull(i) || s.IsNull() {
		return v.IsNull(i) == s.IsNull()
	}
	a, b := v.At(i).String(), s.String()
	if a == b {
		return true
	}
	exact := func(t value.Type) bool {
		c := t.Category()
		return c == value.CatIntegral || c == value.CatDecimal
	}
	if exact(v.T) && exact(s.T) {
		return false
	}
	fa, errA := strconv.ParseFloat(a, 64)
	fb, errB := strconv.ParseFloat(b, 64)
	return errA == nil && errB == nil && math.Abs(fa-fb) <= 1e-9*math.Max(1, math.Abs(fa))
}

// TestCodedTextConsistency checks that every element-wise built-in gives
// the same answer on a long coded SYMBOL or STRING vector (which runs it
// once per distinct text and gathers) as on the same texts uncoded.
func TestCodedTextConsistency(t *testing.T) {
	s := consistencySession(t)
	scalars, call := consistencyCalls(t, s)
	var failures []string
	compared := 0
	for _, src := range []string{"v2", "v3"} {
		long := mustRun(t, s, fmt.Sprintf("take(%s, 4096)", src)).(*value.Vector)
		coded := long.Clone().Coded()
		plain := long.Clone()
		plain.Decode()
		require.NotNil(t, coded.Syms)
		for _, sp := range builtinsWith(funcs.ElementWise | funcs.Pure) {
			rests := [][]value.Value{nil}
			if sp.Max < 0 || sp.Max >= 2 {
				for _, sc := range scalars {
					rests = append(rests, []value.Value{sc})
				}
			}
			for j, rest := range rests {
				if sp.Min > 1+len(rest) {
					continue
				}
				want, err := call(sp.Name, append([]value.Value{plain}, rest...)...)
				if err != nil {
					continue
				}
				got, err := call(sp.Name, append([]value.Value{coded}, rest...)...)
				compared++
				if err != nil {
					failures = append(failures, fmt.Sprintf("%s(%s coded, arguments %d): %v", sp.Name, src, j, err))
					break
				}
				if d := firstDifference(got, want); d != "" {
					failures = append(failures, fmt.Sprintf("%s(%s coded, arguments %d): %s", sp.Name, src, j, d))
					break
				}
			}
		}
	}
	require.Empty(t, failures, "element-wise built-ins whose coded and plain text results differ:\n%s", strings.Join(failures, "\n"))
	require.Greater(t, compared, 300, "too few calls succeeded to check anything")
}

// firstDifference describes where vectors (or scalars) a and b differ,
// or is "".
func firstDifference(a, b value.Value) string {
	av, aok := a.(*value.Vector)
	bv, bok := b.(*value.Vector)
	if !aok || !bok {
		if fmt.Sprint(a) != fmt.Sprint(b) {
			return fmt.Sprintf("%v, uncoded %v", a, b)
		}
		return ""
	}
	if av.T != bv.T || av.Len() != bv.Len() {
		return fmt.Sprintf("%v of %d, uncoded %v of %d", av.T, av.Len(), bv.T, bv.Len())
	}
	for i := range av.Len() {
		if x, y := av.At(i).String(), bv.At(i).String(); x != y {
			return fmt.Sprintf("[%d] %s, uncoded %s", i, x, y)
		}
	}
	return ""
}
