package value

import (
	"cmp"
	"math/big"
)

// ---- promotion ----

// numericRank orders the types that mix freely in arithmetic and vector
// literals.
var numericRank = map[Type]int{Bool: 1, Char: 2, Short: 3, Int: 4, Long: 5, Float: 6, Double: 7}

// Promote returns the type of a value mixing types a and b in a vector
// literal or an arithmetic operation: VOID (NULL) takes the other type
// (1 NULL 3 is INT); among BOOL < CHAR < SHORT < INT < LONG < FLOAT <
// DOUBLE the wider wins ([1, 2.5] is DOUBLE, INT+LONG is LONG); a temporal
// type with an integral one stays temporal (2024.01.01 + 1 is a DATE);
// DECIMAL with an integral type keeps the DECIMAL, DECIMAL32 with
// DECIMAL64 gives DECIMAL64 and DECIMAL with a floating type gives DOUBLE;
// STRING with SYMBOL gives STRING. Anything else mixes into ANY.
func Promote(a, b Type) Type {
	if a == b {
		return a
	}
	if a == Void {
		return b
	}
	if b == Void {
		return a
	}
	ra, oka := numericRank[a]
	rb, okb := numericRank[b]
	if oka && okb {
		if ra >= rb {
			return a
		}
		return b
	}
	ca, cb := a.Category(), b.Category()
	integral := func(c Category) bool { return c == CatIntegral || c == CatLogical }
	switch {
	case ca == CatTemporal && integral(cb):
		return a
	case cb == CatTemporal && integral(ca):
		return b
	case ca == CatDecimal && cb == CatDecimal:
		if a == Decimal128 || b == Decimal128 {
			return Decimal128
		}
		return Decimal64
	case ca == CatDecimal && integral(cb):
		return a
	case cb == CatDecimal && integral(ca):
		return b
	case (ca == CatDecimal && cb == CatFloating) || (cb == CatDecimal && ca == CatFloating):
		return Double
	case ca == CatLiteral && cb == CatLiteral:
		if a == Blob || b == Blob {
			return Blob
		}
		return String
	}
	return Any
}

// ---- comparison ----

// Compare orders two scalars as DolphinDB sorts them: NULL first (two
// NULLs are equal), then by value. Numbers of different types compare by
// value (DECIMALs by their exact value); literals compare bytewise; UUID,
// IPADDR and INT128 as unsigned 128-bit integers; values of unrelated
// categories are ordered by type id.
func Compare(a, b *Scalar) int {
	an, bn := a.Null || (isFloatT(a.T) && a.F != a.F), b.Null || (isFloatT(b.T) && b.F != b.F)
	if c, ok := CompareNulls(an, bn); ok {
		return c
	}
	ca, cb := a.T.Category(), b.T.Category()
	numeric := func(c Category) bool {
		return c == CatLogical || c == CatIntegral || c == CatFloating || c == CatDecimal || c == CatTemporal
	}
	switch {
	case ca == CatLiteral && cb == CatLiteral:
		return CompareOrdered(a.S, b.S)
	case numeric(ca) && numeric(cb):
		if ca == CatDecimal || cb == CatDecimal {
			if ca != CatFloating && cb != CatFloating {
				return exactRat(a).Cmp(exactRat(b))
			}
		}
		if !isFloatT(a.T) && !isFloatT(b.T) && ca != CatDecimal && cb != CatDecimal {
			return CompareOrdered(a.I, b.I)
		}
		return CompareOrdered(num64(a), num64(b))
	case a.T.Storage() == StBytes16 && b.T.Storage() == StBytes16 && a.T != Decimal128 && b.T != Decimal128:
		return CompareU128(a.B, b.B)
	case a.T == b.T && a.T.Storage() == StPair2F64:
		return comparePair(a.F, pairSecond(a.B), b.F, pairSecond(b.B))
	}
	return CompareOrdered(a.T, b.T)
}

// num64 is a numeric scalar's value as a float64 (DECIMAL128 included).
func num64(s *Scalar) float64 {
	if s.T == Decimal128 {
		f, _ := exactRat(s).Float64()
		return f
	}
	return s.Float64()
}

func isFloatT(t Type) bool { return t == Float || t == Double }

