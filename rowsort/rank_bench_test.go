package rowsort

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/porpoisedb/porpoise/value"
)

// BenchmarkSortRanked sorts 1M rows by a STRING and by an INT128 column of
// 1000 distinct values: the keys whose words are the ranks of their
// distinct values (rankKeys).
func BenchmarkSortRanked(b *testing.B) {
	const n, distinct = 1 << 20, 1000
	rng := rand.New(rand.NewPCG(1, 2))
	strs := make([]string, n)
	b16 := make([][16]byte, n)
	for i := range strs {
		d := rng.IntN(distinct)
		strs[i] = fmt.Sprintf("sym%04d", d)
		b16[i][0], b16[i][1] = byte(d), byte(d>>8)
	}
	for _, col := range []*value.Vector{value.NewStrings(value.String, strs), {T: value.Int128, B16: b16}} {
		b.Run(col.T.String(), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				Sort([]Key{Column(col, false, NullsLow)}, n, KeepAll)
			}
		})
	}
}
