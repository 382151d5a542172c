package distinct

import (
	"math/rand/v2"
	"testing"

	"github.com/porpoisedb/porpoise/value"
)

// benchVectors are 4M doubles and 4M wide integers, all distinct, and 4M
// doubles of 1000 values.
func benchVectors() map[string]*value.Vector {
	const n = 4 << 20
	r := rand.New(rand.NewPCG(3, 4))
	f, w, few := make([]float64, n), make([]int64, n), make([]float64, n)
	for i := range n {
		f[i], w[i], few[i] = r.Float64(), r.Int64(), float64(r.IntN(1000))
	}
	return map[string]*value.Vector{"distinct doubles": value.NewDoubles(f), "distinct longs": value.NewLongs(w), "1000 doubles": value.NewDoubles(few)}
}

// BenchmarkVector numbers distinct values with the open-addressing table;
// BenchmarkGoMap is the baseline it replaced: a Go map from value to code.
func BenchmarkVector(b *testing.B) {
	for name, v := range benchVectors() {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				Vector(v)
			}
		})
	}
}

func BenchmarkGoMap(b *testing.B) {
	for name, v := range benchVectors() {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				if v.T == value.Long {
					Comparable(v.I64)
				} else {
					Comparable(v.F64)
				}
			}
		})
	}
}
