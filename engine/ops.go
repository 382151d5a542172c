package engine

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/porpoisedb/porpoise/sqlparse"
	"github.com/porpoisedb/porpoise/value"
)

func (in *interp) evalBinary(n *sqlparse.BinaryExpr) (value.Value, error) {
	switch strings.ToLower(n.Op) {
	case "&&", "and":
		l, err := in.eval(n.L)
		if err != nil {
			return nil, err
		}
		if s, ok := l.(*value.Scalar); ok && !s.Null && !s.Bool() {
			return value.NewBool(false), nil
		}
		r, err := in.eval(n.R)
		if err != nil {
			return nil, err
		}
		return binaryOp("&&", l, r)
	case "||", "or":
		l, err := in.eval(n.L)
		if err != nil {
			return nil, err
		}
		if s, ok := l.(*value.Scalar); ok && s.Bool() {
			return value.NewBool(true), nil
		}
		r, err := in.eval(n.R)
		if err != nil {
			return nil, err
		}
		return binaryOp("||", l, r)
	}
	l, err := in.eval(n.L)
	if err != nil {
		return nil, err
	}
	r, err := in.eval(n.R)
	if err != nil {
		return nil, err
	}
	if n.Op == ".." {
		if err := in.reserveElems(rangeLen(l, r)); err != nil {
			return nil, err
		}
	}
	return binaryOp(n.Op, l, r)
}

// operand is a scalar or vector seen as a vector, with whether it was a
// scalar (broadcast).
type operand struct {
	v      *value.Vector
	scalar bool
}

func asOperand(x value.Value) (operand, error) {
	switch t := x.(type) {
	case *value.Scalar:
		return operand{v: t.Vector(), scalar: true}, nil
	case *value.Vector:
		return operand{v: t}, nil
	case *value.Pair:
		return operand{v: t.V}, nil
	}
	return operand{}, fmt.Errorf("The operator doesn't support a %s operand.", strings.ToLower(x.Form().String()))
}

func binaryOp(op string, a, b value.Value) (value.Value, error) {
	switch strings.ToLower(op) {
	case ":":
		as, ok1 := a.(*value.Scalar)
		bs, ok2 := b.(*value.Scalar)
		if !ok1 || !ok2 {
			return nil, errors.New("The operands of a pair must be scalars.")
		}
		if as.T != bs.T && !as.Null && !bs.Null {
			t := value.Promote(as.T, bs.T)
			ac, err := value.Cast(as, t, 0)
			if err != nil {
				return nil, err
			}
			bc, err := value.Cast(bs, t, 0)
			if err != nil {
				return nil, err
			}
			as, bs = ac.(*value.Scalar), bc.(*value.Scalar)
		}
		if as.Null && !bs.Null {
			as = value.NullScalar(bs.T)
		}
		if bs.Null && !as.Null {
			bs = value.NullScalar(as.T)
		}
		return value.NewPair(as, bs), nil
	case "..":
		return rangeOp(a, b)
	case "$":
		t, scale, err := typeArg(b)
		if err != nil {
			return nil, err
		}
		return value.Cast(a, t, scale)
	case "in":
		return inOp(a, b)
	case "between":
		return builtins["between"].fn(nil, []value.Value{a, b}, nil)
	}
	if _, ok := a.(*value.Table); ok {
		return nil, fmt.Errorf("The operator %s doesn't support a table operand.", op)
	}
	x, err := asOperand(a)
	if err != nil {
		return nil, err
	}
	y, err := asOperand(b)
	if err != nil {
		return nil, err
	}
	// A VOID NULL takes the other operand's type (semantics.md §1).
	if x.scalar && x.v.T == value.Void && y.v.T != value.Void {
		x.v = nullOf(y.v)
	}
	if y.scalar && y.v.T == value.Void && x.v.T != value.Void {
		y.v = nullOf(x.v)
	}
	n := x.v.Len()
	switch {
	case x.scalar && !y.scalar:
		n = y.v.Len()
	case !x.scalar && !y.scalar && x.v.Len() != y.v.Len():
		return nil, errors.New("Incompatible vector size")
	}
	res, err := elementwise(op, x, y, n)
	if err != nil {
		return nil, err
	}
	if x.scalar && y.scalar {
		return res.At(0), nil
	}
	return res, nil
}

