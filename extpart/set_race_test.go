package extpart_test

import (
	"fmt"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/engine"
	"github.com/porpoisedb/porpoise/internal/testkit"
)

// raceBatch is how many rows each append of the race test writes.
const raceBatch = 10

// One session appends batches to a shared table that is a partition of
// another session's partitioned table, a third inserts through the
// partitioned table into its other (MVCC) partition and a fourth assigns
// into the shared partition's cells, while the second queries the
// partitioned table (shared; the third reaches it by a variable): reads take each partition's lock (value.Table.Mu,
// and the statement locks of the shared ones: an assignment takes only
// those), so every count they see is of whole batches, and in the end
// every row is there. Run it with -race.
func TestAppendsToSharedPartitionWhileQuerying(t *testing.T) {
	const rounds, maxBatches = 300, 3000
	e := testkit.InMemory(t)
	testkit.Run(t, e.NewSession(), `
		t1 = table(1:0, `+"`sym`x, [SYMBOL,INT])"+`
		share t1 as extRace1
		t2 = mvccTable(1:0, `+"`sym`x, [SYMBOL,INT])"+`
		share t2 as extRace2`)
	reader := e.NewSession()
	testkit.Run(t, e.NewSession(), "db = database(, RANGE, `A`D`F)\nshare createPartitionedTable(db, [extRace1, extRace2], \"\", `sym) as extRacePt")
	via := e.NewSession()
	testkit.Run(t, via, "db = database(, RANGE, `A`D`F)\npt = createPartitionedTable(db, [extRace1, extRace2], \"\", `sym)")

	var (
		wg      sync.WaitGroup
		stop    atomic.Bool
		errs    = make([]error, 3)
		batches [3]int
	)
	appends := []struct {
		s      *engine.Session
		script string
	}{
		{e.NewSession(), fmt.Sprintf("tableInsert(extRace1, take(`B, %d), 1..%d)", raceBatch, raceBatch)},
		{via, fmt.Sprintf("pt.append!(table(take(`E, %d) as sym, 1..%d as x))", raceBatch, raceBatch)},
		{e.NewSession(), "extRace1[`x, extRace1.x > 5] = 5"},
	}
	for i, a := range appends {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for !stop.Load() && errs[i] == nil && batches[i] < maxBatches {
				_, errs[i] = a.s.Run(a.script)
				batches[i]++
			}
		}()
	}
	for r := 0; r < rounds; r++ {
		for _, q := range []string{"exec count(*) from extRacePt", "exec sum(x) from extRacePt group by sym", "exec count(*) from extRacePt where sym = `E"} {
			v, err := reader.Run(q)
			require.NoError(t, err, q)
			if q == "exec sum(x) from extRacePt group by sym" {
				continue // run for the race detector; the counts are checked
			}
			n, err := strconv.Atoi(v.String())
			require.NoError(t, err)
			require.Zero(t, n%raceBatch, "%s saw a partial batch: %d rows", q, n)
		}
	}
	stop.Store(true)
	wg.Wait()
	require.NoError(t, errs[0])
	require.NoError(t, errs[1])
	require.NoError(t, errs[2])
	require.Equal(t, strconv.Itoa((batches[0]+batches[1])*raceBatch), testkit.Run(t, reader, "exec count(*) from extRacePt"))
	require.Equal(t, strconv.Itoa(batches[1]*raceBatch), testkit.Run(t, reader, "exec count(*) from extRace2"))
	t.Logf("%d rounds of queries ran during %d and %d appends and %d assignments", rounds, batches[0], batches[1], batches[2])
}

// Two sessions append to a partition added after the table was made
// while a third queries: the first rows give the partition one table,
// whichever append brings them, and every row is kept. Run it with -race.
func TestAppendsToAddedPartition(t *testing.T) {
	const batches = 200
	e := testkit.InMemory(t)
	testkit.Run(t, e.NewSession(), "t1 = table(1:0, `sym`x, [SYMBOL,INT])\n"+
		"db = database(, VALUE, `A`B)\nshare createPartitionedTable(db, [t1, table(1:0, `sym`x, [SYMBOL,INT])], `pt, `sym) as addedPt\n"+
		"addValuePartitions(db, `C`D)")
	errs := make([]error, 2)
	wait := testkit.Go(e, len(errs), func(i int, s *engine.Session) {
		for b := 0; b < batches && errs[i] == nil; b++ {
			_, errs[i] = s.Run(fmt.Sprintf("tableInsert(addedPt, take(`C`D, %d), 1..%d)", raceBatch, raceBatch))
		}
	})
	reader := e.NewSession()
	for r := 0; r < batches; r++ {
		n, err := strconv.Atoi(testkit.Run(t, reader, "exec count(*) from addedPt"))
		require.NoError(t, err)
		require.Zero(t, n%(raceBatch/2), "a partial batch: %d rows", n)
	}
	wait()
	require.NoError(t, errs[0])
	require.NoError(t, errs[1])
	require.Equal(t, strconv.Itoa(2*batches*raceBatch), testkit.Run(t, reader, "exec count(*) from addedPt"))
	require.Equal(t, strconv.Itoa(batches*raceBatch), testkit.Run(t, reader, "exec count(*) from addedPt where sym = `D"))
}
