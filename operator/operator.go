package operator

import (
	"fmt"
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/distinct"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/indexed"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
	"github.com/porpoisedb/porpoise/value/iotany"
	"github.com/porpoisedb/porpoise/value/kernel"
)

// operand is a scalar or vector seen as a vector, with whether it was a
// scalar (broadcast).
type operand struct {
	v      *value.Vector
	scalar bool
}

func asOperand(x value.Value) (operand, error) {
	v, scalar, err := funcs.Operand(x)
	return operand{v: v, scalar: scalar}, err
}

// orNothing is v, or Nothing for the missing value of a built-in that
// returns none (print(1) + 1): an operand is never absent.
func orNothing(v value.Value) value.Value {
	if v == nil {
		return value.NewNothing()
	}
	return v
}

// Binary applies the binary operator op (DolphinDB spelling) to a and b.
func Binary(op string, a, b value.Value) (value.Value, error) {
	a, b = orNothing(a), orNothing(b)
	switch strings.ToLower(op) {
	case ":":
		as, ok1 := a.(*value.Scalar)
		bs, ok2 := b.(*value.Scalar)
		if !ok1 || !ok2 {
			return nil, ddberr.Errorf("The operands of a pair must be scalars.")
		}
		if as.T != bs.T && !as.Null && !bs.Null {
			// Numbers of any kind mix (1:2f is a FLOAT pair); other
			// categories pair only with themselves (STRING:SYMBOL).
			if as.T.Category() != bs.T.Category() && !(as.T.IsNumeric() && bs.T.IsNumeric()) || as.T.IsTemporal() {
				return nil, ddberr.Errorf("To form a pair, both operands must have the same data category. RefId: S06009")
			}
			t := value.Promote(as.T, bs.T)
			ac, err := cast.To(as, t, 0)
			if err != nil {
				return nil, err
			}
			bc, err := cast.To(bs, t, 0)
			if err != nil {
				return nil, err
			}
			as, bs = ac.(*value.Scalar), bc.(*value.Scalar)
		}
		if as.T == value.Duration && bs.T == value.Duration && !as.Null && !bs.Null {
			var err error
			if as, bs, err = oneUnit(as, bs); err != nil {
				return nil, err
			}
		}
		if as.Null && !bs.Null {
			as = value.NullScalar(bs.T)
		}
		if bs.Null && !as.Null {
			bs = value.NullScalar(as.T)
		}
		return value.NewPair(as, bs), nil
	case "..":
		return Range(a, b)
	case "$":
		if _, ok := b.(*value.Pair); ok {
			return funcs.Reshape(a, b)
		}
		t, scale, err := funcs.TypeArg(b)
		if err != nil {
			return nil, err
		}
		return cast.To(a, t, scale)
	case "in":
		return In(a, b)
	case "between":
		return Between(a, b)
	}
	kop, ok := kernel.ParseOp(op)
	if !ok {
		return nil, fmt.Errorf("unsupported operator %s", op)
	}
	return applyOp(kop, op, a, b)
}