func idx(o operand, i int) int {
	if o.scalar {
		return 0
	}
	return i
}

func elementwise(op string, x, y operand, n int) (*value.Vector, error) {
	xt, yt := x.v.T, y.v.T
	if xt == value.Void {
		xt = yt
		x.v = value.NewNullVector(yt, x.v.Len())
	}
	if yt == value.Void {
		yt = xt
		y.v = value.NewNullVector(xt, y.v.Len())
	}
	lop := strings.ToLower(op)
	xc, yc := xt.Category(), yt.Category()
	switch {
	case xc == value.CatLiteral || yc == value.CatLiteral:
		return stringOp(lop, x, y, n)
	case xc == value.CatTemporal || yc == value.CatTemporal:
		return temporalOp(lop, x, y, n)
	}
	if !xt.IsNumeric() || !yt.IsNumeric() {
		return nil, fmt.Errorf("The operator %s doesn't support %s and %s.", op, xt, yt)
	}
	floating := xc == value.CatFloating || yc == value.CatFloating || xc == value.CatDecimal || yc == value.CatDecimal || lop == "\\"
	if floating && !isCompare(lop) && !isLogic(lop) {
		xs, xn := floats(x.v)
		ys, yn := floats(y.v)
		out := value.NewVector(value.Double, n, n)
		for i := 0; i < n; i++ {
			a, b := xs[idx(x, i)], ys[idx(y, i)]
			if xn[idx(x, i)] || yn[idx(y, i)] {
				out.F64[i] = value.NullFloat64
				continue
			}
			r, ok := floatArith(lop, a, b)
			if !ok {
				return nil, fmt.Errorf("The operator %s is not supported for floating values.", op)
			}
			if math.IsNaN(r) || math.IsInf(r, 0) {
				r = value.NullFloat64
			}
			out.F64[i] = r
		}
		if xt == value.Float && yt == value.Float {
			return value.CastVector(out, value.Float, 0)
		}
		return out, nil
	}
	if isCompare(lop) {
		if floating {
			xs, xn := floats(x.v)
			ys, yn := floats(y.v)
			return compareOrdered(lop, x, y, n, xs, ys, xn, yn), nil
		}
		xs, xn := ints(x.v)
		ys, yn := ints(y.v)
		return compareOrdered(lop, x, y, n, xs, ys, xn, yn), nil
	}
	if isLogic(lop) {
		xs, xn := floats(x.v)
		ys, yn := floats(y.v)
		out := value.NewVector(value.Bool, n, n)
		for i := 0; i < n; i++ {
			a := !xn[idx(x, i)] && xs[idx(x, i)] != 0
			b := !yn[idx(y, i)] && ys[idx(y, i)] != 0
			if lop == "&&" || lop == "and" {
				out.I8[i] = boolByte(a && b)
			} else {
				out.I8[i] = boolByte(a || b)
			}
		}
		return out, nil
	}
	rt := intResultType(xt, yt)
	xs, xn := ints(x.v)
	ys, yn := ints(y.v)
	out := make([]int64, n)
	nulls := make([]bool, n)
	for i := 0; i < n; i++ {
		if xn[idx(x, i)] || yn[idx(y, i)] {
			nulls[i] = true
			continue
		}
		r, ok, err := intArith(lop, xs[idx(x, i)], ys[idx(y, i)])
		if err != nil {
			return nil, err
		}
		if !ok {
			nulls[i] = true
			continue
		}
		out[i] = r
	}
	return fromInt64s(rt, out, nulls), nil
}

func isCompare(op string) bool {
	switch op {
	case "<", "<=", ">", ">=", "==", "=", "!=", "<>":
		return true
	}
	return false
}

func isLogic(op string) bool {
	switch op {
	case "&&", "||", "and", "or":
		return true
	}
	return false
}

func compareResult(op string, c int) bool {
	switch op {
	case "<":
		return c < 0
	case "<=":
		return c <= 0
	case ">":
		return c > 0
	case ">=":
		return c >= 0
	case "==", "=":
		return c == 0
	}
	return c != 0
}

// cmpNullable orders NULL before every value, as DolphinDB does.
func cmpNullable(an, bn bool, cmp func() int) int {
	switch {
	case an && bn:
		return 0
	case an:
		return -1
	case bn:
		return 1
	}
	return cmp()
}

