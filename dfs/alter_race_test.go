package dfs

import (
	"context"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
	"github.com/stretchr/testify/require"
)

// alterRaceRows is how many rows each append of the race test writes.
const alterRaceRows = 30

// TestAlterConcurrentWithAppendsAndQueries runs appends, scans, row counts
// and per-partition reads while replaceColumn! cycles column x through
// INT, LONG and DOUBLE and dropColumns!/addColumn drop and re-add pad
// column p (first in the middle, shifting v and x). Every reader must
// see one schema with the data that goes with it (x = v, p empty or
// v + 1000, whole appends only), no write may fail, and at the end every
// appended row is there. Run it with -race.
//
// p is a STRING column because appends are positional: a batch laid out
// for [id p v x] that reaches the table after p was dropped and re-added
// as [id v x p] has the same width, and only the STRING-to-INT mismatch
// gets it refused instead of written shifted.
func TestAlterConcurrentWithAppendsAndQueries(t *testing.T) {
	for _, atomicity := range []string{"TRANS", "CHUNK"} {
		t.Run(atomicity, func(t *testing.T) {
			_, _, db := valueDatabase(t, Config{}, "dfs://alterrace", atomicity, 1, 2, 3)
			schema := value.NewTable([]string{"id", "p", "v", "x"}, []*value.Vector{
				value.NewInts(nil), value.NewStrings(value.String, nil), value.NewInts(nil), value.NewInts(nil)})
			tb, err := db.CreateTable(TableSpec{Name: "pt", Schema: schema, PartitionColumns: []string{"id"}})
			require.NoError(t, err)
			ctx := context.Background()

			var (
				done     atomic.Bool
				appended atomic.Int64
				wg       sync.WaitGroup
				errs     = make(chan error, 16)
			)
			fail := func(err error) {
				select {
				case errs <- err:
				default:
				}
				done.Store(true)
			}
			// appender: whole batches of x = v (and p = v + 1000 when
			// the table has p), by the schema it sees
			wg.Add(1)
			go func() {
				defer wg.Done()
				for b := 0; !done.Load() && b < 300; b++ {
					names, _, _ := tb.Schema()
					cols := make([]*value.Vector, len(names))
					for i, n := range names {
						c := make([]int32, alterRaceRows)
						p := make([]string, alterRaceRows)
						for r := range c {
							v := int32(b*alterRaceRows + r)
							switch n {
							case "id":
								c[r] = int32(1 + r%3)
							case "p":
								p[r] = strconv.Itoa(int(v) + 1000)
							default:
								c[r] = v
							}
						}
						cols[i] = value.NewInts(c)
						if n == "p" {
							cols[i] = value.NewStrings(value.String, p)
						}
					}
					n, err := tb.Append(ctx, value.NewTable(names, cols), false)
					if err != nil {
						// the schema changed between Schema and Append:
						// the append is refused whole, which is fine
						if n != 0 {
							fail(err)
							return
						}
						continue
					}
					appended.Add(int64(n))
				}
			}()
			// readers: full scans (a TRANS append is seen whole), row
			// counts and per-partition reads (an append's rows of one
			// partition are seen whole)
			whole := 0
			if atomicity == "TRANS" {
				whole = alterRaceRows
			}
			for range 2 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for !done.Load() {
						st, err := tb.Scan(nil)
						if err == nil {
							err = checkAlterRaceRows(st, whole)
						}
						if err == nil {
							_, err = tb.RowCount()
						}
						if err == nil {
							err = tb.EachPartition(nil, nil, func(_ int, part *value.Table) error {
								return checkAlterRaceRows(part, alterRaceRows/3)
							})
						}
						if err != nil {
							fail(err)
							return
						}
					}
				}()
			}
			// the column changes
			types := []value.Type{value.Long, value.Double, value.Int}
			for step := 0; step < 30 && !done.Load(); step++ {
				var err error
				switch step % 3 {
				case 0, 1:
					err = tb.ReplaceColumn(ctx, "x", types[step/3%len(types)], 0)
				case 2:
					if names, _, _ := tb.Schema(); indexOf(names, "p") >= 0 {
						err = tb.DropColumn(ctx, "p")
					} else {
						err = tb.AddColumns(ctx, []string{"p"}, []value.Type{value.String}, []int32{0})
					}
				}
				if err != nil {
					fail(err)
				}
			}
			done.Store(true)
			wg.Wait()
			close(errs)
			for err := range errs {
				require.NoError(t, err)
			}
			st2, err := tb.Scan(nil)
			require.NoError(t, err)
			require.NoError(t, checkAlterRaceRows(st2, alterRaceRows))
			require.EqualValues(t, appended.Load(), st2.Rows())
			n, err := tb.RowCount()
			require.NoError(t, err)
			require.EqualValues(t, appended.Load(), n)
		})
	}
}

