package describe

import (
	"math"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/dfs"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/stats"
	"github.com/porpoisedb/porpoise/funcs/system"
	"github.com/porpoisedb/porpoise/value"
)

// partitioned is a partitioned or DFS table as scripts hold it (a
// loadTable result): read one partition at a time so partitionSampling
// can pick some of them.
type partitioned interface {
	DFSTable() *dfs.Table
}

// readChecker is the interpreter's read check of a DFS table, which a
// query makes whichever handle reaches the table.
type readChecker interface {
	CheckTableRead(t *dfs.Table) error
}

// summaryOptions are summary's optional arguments.
type summaryOptions struct {
	method      string
	avg, std    bool
	percentiles []float64
	sampling    float64 // 0: every partition
	// fraction: sampling is a floating number in (0, 1], a share of the
	// partitions, so 1.0 means all of them where the integer 1 means one.
	fraction bool
}

// summary describes each numeric column of X: min, max, the non-NULL and
// the total count, avg and std (unless characteristic leaves one out) and
// the percentiles as an array vector. The percentiles are exact, which
// is within any precision of DolphinDB's iterative ones.
func summary(env funcs.Env, args []value.Value) (value.Value, error) {
	o, err := summaryArgs(args)
	if err != nil {
		return nil, err
	}
	parts, fromDS, err := summaryInput(env, args[0], o)
	if err != nil {
		return nil, err
	}
	var names []string
	var cols [][]float64
	var total []int64
	for _, t := range parts {
		if names == nil {
			for i, c := range t.Cols {
				if funcs.IsNumericVec(c) && c.T != value.Void && c.T != value.Bool {
					names = append(names, t.Names[i])
				} else if fromDS {
					return nil, ddberr.Errorf("A data source of summary must hold numeric columns only.")
				}
			}
			cols = make([][]float64, len(names))
			total = make([]int64, len(names))
		}
		for k, name := range names {
			c := t.Column(name)
			if c == nil {
				return nil, ddberr.Errorf("The column '%s' does not exist in table.", name)
			}
			xs, err := funcs.DoublesOf("summary", c)
			if err != nil {
				return nil, err
			}
			total[k] += int64(len(xs))
			for _, x := range xs {
				if !funcs.IsNullF(x) {
					cols[k] = append(cols[k], x)
				}
			}
		}
	}
	return describeColumns(names, cols, total, o), nil
}

// describeColumns builds summary's table from each column's non-NULL
// values and row count.
func describeColumns(names []string, cols [][]float64, total []int64, o summaryOptions) *value.Table {
	n := len(names)
	mins, maxs := make([]float64, n), make([]float64, n)
	nonNull, count := make([]int64, n), make([]int64, n)
	avgs, stds := make([]float64, n), make([]float64, n)
	pct := make([]float64, 0, n*len(o.percentiles))
	offsets := make([]int64, n)
	for k, xs := range cols {
		nonNull[k], count[k] = int64(len(xs)), total[k]
		mins[k], maxs[k], avgs[k], stds[k] = value.NullFloat64, value.NullFloat64, value.NullFloat64, value.NullFloat64
		if len(xs) > 0 {
			s := stats.SortedCopy(xs)
			mins[k], maxs[k] = s[0], s[len(s)-1]
			avgs[k] = stats.Mean(xs)
			if v, ok := stats.Variance(xs, 1); ok {
				stds[k] = math.Sqrt(v)
			}
			for _, p := range o.percentiles {
				pct = append(pct, stats.QuantileSorted(s, p/100, o.method))
			}
		} else {
			for range o.percentiles {
				pct = append(pct, value.NullFloat64)
			}
		}
		offsets[k] = int64(len(pct))
	}
	outNames := []string{"name", "min", "max", "nonNullCount", "count"}
	outCols := []*value.Vector{value.NewStrings(value.String, names), value.NewDoubles(mins), value.NewDoubles(maxs),
		value.NewLongs(nonNull), value.NewLongs(count)}
	if o.avg {
		outNames, outCols = append(outNames, "avg"), append(outCols, value.NewDoubles(avgs))
	}
	if o.std {
		outNames, outCols = append(outNames, "std"), append(outCols, value.NewDoubles(stds))
	}
	outNames = append(outNames, "percentile")
	outCols = append(outCols, &value.Vector{T: value.ArrayOffset + value.Double, F64: pct, Offsets: offsets})
	return value.NewTable(outNames, outCols)
}