// compareOrdered applies a comparison operator element-wise over numbers
// read by ints/floats (with their NULL flags), broadcasting scalars.
func compareOrdered[T int64 | float64](op string, x, y operand, n int, xs, ys []T, xn, yn []bool) *value.Vector {
	out := value.NewVector(value.Bool, n, n)
	for i := 0; i < n; i++ {
		xi, yi := idx(x, i), idx(y, i)
		c := cmpNullable(xn[xi], yn[yi], func() int { return cmp.Compare(xs[xi], ys[yi]) })
		out.I8[i] = boolByte(compareResult(op, c))
	}
	return out
}

func boolByte(b bool) int8 {
	if b {
		return 1
	}
	return 0
}

func intResultType(a, b value.Type) value.Type {
	w := func(t value.Type) int {
		switch t {
		case value.Long:
			return 3
		}
		return 2
	}
	if w(a) == 3 || w(b) == 3 {
		return value.Long
	}
	return value.Int
}

func intArith(op string, a, b int64) (int64, bool, error) {
	switch op {
	case "+":
		return a + b, true, nil
	case "-":
		return a - b, true, nil
	case "*":
		return a * b, true, nil
	case "/":
		if b == 0 {
			return 0, false, nil
		}
		q := a / b
		if (a%b != 0) && ((a < 0) != (b < 0)) {
			q--
		}
		return q, true, nil
	case "%":
		if b == 0 {
			return 0, false, nil
		}
		m := a % b
		if m != 0 && ((m < 0) != (b < 0)) {
			m += b
		}
		return m, true, nil
	case "&":
		return a & b, true, nil
	case "|":
		return a | b, true, nil
	case "^":
		return a ^ b, true, nil
	case "<<":
		return a << uint(b), true, nil
	case ">>":
		return a >> uint(b), true, nil
	}
	return 0, false, fmt.Errorf("The operator %s is not supported for integers.", op)
}

func floatArith(op string, a, b float64) (float64, bool) {
	switch op {
	case "+":
		return a + b, true
	case "-":
		return a - b, true
	case "*":
		return a * b, true
	case "/", "\\":
		if b == 0 {
			return math.NaN(), true
		}
		return a / b, true
	case "%":
		if b == 0 {
			return math.NaN(), true
		}
		return a - math.Floor(a/b)*b, true
	}
	return 0, false
}

// ints reads a numeric or temporal vector as int64s with NULL flags.
func ints(v *value.Vector) ([]int64, []bool) {
	n := v.Len()
	out := make([]int64, n)
	nulls := make([]bool, n)
	for i := 0; i < n; i++ {
		if v.IsNull(i) {
			nulls[i] = true
			continue
		}
		switch v.T.Storage() {
		case value.StInt8:
			out[i] = int64(v.I8[i])
		case value.StInt16:
			out[i] = int64(v.I16[i])
		case value.StInt32:
			out[i] = int64(v.I32[i])
		case value.StInt64:
			out[i] = v.I64[i]
		case value.StFloat32:
			out[i] = int64(math.Round(float64(v.F32[i])))
		case value.StFloat64:
			out[i] = int64(math.Round(v.F64[i]))
		}
	}
	return out, nulls
}

// floats reads a numeric vector as float64s with NULL flags.
func floats(v *value.Vector) ([]float64, []bool) {
	n := v.Len()
	out := make([]float64, n)
	nulls := make([]bool, n)
	for i := 0; i < n; i++ {
		if v.IsNull(i) {
			nulls[i] = true
			continue
		}
		out[i] = v.At(i).Float64()
	}
	return out, nulls
}

// fromInt64s builds a vector of an integer-backed type from int64s.
func fromInt64s(t value.Type, xs []int64, nulls []bool) *value.Vector {
	out := value.NewVector(t, 0, len(xs))
	for i, x := range xs {
		if nulls != nil && nulls[i] {
			out.AppendNull()
			continue
		}
		out.AppendScalar(value.NewTyped(t, x))
	}
	return out
}

