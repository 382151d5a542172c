package plotting

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
	"github.com/porpoisedb/porpoise/value/chart"
)

// plot is a chart of data's series (funcs/p/plot.md): a vector is one
// series, a tuple's vectors, a matrix's columns and a table's columns
// one each, named by the matrix's column labels or the table's column
// names; labels (or the matrix's row labels) label the data points.
func plot(_ funcs.Env, args []value.Value) (value.Value, error) {
	data, err := seriesMatrix(args[0])
	if err != nil {
		return nil, err
	}
	if l := funcs.Arg(args, 1); l != nil {
		lv, ok := l.(*value.Vector)
		if !ok || lv.T == value.Any || lv.Len() != data.Rows {
			return nil, ddberr.Errorf("The labels of plot must be a vector as long as each series.")
		}
		data.RowLabels = lv
	}
	title, err := titles("plot", funcs.Arg(args, 2))
	if err != nil {
		return nil, err
	}
	kind, err := funcs.IntArg("plot", "chartType", funcs.Arg(args, 3), int64(chart.Line))
	if err != nil {
		return nil, err
	}
	if kind < int64(chart.Area) || kind > int64(chart.Surface) {
		return nil, ddberr.Errorf("The argument [chartType] of plot must be a chart type.")
	}
	stacking, err := funcs.BoolArg("plot", "stacking", funcs.Arg(args, 4), false)
	if err != nil {
		return nil, err
	}
	keys := []string{"chartType", "stacking", "title"}
	vals := []value.Value{value.NewInt(int32(kind)), value.NewBool(stacking), title}
	if e := funcs.Arg(args, 5); e != nil {
		d, ok := e.(*value.Dict)
		if !ok || (d.Keys.T != value.String && d.Keys.T != value.Symbol) {
			return nil, ddberr.Errorf("The extras of plot must be a dictionary with string keys.")
		}
		keys, vals = append(keys, "extras"), append(vals, d)
	}
	keys, vals = append(keys, "data"), append(vals, data)
	return chart.New(keys, vals), nil
}

// plotHist is a histogram chart of data (funcs/p/plotHist.md): the
// values, and the number of bins and their range when given.
func plotHist(_ funcs.Env, args []value.Value) (value.Value, error) {
	data, err := histogramData(args[0])
	if err != nil {
		return nil, err
	}
	keys := []string{"chartType", "stacking"}
	vals := []value.Value{value.NewInt(chart.Histogram), value.NewBool(false)}
	if b := funcs.Arg(args, 1); b != nil {
		n, err := funcs.IntArg("plotHist", "binNum", b, 0)
		if err != nil {
			return nil, err
		}
		if n <= 0 {
			return nil, ddberr.Errorf("The argument [binNum] of plotHist must be a positive integer.")
		}
		keys, vals = append(keys, "binCount"), append(vals, value.NewInt(int32(n)))
	}
	if r := funcs.Arg(args, 2); r != nil {
		p, ok := r.(*value.Pair)
		if !ok || !p.V.T.IsNumeric() {
			return nil, ddberr.Errorf("The argument [range] of plotHist must be a numeric pair.")
		}
		lo, hi := p.V.At(0), p.V.At(1)
		keys = append(keys, "binStart", "binEnd")
		vals = append(vals, value.NewDouble(lo.Float64()), value.NewDouble(hi.Float64()))
	}
	title, err := titles("plotHist", funcs.Arg(args, 3))
	if err != nil {
		return nil, err
	}
	keys, vals = append(keys, "title", "data"), append(vals, title, data)
	return chart.New(keys, vals), nil
}

// titles is the chart's titles: the chart's, then the x axis's and the
// y axis's.
func titles(fn string, t value.Value) (*value.Vector, error) {
	switch x := t.(type) {
	case nil:
		return value.NewStrings(value.String, []string{""}), nil
	case *value.Scalar:
		if x.T == value.String || x.T == value.Symbol {
			return value.NewStrings(value.String, []string{x.S}), nil
		}
	case *value.Vector:
		if x.T == value.String || x.T == value.Symbol {
			return value.NewStrings(value.String, x.Strings()), nil
		}
	}
	return nil, ddberr.Errorf("The title of %s must be a string scalar or vector.", fn)
}

// seriesMatrix is data's series as the columns of a matrix.
func seriesMatrix(data value.Value) (*value.Matrix, error) {
	var cols []*value.Vector
	var names []string
	switch x := data.(type) {
	case *value.Matrix:
		out := *x
		return &out, checkNumeric(x.V)
	case *value.Vector:
		if x.T != value.Any {
			cols = []*value.Vector{x}
			break
		}
		for _, e := range x.Any {
			v, ok := e.(*value.Vector)
			if !ok {
				return nil, errData
			}
			cols = append(cols, v)
		}
	case *value.Table:
		cols, names = x.Cols, x.Names
	default:
		return nil, errData
	}
	if len(cols) == 0 {
		return nil, errData
	}
	t := cols[0].T
	for _, c := range cols {
		if err := checkNumeric(c); err != nil {
			return nil, err
		}
		if c.Len() != cols[0].Len() {
			return nil, ddberr.Errorf("The series of plot must have the same length.")
		}
		if c.T != t {
			t = value.Double
		}
	}
	flat := value.NewVector(t, 0, len(cols)*cols[0].Len())
	for _, c := range cols {
		cc, err := cast.Vector(c, t, 0)
		if err != nil {
			return nil, err
		}
		flat.AppendVector(cc)
	}
	m := &value.Matrix{V: flat, Rows: cols[0].Len(), Cols: len(cols)}
	if names != nil {
		m.ColLabels = value.NewStrings(value.String, names)
	}
	return m, nil
}

// histogramData is the values of plotHist's data: a vector, or a
// matrix's or a one-column table's values.
func histogramData(data value.Value) (*value.Vector, error) {
	var v *value.Vector
	switch x := data.(type) {
	case *value.Vector:
		v = x
	case *value.Matrix:
		v = x.V
	case *value.Table:
		if len(x.Cols) == 1 {
			v = x.Cols[0]
		}
	}
	if v == nil || v.T == value.Any {
		return nil, ddberr.Errorf("The data of plotHist must be a numeric vector, matrix or table column.")
	}
	return v, checkNumeric(v)
}

var errData = ddberr.Errorf("The data of plot must be a vector, a tuple of vectors, a matrix or a table.")

func checkNumeric(v *value.Vector) error {
	if v.T.IsArray() || !(v.T.IsNumeric() || v.T.IsTemporal()) {
		return ddberr.Errorf("The data of a chart must be numeric.")
	}
	return nil
}
