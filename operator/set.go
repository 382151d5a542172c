package operator

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/kernel"
)

// setOp is an operator between two sets (sub.md, eq.md, lt.md, gt.md,
// intersectionsetbitAnd.md, unionsetbitOr.md,
// symmetricDifferencesetbitXor.md): & intersection, | union, ^ symmetric
// difference, - difference; == equality, != inequality, < proper subset,
// <= subset, > proper superset, >= superset.
func setOp(kop kernel.Op, op string, x, y *value.Set) (value.Value, error) {
	if x.V.T != y.V.T {
		return nil, ddberr.Errorf("The operator %s requires two sets of the same type.", op)
	}
	xInY, yInX := members(x.V, y), members(y.V, x)
	nx, ny := x.V.Len(), y.V.Len()
	switch kop {
	case kernel.OpBitAnd:
		return value.NewSet(x.V.Filter(xInY)), nil
	case kernel.OpSub:
		return value.NewSet(x.V.Filter(not(xInY))), nil
	case kernel.OpBitOr:
		out := value.NewSet(x.V)
		out.AddVector(y.V)
		return out, nil
	case kernel.OpBitXor:
		out := value.NewSet(x.V.Filter(not(xInY)))
		out.AddVector(y.V.Filter(not(yInX)))
		return out, nil
	}
	xSubY, ySubX := all(xInY), all(yInX)
	switch kop {
	case kernel.OpEq:
		return value.NewBool(xSubY && ySubX), nil
	case kernel.OpNe:
		return value.NewBool(!(xSubY && ySubX)), nil
	case kernel.OpLt:
		return value.NewBool(xSubY && nx < ny), nil
	case kernel.OpLe:
		return value.NewBool(xSubY), nil
	case kernel.OpGt:
		return value.NewBool(ySubX && ny < nx), nil
	case kernel.OpGe:
		return value.NewBool(ySubX), nil
	}
	return nil, ddberr.Errorf("The operator %s doesn't support sets.", op)
}

// members flags which elements of v are in s.
func members(v *value.Vector, s *value.Set) []bool {
	pos := s.LookupAll(v)
	out := make([]bool, len(pos))
	for i, p := range pos {
		out[i] = p >= 0
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