func stringOp(op string, x, y operand, n int) (*value.Vector, error) {
	str := func(o operand, i int) (string, bool) {
		v := o.v
		j := idx(o, i)
		if v.IsNull(j) {
			return "", true
		}
		if v.T.Category() == value.CatLiteral {
			return v.Str[j], false
		}
		return v.FormatElem(j), false
	}
	switch {
	case op == "+":
		out := value.NewVector(value.String, n, n)
		for i := 0; i < n; i++ {
			a, _ := str(x, i)
			b, _ := str(y, i)
			out.Str[i] = a + b
		}
		return out, nil
	case isCompare(op):
		out := value.NewVector(value.Bool, n, n)
		for i := 0; i < n; i++ {
			a, an := str(x, i)
			b, bn := str(y, i)
			c := cmpNullable(an, bn, func() int { return strings.Compare(a, b) })
			out.I8[i] = boolByte(compareResult(op, c))
		}
		return out, nil
	case op == "like" || op == "ilike":
		out := value.NewVector(value.Bool, n, n)
		for i := 0; i < n; i++ {
			a, _ := str(x, i)
			b, _ := str(y, i)
			if op == "ilike" {
				a, b = strings.ToLower(a), strings.ToLower(b)
			}
			out.I8[i] = boolByte(likeMatch(a, b))
		}
		return out, nil
	}
	return nil, fmt.Errorf("The operator %s is not supported for %s and %s.", op, x.v.T, y.v.T)
}

// likeMatch implements SQL LIKE with % (any run) and _ (one character).
func likeMatch(s, p string) bool {
	if p == "" {
		return s == ""
	}
	switch p[0] {
	case '%':
		for i := 0; i <= len(s); i++ {
			if likeMatch(s[i:], p[1:]) {
				return true
			}
		}
		return false
	case '_':
		return s != "" && likeMatch(s[1:], p[1:])
	}
	return s != "" && s[0] == p[0] && likeMatch(s[1:], p[1:])
}

func temporalOp(op string, x, y operand, n int) (*value.Vector, error) {
	xt, yt := x.v.T, y.v.T
	xTemp, yTemp := xt.IsTemporal(), yt.IsTemporal()
	if isCompare(op) {
		if xTemp && yTemp && xt != yt {
			conv, err := value.CastVector(y.v, xt, 0)
			if err != nil {
				return nil, err
			}
			y.v = conv
		}
		xs, xn := ints(x.v)
		ys, yn := ints(y.v)
		return compareOrdered(op, x, y, n, xs, ys, xn, yn), nil
	}
	rt := xt
	switch {
	case xTemp && yTemp:
		if op != "-" {
			return nil, fmt.Errorf("The operator %s is not supported between %s and %s.", op, xt, yt)
		}
		if xt != yt {
			conv, err := value.CastVector(y.v, xt, 0)
			if err != nil {
				return nil, err
			}
			y.v = conv
		}
		rt = value.Int
		if xt.Storage() == value.StInt64 {
			rt = value.Long
		}
	case yTemp:
		if op != "+" {
			return nil, fmt.Errorf("The operator %s is not supported between %s and %s.", op, xt, yt)
		}
		x, y = y, x
		rt = yt
	default:
		if op != "+" && op != "-" {
			return nil, fmt.Errorf("The operator %s is not supported between %s and %s.", op, xt, yt)
		}
		if y.v.T.Category() != value.CatIntegral && y.v.T != value.Bool {
			return nil, fmt.Errorf("The operator %s is not supported between %s and %s.", op, xt, yt)
		}
	}
	xs, xn := ints(x.v)
	ys, yn := ints(y.v)
	out := make([]int64, n)
	nulls := make([]bool, n)
	for i := 0; i < n; i++ {
		if xn[idx(x, i)] || yn[idx(y, i)] {
			nulls[i] = true
			continue
		}
		a, b := xs[idx(x, i)], ys[idx(y, i)]
		if op == "-" {
			out[i] = a - b
		} else {
			out[i] = a + b
		}
		out[i] = wrapTemporal(rt, out[i])
	}
	return fromInt64s(rt, out, nulls), nil
}

// wrapTemporal keeps time-of-day types within one day, as DolphinDB does
// (23:59:59 + 1 is 00:00:00).
func wrapTemporal(t value.Type, x int64) int64 {
	mod := int64(0)
	switch t {
	case value.Second:
		mod = 86400
	case value.Minute:
		mod = 1440
	case value.Time:
		mod = 86400000
	case value.NanoTime:
		mod = 86400000000000
	}
	if mod == 0 {
		return x
	}
	x %= mod
	if x < 0 {
		x += mod
	}
	return x
}

