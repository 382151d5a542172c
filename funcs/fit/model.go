package fit

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// numbers is a numeric vector without NULLs as float64s; ok is false for
// anything else.
func numbers(x value.Value) ([]float64, bool) {
	v, ok := x.(*value.Vector)
	if !ok || !funcs.IsNumericVec(v) || v.T == value.Void || v.HasNull() {
		return nil, false
	}
	xs, err := funcs.DoublesOf("fit", v)
	return xs, err == nil
}

// numbersAlongX reads x, fn's argument name, as numbers as many as X's n.
func numbersAlongX(fn, name string, x value.Value, n int) ([]float64, error) {
	v, ok := numbers(x)
	if !ok || len(v) != n {
		return nil, ddberr.Errorf("%s of %s must be a numeric vector as long as X without NULL values.", name, fn)
	}
	return v, nil
}

// errBadModel is predict's error for a dictionary that is not the model
// it expects.
func errBadModel() error {
	return ddberr.Errorf("The model of predict must be a dictionary holding a predict function.")
}