// applyOp runs a kernel over any pair of operands DolphinDB allows:
// scalars, vectors, pairs (the result is a pair), matrices (the result
// keeps the shape and labels) and tables (column by column).
func applyOp(kop kernel.Op, op string, a, b value.Value) (value.Value, error) {
	if iotany.Is(a) || iotany.Is(b) {
		r, _, err := iotany.ElementWise([]value.Value{a, b}, func(x []value.Value) (value.Value, error) {
			return applyOp(kop, op, x[0], x[1])
		})
		return r, err
	}
	if ta, ok := a.(*value.Table); ok {
		return tableOp(kop, op, ta, b, false)
	}
	if tb, ok := b.(*value.Table); ok {
		return tableOp(kop, op, tb, a, true)
	}
	as, aok := a.(*value.Scalar)
	bs, bok := b.(*value.Scalar)
	if !aok || !bok {
		// two scalars are never functions: the interface check stays off
		// the path of a script's scalar arithmetic
		a, b = funcNameOperand(a, b), funcNameOperand(b, a)
		as, aok = a.(*value.Scalar)
		bs, bok = b.(*value.Scalar)
	}
	if aok && bok {
		if r, ok := kernel.ScalarBinary(kop, as, bs); ok {
			return r, nil
		}
	}
	if sa, ok := a.(*value.Set); ok {
		if sb, ok := b.(*value.Set); ok {
			return setOp(kop, op, sa, sb)
		}
	}
	if r, ok, err := indexed.Binary(kop, a, b); ok {
		return r, err
	}
	if m, ok := a.(*value.Matrix); ok {
		return matrixOp(kop, op, m, b, false)
	}
	if m, ok := b.(*value.Matrix); ok {
		return matrixOp(kop, op, m, a, true)
	}
	if r, ok, err := tupleOp(kop, op, a, b); ok {
		return r, err
	}
	if d, ok := a.(*value.Dict); ok {
		return dictOp(kop, op, d, b, false)
	}
	if d, ok := b.(*value.Dict); ok {
		return dictOp(kop, op, d, a, true)
	}
	x, err := asOperand(a)
	if err != nil {
		return nil, err
	}
	y, err := asOperand(b)
	if err != nil {
		return nil, err
	}
	res, err := kernel.Binary(kop, kernel.Operand{V: x.v, Scalar: x.scalar}, kernel.Operand{V: y.v, Scalar: y.scalar})
	if err != nil {
		return nil, err
	}
	_, pa := a.(*value.Pair)
	_, pb := b.(*value.Pair)
	switch {
	case x.scalar && y.scalar:
		return res.At(0), nil
	case (pa || pb) && res.Len() == 2:
		return &value.Pair{V: res}, nil
	}
	return res, nil
}

// funcNameOperand is x, or x's name when x is a function and other a
// string: a script builds SQL text as "select " + avg + "(Px) ..."
// (tutorials/ddb_sql_cases.md).
func funcNameOperand(x, other value.Value) value.Value {
	f, ok := x.(interface{ FuncName() string })
	if !ok || other.Type().Category() != value.CatLiteral {
		return x
	}
	return value.NewString(f.FuncName())
}

// matrixOp applies an operator between a matrix and a scalar or a matrix
// of the same shape; swapped means the matrix is the right operand.
func matrixOp(kop kernel.Op, op string, m *value.Matrix, other value.Value, swapped bool) (value.Value, error) {
	mo := kernel.Operand{V: m.V}
	var oo kernel.Operand
	switch t := other.(type) {
	case *value.Scalar:
		oo = kernel.Operand{V: t.Vector(), Scalar: true}
	case *value.Matrix:
		if t.Rows != m.Rows || t.Cols != m.Cols {
			return nil, ddberr.Errorf("The dimensions of the two matrices are not the same.")
		}
		oo = kernel.Operand{V: t.V}
	case *value.Vector:
		if t.Len() == m.Rows && m.Rows > 0 && m.Cols > 1 && !t.T.IsArray() && t.T != value.Any {
			// a vector as long as a column meets every column
			// (funcs/ho_funcs/withNullFill.md: add(x, m))
			t = t.Cycle(m.V.Len())
		}
		if t.Len() != m.V.Len() {
			return nil, ddberr.Errorf("Incompatible vector size")
		}
		oo = kernel.Operand{V: t}
	default:
		return nil, ddberr.Errorf("The operator %s doesn't support a %s operand.", op, strings.ToLower(other.Form().String()))
	}
	l, r := mo, oo
	if swapped {
		l, r = oo, mo
	}
	res, err := kernel.Binary(kop, l, r)
	if err != nil {
		return nil, err
	}
	return m.WithData(res), nil
}

