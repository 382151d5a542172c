package engine

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/porpoisedb/porpoise/internal/crashtest"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
	"github.com/stretchr/testify/require"
)

const crashDDLChildEnv = "PORPOISE_CRASH_DDL_CHILD_DIR"

// crashDDLTypes is the cycle replaceColumn! takes column x through:
// integral to integral, integral to floating, floating to integral.
var crashDDLTypes = []string{"INT", "LONG", "DOUBLE"}

// padOffset is what pad column pN holds above v: v + N*padOffset, so that
// a column read at another's position shows.
const padOffset = 1000

// TestCrashDDLChild is the writer of TestCrashRecoveryDDL. The table
// starts as part, batch, p0, p1, v, x; every batch k inserts 30 rows
// (x = v, pN = v + N*1000) and then changes the schema: k%3 == 0 converts
// x to the next type of crashDDLTypes (replaceColumn!, rewriting every
// chunk), k%3 == 1 drops the first pad column (dropColumns!, rewriting
// every chunk and shifting the columns after it), k%3 == 2 adds pad pk at
// the end (addColumn). Each step is acknowledged once it has returned:
// "ack k", "x <type index>", "drop N", "add N".
func TestCrashDDLChild(t *testing.T) {
	dir := crashtest.ChildDir(t, crashDDLChildEnv)
	e, err := Open(Options{DataDir: dir})
	crashtest.Check("open", err)
	s := e.NewSession()
	_, err = s.Run(`if(!existsDatabase("dfs://crashddl")) {
		db = database("dfs://crashddl", VALUE, 1..3)
		db.createPartitionedTable(table(1:0, ` + "`part`batch`p0`p1`v`x" + `, [INT, INT, INT, INT, INT, INT]), ` + "`pt, `part" + `)
	}
	pt = loadTable("dfs://crashddl", "pt")`)
	crashtest.Check("setup", err)
	run := func(what, script string) value.Value {
		v, err := s.Run(script)
		crashtest.Check(what, err)
		return v
	}
	for k := crashtest.NextBatch(s.Run("exec max(batch) from pt")); ; k++ {
		names, types := crashDDLSchema(run("schema", "schema(pt).colDefs"))
		cols := make([]string, len(names))
		for i, n := range names {
			switch {
			case n == "part":
				cols[i] = fmt.Sprintf("take(1 2 3, %d) as part", crashRowsPer)
			case n == "batch":
				cols[i] = fmt.Sprintf("take(%d, %d) as batch", k, crashRowsPer)
			case n == "v" || n == "x":
				cols[i] = fmt.Sprintf("1..%d as %s", crashRowsPer, n)
			default:
				cols[i] = fmt.Sprintf("(1..%d) + %d as %s", crashRowsPer, padNumber(n)*padOffset, n)
			}
		}
		run("insert", "pt.tableInsert(table("+strings.Join(cols, ", ")+"))")
		crashtest.Ack("ack", k)
		pads := slices.DeleteFunc(slices.Clone(names), func(n string) bool { return !strings.HasPrefix(n, "p") || n == "part" })
		switch {
		case k%3 == 0:
			next := (slices.Index(crashDDLTypes, types[slices.Index(names, "x")]) + 1) % len(crashDDLTypes)
			run("replace", fmt.Sprintf("replaceColumn!(pt, `x, array(%s))", crashDDLTypes[next]))
			crashtest.Ack("x", int64(next))
		case k%3 == 1 && len(pads) > 0:
			run("drop", fmt.Sprintf("dropColumns!(pt, %q)", pads[0]))
			crashtest.Ack("drop", int64(padNumber(pads[0])))
		case k%3 == 2:
			run("add", fmt.Sprintf("addColumn(pt, `p%d, INT)", k))
			crashtest.Ack("add", k)
		}
	}
}

// crashDDLSchema is the column names and type names of a colDefs table.
func crashDDLSchema(v value.Value) ([]string, []string) {
	tb := v.(*value.Table)
	return tb.Column("name").Strings(), tb.Column("typeString").Strings()
}

// padNumber is N of pad column pN.
func padNumber(name string) int {
	n, _ := strconv.Atoi(strings.TrimPrefix(name, "p"))
	return n
}