// summaryInput is the data summary reads: a table's rows, each
// partition of a partitioned table (or a sample of them), or the rows of
// each data source; fromDS tells the last.
func summaryInput(env funcs.Env, x value.Value, o summaryOptions) (parts []*value.Table, fromDS bool, err error) {
	switch d := x.(type) {
	case *value.Table:
		return []*value.Table{d}, false, nil
	case *system.DataSource:
		x = value.NewTuple([]value.Value{d})
	case partitioned:
		parts, err := readPartitions(env, d.DFSTable(), o)
		return parts, false, err
	}
	tuple, ok := x.(*value.Vector)
	var sources []*system.DataSource
	if ok && tuple.T == value.Any {
		sources, ok = value.TupleOf[*system.DataSource](tuple)
	}
	if !ok || len(sources) == 0 {
		return nil, false, ddberr.Errorf("X of summary must be a table or data sources.")
	}
	for _, s := range sources {
		v, err := s.Materialise(env)
		if err != nil {
			return nil, false, err
		}
		t, ok := v.(*value.Table)
		if !ok {
			return nil, false, ddberr.Errorf("X of summary must be a table or data sources.")
		}
		parts = append(parts, t)
	}
	return parts, true, nil
}

// readPartitions reads t's partitions that hold data, or a sample of
// them, after the session's read check; an empty table gives its empty
// columns.
func readPartitions(env funcs.Env, t *dfs.Table, o summaryOptions) ([]*value.Table, error) {
	h, err := funcs.HostOf[readChecker](env)
	if err != nil {
		return nil, err
	}
	if err := h.CheckTableRead(t); err != nil {
		return nil, err
	}
	paths, err := t.StoredPaths()
	if err != nil {
		return nil, err
	}
	var parts []*value.Table
	for _, p := range samplePaths(env, paths, o) {
		rows, err := t.ReadPartition(p)
		if err != nil {
			return nil, err
		}
		if rows != nil {
			parts = append(parts, rows)
		}
	}
	if len(parts) == 0 {
		names, types, _ := t.Schema()
		cols := make([]*value.Vector, len(types))
		for i, ty := range types {
			cols[i] = value.NewVector(ty, 0, 0)
		}
		parts = append(parts, value.NewTable(names, cols))
	}
	return parts, nil
}

// samplePaths picks partitionSampling's partitions at random: a count,
// or a fraction in (0, 1] of them rounded down, at least one.
func samplePaths(env funcs.Env, paths []string, o summaryOptions) []string {
	if o.sampling == 0 || len(paths) == 0 {
		return paths
	}
	k := int(o.sampling)
	if o.fraction {
		k = max(int(o.sampling*float64(len(paths))), 1)
	}
	if k >= len(paths) {
		return paths
	}
	perm := env.Rand().Perm(len(paths))[:k]
	out := make([]string, k)
	for i, j := range perm {
		out[i] = paths[j]
	}
	return out
}

// summaryArgs reads summary's optional arguments.
func summaryArgs(args []value.Value) (summaryOptions, error) {
	o := summaryOptions{avg: true, std: true, percentiles: []float64{25, 50, 75}}
	var err error
	if o.method, err = stats.Interpolation("summary", nullToAbsent(funcs.Arg(args, 1))); err != nil {
		return o, err
	}
	if c := funcs.Arg(args, 2); !funcs.NullOrAbsent(c) {
		names, ok := funcs.StringsArg(c)
		o.avg, o.std = false, false
		for _, n := range names {
			switch n {
			case "avg":
				o.avg = true
			case "std":
				o.std = true
			default:
				ok = false
			}
		}
		if !ok || len(names) == 0 {
			return o, ddberr.Errorf("characteristic of summary must be 'avg', 'std' or both.")
		}
	}
	if p := funcs.Arg(args, 3); !funcs.NullOrAbsent(p) {
		v, ok := funcs.VectorArg(p)
		if s, isScalar := funcs.ScalarArg(p); isScalar {
			v, ok = funcs.ScalarVector(s), true
		}
		var ps []float64
		if ok && funcs.IsNumericVec(v) && v.T != value.Void {
			ps, err = funcs.DoublesOf("summary", v)
		}
		if !ok || err != nil || len(ps) == 0 || !inRange(ps, 0, 100) {
			return o, ddberr.Errorf("percentile of summary must be a vector of numbers in [0, 100].")
		}
		o.percentiles = stats.SortedCopy(ps)
	}
	if p := funcs.Arg(args, 4); !funcs.NullOrAbsent(p) {
		if _, ok := funcs.PositiveArg(p); !ok {
			return o, ddberr.Errorf("precision of summary must be a positive number.")
		}
	}
	if p := funcs.Arg(args, 5); !funcs.NullOrAbsent(p) {
		f, ok := funcs.PositiveArg(p)
		if !ok || f > 1 && f != math.Trunc(f) {
			return o, ddberr.Errorf("partitionSampling of summary must be a positive integer or a number in (0, 1].")
		}
		o.sampling = f
		s, _ := funcs.ScalarArg(p)
		o.fraction = s != nil && s.T.Category() == value.CatFloating && f <= 1
	}
	return o, nil
}

// nullToAbsent treats an argument passed as NULL as left out.
func nullToAbsent(v value.Value) value.Value {
	if funcs.NullOrAbsent(v) {
		return nil
	}
	return v
}

// inRange reports whether every x is a number in [lo, hi].
func inRange(xs []float64, lo, hi float64) bool {
	for _, x := range xs {
		if funcs.IsNullF(x) || x < lo || x > hi {
			return false
		}
	}
	return true
}
