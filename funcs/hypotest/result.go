package hypotest

import (
	"math"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// numericVector reads a numeric vector argument as DOUBLEs (NULL as
// value.NullFloat64); the slice may be the vector's own storage.
func numericVector(fn, name string, x value.Value) ([]float64, error) {
	v, ok := x.(*value.Vector)
	if !ok || !funcs.IsNumericVec(v) || v.T == value.Void {
		return nil, ddberr.Errorf("The argument [%s] of %s must be a numeric vector.", name, fn)
	}
	return funcs.DoublesOf(fn, v)
}

// samples reads the two samples X and Y (arguments 0 and 1) of a
// two-sample test.
func samples(r *funcs.Args, least int) (x, y []float64) {
	return sample(r, "X", r.Arg(0), least), sample(r, "Y", r.Arg(1), least)
}

// sample reads a numeric vector argument without its NULLs; it needs at
// least least elements.
func sample(r *funcs.Args, name string, x value.Value, least int) []float64 {
	return funcs.Read(r, func() ([]float64, error) {
		xs, err := numericVector(r.Fn, name, x)
		if err != nil {
			return nil, err
		}
		out := make([]float64, 0, len(xs))
		for _, f := range xs {
			if !funcs.IsNullF(f) && !math.IsNaN(f) {
				out = append(out, f)
			}
		}
		if len(out) < least {
			return nil, ddberr.Errorf("The argument [%s] of %s must hold at least %d non-NULL values.", name, r.Fn, least)
		}
		return out, nil
	})
}

// optFloat reads an optional numeric scalar: def when absent or NULL.
func optFloat(r *funcs.Args, name string, x value.Value, def float64) float64 {
	return funcs.Read(r, func() (float64, error) {
		if funcs.NullOrAbsent(x) {
			return def, nil
		}
		s, ok := funcs.ScalarArg(x)
		if !ok || !s.T.IsNumeric() {
			return 0, ddberr.Errorf("The argument [%s] of %s must be a numeric scalar.", name, r.Fn)
		}
		return s.Float64(), nil
	})
}

// confLevel reads the optional confidence level, in (0, 1).
func confLevel(r *funcs.Args, x value.Value) float64 {
	c := optFloat(r, "confLevel", x, 0.95)
	if r.Err() == nil && !(c > 0 && c < 1) {
		r.Fail(ddberr.Errorf("The argument [confLevel] of %s must be a number in (0, 1).", r.Fn))
	}
	return c
}

// entry is one key of a result dictionary.
type entry struct {
	key string
	val value.Value
}

// result is the dictionary of a test, its keys in the order the page
// prints them.
func result(es ...entry) *value.Dict {
	d := value.NewDict(value.String, value.Any)
	for _, e := range es {
		d.Put(value.NewStrings(value.String, []string{e.key}), 0, value.NewTuple([]value.Value{e.val}), 0)
	}
	return d
}

// num formats a hypothesised value in the alternatives' texts as
// DolphinDB prints a DOUBLE ("10", "0.5").
func num(f float64) string {
	return value.FormatFloat(f, 6)
}

// alternatives is the stat table of a test with the three alternatives
// (two-sided, less, greater) about subject and its hypothesised value:
// their p-values and, when bounds is not nil, confidence bounds.
func alternatives(subject string, h float64, p [3]float64, bounds *[3][2]float64) *value.Table {
	names := []string{"alternativeHypothesis", "pValue"}
	hs := num(h)
	cols := []*value.Vector{
		value.NewStrings(value.String, []string{
			subject + " is not equal to " + hs,
			subject + " is less than " + hs,
			subject + " is greater than " + hs,
		}),
		value.NewDoubles(funcs.NullNaN(p[:])),
	}
	if bounds != nil {
		lo := []float64{bounds[0][0], bounds[1][0], bounds[2][0]}
		hi := []float64{bounds[0][1], bounds[1][1], bounds[2][1]}
		names = append(names, "lowerBound", "upperBound")
		cols = append(cols, value.NewDoubles(funcs.NullNaN(lo)), value.NewDoubles(funcs.NullNaN(hi)))
	}
	return value.NewTable(names, cols)
}

// dbl is a DOUBLE scalar, NULL for NaN.
func dbl(f float64) *value.Scalar {
	if math.IsNaN(f) {
		return value.NewDouble(value.NullFloat64)
	}
	return value.NewDouble(f)
}

// meanVar is a sample's mean and unbiased variance.
func meanVar(xs []float64) (m, v float64) {
	for _, x := range xs {
		m += x
	}
	m /= float64(len(xs))
	for _, x := range xs {
		v += (x - m) * (x - m)
	}
	return m, v / float64(len(xs)-1)
}
