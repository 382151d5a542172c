package kernel

import (
	"bytes"
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/value"
)

type kernelNum interface {
	~int8 | ~int16 | ~int32 | ~int64 | ~float32 | ~float64
}

// numericCompare compares two numeric operands. Same-typed operands compare
// in their own storage; otherwise integral sides compare as INT/LONG, a
// DECIMAL with a DECIMAL or an integer exactly (decimalCompare), and
// anything with a floating side as DOUBLE. Integral NULL sentinels are
// their type's minimum, so NULL sorts first and two NULLs are equal, as
// DolphinDB orders them.
func numericCompare(op Op, x, y Operand, n int) (*value.Vector, error) {
	xt, yt := x.V.T, y.V.T
	if xt != yt || (xt.IsDecimal() && x.V.Scale != y.V.Scale) {
		if (xt.IsDecimal() || yt.IsDecimal()) && exactWithDecimal(xt) && exactWithDecimal(yt) {
			return decimalCompare(op, x, y, n), nil
		}
		t := value.Double
		xc, yc := xt.Category(), yt.Category()
		intLike := func(c value.Category) bool { return c == value.CatIntegral || c == value.CatLogical }
		switch {
		case intLike(xc) && intLike(yc):
			t = value.Int
			if xt == value.Long || yt == value.Long {
				t = value.Long
			}
		case xt == value.Float && yt == value.Float:
			t = value.Float
		}
		var err error
		if x, y, err = castOperands(x, y, t); err != nil {
			return nil, err
		}
	}
	out := value.NewVector(value.Bool, n, n)
	compareStorage(op, out.I8, x, y)
	return out, nil
}

// compareStorage compares two operands of the same storage.
func compareStorage(op Op, out []int8, x, y Operand) {
	ma, mb := mask(x), mask(y)
	switch x.V.T.Storage() {
	case value.StInt8:
		cmpLoop(op, out, x.V.I8, y.V.I8, ma, mb, value.NullInt8)
	case value.StInt16:
		cmpLoop(op, out, x.V.I16, y.V.I16, ma, mb, value.NullInt16)
	case value.StInt32:
		cmpLoop(op, out, x.V.I32, y.V.I32, ma, mb, value.NullInt32)
	case value.StInt64:
		cmpLoop(op, out, x.V.I64, y.V.I64, ma, mb, value.NullInt64)
	case value.StFloat32:
		cmpLoop(op, out, x.V.F32, y.V.F32, ma, mb, value.NullFloat32)
	case value.StFloat64:
		cmpLoop(op, out, x.V.F64, y.V.F64, ma, mb, value.NullFloat64)
	case value.StBytes16: // DECIMAL128s of one scale
		cmpInt128(op, out, x, y)
	}
}

// cmpLoop writes a op b as BOOL bytes. A floating NaN counts as NULL.
func cmpLoop[T kernelNum](op Op, out []int8, a, b []T, ma, mb int, null T) {
	broadcast(out, a, b, ma, mb, func(out []int8, a, b []T) { cmpLoopVV(op, out, a, b, null) })
}

// cmpLoopVV is cmpLoop over equal-length slices.
func cmpLoopVV[T kernelNum](op Op, out []int8, a, b []T, null T) {
	a, b = a[:len(out)], b[:len(out)]
	switch op {
	case OpEq:
		cmpEach(out, a, b, null, func(x, y T) bool { return x == y })
	case OpNe:
		cmpEach(out, a, b, null, func(x, y T) bool { return x != y })
	case OpLt:
		cmpEach(out, a, b, null, func(x, y T) bool { return x < y })
	case OpLe:
		cmpEach(out, a, b, null, func(x, y T) bool { return x <= y })
	case OpGt:
		cmpEach(out, a, b, null, func(x, y T) bool { return x > y })
	case OpGe:
		cmpEach(out, a, b, null, func(x, y T) bool { return x >= y })
	}
}

