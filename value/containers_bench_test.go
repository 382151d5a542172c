package value

import (
	"math/rand/v2"
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
