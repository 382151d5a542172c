package imoltp_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/config"
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/engine"
	"github.com/porpoisedb/porpoise/imoltp"
	"github.com/porpoisedb/porpoise/internal/testkit"
	"github.com/porpoisedb/porpoise/recframe"
)

// A transaction block is one unit in the redo file: when the process
// stops after its first statement's record reached the file but before
// its commit record did, none of it is replayed, and the redo file goes
// on from where the block began.
func TestCrashInsideBlockKeepsNone(t *testing.T) {
	dir := t.TempDir()
	testkit.RunIn(t, dir, setup, `pt = loadTable("oltp://d", "t")
transaction {
	insert into pt values(6, 60, "f")
	update pt set val = 0 where id = 1
	insert into pt values(7, 70, "g")
}`)
	redo := filepath.Join(dir, "IMOLTP", "im_oltp.redo")
	data, err := os.ReadFile(redo)
	require.NoError(t, err)
	// the block's begin record, then its first statement's
	var offs []int
	var kinds []byte
	for off := 0; off < len(data); {
		kind, _, n, err := recframe.Next(data[off:])
		require.NoError(t, err)
		offs, kinds = append(offs, off), append(kinds, kind)
		off += n
	}
	b := strings.LastIndexByte(string(kinds), 'B')
	require.Positive(t, b)
	require.Equal(t, byte('C'), kinds[len(kinds)-1])
	cut := offs[b+2] // after the begin record and the first change
	require.NoError(t, os.Truncate(redo, int64(cut)))

	require.Equal(t, testkit.RunIn(t, t.TempDir(), setup, show), testkit.RunIn(t, dir, show))
	// the uncommitted tail is gone from the file: later changes are
	// kept, and not mistaken for the block's
	testkit.RunIn(t, dir, `q = loadTable("oltp://d", "t")
insert into q values(8, 80, "h")`)
	got := testkit.RunIn(t, dir, show)
	require.Contains(t, got, "8  80  h")
	require.NotContains(t, got, "60")
	require.NotContains(t, got, "70")
}

// Sessions don't see each other's uncommitted changes: a block works on
// its own copy of the tables until it commits; a block that changed a
// row another transaction changed meanwhile fails and changes nothing.
func TestBlocksIsolated(t *testing.T) {
	dir := t.TempDir()
	e := testkit.OnDisk(t, dir)
	defer e.Close()
	testkit.RunAll(t, e, setup)
	started := filepath.Join(dir, "started")
	proceed := filepath.Join(dir, "proceed")
	done := make(chan error, 1)
	go func() {
		_, err := e.NewSession().Run(`pt = loadTable("oltp://d", "t")
transaction {
	insert into pt values(100, 1, "x")
	delete from pt where id = 1
	saveText("s", "` + started + `")
	for (i in 0:2000) { if (exists("` + proceed + `")) break; sleep(5) }
	insert into pt values(101, 1, "y")
}`)
		done <- err
	}()
	waitFile(t, started)
	other := e.NewSession()
	// the block's insert and delete are not seen
	require.Equal(t, "[1,2,3,4,5]", testkit.Run(t, other, `exec id from loadTable("oltp://d", "t") order by id`))
	require.Equal(t, "0", testkit.Run(t, other, `exec count(*) from loadTable("oltp://d", "t") where id = 100`))
	// a statement of another session commits at once; it writes a row
	// the block deleted
	testkit.Run(t, other, "q = loadTable(\"oltp://d\", \"t\")\ninsert into q values(200, 2, `z)\nupdate q set val = -5 where id = 1")
	require.NoError(t, os.WriteFile(proceed, nil, 0o600))
	err := <-done
	require.Error(t, err)
	require.Contains(t, err.Error(), ddberr.Errorf("The transaction conflicts with another transaction that changed IMOLTP table [%s] after it began; it is rolled back.", "oltp://d/t").Error())
	want := "[1,2,3,4,5,200]"
	require.Equal(t, want, testkit.Run(t, other, `exec id from loadTable("oltp://d", "t") order by id`))
	e.Close()
	require.Equal(t, want, testkit.RunIn(t, dir, `exec id from loadTable("oltp://d", "t") order by id`))
}