// cmpEach writes cmp(a[i], b[i]) as BOOL bytes, a NaN read as NULL. It is
// small enough to inline, and cmp with it, so each operator stays one
// typed loop.
func cmpEach[T kernelNum](out []int8, a, b []T, null T, cmp func(x, y T) bool) {
	for i := range out {
		x, y := a[i], b[i]
		if x != x {
			x = null
		}
		if y != y {
			y = null
		}
		out[i] = BoolAs[int8](cmp(x, y))
	}
}

func cmpResult(op Op, c int) bool {
	switch op {
	case OpEq:
		return c == 0
	case OpNe:
		return c != 0
	case OpLt:
		return c < 0
	case OpLe:
		return c <= 0
	case OpGt:
		return c > 0
	}
	return c >= 0
}

// literalText is an operand's elements as text: a literal vector's own
// strings, any other vector formatted as DolphinDB prints its elements
// (NULL as the empty string).
func literalText(v *value.Vector) []string {
	if v.T.Category() == value.CatLiteral {
		return v.Strings()
	}
	out := make([]string, v.Len())
	for i := range out {
		if !v.IsNull(i) {
			out[i] = v.FormatElem(i)
		}
	}
	return out
}

// literalKernel is + (concatenation) and the comparisons with a STRING,
// SYMBOL or BLOB side; strings compare bytewise and the empty string (NULL)
// sorts first.
func literalKernel(op Op, x, y Operand, n int) (*value.Vector, error) {
	if op == OpEq || op == OpNe {
		if out, ok := codedEquality(op == OpEq, x, y, n); ok {
			return out, nil
		}
	}
	if op.IsCompare() {
		if out, ok := codedPerSymbol(x, y, n, func(a, b string) bool { return cmpResult(op, strings.Compare(a, b)) }); ok {
			return out, nil
		}
	}
	a, b := literalText(x.V), literalText(y.V)
	ma, mb := mask(x), mask(y)
	switch {
	case op == OpAdd:
		out := value.NewVector(value.String, n, n)
		for i := range out.Str {
			out.Str[i] = a[i&ma] + b[i&mb]
		}
		return out, nil
	case op.IsCompare():
		out := value.NewVector(value.Bool, n, n)
		o := out.I8
		switch op {
		case OpEq:
			// String equality checks lengths first: much cheaper than an
			// ordering comparison for the common sym = `A filter.
			for i := range o {
				o[i] = BoolAs[int8](a[i&ma] == b[i&mb])
			}
		case OpNe:
			for i := range o {
				o[i] = BoolAs[int8](a[i&ma] != b[i&mb])
			}
		default:
			for i := range o {
				o[i] = BoolAs[int8](cmpResult(op, strings.Compare(a[i&ma], b[i&mb])))
			}
		}
		return out, nil
	}
	if op == OpDiv {
		return nil, ddberr.Errorf("Arguments for div method can not be string.")
	}
	return nil, ddberr.Errorf("The operator %s is not supported for %s and %s.", op, x.V.T, y.V.T)
}

// codedEquality is = (eq) or != with a coded SYMBOL side, compared on
// int32 codes: a literal constant on the other side is looked up in the
// base once, a vector sharing the base compares code to code. ok is false
// when neither applies.
func codedEquality(eq bool, x, y Operand, n int) (*value.Vector, bool) {
	if x.V.Syms == nil {
		x, y = y, x
	}
	xc, _, ok := x.V.SymbolCodes()
	if !ok || y.V.T.Category() != value.CatLiteral {
		return nil, false
	}
	out := value.NewVector(value.Bool, n, n)
	o := out.I8
	switch {
	case y.Scalar && !x.Scalar:
		c, found := x.V.Syms.Code(y.V.StrAt(0))
		if !found {
			c = -1 // no row holds it
		}
		for i, xi := range xc[:n] {
			o[i] = BoolAs[int8]((xi == c) == eq)
		}
	case y.V.Syms == x.V.Syms:
		yc, ma, mb := y.V.I32, mask(x), mask(y)
		for i := range o {
			o[i] = BoolAs[int8]((xc[i&ma] == yc[i&mb]) == eq)
		}
	default:
		return nil, false
	}
	return out, true
}

