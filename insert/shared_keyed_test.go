package insert_test

import (
	"fmt"
	"sync"
	"testing"

	"github.com/porpoisedb/porpoise/internal/testkit"
	"github.com/stretchr/testify/require"
)

// TestSharedKeyedTablesConcurrent upserts into shared keyed and indexed
// tables from several sessions at once, while others look keys up
// (find, a where on the key) and read the ordered index (a range on an
// indexed table's key), then checks every key landed once (run with
// -race).
func TestSharedKeyedTablesConcurrent(t *testing.T) {
	e := testkit.InMemory(t)
	testkit.RunAll(t, e, "share keyedTable(`s`d, 1:0, `s`d`v, [SYMBOL, DATE, LONG]) as skt",
		"share indexedTable(`s`d, 1:0, `s`d`v, [SYMBOL, DATE, LONG]) as sit")
	const writers, batches = 3, 20
	var wg sync.WaitGroup
	for w := 0; w < writers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := e.NewSession()
			for b := 0; b < batches; b++ {
				// writers share half their keys: upserts of one key race
				for _, name := range []string{"skt", "sit"} {
					testkit.Run(t, s, fmt.Sprintf("i = 0..99 + %d; upsert!(%s, table(symbol(\"s\" + string(i %% 7)) as s, 2024.01.01 + i as d, i + %d as v))",
						(w%2)*50+b*100, name, w))
				}
			}
		}()
	}
	for r := 0; r < 2; r++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := e.NewSession()
			for b := 0; b < batches; b++ {
				testkit.Run(t, s, "find(skt, (`s1`s2, 2024.01.02 2024.01.03))")
				testkit.Run(t, s, "select * from sit where s = `s3, d > 2024.01.05")
				testkit.Run(t, s, "select * from skt where s = `s1, d = 2024.01.02")
			}
		}()
	}
	wg.Wait()
	s := e.NewSession()
	for _, name := range []string{"skt", "sit"} {
		require.Equal(t, "true", testkit.Run(t, s, fmt.Sprintf(
			"size(%[1]s) == 2050 and (exec count(*) from (select count(*) from %[1]s group by s, d) where count > 1) == 0", name)))
	}
}