func indexOf(names []string, name string) int {
	for i, n := range names {
		if n == name {
			return i
		}
	}
	return -1
}

// checkAlterRaceRows checks that x = v in every row and p, when present,
// is empty or v + 1000, and, when whole is not 0, that every append
// present has whole rows.
func checkAlterRaceRows(tb *value.Table, whole int) error {
	long := func(name string) (*value.Vector, error) {
		c := tb.Column(name)
		if c == nil {
			return nil, nil
		}
		return cast.Vector(c, value.Long, 0)
	}
	v, err := long("v")
	if err != nil {
		return err
	}
	x, err := long("x")
	if err != nil {
		return err
	}
	p := tb.Column("p")
	if v == nil || x == nil {
		return errAlterRace("v or x is missing")
	}
	seen := map[int64]int{}
	for r, want := range v.I64 {
		if x.I64[r] != want {
			return errAlterRace("x differs from v")
		}
		if p != nil && p.Str[r] != "" && p.Str[r] != strconv.FormatInt(want+1000, 10) {
			return errAlterRace("p differs from v + 1000")
		}
		seen[want/alterRaceRows]++
	}
	for _, n := range seen {
		if whole != 0 && n != whole {
			return errAlterRace("an append is partly present")
		}
	}
	return nil
}

type errAlterRace string

func (e errAlterRace) Error() string { return "inconsistent read: " + string(e) }

// TestDropTableWaitsForColumnChange: dropTable (and renameTable) wait for
// a column change of the table to finish, so the change can't write the
// catalog entry of a dropped table back.
func TestDropTableWaitsForColumnChange(t *testing.T) {
	st, _, db := valueDatabase(t, Config{}, "dfs://alterdrop", "TRANS", 1, 2, 3)
	cols := func(xs ...int32) *value.Table {
		return value.NewTable([]string{"id", "x"}, []*value.Vector{value.NewInts(xs), value.NewInts(xs)})
	}
	tb, err := db.CreateTable(TableSpec{Name: "pt", Schema: cols(), PartitionColumns: []string{"id"}})
	require.NoError(t, err)
	_, err = tb.Append(context.Background(), cols(1), false)
	require.NoError(t, err)

	// another transaction holds the chunk: the change waits for it
	holder := st.Begin()
	require.NoError(t, holder.Lock(tb.chunkID("/1")))
	replaced, dropped := make(chan error, 1), make(chan error, 1)
	go func() { replaced <- tb.ReplaceColumn(context.Background(), "x", value.Long, 0) }()
	for tb.ddlMu.TryLock() {
		tb.ddlMu.Unlock() // wait until the change holds ddlMu
	}
	go func() { dropped <- db.DropTable("pt") }()
	select {
	case err := <-dropped:
		t.Fatalf("dropTable returned during the column change: %v", err)
	case <-time.After(50 * time.Millisecond):
	}
	holder.Rollback()
	require.NoError(t, <-replaced)
	require.NoError(t, <-dropped)
	again, err := Open(st, Config{})
	require.NoError(t, err)
	d, err := again.Lookup("dfs://alterdrop")
	require.NoError(t, err)
	require.Nil(t, d.tables["pt"], "the dropped table came back")
}
