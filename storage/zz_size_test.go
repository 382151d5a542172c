package storage

import (
	"testing"
)

func TestZZSizes(t *testing.T) {
	s, _ := Open(Options{InMemory: true})
	defer s.Close()
	tx := s.Begin()
	tx.Append(benchChunk, benchNames, benchData(), benchOpts)
	r := tx.batch.Reader()
	sizes := map[int]int{}
	encs := map[int]map[byte]int{}
	for {
		_, k, v, ok, _ := r.Next()
		if !ok {
			break
		}
		if len(k) == len(chunkPrefix(benchChunk))+7 {
			col := int(k[len(k)-1])
			sizes[col] += len(v)
			if encs[col] == nil {
				encs[col] = map[byte]int{}
			}
			encs[col][v[2]]++
		}
	}
	t.Log(sizes, encs)
}