// TestCrashRecoveryDDL kills TestCrashDDLChild with SIGKILL at random
// moments (PORPOISE_CRASH_CYCLES times, 20 by default), many of them
// inside a column change, and after each restart checks that the table is
// all old or all new: every row's values sit in the columns the schema
// says (x = v, pN = v + N*1000 or NULL), x has the type last acknowledged
// or the one after, acknowledged drops stay dropped and acknowledged adds
// stay, and every acknowledged batch is present whole.
func TestCrashRecoveryDDL(t *testing.T) {
	dir, rng := crashtest.Parent(t, 5)
	cycles := crashtest.EnvInt(t, "PORPOISE_CRASH_CYCLES", 20)
	acked, dropped, added := map[int64]bool{}, map[int64]bool{}, map[int64]bool{}
	xAcked := int64(-1) // x is INT (index 0) until a replace is acknowledged
	sets := crashtest.AckNotes(t, map[string]map[int64]bool{"ack ": acked, "drop ": dropped, "add ": added})
	note := func(l string) {
		sets(l)
		if n, ok := strings.CutPrefix(l, "x "); ok {
			i, err := strconv.ParseInt(n, 10, 64)
			require.NoError(t, err)
			xAcked = i
		}
	}
	for cycle := 0; cycle < cycles; cycle++ {
		crashtest.KillOnce(t, rng, "TestCrashDDLChild", crashDDLChildEnv, dir,
			[]string{"open:", "setup:", "schema:", "insert:", "replace:", "drop:", "add:", "max:"}, note)
		checkCrashDDLState(t, dir, acked, dropped, added, xAcked)
	}
	changes := len(dropped) + len(added)
	require.NotEmpty(t, acked, "the writer acknowledged nothing in %d cycles", cycles)
	require.NotZero(t, changes, "the writer acknowledged no column change in %d cycles", cycles)
	t.Logf("%d cycles: %d acknowledged batches, %d drops/adds, x at type %d verified", cycles, len(acked), changes, xAcked)
}

func checkCrashDDLState(t *testing.T, dir string, acked, dropped, added map[int64]bool, xAcked int64) {
	e, err := Open(Options{DataDir: dir})
	require.NoError(t, err)
	defer e.Close()
	s := e.NewSession()
	if ok, _ := s.Run(`existsDatabase("dfs://crashddl")`); !ok.(*value.Scalar).Bool() {
		require.Empty(t, acked, "the database of acknowledged batches is gone")
		return
	}
	cd := mustRun(t, s, `schema(loadTable("dfs://crashddl", "pt")).colDefs`)
	names, types := crashDDLSchema(cd)
	xi := slices.Index(crashDDLTypes, types[slices.Index(names, "x")])
	require.GreaterOrEqual(t, xi, 0, "x has type %s", types[slices.Index(names, "x")])
	if xAcked >= 0 {
		require.Contains(t, []int{int(xAcked), int(xAcked+1) % len(crashDDLTypes)}, xi, "x is %s, acknowledged %s", crashDDLTypes[xi], crashDDLTypes[xAcked])
	}
	pads := map[int64]bool{}
	for _, n := range names {
		if strings.HasPrefix(n, "p") && n != "part" {
			pads[int64(padNumber(n))] = true
		}
	}
	live := []int64{0, 1}
	for n := range added {
		live = append(live, n)
	}
	slices.Sort(live)
	live = slices.DeleteFunc(live, func(n int64) bool { return dropped[n] })
	for n := range dropped {
		require.False(t, pads[n], "acknowledged drop of p%d is undone", n)
	}
	// drops take the first pad, so pads dropped by drops not yet
	// acknowledged are a prefix of the acknowledged ones
	for i, n := range live {
		if pads[n] {
			for _, m := range live[i+1:] {
				require.True(t, pads[m], "acknowledged add of p%d is lost (p%d is present)", m, n)
			}
			break
		}
	}

	v, err := s.Run(`select * from loadTable("dfs://crashddl", "pt")`)
	require.NoError(t, err, "the table cannot be read: chunks and schema disagree")
	tb := v.(*value.Table)
	long := func(name string) *value.Vector {
		c, err := cast.Vector(tb.Column(name), value.Long, 0)
		require.NoError(t, err)
		return c
	}
	batch, vs, xs := long("batch"), long("v"), long("x")
	present := map[int64]int64{}
	for r := range tb.Rows() {
		b, want := batch.I64[r], vs.I64[r]
		present[b]++
		require.True(t, want >= 1 && want <= crashRowsPer, "batch %d row %d: v is %d", b, r, want)
		require.Equal(t, want, xs.I64[r], "batch %d row %d: x", b, r)
	}
	for _, n := range names {
		if !strings.HasPrefix(n, "p") || n == "part" {
			continue
		}
		p := long(n)
		for r, got := range p.I64 {
			if got != value.NullInt64 {
				require.Equal(t, vs.I64[r]+int64(padNumber(n)*padOffset), got, "batch %d row %d: %s", batch.I64[r], r, n)
			}
		}
	}
	for k := range acked {
		require.Equal(t, int64(crashRowsPer), present[k], "acknowledged batch %d", k)
	}
	for k, n := range present {
		require.Equal(t, int64(crashRowsPer), n, "batch %d is partly present", k)
	}
}
