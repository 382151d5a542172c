package mathfn

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// xor is element-wise logical exclusive or: 1 where exactly one of X and
// Y is non-zero. The "xor" page prints its results as numbers (1 xor 0 is
// 1), so the result is INT; NULL in either operand gives NULL. Tables go
// column by column.
func xor(env funcs.Env, args []value.Value) (value.Value, error) {
	if t, ok := args[0].(*value.Table); ok {
		return funcs.MapForms("xor", t, func(c *value.Vector) (*value.Vector, error) {
			y := args[1]
			if yt, ok := y.(*value.Table); ok {
				y = yt.Column(t.Names[indexOfCol(t, c)])
			}
			r, err := xor(env, []value.Value{c, y})
			if err != nil {
				return nil, err
			}
			return r.(*value.Vector), nil
		})
	}
	xv, yv, n, wrap, err := Broadcast2("xor", args[0], args[1])
	if err != nil {
		return nil, err
	}
	if !funcs.IsNumericVec(xv) || !funcs.IsNumericVec(yv) {
		return nil, ddberr.Errorf("The arguments of xor must be logical or numeric.")
	}
	xs, _ := funcs.DoublesOf("xor", xv)
	ys, _ := funcs.DoublesOf("xor", yv)
	out := pairwise(xs, ys, n, value.NullInt32, func(a, b float64) int32 {
		if (a != 0) != (b != 0) {
			return 1
		}
		return 0
	})
	return wrap(value.NewInts(out)), nil
}

// indexOfCol finds the position of column c (by identity) in t.
func indexOfCol(t *value.Table, c *value.Vector) int {
	for i, x := range t.Cols {
		if x == c {
			return i
		}
	}
	return 0
}
