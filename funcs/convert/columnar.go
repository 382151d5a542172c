package convert

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// Columnar tuples (progr/data_types_forms/columnarTuple.md): a tuple of
// vectors or scalars of one type, marked to be read by column as an array
// vector is (package access reads it).

// xisColumnarTuple is isColumnarTuple(X).
func xisColumnarTuple(_ funcs.Env, args []value.Value) (value.Value, error) {
	v, ok := args[0].(*value.Vector)
	return value.NewBool(ok && v.T == value.Any && v.Columnar), nil
}

// xsetColumnarTuple is setColumnarTuple!(X, [on=true]): it marks the
// tuple X columnar, or with on=false plain again, in place.
func xsetColumnarTuple(_ funcs.Env, args []value.Value) (value.Value, error) {
	v, ok := args[0].(*value.Vector)
	if !ok || v.T != value.Any {
		return nil, ddberr.Errorf("The argument [X] of setColumnarTuple! must be a tuple.")
	}
	on, err := funcs.BoolArg("setColumnarTuple!", "on", funcs.Arg(args, 1), true)
	if err != nil {
		return nil, err
	}
	if on && !v.ColumnarRows() {
		return nil, ddberr.Errorf("The elements of a columnar tuple must be vectors or scalars of the same type.")
	}
	v.Columnar = on
	return v, nil
}
