package imoltp_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/engine"
	"github.com/porpoisedb/porpoise/imoltp"
	"github.com/porpoisedb/porpoise/internal/testkit"
	"github.com/porpoisedb/porpoise/query/keyindex"
	"github.com/porpoisedb/porpoise/sqlparse"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/sqlparse/unparse"
	"github.com/porpoisedb/porpoise/value"
)

// indexed is db_distr_comp/db/imoltp.md's t2 with a non-unique
// secondary key too: a primary key id, a unique key (sym, val1) and a
// non-unique key val2.
const indexed = `db = database("oltp://ix", VALUE, 1..3, , "IMOLTP")
t2 = createIMOLTPTable(db, table(1:0, ["id", "sym", "val1", "val2"], [INT, STRING, LONG, DOUBLE]), "t2", "id", [["sym", "val1"], ["val1"]], [true, false])
n = %d
t2.tableInsert(table(1..n as id, take("Aa"+string(1..(n/10)), n) as sym, stretch(1..10, n) as val1, double(1..n) as val2))`

// whereOn answers the where clause conds on the table script's value is
// from the table's indexes (keyindex.Where, as a select does).
func whereOn(t *testing.T, s *engine.Session, table string, conds ...string) ([]int, int, bool) {
	t.Helper()
	v, err := s.Run(table)
	require.NoError(t, err)
	var where []ast.Expr
	for _, c := range conds {
		e, err := sqlparse.ParseExpr(c)
		require.NoError(t, err)
		where = append(where, e)
	}
	eval := func(e ast.Expr) (value.Value, error) { return s.Run(unparse.Format(e)) }
	rows, rest, ok := keyindex.Where(v.(*value.Table), where, eval)
	return rows, len(rest), ok
}

// Point and range conditions on the primary key, and on a secondary
// key's leading columns, are answered from the indexes; a condition on
// a composite key's second column alone, or on no key, is not.
func TestQueriesUseIndexes(t *testing.T) {
	_, s := testkit.Started(t, fmt.Sprintf(indexed, 100))
	cases := []struct {
		conds []string
		rows  []int
		rest  int
		ok    bool
	}{
		{[]string{"id == 5"}, []int{4}, 0, true},
		{[]string{"id in [7, 3, 1000]"}, []int{2, 6}, 0, true},
		// a range keeps its condition to settle strictness
		{[]string{"id > 97"}, []int{96, 97, 98, 99}, 1, true},
		{[]string{"id >= 3", "id < 5"}, []int{2, 3, 4}, 2, true},
		{[]string{"id between 99:200"}, []int{98, 99}, 1, true},
		// the unique key's leading column, then both of its columns
		{[]string{`sym == "Aa3"`, "val2 < 30"}, []int{2, 12, 22, 32, 42, 52, 62, 72, 82, 92}, 1, true},
		{[]string{`sym == "Aa3" && val1 == 1`}, []int{2}, 0, true},
		{[]string{`sym == "Aa3"`, "val1 > 9"}, []int{82, 92}, 1, true},
		// the non-unique key
		{[]string{"val1 == 2"}, []int{10, 11, 12, 13, 14, 15, 16, 17, 18, 19}, 0, true},
		// the primary key wins over a secondary key
		{[]string{"val1 == 2", "id == 12"}, []int{11}, 1, true},
		// no usable index: val2 is no key
		{[]string{"val2 == 5"}, nil, 0, false},
	}
	for _, c := range cases {
		rows, rest, ok := whereOn(t, s, "t2", c.conds...)
		require.Equal(t, c.ok, ok, "%v", c.conds)
		require.Equal(t, c.rows, rows, "%v", c.conds)
		require.Equal(t, c.rest, rest, "%v", c.conds)
	}
	// the indexes follow updates and deletes
	testkit.Run(t, s, `delete from t2 where id = 5
update t2 set id = 500 where id = 6`)
	rows, _, ok := whereOn(t, s, "t2", "id in [5, 6, 500]")
	require.True(t, ok)
	require.Equal(t, []int{4}, rows) // id 6 moved up a row
	require.Equal(t, "[500]", testkit.Run(t, s, "exec id from t2 where id in [5, 6, 500]"))
}

// A point lookup on the primary key of a 1,000,000-row table, against
// the same lookup on a column no index has (a scan); the ratio is the
// scan's time over the lookup's. Then a point update and a point delete
// by the primary key, against the old path: the row found by a scan of
// a column no index has, every index rebuilt and the whole table logged
// (imoltp.SetRewriteAll); on an engine with a data directory, so the
// redo file is written as a server writes it.
func BenchmarkPointLookup(b *testing.B) {
	e, s := testkit.Started(b, fmt.Sprintf(indexed, 1_000_000))
	_ = e
	timed := func(q func(i int) string) time.Duration {
		start := time.Now()
		for i := range b.N {
			if _, err := s.Run(q(i)); err != nil {
				b.Fatal(err)
			}
		}
		return time.Since(start)
	}
	fixed := func(q string) func(int) string { return func(int) string { return q } }
	b.ResetTimer()
	index := timed(fixed("select * from t2 where id = 500000"))
	scan := timed(fixed("select * from t2 where val2 = 500000"))
	b.ReportMetric(float64(index.Nanoseconds())/float64(b.N), "index-ns/op")
	b.ReportMetric(float64(scan.Nanoseconds())/float64(b.N), "scan-ns/op")
	b.ReportMetric(float64(scan)/float64(index), "ratio")

	b.StopTimer()
	disk := testkit.OnDisk(b, b.TempDir())
	defer disk.Close()
	s = disk.NewSession()
	testkit.Run(b, s, fmt.Sprintf(indexed, 1_000_000))
	b.StartTimer()
	// each delete takes a row no earlier one took
	update := timed(func(i int) string { return fmt.Sprintf("update t2 set val2 = -1.0 where id = %d", 1+i) })
	del := timed(func(i int) string { return fmt.Sprintf("delete from t2 where id = %d", 1+i) })
	imoltp.SetRewriteAll(true)
	defer imoltp.SetRewriteAll(false)
	oldUpdate := timed(func(i int) string { return fmt.Sprintf("update t2 set val2 = -2.0 where val2 = %d", 500001+i) })
	oldDel := timed(func(i int) string { return fmt.Sprintf("delete from t2 where val2 = %d", 600001+i) })
	b.ReportMetric(float64(update.Nanoseconds())/float64(b.N), "update-ns/op")
	b.ReportMetric(float64(oldUpdate.Nanoseconds())/float64(b.N), "old-update-ns/op")
	b.ReportMetric(float64(oldUpdate)/float64(update), "update-ratio")
	b.ReportMetric(float64(del.Nanoseconds())/float64(b.N), "delete-ns/op")
	b.ReportMetric(float64(oldDel.Nanoseconds())/float64(b.N), "old-delete-ns/op")
	b.ReportMetric(float64(oldDel)/float64(del), "delete-ratio")
}
