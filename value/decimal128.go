package value

import (
	"math/big"
	"strings"
)

// Decimal128Big returns the unscaled DECIMAL128 value held in b (128-bit
// two's complement, little endian).
func Decimal128Big(b [16]byte) *big.Int {
	var be [16]byte
	for i := range be {
		be[i] = b[15-i]
	}
	x := new(big.Int).SetBytes(be[:])
	if b[15]&0x80 != 0 {
		x.Sub(x, new(big.Int).Lsh(big.NewInt(1), 128))
	}
	return x
}

// Decimal128Bytes encodes x (which must fit in 128 bits) as DECIMAL128's
// little-endian two's complement.
func Decimal128Bytes(x *big.Int) [16]byte {
	y := new(big.Int).Set(x)
	if y.Sign() < 0 {
		y.Add(y, new(big.Int).Lsh(big.NewInt(1), 128))
	}
	var be [16]byte
	y.FillBytes(be[:])
	var b [16]byte
	for i := range b {
		b[i] = be[15-i]
	}
	return b
}

func formatDecimal128(b [16]byte, scale int32) string {
	x := Decimal128Big(b)
	neg := x.Sign() < 0
	s := new(big.Int).Abs(x).String()
	if scale > 0 {
		if len(s) <= int(scale) {
			s = strings.Repeat("0", int(scale)-len(s)+1) + s
		}
		s = s[:len(s)-int(scale)] + "." + s[len(s)-int(scale):]
	}
	if neg {
		s = "-" + s
	}
	return s
}
