package mvcc_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/engine"
	"github.com/porpoisedb/porpoise/internal/testkit"
)

const create = "t = mvccTable(1:0, `id`name`x, [INT,SYMBOL,DOUBLE], \"mvcc\", \"t\")\n"

// partitioned makes t (create's) the first partition of pt, an in-memory
// partitioned table whose second partition (ids from 10) is an MVCC table
// kept in memory only (createPartitionedTable.md 例2.4).
const partitioned = "u = mvccTable(1:0, `id`name`x, [INT,SYMBOL,DOUBLE])\ndb = database(, RANGE, 0 10 20)\npt = createPartitionedTable(db, [t, u], \"\", `id)\n"

// Every acknowledged change to a persisted MVCC table is on disk: an
// engine opened afterwards on the same directory loads the rows the
// first one ended with.
func TestChangesSurviveReopen(t *testing.T) {
	cases := []struct {
		name   string
		script string
		want   string
	}{
		{"append", create + "t.append!(table(1..3 as id, `a`b`c as name, 1.5 2.5 3.5 as x))", "id name x\n-- ---- ---\n1  a    1.5\n2  b    2.5\n3  c    3.5\n"},
		{"tableInsert and insert into", create + "tableInsert(t, 1, `a, 1.5)\ninsert into t values(2, `b, 2.5)", "id name x\n-- ---- ---\n1  a    1.5\n2  b    2.5\n"},
		{"update", create + "tableInsert(t, 1..3, `a`b`c, 1.5 2.5 3.5)\nupdate t set x = x * 10 where id >= 2", "id name x\n-- ---- ---\n1  a    1.5\n2  b    25\n3  c    35\n"},
		{"delete then append", create + "tableInsert(t, 1..3, `a`b`c, 1.5 2.5 3.5)\ndelete from t where id == 2\ninsert into t values(4, `d, 4.5)", "id name x\n-- ---- ---\n1  a    1.5\n3  c    3.5\n4  d    4.5\n"},
		{"update! function", create + "tableInsert(t, 1..2, `a`b, 1.5 2.5)\nupdate!(t, `x, <x + 1>, <id == 1>)", "id name x\n-- ---- ---\n1  a    2.5\n2  b    2.5\n"},
		{"sortBy!", create + "tableInsert(t, 3 1 2, `c`a`b, 3.5 1.5 2.5)\nsortBy!(t, `id)", "id name x\n-- ---- ---\n1  a    1.5\n2  b    2.5\n3  c    3.5\n"},
		{"replaceColumn!", create + "tableInsert(t, 1..2, `a`b, 1.5 2.5)\nreplaceColumn!(t, `x, 7.5 8.5)", "id name x\n-- ---- ---\n1  a    7.5\n2  b    8.5\n"},
		{"dropColumns! and rename!", create + "tableInsert(t, 1..2, `a`b, 1.5 2.5)\ndropColumns!(t, `name)\nrename!(t, `x, `y)", "id y\n-- ---\n1  1.5\n2  2.5\n"},
		{"column assigned", create + "tableInsert(t, 1..2, `a`b, 1.5 2.5)\nt[`x] = 7.5 8.5", "id name x\n-- ---- ---\n1  a    7.5\n2  b    8.5\n"},
		{"member assigned", create + "tableInsert(t, 1..2, `a`b, 1.5 2.5)\nt.x = 7.5 8.5", "id name x\n-- ---- ---\n1  a    7.5\n2  b    8.5\n"},
		{"cell assigned", create + "tableInsert(t, 1..2, `a`b, 1.5 2.5)\nt[`x, 1] = 9.5", "id name x\n-- ---- ---\n1  a    1.5\n2  b    9.5\n"},
		{"rows assigned by a condition", create + "tableInsert(t, 1..2, `a`b, 1.5 2.5)\nt[`x, [false, true]] = 9.5", "id name x\n-- ---- ---\n1  a    1.5\n2  b    9.5\n"},
		{"column added by assignment", create + "tableInsert(t, 1..2, `a`b, 1.5 2.5)\nt[`y] = 1 2", "id name x   y\n-- ---- --- -\n1  a    1.5 1\n2  b    2.5 2\n"},
		{"clear!", create + "tableInsert(t, 1..2, `a`b, 1.5 2.5)\nclear!(t)", "id name x\n-- ---- -\n"},
		{"ffill!", create + "tableInsert(t, 1..2, `a`b, 1.5 2.5)\ninsert into t values(3, `c, NULL)\nffill!(t)", "id name x\n-- ---- ---\n1  a    1.5\n2  b    2.5\n3  c    2.5\n"},
		{"a shared table's element assigned", create + "tableInsert(t, 1..2, `a`b, 1.5 2.5)\nshare t as mvShared\nmvShared[`x, 0] = 9.5\nmvShared[`x, 1] = 8.5", "id name x\n-- ---- ---\n1  a    9.5\n2  b    8.5\n"},
		{"transaction rollback", create + "tableInsert(t, 1, `a, 1.5)\ntry { transaction { tableInsert(t, 2, `b, 2.5)\n delete from t where id == 1\n tableInsert(t, \"bad\", `c, 3.5) } } catch(ex) {}", "id name x\n-- ---- ---\n1  a    1.5\n"},
		{"insert into a partitioned table over it", create + partitioned + "insert into pt values(1 11 2, `a`b`c, 1.5 2.5 3.5)", "id name x\n-- ---- ---\n1  a    1.5\n2  c    3.5\n"},
		{"append! to a partitioned table over it", create + partitioned + "pt.append!(table(1 11 2 as id, `a`b`c as name, 1.5 2.5 3.5 as x))", "id name x\n-- ---- ---\n1  a    1.5\n2  c    3.5\n"},
		{"update through a partitioned table", create + partitioned + "tableInsert(pt, 1 11 2, `a`b`c, 1.5 2.5 3.5)\nupdate pt set x = x * 10 where id != 1", "id name x\n-- ---- ---\n1  a    1.5\n2  c    35\n"},
		{"delete through a partitioned table", create + partitioned + "tableInsert(pt, 1 11 2, `a`b`c, 1.5 2.5 3.5)\ndelete from pt where x < 2", "id name x\n-- ---- ---\n2  c    3.5\n"},
		// reads through a member are refused (error_codes/S02007.md), so
		// changes through one change nothing
		{"refused member writes leave nothing", create + "tableInsert(t, 1..2, `a`b, 1.5 2.5)\ntry { t.x[0] = 9.5 } catch(ex) {}\ntry { t.x.replace!(2.5, 8.5) } catch(ex) {}", "id name x\n-- ---- ---\n1  a    1.5\n2  b    2.5\n"},
		{"refused NULL leaves nothing", "t = mvccTable(1:0, `id`name`x, [INT,SYMBOL,DOUBLE], \"mvcc\", \"t\", , [false, true, true])\ninsert into t values(1, `a, 1.5)\ntry { insert into t values(NULL, `b, 2.5) } catch(ex) {}", "id name x\n-- ---- ---\n1  a    1.5\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			before := testkit.RunIn(t, dir, c.script, "t")
			require.Equal(t, c.want, before)
			require.Equal(t, c.want, testkit.RunIn(t, dir, `loadMvccTable("mvcc", "t")`))
		})
	}
}