// tupleOp applies an operator element by element over a tuple and a
// scalar, or two tuples of one length (TupleANYVector.md: a+2 is
// (4,[5,7],12) for a=(2, [3, 5], 10)); ok is false for other operands.
func tupleOp(kop kernel.Op, op string, a, b value.Value) (value.Value, bool, error) {
	ta, aok := a.(*value.Vector)
	tb, bok := b.(*value.Vector)
	aok = aok && ta.T == value.Any
	bok = bok && tb.T == value.Any
	_, as := a.(*value.Scalar)
	_, bs := b.(*value.Scalar)
	// a columnar tuple with a plain vector of one value a row
	// (tutorials/Array_Vector.md 2.3.2: y * [1, 2, 3, 4])
	va, avec := a.(*value.Vector)
	vb, bvec := b.(*value.Vector)
	avec = avec && !aok && !va.T.IsArray() && bok && tb.Columnar && va.Len() == tb.Len()
	bvec = bvec && !bok && !vb.T.IsArray() && aok && ta.Columnar && vb.Len() == ta.Len()
	columnar := aok && ta.Columnar || bok && tb.Columnar
	var n int
	switch {
	case avec:
		n = va.Len()
	case bvec:
		n = vb.Len()
	case aok && bok:
		if ta.Len() != tb.Len() {
			return nil, true, ddberr.Errorf("Incompatible vector size")
		}
		n = ta.Len()
	case aok && bs:
		n = ta.Len()
	case bok && as:
		n = tb.Len()
	default:
		return nil, false, nil
	}
	out := make([]value.Value, n)
	for i := range out {
		x, y := a, b
		switch {
		case aok:
			x = ta.Any[i]
		case avec:
			x = va.At(i)
		}
		switch {
		case bok:
			y = tb.Any[i]
		case bvec:
			y = vb.At(i)
		}
		var err error
		if out[i], err = applyOp(kop, op, x, y); err != nil {
			return nil, true, err
		}
	}
	tp := value.NewTuple(out)
	// arithmetic keeps a columnar tuple one (Array_Vector.md 2.3.1)
	tp.Columnar = columnar && tp.ColumnarRows()
	return tp, true, nil
}

// dictOp applies an operator between a dictionary's values and a scalar
// or a vector of its length (an ordered dictionary's, Dictionary.md); the
// result has the same keys.
func dictOp(kop kernel.Op, op string, d *value.Dict, other value.Value, swapped bool) (value.Value, error) {
	switch o := other.(type) {
	case *value.Scalar:
	case *value.Vector:
		if o.Len() != d.Len() {
			return nil, ddberr.Errorf("Incompatible vector size")
		}
	default:
		return nil, ddberr.Errorf("The operator %s doesn't support a %s operand.", op, strings.ToLower(other.Form().String()))
	}
	if d.Vals.T == value.Any {
		return nil, ddberr.Errorf("The operator %s doesn't support a %s operand.", op, "dictionary")
	}
	vals, err := applyVector(kop, op, d.Vals, other, swapped, "dictionary")
	if err != nil {
		return nil, err
	}
	return d.WithValues(vals), nil
}

// tableOp applies an operator column by column between a table and a
// scalar, a vector (per column) or a table of the same shape; the result
// is a table with the left table's column names.
func tableOp(kop kernel.Op, op string, t *value.Table, other value.Value, swapped bool) (value.Value, error) {
	if _, ok := other.(*value.Dict); ok {
		return nil, ddberr.Errorf("The operator doesn't support a %s operand.", "dictionary")
	}
	ot, isTable := other.(*value.Table)
	if isTable && (len(ot.Cols) != len(t.Cols) || ot.Rows() != t.Rows()) {
		return nil, ddberr.Errorf("The two tables must have the same shape.")
	}
	left := t
	if swapped && isTable {
		left = ot
	}
	cols := make([]*value.Vector, len(t.Cols))
	for i, c := range t.Cols {
		var o value.Value = other
		if isTable {
			o = ot.Cols[i]
		}
		v, err := applyVector(kop, op, c, o, swapped, "table")
		if err != nil {
			return nil, err
		}
		cols[i] = v
	}
	return value.NewTable(append([]string(nil), left.Names...), cols), nil
}