// A block that commits makes its changes visible to every session at
// once, and a block only reading a table changed meanwhile commits.
func TestBlockCommitVisible(t *testing.T) {
	e := testkit.OnDisk(t, t.TempDir())
	defer e.Close()
	testkit.RunAll(t, e, setup)
	a, b := e.NewSession(), e.NewSession()
	testkit.Run(t, a, `pt = loadTable("oltp://d", "t")
transaction {
	insert into pt values(6, 60, "f")
	update pt set val = -1 where id = 2
}`)
	require.Equal(t, "[10,-1,30,40,50,60]", testkit.Run(t, b, `exec val from loadTable("oltp://d", "t") order by id`))
	testkit.Run(t, a, `transaction { n = exec count(*) from pt }`)
	require.Equal(t, "6", testkit.Run(t, a, "n"))
}

// IMOLTPSyncOnTxnCommit=true syncs the redo file at each commit: of a
// block once, of a statement outside a block once.
func TestSyncOnCommit(t *testing.T) {
	for _, sync := range []bool{false, true} {
		dir := t.TempDir()
		cfg := config.Default()
		cfg.IMOLTP.SyncOnTxnCommit = sync
		e, err := engine.Open(engine.Options{DataDir: dir, Config: &cfg})
		require.NoError(t, err)
		s := e.NewSession()
		testkit.Run(t, s, setup)
		before := imoltp.Syncs()
		testkit.Run(t, s, `transaction {
	insert into pt values(6, 60, "f")
	insert into pt values(7, 70, "g")
}
insert into pt values(8, 80, "h")`)
		require.NoError(t, e.Close())
		want := int64(0)
		if sync {
			want = 2
		}
		require.Equal(t, want, imoltp.Syncs()-before)
	}
}

