package dfs

import (
	"context"
	"sync"
	"testing"

	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

// moveAll is an update's rewrite that sets id to to in every row (the
// rows keep their v), counting them as changed.
func moveAll(to int32) func(*value.Table) (*value.Table, int, error) {
	return func(cur *value.Table) (*value.Table, int, error) {
		ids := make([]int32, cur.Rows())
		for i := range ids {
			ids[i] = to
		}
		cols := append([]*value.Vector(nil), cur.Cols...)
		cols[0] = value.NewInts(ids)
		return value.NewTable(cur.Names, cols), cur.Rows(), nil
	}
}

// Moving updates and appends running at once never lose or duplicate a
// row: every row each append added is there exactly once at the end,
// whichever partition the moves left it in, in both atomicity modes
// (a move that finds a chunk locked fails whole and moves nothing).
func TestMovingUpdatesKeepEveryRow(t *testing.T) {
	for _, atomic := range []string{"TRANS", "CHUNK"} {
		t.Run(atomic, func(t *testing.T) {
			_, _, db := valueDatabase(t, Config{}, "dfs://move", atomic, 1, 2, 3)
			schema := value.NewTable([]string{"id", "v"}, []*value.Vector{value.NewInts(nil), value.NewInts(nil)})
			tb, err := db.CreateTable(TableSpec{Name: "pt", Schema: schema, PartitionColumns: []string{"id"}})
			require.NoError(t, err)
			require.True(t, tb.PartitionColumnsUpdatable())
			ctx := context.Background()
			const writers, batches = 2, 40
			var wg sync.WaitGroup
			for w := 0; w < writers; w++ {
				wg.Add(1)
				go func(w int) {
					defer wg.Done()
					for b := 0; b < batches; b++ {
						v := int32(w*batches + b)
						for {
							_, err := tb.Append(ctx, value.NewTable([]string{"id", "v"}, []*value.Vector{
								value.NewInts([]int32{1 + v%3}), value.NewInts([]int32{v})}), false)
							if err == nil {
								break
							}
						}
					}
				}(w)
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := 0; i < 60; i++ {
					// a failure (a chunk another writer holds) changes nothing
					_, _ = tb.rewriteChunks(ctx, nil, true, moveAll(int32(1+i%3)))
				}
			}()
			wg.Wait()
			all, err := tb.Scan(nil)
			require.NoError(t, err)
			seen := map[int32]int{}
			for _, v := range all.Column("v").I32 {
				seen[v]++
			}
			require.Len(t, seen, writers*batches)
			for v, n := range seen {
				require.Equal(t, 1, n, "v=%d", v)
			}
			// a final move holds every row in one partition
			_, err = tb.rewriteChunks(ctx, nil, true, moveAll(2))
			require.NoError(t, err)
			two, err := tb.Scan(func(idx []int) bool { return idx[0] == 1 })
			require.NoError(t, err)
			require.Equal(t, writers*batches, two.Rows())
		})
	}
}