// applyVector is own op other (other op own when swapped) for the vector
// own that stands for a container of the form named: a vector, or the
// error that the operator doesn't support the container.
func applyVector(kop kernel.Op, op string, own *value.Vector, other value.Value, swapped bool, form string) (*value.Vector, error) {
	var l, r value.Value = own, other
	if swapped {
		l, r = other, own
	}
	res, err := applyOp(kop, op, l, r)
	if err != nil {
		return nil, err
	}
	v, ok := res.(*value.Vector)
	if !ok {
		return nil, ddberr.Errorf("The operator %s doesn't support a %s operand.", op, form)
	}
	return v, nil
}

// Ints reads a numeric or temporal vector as int64s with NULL flags
// (floating values rounded).
func Ints(v *value.Vector) ([]int64, []bool) {
	n := v.Len()
	var wide *value.Vector
	switch v.T.Storage() {
	case value.StFloat32, value.StFloat64:
		c, err := cast.Vector(v, value.Long, 0)
		if err != nil {
			return make([]int64, n), make([]bool, n)
		}
		wide = c
	case value.StInt64:
		wide = v
	default:
		raw := *v
		raw.T, raw.Scale = value.Int, 0
		if v.T.Storage() == value.StInt8 {
			raw.T = value.Char
		} else if v.T.Storage() == value.StInt16 {
			raw.T = value.Short
		}
		c, err := cast.Vector(&raw, value.Long, 0)
		if err != nil {
			return make([]int64, n), make([]bool, n)
		}
		wide = c
	}
	out := make([]int64, n)
	nulls := make([]bool, n)
	for i, x := range wide.I64 {
		if x == value.NullInt64 || v.IsNull(i) {
			nulls[i] = true
			continue
		}
		out[i] = x
	}
	return out, nulls
}

func Unary(op string, x value.Value) (value.Value, error) {
	x = orNothing(x)
	switch strings.ToLower(op) {
	case "-":
		return Binary("*", x, negOne(x))
	case "!", "not":
		switch t := x.(type) {
		case *value.Matrix:
			res, err := kernel.Not(t.V)
			if err != nil {
				return nil, err
			}
			return t.WithData(res), nil
		}
		o, err := asOperand(x)
		if err != nil {
			return nil, err
		}
		if o.scalar && o.v.T == value.Void {
			return value.NullScalar(value.Bool), nil
		}
		res, err := kernel.Not(o.v)
		if err != nil {
			return nil, err
		}
		if o.scalar {
			return res.At(0), nil
		}
		if _, ok := x.(*value.Pair); ok {
			return &value.Pair{V: res}, nil
		}
		return res, nil
	case "~":
		if t, ok := x.(*value.Table); ok {
			cols := make([]*value.Vector, len(t.Cols))
			for i, c := range t.Cols {
				r, err := Unary("~", c)
				if err != nil {
					return nil, err
				}
				cols[i] = r.(*value.Vector)
			}
			return value.NewTable(append([]string(nil), t.Names...), cols), nil
		}
		return Binary("^", x, allOnes(x))
	}
	return nil, fmt.Errorf("unsupported unary operator %s", op)
}

// allOnes is -1 (every bit set) as an INT, or a LONG for LONG x, so
// x ^ allOnes(x) flips x's bits without widening an INT.
func allOnes(x value.Value) value.Value {
	if t := x.Type(); t == value.Long || t == value.Long+value.ArrayOffset {
		return value.NewLong(-1)
	}
	return value.NewInt(-1)
}

func negOne(x value.Value) value.Value {
	switch x.Type() {
	case value.Float:
		return value.NewFloat(-1)
	case value.Double:
		return value.NewDouble(-1)
	}
	if x.Type() == value.Long {
		return value.NewLong(-1)
	}
	return value.NewInt(-1)
}