// codedPerSymbol evaluates f, given the texts of an x and a y element,
// once per symbol when one operand is a coded SYMBOL vector with a compact
// base and the other a scalar, then reads each row's answer by its code;
// ok is false for other operands.
func codedPerSymbol(x, y Operand, n int, f func(a, b string) bool) (*value.Vector, bool) {
	coded, other, swap := x, y, false
	if coded.V.Syms == nil {
		coded, other, swap = y, x, true
	}
	if coded.Scalar || !other.Scalar {
		return nil, false
	}
	codes, base, ok := coded.V.CompactSymbolCodes()
	if !ok {
		return nil, false
	}
	s := literalText(other.V)[0]
	hit := make([]int8, len(base))
	for c, t := range base {
		if swap {
			hit[c] = BoolAs[int8](f(s, t))
		} else {
			hit[c] = BoolAs[int8](f(t, s))
		}
	}
	out := value.NewVector(value.Bool, n, n)
	for i, c := range codes[:n] {
		out.I8[i] = hit[c]
	}
	return out, true
}

// likeKernel is SQL LIKE / ILIKE with % (any run) and _ (one character).
func likeKernel(op Op, x, y Operand, n int) (*value.Vector, error) {
	match := LikeMatch
	if op == OpILike {
		match = func(s, p string) bool { return LikeMatch(strings.ToLower(s), strings.ToLower(p)) }
	}
	if out, ok := codedPerSymbol(x, y, n, match); ok {
		return out, nil
	}
	a, b := literalText(x.V), literalText(y.V)
	ma, mb := mask(x), mask(y)
	out := value.NewVector(value.Bool, n, n)
	for i := range out.I8 {
		out.I8[i] = BoolAs[int8](match(a[i&ma], b[i&mb]))
	}
	return out, nil
}

// LikeMatch implements DolphinDB's LIKE: % matches any run of characters
// and ? any one character (progr/sql/like.md). The other wildcard
// filters (restore's partition, getRecentJobs' job id, the chunk
// listings, defs) match with it too.
func LikeMatch(s, p string) bool {
	// Iterative matching with one backtrack point for the last %, so long
	// patterns cost O(len(s)*len(p)) at worst and never recurse.
	si, pi := 0, 0
	star, mark := -1, 0
	for si < len(s) {
		switch {
		case pi < len(p) && p[pi] == '%':
			star, mark = pi, si
			pi++
		case pi < len(p) && (p[pi] == '?' || p[pi] == s[si]):
			si++
			pi++
		case star >= 0:
			pi = star + 1
			mark++
			si = mark
		default:
			return false
		}
	}
	for pi < len(p) && p[pi] == '%' {
		pi++
	}
	return pi == len(p)
}

// bytesEqual is == / != between two operands of one 16-byte type: UUID,
// IPADDR and INT128 as bytes, COMPLEX and POINT as their pair of doubles.
func bytesEqual(op Op, x, y Operand, n int) *value.Vector {
	ma, mb := mask(x), mask(y)
	out := value.NewVector(value.Bool, n, n)
	if x.V.T.Storage() == value.StPair2F64 {
		a, b := x.V.F64, y.V.F64
		for i := range out.I8 {
			ia, ib := 2*(i&ma), 2*(i&mb)
			eq := a[ia] == b[ib] && a[ia+1] == b[ib+1]
			out.I8[i] = BoolAs[int8](eq == (op == OpEq))
		}
		return out
	}
	for i := range out.I8 {
		eq := bytes.Equal(x.V.B16[i&ma][:], y.V.B16[i&mb][:])
		out.I8[i] = BoolAs[int8](eq == (op == OpEq))
	}
	return out
}
