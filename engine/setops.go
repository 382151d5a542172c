package engine

import (
	"fmt"

	"github.com/porpoisedb/porpoise/value"
)

// setOp is an operator between two sets (sub.md, eq.md, lt.md, gt.md,
// intersectionsetbitAnd.md, unionsetbitOr.md,
// symmetricDifferencesetbitXor.md): & intersection, | union, ^ symmetric
// difference, - difference; == equality, != inequality, < proper subset,
// <= subset, > proper superset, >= superset.
func setOp(kop value.Op, op string, x, y *value.Set) (value.Value, error) {
	if x.V.T != y.V.T {
		return nil, fmt.Errorf("The operator %s requires two sets of the same type.", op)
	}
	xInY, yInX := members(x.V, y), members(y.V, x)
	nx, ny := x.V.Len(), y.V.Len()
	switch kop {
	case value.OpBitAnd:
		return value.NewSet(x.V.Filter(xInY)), nil
	case value.OpSub:
		return value.NewSet(x.V.Filter(not(xInY))), nil
	case value.OpBitOr:
		out := value.NewSet(x.V)
		out.AddVector(y.V)
		return out, nil
	case value.OpBitXor:
		out := value.NewSet(x.V.Filter(not(xInY)))
		out.AddVector(y.V.Filter(not(yInX)))
		return out, nil
	}
	xSubY, ySubX := all(xInY), all(yInX)
	switch kop {
	case value.OpEq:
		return value.NewBool(xSubY && ySubX), nil
	case value.OpNe:
		return value.NewBool(!(xSubY && ySubX)), nil
	case value.OpLt:
		return value.NewBool(xSubY && nx < ny), nil
	case value.OpLe:
		return value.NewBool(xSubY), nil
	case value.OpGt:
		return value.NewBool(ySubX && ny < nx), nil
	case value.OpGe:
		return value.NewBool(ySubX), nil
	}
	return nil, fmt.Errorf("The operator %s doesn't support sets.", op)
}

// members flags which elements of v are in s.
func members(v *value.Vector, s *value.Set) []bool {
	out := make([]bool, v.Len())
	for i := range out {
		out[i] = s.Contains(v, i)
	}
	return out
}

func not(bs []bool) []bool {
	out := make([]bool, len(bs))
	for i, b := range bs {
		out[i] = !b
	}
	return out
}

func all(bs []bool) bool {
	for _, b := range bs {
		if !b {
			return false
		}
	}
	return true
}
