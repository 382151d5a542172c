package value

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestDictConcurrentWriters is syncDict.md's two tasks writing one
// dictionary at once: without the lock Go stops the whole process with
// "concurrent map writes".
func TestDictConcurrentWriters(t *testing.T) {
	d := NewDict(Int, Int)
	set := NewSet(NewVector(Int, 0, 0))
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < 2000; i++ {
				k := NewInts([]int32{int32(i)})
				d.Put(k, 0, NewInts([]int32{int32(w)}), 0)
				set.AddVector(k)
				_ = d.Lookup(k, 0)
				_ = set.Contains(k, 0)
			}
		}(w)
	}
	wg.Wait()
	require.Equal(t, 2000, d.Len())
	require.Equal(t, 2000, set.V.Len())
}