// A table loaded by loadMvccTable writes its own changes to the file,
// and a torn last record (a crash in the middle of an append that was
// never acknowledged) is dropped on loading, so later appends are kept.
func TestLoadedTableAndTornTail(t *testing.T) {
	dir := t.TempDir()
	testkit.RunIn(t, dir, create+"tableInsert(t, 1, `a, 1.5)")
	testkit.RunIn(t, dir, `u = loadMvccTable("mvcc", "t")`+"\ninsert into u values(2, `b, 2.5)")
	f, err := os.OpenFile(filepath.Join(dir, "mvcc", "t.tbl"), os.O_WRONLY|os.O_APPEND, 0)
	require.NoError(t, err)
	_, err = f.Write([]byte{200, 0, 0, 0, 1, 2, 3, 4, 'A', 9, 9})
	require.NoError(t, err)
	require.NoError(t, f.Close())
	testkit.RunIn(t, dir, `u = loadMvccTable("mvcc", "t")`+"\ninsert into u values(3, `c, 3.5)")
	require.Equal(t, "id name x\n-- ---- ---\n1  a    1.5\n2  b    2.5\n3  c    3.5\n", testkit.RunIn(t, dir, `loadMvccTable("mvcc", "t")`))
}

// Sessions appending to a shared MVCC table at the same time each hold
// its lock while their batch is logged: every row reaches the file.
func TestSharedTableConcurrentAppends(t *testing.T) {
	const n = 50
	dir := t.TempDir()
	e, err := engine.Open(engine.Options{DataDir: dir})
	require.NoError(t, err)
	testkit.Run(t, e.NewSession(), create+"share t as st")
	errs := make([]error, 3)
	testkit.Go(e, len(errs), func(i int, s *engine.Session) {
		_, errs[i] = s.Run(fmt.Sprintf("for (k in 1..%d) { tableInsert(st, k, `s%d, 1.0) }", n, i))
	})()
	for _, err := range errs {
		require.NoError(t, err)
	}
	require.NoError(t, e.Close())
	require.Equal(t, fmt.Sprint(3*n), testkit.RunIn(t, dir, `exec count(*) from loadMvccTable("mvcc", "t")`))
}
