package join

import (
	"fmt"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

// asofReference is aj's pairing by definition: for each left row, among
// the right rows with equal other keys and a non-NULL last key at or
// before the left one, the greatest last key, the last such row in
// table order on ties.
func asofReference(lkeys, rkeys []*value.Vector, nullSafe bool) []int {
	last := len(lkeys) - 1
	lt, rt := lkeys[last], rkeys[last]
	out := make([]int, lt.Len())
	for l := range out {
		out[l] = -1
		if lt.IsNull(l) {
			continue
		}
		for r := 0; r < rt.Len(); r++ {
			eq := !rt.IsNull(r) && value.CompareAcross(rt, r, lt, l) <= 0
			for k := 0; k < last && eq; k++ {
				if !nullSafe && (lkeys[k].IsNull(l) || rkeys[k].IsNull(r)) {
					eq = false
				} else {
					eq = value.CompareAcross(lkeys[k], l, rkeys[k], r) == 0
				}
			}
			if eq && (out[l] < 0 || value.CompareAcross(rt, r, rt, out[l]) >= 0) {
				out[l] = r
			}
		}
	}
	return out
}

// asofRows (group numbering by codes, packed words or encoded keys;
// order words or element comparison on the last key) pairs rows as the
// definition does, NULLs, ties and unsorted right rows included.
func TestAsofRowsMatchDefinition(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 9))
	syms := []string{"", "A", "B", "C", "D"}
	symCol := func(n int, coded bool) *value.Vector {
		strs := make([]string, n)
		for i := range strs {
			strs[i] = syms[rng.IntN(len(syms))]
		}
		if coded {
			return value.NewSymbols(strs)
		}
		return value.NewStrings(value.Symbol, strs)
	}
	intCol := func(n int) *value.Vector {
		xs := make([]int32, n)
		for i := range xs {
			xs[i] = rng.Int32N(6)
			if rng.IntN(10) == 0 {
				xs[i] = value.NullInt32
			}
		}
		return value.NewInts(xs)
	}
	timeCols := map[string]func(n int) *value.Vector{
		"INT": intCol,
		"TIMESTAMP": func(n int) *value.Vector {
			v := value.NewVector(value.Timestamp, n, n)
			for i := range v.I64 {
				v.I64[i] = int64(rng.IntN(12)) - 3
				if rng.IntN(10) == 0 {
					v.I64[i] = value.NullInt64
				}
			}
			return v
		},
		"DOUBLE": func(n int) *value.Vector {
			xs := make([]float64, n)
			for i := range xs {
				xs[i] = float64(rng.IntN(9)-4) / 2
				switch rng.IntN(12) {
				case 0:
					xs[i] = value.NullFloat64
				case 1:
					xs[i] = -0.0 * xs[i]
				}
			}
			return value.NewDoubles(xs)
		},
		"STRING": func(n int) *value.Vector {
			return value.NewStrings(value.String, symCol(n, false).Strings())
		},
		"UUID": func(n int) *value.Vector {
			v := value.NewVector(value.UUID, n, n)
			for i := range v.B16 {
				if rng.IntN(10) != 0 { // the zero UUID is NULL
					v.B16[i][15] = byte(rng.IntN(8))
				}
			}
			return v
		},
		"DECIMAL128": func(n int) *value.Vector {
			v := value.NewVector(value.Decimal128, n, n)
			for i := range v.B16 {
				v.B16[i] = value.Decimal128Bytes(big.NewInt(int64(rng.IntN(9) - 4)))
				if rng.IntN(10) == 0 {
					v.B16[i] = value.NullBytes16(value.Decimal128)
				}
			}
			return v
		},
	}
	keySets := map[string]func(n int, coded bool) []*value.Vector{
		"none": func(_ int, _ bool) []*value.Vector { return nil },
		"sym":  func(n int, coded bool) []*value.Vector { return []*value.Vector{symCol(n, coded)} },
		"int":  func(n int, _ bool) []*value.Vector { return []*value.Vector{intCol(n)} },
		"sym,int": func(n int, coded bool) []*value.Vector {
			return []*value.Vector{symCol(n, coded), intCol(n)}
		},
		"sym,sym": func(n int, coded bool) []*value.Vector {
			return []*value.Vector{symCol(n, coded), symCol(n, coded)}
		},
	}
	for keyName, keys := range keySets {
		for timeName, timeCol := range timeCols {
			for _, coded := range []bool{true, false} {
				for _, nullSafe := range []bool{false, true} {
					t.Run(fmt.Sprintf("%s/%s/coded=%v/nullSafe=%v", keyName, timeName, coded, nullSafe), func(t *testing.T) {
						nl, nr := 60, 40
						lkeys := append(keys(nl, coded), timeCol(nl))
						rkeys := append(keys(nr, coded), timeCol(nr))
						lrows, rrows := asofRows(lkeys, rkeys, nullSafe)
						require.Equal(t, value.Iota(nl), lrows)
						require.Equal(t, asofReference(lkeys, rkeys, nullSafe), rrows)
					})
				}
			}
		}
	}
}
