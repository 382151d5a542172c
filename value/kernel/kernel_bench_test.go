package kernel

import (
	"math/rand/v2"
	"sync"
	"testing"

	"github.com/porpoisedb/porpoise/value"
)

// The figures are on 30M DOUBLEs; each kernel is measured beside a
// plain Go loop over the same slice (the target is at most 2x the loop).
const benchN = 30_000_000

// benchData is built on first use so plain test runs don't pay for it.
var benchData = sync.OnceValue(func() []float64 {
	r := rand.New(rand.NewPCG(1, 2))
	xs := make([]float64, benchN)
	for i := range xs {
		xs[i] = r.Float64() * 100
	}
	return xs
})

var sinkF float64

func BenchmarkAddScalarKernel(b *testing.B) {
	x := Operand{V: value.NewDoubles(benchData())}
	one := Operand{V: value.NewDoubles([]float64{1}), Scalar: true}
	for b.Loop() {
		out, err := Binary(OpAdd, x, one)
		if err != nil {
			b.Fatal(err)
		}
		sinkF += out.F64[0]
	}
}

func BenchmarkAddScalarGoLoop(b *testing.B) {
	data := benchData()
	for b.Loop() {
		out := make([]float64, len(data))
		for i, x := range data {
			out[i] = x + 1
		}
		sinkF += out[0]
	}
}

func BenchmarkSumKernel(b *testing.B) {
	for b.Loop() {
		s, _ := SumFloat64(benchData())
		sinkF += s
	}
}

func BenchmarkSumGoLoop(b *testing.B) {
	data := benchData()
	for b.Loop() {
		s := 0.0
		for _, x := range data {
			s += x
		}
		sinkF += s
	}
}

func BenchmarkAvgKernel(b *testing.B) {
	v := value.NewDoubles(benchData())
	for b.Loop() {
		s, n, _ := SumAsFloat(v)
		sinkF += s / float64(n)
	}
}

func BenchmarkCompareScalarKernel(b *testing.B) {
	x := Operand{V: value.NewDoubles(benchData())}
	fifty := Operand{V: value.NewInts([]int32{50}), Scalar: true}
	for b.Loop() {
		out, err := Binary(OpGt, x, fifty)
		if err != nil {
			b.Fatal(err)
		}
		sinkF += float64(out.I8[0])
	}
}

func BenchmarkCompareScalarGoLoop(b *testing.B) {
	data := benchData()
	for b.Loop() {
		out := make([]int8, len(data))
		for i, x := range data {
			if x > 50 {
				out[i] = 1
			}
		}
		sinkF += float64(out[0])
	}
}
