package value

import "testing"

// The vector primitives' benchmarks: whole-slice operations (Gather,
// Scatter, Cycle, AppendVector) and the per-element ones used in loops
// (AppendFrom, SetFrom, Len), on 1M DOUBLEs.

const benchN = 1 << 20

func benchVector() (*Vector, []int, []int32) {
	xs := make([]float64, benchN)
	idx := make([]int, benchN)
	pos := make([]int32, benchN)
	for i := range xs {
		xs[i] = float64(i)
		idx[i] = (i * 7919) % benchN
		pos[i] = int32(idx[i])
	}
	return NewDoubles(xs), idx, pos
}

func BenchmarkVectorGather(b *testing.B) {
	v, idx, _ := benchVector()
	for b.Loop() {
		_ = v.Gather(idx)
	}
}

func BenchmarkVectorScatter(b *testing.B) {
	v, _, pos := benchVector()
	for b.Loop() {
		_ = v.Scatter(pos, benchN)
	}
}

func BenchmarkVectorCycle(b *testing.B) {
	v, _, _ := benchVector()
	for b.Loop() {
		_ = v.Slice(0, 1000).Cycle(benchN)
	}
}

func BenchmarkVectorAppendFrom(b *testing.B) {
	v, idx, _ := benchVector()
	for b.Loop() {
		out := NewVector(Double, 0, benchN)
		for _, i := range idx {
			out.AppendFrom(v, i)
		}
	}
}

func BenchmarkVectorSetFrom(b *testing.B) {
	v, idx, _ := benchVector()
	out := NewVector(Double, benchN, benchN)
	for b.Loop() {
		for k, i := range idx {
			out.SetFrom(k, v, i)
		}
	}
}

func BenchmarkVectorLen(b *testing.B) {
	v, _, _ := benchVector()
	for b.Loop() {
		n := 0
		for range benchN {
			n += v.Len()
		}
		if n != benchN*benchN {
			b.Fatal(n)
		}
	}
}