func unaryOp(op string, x value.Value) (value.Value, error) {
	switch strings.ToLower(op) {
	case "-":
		return binaryOp("*", x, negOne(x))
	case "!", "not":
		o, err := asOperand(x)
		if err != nil {
			return nil, err
		}
		n := o.v.Len()
		out := value.NewVector(value.Bool, n, n)
		for i := 0; i < n; i++ {
			if o.v.IsNull(i) {
				out.I8[i] = value.NullInt8
				continue
			}
			out.I8[i] = boolByte(!o.v.At(i).Bool())
		}
		if o.scalar {
			return out.At(0), nil
		}
		return out, nil
	case "~":
		return binaryOp("^", x, value.NewLong(-1))
	}
	return nil, fmt.Errorf("unsupported unary operator %s", op)
}

func negOne(x value.Value) value.Value {
	if x.Type() == value.Double || x.Type() == value.Float {
		return value.NewDouble(-1)
	}
	if x.Type() == value.Long {
		return value.NewLong(-1)
	}
	return value.NewInt(-1)
}

// rangeOp is a..b: the integers (or temporal steps) from a to b inclusive.
func rangeOp(a, b value.Value) (value.Value, error) {
	as, ok1 := a.(*value.Scalar)
	bs, ok2 := b.(*value.Scalar)
	if !ok1 || !ok2 || as.Null || bs.Null {
		return nil, errors.New("The operands of .. must be non-null integral or temporal scalars.")
	}
	t := as.T
	if bs.T != t {
		if as.T.IsTemporal() {
			c, err := value.Cast(bs, t, 0)
			if err != nil {
				return nil, err
			}
			bs = c.(*value.Scalar)
		} else {
			t = value.Promote(as.T, bs.T)
		}
	}
	if t.Category() != value.CatIntegral && !t.IsTemporal() {
		return nil, errors.New("The operands of .. must be integral or temporal.")
	}
	lo, _ := as.Int64()
	hi, _ := bs.Int64()
	step := int64(1)
	if hi < lo {
		step = -1
	}
	n := (hi-lo)/step + 1
	if n > 1<<31 {
		return nil, errors.New("The range is too large.")
	}
	if t == value.Char || t == value.Short {
		t = value.Int
	}
	out := value.NewVector(t, 0, int(n))
	for x := lo; ; x += step {
		out.AppendScalar(value.NewTyped(t, x))
		if x == hi {
			break
		}
	}
	return out, nil
}

// inOp is a in b: per element of a, whether it is in b (a vector, set or
// dictionary's keys).
func inOp(a, b value.Value) (value.Value, error) {
	var set *value.Set
	switch t := b.(type) {
	case *value.Set:
		set = t
	case *value.Vector:
		set = value.NewSet(t)
	case *value.Scalar:
		set = value.NewSet(t.Vector())
	case *value.Pair:
		set = value.NewSet(t.V)
	case *value.Dict:
		set = value.NewSet(t.Keys)
	default:
		return nil, errors.New("The right operand of in must be a vector, set or dictionary.")
	}
	o, err := asOperand(a)
	if err != nil {
		return nil, err
	}
	probe := o.v
	if probe.T != set.V.T {
		if probe.T.Category() == value.CatLiteral && set.V.T.Category() == value.CatLiteral {
			probe = &value.Vector{T: set.V.T, Str: probe.Str}
		} else if c, err := value.CastVector(probe, set.V.T, set.V.Scale); err == nil {
			probe = c
		}
	}
	n := probe.Len()
	out := value.NewVector(value.Bool, n, n)
	for i := 0; i < n; i++ {
		out.I8[i] = boolByte(probe.T == set.V.T && set.Contains(probe, i))
	}
	if o.scalar {
		return out.At(0), nil
	}
	return out, nil
}

// truth is the boolean value of a condition (a scalar).
func truth(v value.Value) (bool, error) {
	switch t := v.(type) {
	case *value.Scalar:
		return t.Bool(), nil
	case *value.Vector:
		if t.Len() == 1 {
			return t.At(0).Bool(), nil
		}
	}
	return false, errors.New("A condition must be a boolean scalar.")
}

// nullOf is a one-element NULL vector of like's type.
func nullOf(like *value.Vector) *value.Vector {
	v := value.NewNullVector(like.T, 1)
	v.Scale = like.Scale
	return v
}