// Range is a..b: the integers (or temporal steps) from a to b inclusive.
func Range(a, b value.Value) (value.Value, error) {
	as, ok1 := a.(*value.Scalar)
	bs, ok2 := b.(*value.Scalar)
	if !ok1 || !ok2 || as.Null || bs.Null {
		return nil, ddberr.Errorf("The operands of .. must be non-null integral or temporal scalars.")
	}
	t := as.T
	if bs.T != t {
		if as.T.IsTemporal() {
			c, err := cast.To(bs, t, 0)
			if err != nil {
				return nil, err
			}
			bs = c.(*value.Scalar)
		} else {
			t = value.Promote(as.T, bs.T)
		}
	}
	if t.Category() != value.CatIntegral && !t.IsTemporal() {
		return nil, ddberr.Errorf("The operands of .. must be integral or temporal.")
	}
	lo, _ := as.Int64()
	hi, _ := bs.Int64()
	step := int64(1)
	if hi < lo {
		step = -1
	}
	n := (hi-lo)/step + 1
	if n > maxRangeLen || n <= 0 {
		return nil, ddberr.Errorf("The range is too large.")
	}
	if t == value.Short {
		t = value.Int
	}
	out := value.NewVector(t, int(n), int(n))
	switch t.Storage() {
	case value.StInt8:
		// 'A'..'Z' stays CHAR: database.md makes partition schemes of
		// string('A'..'Z'), the letters
		fillRange(out.I8, lo, step)
	case value.StInt32:
		fillRange(out.I32, lo, step)
	case value.StInt64:
		fillRange(out.I64, lo, step)
	default:
		return nil, ddberr.Errorf("The operands of .. must be integral or temporal.")
	}
	return out, nil
}

// fillRange writes lo, lo+step, ... into xs.
func fillRange[T int8 | int32 | int64](xs []T, lo, step int64) {
	x := T(lo)
	for i := range xs {
		xs[i] = x
		x += T(step)
	}
}

// In is a in b: per element of a, whether it is in b (a vector, set or
// dictionary's keys).
func In(a, b value.Value) (value.Value, error) {
	// an array vector X is answered cell by cell, in its rows (in.md)
	if out, ok, err := funcs.OverArrayCells(a, func(cells *value.Vector) (value.Value, error) { return In(cells, b) }); ok {
		return out, err
	}
	// members are b's elements; a set or dictionary has an index of
	// them to look the probe up in, a vector gets one only when no typed
	// path applies
	var members *value.Vector
	var lookup func(probe *value.Vector) []int32
	switch t := b.(type) {
	case *value.Set:
		members, lookup = t.V, t.LookupAll
	case *value.Vector:
		members = t
	case *value.Scalar:
		members = t.Vector()
	case *value.Pair:
		members = t.V
	case *value.Dict:
		members, lookup = t.Keys, t.LookupAll
	case *value.Table:
		if t.IsKeyed() {
			return inKeyed(a, t)
		}
		// in.md: `2 3 in t` looks in the table's (only) column.
		if len(t.Cols) != 1 {
			return nil, ddberr.Errorf("The right operand of in must be a vector, set or dictionary.")
		}
		members = t.Cols[0]
	default:
		return nil, ddberr.Errorf("The right operand of in must be a vector, set or dictionary.")
	}
	if ls, ok := a.(*value.Set); ok {
		// y in z over a set: one answer per element (Set.md)
		a = ls.V
	}
	o, err := asOperand(a)
	if err != nil {
		return nil, err
	}
	probe := o.v
	n := probe.Len()
	out := value.NewVector(value.Bool, n, n)
	var coded bool
	if lookup != nil {
		coded = inCodedLookup(out.I8, probe, members, lookup)
	} else {
		coded = inCoded(out.I8, probe, members)
	}
	if !coded {
		if p, m, ok := commonDecimal(probe, members); ok {
			// members' index is over their own scale
			probe, members, lookup = p, m, nil
		} else if probe.T != members.T {
			if probe.T.Category() == value.CatLiteral && members.T.Category() == value.CatLiteral {
				probe = value.NewStrings(members.T, probe.Strings())
			} else if c, err := cast.Vector(probe, members.T, members.Scale); err == nil {
				probe = c
			}
		}
		if lookup == nil && !inTyped(out.I8, probe, members) {
			lookup = value.NewSet(members).LookupAll
		}
		if lookup != nil && probe.T == members.T {
			for i, p := range lookup(probe) {
				out.I8[i] = kernel.BoolAs[int8](p >= 0)
			}
		}
	}
	if o.scalar {
		return out.At(0), nil
	}
	return out, nil
}

