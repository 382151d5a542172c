package value

import (
	"math/big"

	"github.com/porpoisedb/porpoise/value/text16"
)

// Decimal128Big returns the unscaled DECIMAL128 value held in b (128-bit
// two's complement, little endian).
func Decimal128Big(b [16]byte) *big.Int { return text16.Big(b) }

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
