package fit

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// predictSpec declares the predict function a model holds: called as
// predict(model, X) or model.predict(X).
func predictSpec(name string, fn funcs.Impl) *funcs.Spec {
	return &funcs.Spec{Name: name, Params: []string{"model", "X"}, Min: 2, Max: 2, Props: funcs.Pure, Category: "statistics", Fn: fn}
}

// modelDict is a model dictionary: STRING keys, any values.
func modelDict(keys []string, vals []value.Value) *value.Dict {
	return funcs.DictOf(value.NewStrings(value.String, keys), value.NewTuple(vals))
}

// modelField is a model dictionary's entry, nil when it has none.
func modelField(model value.Value, key string) value.Value {
	d, ok := model.(*value.Dict)
	if !ok || d.Keys.T != value.String {
		return nil
	}
	return d.Get(value.NewStrings(value.String, []string{key}), 0)
}

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