// commonDecimal puts a DECIMAL and integers or a DECIMAL of another type
// or scale, the probe and the members of an in, on one DECIMAL at the
// larger scale, so membership is equality without rounding either side
// (tutorials/DECIMAL.md 2.3: the other side of a comparison with a
// DECIMAL converts to DECIMAL); ok is false when that does not apply or
// a side does not convert.
func commonDecimal(probe, members *value.Vector) (*value.Vector, *value.Vector, bool) {
	pt, mt := probe.T, members.T
	exact := func(t value.Type) bool {
		return t.IsDecimal() || t.Category() == value.CatIntegral || t.Category() == value.CatLogical
	}
	if !pt.IsDecimal() && !mt.IsDecimal() || !exact(pt) || !exact(mt) || pt == mt && probe.Scale == members.Scale {
		return nil, nil, false
	}
	s := int32(0)
	for _, v := range []*value.Vector{probe, members} {
		if v.T.IsDecimal() {
			s = max(s, v.Scale)
		}
	}
	for _, t := range []value.Type{value.Decimal64, value.Decimal128} {
		if t == value.Decimal64 && (s > 18 || pt == value.Decimal128 || mt == value.Decimal128) {
			continue
		}
		p, err1 := cast.Vector(probe, t, s)
		m, err2 := cast.Vector(members, t, s)
		if err1 == nil && err2 == nil {
			return p, m, true
		}
	}
	return nil, nil, false
}

// inKeyed is whether each key of a (a vector for one key column, a
// tuple of vectors for several) is a key of keyed or indexed table t
// (in.md): find's lookup of the key index, found where it is not -1.
func inKeyed(a value.Value, t *value.Table) (value.Value, error) {
	find, _ := funcs.Lookup("find")
	pos, err := find.Fn(nil, []value.Value{t, a})
	if err != nil {
		return nil, err
	}
	return Binary(">=", pos, value.NewInt(0))
}

// inTyped is membership over typed slices when probe and members share
// a type stored as integers or strings (NULL matches NULL, as in a set);
// false when it doesn't apply.
func inTyped(out []int8, probe, members *value.Vector) bool {
	if probe.T != members.T || probe.T.IsArray() || (probe.T.IsDecimal() && probe.Scale != members.Scale) {
		return false
	}
	switch st := probe.T.Storage(); {
	case members.Len() <= 8 && st == value.StInt8:
		inLoop(out, probe.I8, members.I8)
	case members.Len() <= 8 && st == value.StInt16:
		inLoop(out, probe.I16, members.I16)
	case members.Len() <= 8 && st == value.StInt32:
		inLoop(out, probe.I32, members.I32)
	case members.Len() <= 8 && st == value.StInt64:
		inLoop(out, probe.I64, members.I64)
	case st == value.StInt8 || st == value.StInt16 || st == value.StInt32 || st == value.StInt64 || st == value.StFloat32 || st == value.StFloat64:
		// a hash of the members' words (floating members by their bits,
		// as the set compares them)
		for i, p := range distinct.Find(members, probe) {
			out[i] = kernel.BoolAs[int8](p >= 0)
		}
	case st == value.StString:
		inLoop(out, probe.Strings(), members.Strings())
	default:
		return false
	}
	return true
}

