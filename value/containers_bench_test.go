package value

import (
	"math/rand/v2"
	"runtime"
	"testing"
)

// BenchmarkDictOneKey is Put and Lookup of one key at a time (what
// d[k] = v and d[k] cost a script) on a dictionary of 1M INT keys;
// BenchmarkGoMapOneKey is the same on a Go map, the baseline.
func BenchmarkDictOneKey(b *testing.B) {
	keys := oneKeyKeys()
	vals := NewLongs(make([]int64, len(keys.I32)))
	d := NewDict(Int, Long)
	b.ResetTimer()
	for b.Loop() {
		for i := range keys.I32 {
			d.Put(keys, i, vals, i)
		}
		for i := range keys.I32 {
			_ = d.Lookup(keys, i)
		}
	}
}

func BenchmarkGoMapOneKey(b *testing.B) {
	keys := oneKeyKeys()
	m := map[int32]int32{}
	b.ResetTimer()
	for b.Loop() {
		for i, k := range keys.I32 {
			m[k] = int32(i)
		}
		for _, k := range keys.I32 {
			_ = m[k]
		}
	}
}

func oneKeyKeys() *Vector {
	r := rand.New(rand.NewPCG(1, 2))
	ks := make([]int32, 1<<20)
	for i := range ks {
		ks[i] = r.Int32()
	}
	return NewInts(ks)
}

// BenchmarkSmallDicts builds 200,000 dictionaries of 3 STRING keys to
// DOUBLE values (what parsing 200,000 small JSON objects makes) and
// reports the live heap each one holds and the allocations it takes;
// BenchmarkSmallGoMaps is the same on Go maps, the baseline.
func BenchmarkSmallDicts(b *testing.B) {
	keys := NewStrings(String, []string{"id", "name", "price"})
	vals := NewDoubles([]float64{1, 2, 3})
	smallHeap(b, func() any {
		d := NewDict(String, Double)
		d.PutAll(keys, vals)
		return d
	})
}

func BenchmarkSmallGoMaps(b *testing.B) {
	keys := []string{"id", "name", "price"}
	smallHeap(b, func() any {
		m := map[string]float64{}
		for i, k := range keys {
			m[k] = float64(i + 1)
		}
		return m
	})
}

// smallHeap keeps 200,000 results of build alive and reports the live
// heap bytes and the allocations of each.
func smallHeap(b *testing.B, build func() any) {
	const n = 200_000
	var bytes, allocs float64
	held := make([]any, n)
	for b.Loop() {
		clear(held)
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		for i := range held {
			held[i] = build()
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		bytes += float64(after.HeapAlloc-before.HeapAlloc) / n
		allocs += float64(after.Mallocs-before.Mallocs) / n
	}
	runtime.KeepAlive(held)
	b.ReportMetric(bytes/float64(b.N), "heap-B/obj")
	b.ReportMetric(allocs/float64(b.N), "allocs/obj")
}
