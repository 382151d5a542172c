package system

import (
	"math"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// gram is the Gram matrix A'A of the columns colNames of the rows the
// data sources give, each column first centred (subMean, default true)
// and scaled by its sample standard deviation (normalize)
// (funcs/g/gram.md).
func gram(env funcs.Env, args []value.Value) (value.Value, error) {
	var names []string
	if c := funcs.Arg(args, 1); !funcs.NullOrAbsent(c) {
		var ok bool
		if names, ok = funcs.NamesArg(c); !ok {
			return nil, ddberr.Errorf("colNames of gram must be a STRING scalar or vector.")
		}
	}
	ra := funcs.ReadArgs("gram", args)
	subMean := ra.Bool("subMean", funcs.Arg(args, 2), true)
	normalize := ra.Bool("normalize", funcs.Arg(args, 3), false)
	if err := ra.Err(); err != nil {
		return nil, err
	}
	cols, err := SourceColumns(env, "gram", args[0], names, ddberr.Errorf("ds of gram must be a data source or a tuple of data sources."))
	if err != nil {
		return nil, err
	}
	for _, xs := range cols {
		CentreScale(xs, subMean, normalize)
	}
	k := len(cols)
	out := make([]float64, k*k)
	for i := range cols {
		for j := range cols {
			s := 0.0
			for r, x := range cols[i] {
				s += x * cols[j][r]
			}
			out[j*k+i] = s
		}
	}
	return &value.Matrix{V: value.NewDoubles(out), Rows: k, Cols: k}, nil
}

// CentreScale subtracts the mean of xs (NULLs become 0 afterwards) and
// divides by the sample standard deviation, as asked.
func CentreScale(xs []float64, subMean, normalize bool) {
	sum, n := 0.0, 0
	for _, x := range xs {
		if !funcs.IsNullF(x) {
			sum += x
			n++
		}
	}
	mean := 0.0
	if n > 0 {
		mean = sum / float64(n)
	}
	ss := 0.0
	for _, x := range xs {
		if !funcs.IsNullF(x) {
			ss += (x - mean) * (x - mean)
		}
	}
	sd := 1.0
	if normalize && n > 1 && ss > 0 {
		sd = math.Sqrt(ss / float64(n-1))
	}
	for i, x := range xs {
		switch {
		case funcs.IsNullF(x):
			xs[i] = 0
		case subMean:
			xs[i] = (x - mean) / sd
		default:
			xs[i] = x / sd
		}
	}
}

// SourceColumns reads the columns names (all of the first source's when
// nil) of the rows a data source or a tuple of them gives, as float64s
// with value.NullFloat64 for NULLs; bad is the error for anything else.
func SourceColumns(env funcs.Env, fn string, ds value.Value, names []string, bad error) ([][]float64, error) {
	sources := []value.Value{ds}
	if t, ok := ds.(*value.Vector); ok && t.T == value.Any {
		sources = t.Any
	}
	var cols [][]float64
	for _, s := range sources {
		d, ok := s.(*DataSource)
		if !ok {
			return nil, bad
		}
		v, err := d.Materialise(env)
		if err != nil {
			return nil, err
		}
		t, ok := v.(*value.Table)
		if !ok {
			return nil, bad
		}
		if names == nil {
			names = t.Names
		}
		if cols == nil {
			cols = make([][]float64, len(names))
		}
		for k, name := range names {
			c := t.Column(name)
			if c == nil {
				return nil, ddberr.Errorf("The column '%s' does not exist in table.", name)
			}
			xs, err := funcs.DoublesOf(fn, c)
			if err != nil {
				return nil, err
			}
			cols[k] = append(cols[k], xs...)
		}
	}
	return cols, nil
}