// inCoded is membership of a coded SYMBOL probe in literal members,
// decided once per symbol of the probe's base and then looked up by code,
// so rows never hash strings; false when it doesn't apply (or the base
// dwarfs the probe).
func inCoded(out []int8, probe, members *value.Vector) bool {
	codes, base, ok := probe.CompactSymbolCodes()
	if !ok || members.T.Category() != value.CatLiteral || members.T.IsArray() {
		return false
	}
	hit := make([]int8, len(base))
	inLoop(hit, base, members.Strings())
	for i, c := range codes {
		out[i] = hit[c]
	}
	return true
}

// inCodedLookup is inCoded against members with an index (a set's, a
// dictionary's keys'): the probe's symbols are looked up in it once each.
func inCodedLookup(out []int8, probe, members *value.Vector, lookup func(*value.Vector) []int32) bool {
	codes, base, ok := probe.CompactSymbolCodes()
	if !ok || members.T.Category() != value.CatLiteral || members.T.IsArray() {
		return false
	}
	hit := lookup(value.NewStrings(members.T, base))
	for i, c := range codes {
		out[i] = kernel.BoolAs[int8](hit[c] >= 0)
	}
	return true
}

// inLoop sets out[i] when xs[i] is one of members: a scan for a few
// members, a hash set otherwise.
func inLoop[T comparable](out []int8, xs, members []T) {
	if len(members) <= 8 {
		for i, x := range xs {
			hit := int8(0)
			for _, m := range members {
				if x == m {
					hit = 1
					break
				}
			}
			out[i] = hit
		}
		return
	}
	set := make(map[T]struct{}, len(members))
	for _, m := range members {
		set[m] = struct{}{}
	}
	for i, x := range xs {
		_, hit := set[x]
		out[i] = kernel.BoolAs[int8](hit)
	}
}

// maxRangeLen is the longest range a..b builds: a vector holds at most
// 2^31 elements.
const maxRangeLen = 1 << 31

// RangeLen is the element count of lo..hi for integral or temporal
// scalars, 0 when the operands are anything else or the range is longer
// than a vector can be (Range reports those, so the memory check must not
// answer first).
func RangeLen(a, b value.Value) int64 {
	as, ok1 := a.(*value.Scalar)
	bs, ok2 := b.(*value.Scalar)
	if !ok1 || !ok2 || as.Null || bs.Null || as.T.Category() == value.CatFloating || bs.T.Category() == value.CatFloating {
		return 0
	}
	lo, ok1 := as.Int64()
	hi, ok2 := bs.Int64()
	if !ok1 || !ok2 {
		return 0
	}
	d := hi - lo
	if d < 0 {
		d = -d
	}
	if d < 0 || d >= maxRangeLen { // d < 0: overflow of MinInt64
		return 0
	}
	return d + 1
}

// oneUnit gives two durations the finer of their units (-1H:600s is
// -3600s:600s): a pair here holds one unit, and a window such as wj's
// must keep both lengths. Units without a fixed length (months, years,
// business days, calendars) can only pair with their own unit.
func oneUnit(a, b *value.Scalar) (*value.Scalar, *value.Scalar, error) {
	ua, ub := value.DurationUnit(a), value.DurationUnit(b)
	if ua == ub {
		return a, b, nil
	}
	na, nb := value.DurationNanos(ua), value.DurationNanos(ub)
	if na == 0 || nb == 0 {
		return nil, nil, ddberr.Errorf("A DURATION pair can't mix the units %s and %s.", ua, ub)
	}
	fine, unit := min(na, nb), ua
	if nb < na {
		unit = ub
	}
	return value.NewDuration(a.I*(na/fine), unit), value.NewDuration(b.I*(nb/fine), unit), nil
}
