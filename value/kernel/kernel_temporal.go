package kernel

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// temporalKernel is an operator with a temporal side: comparisons (the
// right side converted to the left's temporal type), temporal ± integral
// (same temporal type; time-of-day types wrap within a day, 23:59:59 + 1
// is 00:00:00), temporal - temporal and temporal % integral (INT, LONG for
// 64-bit types; 01:02:03.456 mod 1000 is 456, temp_obj_mani.md).
func temporalKernel(op Op, x, y Operand, n int) (*value.Vector, error) {
	xt, yt := x.V.T, y.V.T
	xTemp, yTemp := xt.IsTemporal(), yt.IsTemporal()
	unsupported := func() error {
		return ddberr.Errorf("The operator %s is not supported between %s and %s.", op, xt, yt)
	}
	if op.IsCompare() {
		if xTemp && yTemp && xt != yt {
			var err error
			if y, err = castOperand(y, xt); err != nil {
				return nil, err
			}
		}
		xr, yr := Operand{V: RawView(x.V), Scalar: x.Scalar}, Operand{V: RawView(y.V), Scalar: y.Scalar}
		return numericCompare(op, xr, yr, n)
	}
	rt := xt
	switch {
	case xTemp && yTemp && op == OpAdd && xt == yt:
		// the manual's stream examples build times as
		// 2018.10.08T01:01:01.001 + timestamp(1..n): two values of one
		// temporal type add their counts
	case xTemp && yTemp:
		if op != OpSub {
			return nil, unsupported()
		}
		if xt != yt {
			var err error
			if y, err = castOperand(y, xt); err != nil {
				return nil, err
			}
		}
		rt = value.Int
		if xt.Storage() == value.StInt64 {
			rt = value.Long
		}
	case yTemp:
		if op != OpAdd || !integralOrBool(xt) {
			return nil, unsupported()
		}
		x, y = y, x
		rt = yt
	case op == OpMod:
		if !integralOrBool(yt) {
			return nil, unsupported()
		}
		rt = value.Int
		if xt.Storage() == value.StInt64 {
			rt = value.Long
		}
	default:
		if (op != OpAdd && op != OpSub) || !integralOrBool(yt) {
			return nil, unsupported()
		}
	}
	// Compute on the raw counts in the temporal side's storage width.
	w := value.Int
	if x.V.T.Storage() == value.StInt64 {
		w = value.Long
	}
	xr, yr, err := castOperands(Operand{V: RawView(x.V), Scalar: x.Scalar}, Operand{V: RawView(y.V), Scalar: y.Scalar}, w)
	if err != nil {
		return nil, err
	}
	out := value.NewVector(w, n, n)
	if w == value.Long {
		intArith(op, out.I64, xr.V.I64, yr.V.I64, mask(xr), mask(yr), value.NullInt64)
		wrapDay(out.I64, cast.TimeOfDayUnits(rt), value.NullInt64)
	} else {
		intArith(op, out.I32, xr.V.I32, yr.V.I32, mask(xr), mask(yr), value.NullInt32)
		wrapDay(out.I32, cast.TimeOfDayUnits(rt), value.NullInt32)
	}
	out.T = rt
	return out, nil
}

func integralOrBool(t value.Type) bool { return t.Category() == value.CatIntegral || t == value.Bool }

func wrapDay[T kernelInt](xs []T, mod int64, null T) {
	if mod == 0 {
		return
	}
	m := T(mod)
	for i, x := range xs {
		if x == null {
			continue
		}
		x %= m
		if x < 0 {
			x += m
		}
		xs[i] = x
	}
}
