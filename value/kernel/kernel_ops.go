package kernel

import (
	"fmt"
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// Element-wise operator kernels: each operator runs as one typed loop over
// whole slices (no per-element Scalar), with DolphinDB's NULL rules:
//   - "空值运算" (process_null.md): NULL in, NULL out for arithmetic; in
//     comparisons NULL is the minimum value and two NULLs are equal
//     (NULL == NULL is true); `or` ignores one NULL operand and gives NULL
//     only when both are NULL; not(NULL) is NULL.
//   - div(/) page: integer / integer is floor division (-7/5 = -2);
//     ratio(\) always gives a floating result; mod(%) follows the divisor's
//     sign (-1%5 = 4, x%-5 ≤ 0). Division or mod by zero gives NULL.
//   - integer arithmetic wraps (two's complement) like the C++ engine.

// Op is a binary element-wise operator.
type Op uint8

// Binary operators.
const (
	OpAdd Op = iota
	OpSub
	OpMul
	OpDiv
	OpRatio
	OpMod
	OpEq
	OpNe
	OpLt
	OpLe
	OpGt
	OpGe
	OpAnd
	OpOr
	OpBitAnd
	OpBitOr
	OpBitXor
	OpShl
	OpShr
	OpLike
	OpILike
	// OpOrNull is the || operator: NULL where either side is NULL
	// (funcs/o/or.md); OpOr, the or keyword and function, ignores a NULL
	// side (logicOrIgnoreNull=true).
	OpOrNull
)

var opNames = map[string]Op{
	"+": OpAdd, "-": OpSub, "*": OpMul, "/": OpDiv, "\\": OpRatio, "%": OpMod, "mod": OpMod,
	"==": OpEq, "=": OpEq, "!=": OpNe, "<>": OpNe, "<": OpLt, "<=": OpLe, ">": OpGt, ">=": OpGe,
	"&&": OpAnd, "and": OpAnd, "||": OpOrNull, "or": OpOr,
	"&": OpBitAnd, "|": OpBitOr, "^": OpBitXor, "<<": OpShl, ">>": OpShr,
	"like": OpLike, "ilike": OpILike,
}

// ParseOp resolves an operator's spelling (+, ==, and, like ...).
func ParseOp(s string) (Op, bool) {
	// the arithmetic and comparison symbols without hashing: scalar
	// operators in a script's loops parse theirs each time
	switch s {
	case "+":
		return OpAdd, true
	case "-":
		return OpSub, true
	case "*":
		return OpMul, true
	case "/":
		return OpDiv, true
	case "<":
		return OpLt, true
	case ">":
		return OpGt, true
	case "<=":
		return OpLe, true
	case ">=":
		return OpGe, true
	case "==":
		return OpEq, true
	}
	op, ok := opNames[s]
	if !ok {
		op, ok = opNames[strings.ToLower(s)]
	}
	return op, ok
}

var opSymbols = [...]string{"+", "-", "*", "/", "\\", "%", "==", "!=", "<", "<=", ">", ">=",
	"&&", "or", "&", "|", "^", "<<", ">>", "like", "ilike", "||"}

// String is the operator's symbol.
func (op Op) String() string {
	if int(op) < len(opSymbols) {
		return opSymbols[op]
	}
	return fmt.Sprintf("op%d", uint8(op))
}

// IsCompare reports whether op is ==, !=, <, <=, > or >=.
func (op Op) IsCompare() bool { return op >= OpEq && op <= OpGe }

// IsLogic reports whether op is and/or.
func (op Op) IsLogic() bool { return op == OpAnd || op == OpOr || op == OpOrNull }

func (op Op) isBitwise() bool { return op >= OpBitAnd && op <= OpShr }

// Operand is one side of a binary kernel: a vector, broadcast to the other
// side's length when Scalar is set (it then has one element).
type Operand struct {
	V      *value.Vector
	Scalar bool
}

// ErrSizeMismatch is returned when two vector operands differ in length.
var ErrSizeMismatch = ddberr.Errorf("Incompatible vector size")

// Binary applies op element-wise to x and y. Scalars broadcast; two
// vectors must have the same length. The result has the length of the
// vector operand (1 when both are scalars).
func Binary(op Op, x, y Operand) (*value.Vector, error) {
	n := operandLen(x)
	switch {
	case x.Scalar && !y.Scalar:
		n = operandLen(y)
	case !x.Scalar && !y.Scalar && x.V.Len() != y.V.Len():
		return nil, ErrSizeMismatch
	}
	// A VOID NULL takes the other operand's type.
	if x.V.T == value.Void && y.V.T != value.Void {
		x.V = nullLike(y.V, operandLen(x))
	}
	if y.V.T == value.Void && x.V.T != value.Void {
		y.V = nullLike(x.V, operandLen(y))
	}
	xt, yt := x.V.T, y.V.T
	xc, yc := xt.Category(), yt.Category()
	switch {
	case xt.IsArray() || yt.IsArray():
		return arrayBinary(op, x, y)
	case op == OpLike || op == OpILike:
		return likeKernel(op, x, y, n)
	case xc == value.CatLiteral || yc == value.CatLiteral:
		return literalKernel(op, x, y, n)
	case xc == value.CatTemporal || yc == value.CatTemporal:
		return temporalKernel(op, x, y, n)
	case xc == value.CatBinary && yc == value.CatBinary && xt == yt && (op == OpEq || op == OpNe):
		return bytesEqual(op, x, y, n), nil
	case xt == value.Void && yt == value.Void:
		return voidKernel(op, x, y, n)
	}
	if !xt.IsNumeric() || !yt.IsNumeric() {
		return nil, ddberr.Errorf("The operator %s doesn't support %s and %s.", op, xt, yt)
	}
	switch {
	case op.IsCompare():
		return numericCompare(op, x, y, n)
	case op.IsLogic():
		return logicKernel(op, x, y, n)
	}
	if xc == value.CatDecimal || yc == value.CatDecimal {
		if out, ok, err := decimal128Arith(op, x, y, n); ok || err != nil {
			return out, err
		}
		if out, ok, err := decimalArith(op, x, y, n); ok || err != nil {
			return out, err
		}
	}
	return numericArith(op, x, y, n)
}

// operandLen is the number of elements an operand contributes: 1 for a
// scalar (a VOID NULL scalar's vector holds no storage).
func operandLen(o Operand) int {
	if o.Scalar {
		return 1
	}
	return o.V.Len()
}

// nullLike is n NULLs of like's type and scale.
func nullLike(like *value.Vector, n int) *value.Vector {
	v := value.NewNullVector(like.T, n)
	v.Scale = like.Scale
	return v
}

// voidKernel is an operator on two VOID NULLs: comparisons follow the NULL
// ordering (NULL == NULL), everything else is NULL.
func voidKernel(op Op, x, y Operand, n int) (*value.Vector, error) {
	if op.IsCompare() {
		out := value.NewVector(value.Bool, n, n)
		r := BoolAs[int8](op == OpEq || op == OpLe || op == OpGe)
		for i := range out.I8 {
			out.I8[i] = r
		}
		return out, nil
	}
	return value.NewNullVector(value.Void, n), nil
}

// mask is the index mask of an operand: 0 for a broadcast scalar (every
// index reads element 0), all ones for a vector.
func mask(o Operand) int {
	if o.Scalar {
		return 0
	}
	return -1
}

// castOperand converts an operand to type t (typed loops in cast.Vector).
func castOperand(o Operand, t value.Type) (Operand, error) {
	if o.V.T == t {
		return o, nil
	}
	c, err := cast.Vector(o.V, t, 0)
	if err != nil {
		return o, err
	}
	return Operand{V: c, Scalar: o.Scalar}, nil
}

// castOperands converts both operands of a binary operator to type t.
func castOperands(x, y Operand, t value.Type) (Operand, Operand, error) {
	x, err := castOperand(x, t)
	if err != nil {
		return x, y, err
	}
	y, err = castOperand(y, t)
	return x, y, err
}

// RawView is a vector viewed as the integral type of its storage (a DATE
// vector as INT, a TIMESTAMP as LONG), sharing memory.
func RawView(v *value.Vector) *value.Vector {
	r := *v
	switch v.T.Storage() {
	case value.StInt8:
		r.T = value.Char
	case value.StInt16:
		r.T = value.Short
	case value.StInt32:
		r.T = value.Int
	case value.StInt64:
		r.T = value.Long
	}
	r.Scale = 0
	return &r
}

// BoolAs is a BOOL's 0 or 1 in the integer type T: as a BOOL element
// (int8), or as a count or index to add.
func BoolAs[T int8 | int32 | int64 | int](b bool) T {
	if b {
		return 1
	}
	return 0
}