func exactRat(s *Scalar) *big.Rat {
	switch {
	case s.T == Decimal128:
		return new(big.Rat).SetFrac(Decimal128Big(s.B), new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(s.Scale)), nil))
	case s.T.IsDecimal():
		return new(big.Rat).SetFrac(big.NewInt(s.I), new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(s.Scale)), nil))
	}
	return new(big.Rat).SetInt64(s.I)
}

// CompareOrdered is -1, 0 or 1 as a is less than, equal to or greater
// than b; unlike cmp.Compare, a NaN compares equal to everything (callers
// order NULLs, NaN among them, before they get here).
func CompareOrdered[T cmp.Ordered](a, b T) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// CompareU128 orders 16-byte values (UUID, IPADDR, INT128 bits) as
// unsigned little-endian numbers: -1, 0 or 1.
func CompareU128(a, b [16]byte) int {
	for k := 15; k >= 0; k-- {
		if a[k] != b[k] {
			if a[k] < b[k] {
				return -1
			}
			return 1
		}
	}
	return 0
}

// CompareElems compares elements i and j of v with Compare's order (NULL
// first) without allocating.
func CompareElems(v *Vector, i, j int) int {
	switch v.T.Storage() {
	case StAny:
		a, aok := v.Any[i].(*Scalar)
		b, bok := v.Any[j].(*Scalar)
		if aok && bok {
			return Compare(a, b)
		}
		return CompareOrdered(v.Any[i].String(), v.Any[j].String())
	case StNone:
		return 0
	}
	return CompareAcross(v, i, v, j)
}

// CompareAcross compares a[i] with b[j], elements of two vectors of one
// storage type, with Compare's order (NULL first); integral, floating,
// literal and 16-byte elements compare without allocating, the others
// through Compare.
func CompareAcross(a *Vector, i int, b *Vector, j int) int {
	switch a.T.Storage() {
	case StInt8:
		return CompareOrdered(a.I8[i], b.I8[j])
	case StInt16:
		return CompareOrdered(a.I16[i], b.I16[j])
	case StInt32:
		return CompareOrdered(a.I32[i], b.I32[j])
	case StInt64:
		return CompareOrdered(a.I64[i], b.I64[j])
	case StFloat32:
		return cmpFloat(float64(a.F32[i]), float64(b.F32[j]), float64(NullFloat32))
	case StFloat64:
		return cmpFloat(a.F64[i], b.F64[j], NullFloat64)
	case StString:
		return CompareOrdered(a.StrAt(i), b.StrAt(j))
	case StBytes16:
		if a.T == Decimal128 {
			return cmpI128(a.B16[i], b.B16[j])
		}
		return CompareU128(a.B16[i], b.B16[j])
	case StPair2F64:
		return comparePair(a.F64[2*i], a.F64[2*i+1], b.F64[2*j], b.F64[2*j+1])
	}
	return Compare(a.At(i), b.At(j))
}

// comparePair orders COMPLEX and POINT values by their first double, then
// their second, so sorting, grouping and distinct tell them apart.
func comparePair(a1, a2, b1, b2 float64) int {
	if c := cmpFloat(a1, b1, NullFloat64); c != 0 {
		return c
	}
	return cmpFloat(a2, b2, NullFloat64)
}

// cmpFloat orders NULL (the sentinel or NaN) first.
func cmpFloat(a, b, null float64) int {
	if c, ok := CompareNulls(a == null || a != a, b == null || b != b); ok {
		return c
	}
	return CompareOrdered(a, b)
}

// CompareNulls orders NULL first, as DolphinDB sorts: with either side
// NULL (an, bn) it returns the order and true.
func CompareNulls(an, bn bool) (int, bool) {
	switch {
	case an && bn:
		return 0, true
	case an:
		return -1, true
	case bn:
		return 1, true
	}
	return 0, false
}

func cmpI128(a, b [16]byte) int {
	sa, sb := a[15]&0x80 != 0, b[15]&0x80 != 0
	if sa != sb {
		if sa {
			return -1
		}
		return 1
	}
	return CompareU128(a, b)
}

// Less reports whether element i sorts before element j (NULL first).
func (v *Vector) Less(i, j int) bool { return CompareElems(v, i, j) < 0 }