// waitFile waits for a file a script writes.
func waitFile(t *testing.T, path string) {
	t.Helper()
	for range 2000 {
		if _, err := os.Stat(path); err == nil {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatalf("%s never appeared", path)
}

// A redo file path that names a directory stops the engine (S07000).
func TestRedoPathIsDirectory(t *testing.T) {
	dir := t.TempDir()
	redo := filepath.Join(dir, "IMOLTP", "im_oltp.redo")
	require.NoError(t, os.MkdirAll(redo, 0o755))
	want := ddberr.Errorf("[IMOLTP] Failed to start service: Invalid redo file path [%s]: A directory with the same name already exists. RefId: S07000", redo)
	require.Contains(t, runErr(t, dir, `database("oltp://d", VALUE, 1..3, , "IMOLTP")`), want.Error())
}

// IMOLTPCheckpointInterval is kept by a timer: changes left in the redo
// file are folded into a checkpoint once the interval has passed, with
// no statement coming after them; closing the engine stops the timer.
func TestCheckpointTimer(t *testing.T) {
	before := imoltp.Timers()
	dir := t.TempDir()
	cfg := config.Default()
	cfg.IMOLTP.CheckpointInterval = 2
	e, err := engine.Open(engine.Options{DataDir: dir, Config: &cfg})
	require.NoError(t, err)
	s := e.NewSession()
	testkit.Run(t, s, setup)
	require.Equal(t, before+1, imoltp.Timers())
	redo := filepath.Join(dir, "IMOLTP", "im_oltp.redo")
	size := func() int64 {
		fi, err := os.Stat(redo)
		require.NoError(t, err)
		return fi.Size()
	}
	testkit.Run(t, s, "triggerCheckpointForIMOLTP(true, true)")
	empty := size()
	testkit.Run(t, s, `insert into pt values(6, 60, "f")`)
	require.Greater(t, size(), empty)
	require.Eventually(t, func() bool { return size() == empty }, 10*time.Second, 50*time.Millisecond)
	require.NoError(t, e.Close())
	require.Equal(t, before, imoltp.Timers())
	require.Contains(t, testkit.RunIn(t, dir, show), "6  60  f")
	require.Equal(t, before, imoltp.Timers())
}

// pausedBlock runs a transaction block in a new session of e: its
// statements before, then, once the file proceed exists, after. It
// returns when before has run; wait gives the block's error.
func pausedBlock(t *testing.T, e *engine.Engine, dir, name, before, after string) (proceed func() error) {
	started, goOn := filepath.Join(dir, name+".started"), filepath.Join(dir, name+".proceed")
	done := make(chan error, 1)
	go func() {
		_, err := e.NewSession().Run(`pt = loadTable("oltp://d", "t")
transaction {
` + before + `
	saveText("s", "` + started + `")
	for (i in 0:2000) { if (exists("` + goOn + `")) break; sleep(5) }
` + after + `
}`)
		done <- err
	}()
	waitFile(t, started)
	return func() error {
		require.NoError(t, os.WriteFile(goOn, nil, 0o600))
		return <-done
	}
}

// Conflicts are per row: blocks of two sessions writing different rows
// of a table both commit, whichever commits first; a block writing a row,
// or taking a unique key, another transaction wrote after the block
// began fails, with every change of it undone. A restart replays what
// was committed.
func TestBlocksConflictPerRow(t *testing.T) {
	dir := t.TempDir()
	e := testkit.OnDisk(t, dir)
	defer e.Close()
	testkit.RunAll(t, e, setup)
	other := e.NewSession()
	testkit.Run(t, other, `q = loadTable("oltp://d", "t")`)

	a := pausedBlock(t, e, dir, "a", `update pt set val = -1 where id = 1`, `insert into pt values(100, 100, "x")`)
	testkit.Run(t, other, `transaction {
	update q set val = -2 where id = 2
	delete from q where id = 3
	insert into q values(101, 101, "y")
}`)
	require.NoError(t, a())
	want := "[1,2,4,5,100,101]"
	require.Equal(t, want, testkit.Run(t, other, `exec id from q order by id`))
	require.Equal(t, "[-1,-2,40,50,100,101]", testkit.Run(t, other, `exec val from q order by id`))
	// the indexes took the merged rows
	require.Equal(t, "[100,101,0]", testkit.Run(t, other, `[(exec id from q where sym = "x")[0], (exec id from q where sym = "y")[0], (exec count(*) from q where sym = "c")]`))

	// the same row: the second to commit fails
	b := pausedBlock(t, e, dir, "b", `insert into pt values(102, 102, "z")`, `update pt set val = -4 where id = 4`)
	testkit.Run(t, other, `update q set val = 44 where id = 4`)
	err := b()
	require.Error(t, err)
	conflict := ddberr.Errorf("The transaction conflicts with another transaction that changed IMOLTP table [%s] after it began; it is rolled back.", "oltp://d/t").Error()
	require.Contains(t, err.Error(), conflict)

	// a unique secondary key taken by two rows
	c := pausedBlock(t, e, dir, "c", `insert into pt values(103, 103, "u")`, `update pt set val = 0 where id = 5`)
	testkit.Run(t, other, `insert into q values(104, 104, "u")`)
	err = c()
	require.Error(t, err)
	require.Contains(t, err.Error(), conflict)

	final := `select * from loadTable("oltp://d", "t") order by id`
	want = testkit.Run(t, other, final)
	require.Equal(t, "[1,2,4,5,100,101,104]", testkit.Run(t, other, `exec id from q order by id`))
	require.Equal(t, "[-1,-2,44,50,100,101,104]", testkit.Run(t, other, `exec val from q order by id`))
	require.NoError(t, e.Close())
	require.Equal(t, want, testkit.RunIn(t, dir, final))
}
