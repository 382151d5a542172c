package mtw_test

import (
	"fmt"
	"math/rand"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/client"
	"github.com/porpoisedb/porpoise/internal/testkit"
	"github.com/porpoisedb/porpoise/mtw"
	"github.com/porpoisedb/porpoise/server"
	"github.com/porpoisedb/porpoise/value"
)

// The examples of the Python API's MultithreadedTableWriter page
// (seed 000), translated to Go.

// count runs a `select count(*)` and returns the count.
func count(t *testing.T, c *client.Conn, from string) int64 {
	t.Helper()
	v := testkit.Query(t, c, "select count(*) from "+from)
	tb, ok := v.(*value.Table)
	require.True(t, ok, "%v", v)
	n, ok := tb.Cols[0].At(0).Int64()
	require.True(t, ok)
	return n
}

const valuedb3 = `
    dbName = 'dfs://valuedb3';
    if(exists(dbName)){
        dropDatabase(dbName);
    }
    datetest=table(1000:0,` + "`date`symbol`id" + `,[DATE,SYMBOL,INT]);
    db = database(directory=dbName, partitionType=HASH, partitionScheme=[INT, 10]);
    pt=db.createPartitionedTable(datetest,'pdatetest','id');
`

// valuedb3Writer is the Python seed's writer into dfs://valuedb3
// (pdatetest: 5 threads by id, LZ4/DELTA compression).
func valuedb3Writer(t *testing.T, ts *server.TestServer) *mtw.Writer {
	t.Helper()
	w, err := mtw.New(mtw.Config{
		Host: ts.Host, Port: ts.Port, UserID: "admin", Password: "123456",
		DBPath: "dfs://valuedb3", TableName: "pdatetest",
		BatchSize: 10000, Throttle: time.Second, ThreadCount: 5, PartitionCol: "id",
		CompressMethods: []string{"LZ4", "LZ4", "DELTA"},
	})
	require.NoError(t, err)
	return w
}

// checkLayout checks Status.String against the Python printout's layout.
func checkLayout(t *testing.T, s mtw.Status, threads int) {
	t.Helper()
	lines := strings.Split(s.String(), "\n")
	require.Len(t, lines, 8+threads+1+1, s.String())
	code := s.ErrorCode
	if code == "" {
		code = "None"
	}
	require.Equal(t, "errorCode     : "+code, lines[0])
	require.Equal(t, " errorInfo     : "+s.ErrorInfo, lines[1])
	require.Equal(t, " isExiting     : True", lines[2])
	require.Equal(t, fmt.Sprintf(" sentRows      : %d", s.SentRows), lines[3])
	require.Equal(t, fmt.Sprintf(" unsentRows    : %d", s.UnsentRows), lines[4])
	require.Equal(t, fmt.Sprintf(" sendFailedRows: %d", s.SendFailedRows), lines[5])
	require.Equal(t, " threadStatus  : ", lines[6])
	require.Equal(t, " \tthreadId\tsentRows\tunsentRows\tsendFailedRows", lines[7])
	require.Equal(t, fmt.Sprintf("\t%8d\t%8d\t%10d\t%14d", 0, 0, s.ThreadStatus[0].UnsentRows, s.ThreadStatus[0].SendFailedRows), lines[8])
	for i := 1; i <= threads; i++ {
		ts := s.ThreadStatus[i]
		require.NotZero(t, ts.ThreadID)
		require.Equal(t, fmt.Sprintf("\t%8d\t%8d\t%10d\t%14d", ts.ThreadID, ts.SentRows, ts.UnsentRows, ts.SendFailedRows), lines[8+i])
	}
	require.Equal(t, "", lines[len(lines)-1])
}

// §2.4: 10 rows into a shared in-memory table, one with 2 values.
func TestSeedInsertInMemory(t *testing.T) {
	ts := server.RunT(t)
	s := ts.Dial(t)
	testkit.Query(t, s, "t = table(1000:0, `date`ticker`price, [DATE,SYMBOL,LONG]);\nshare t as tglobal;")

	writer, err := mtw.New(mtw.Config{
		Host: ts.Host, Port: ts.Port, UserID: "admin", Password: "123456", DBPath: "", TableName: "tglobal",
		BatchSize: 10, Throttle: time.Second, ThreadCount: 5, PartitionCol: "date",
	})
	require.NoError(t, err)
	var out strings.Builder
	for i := 0; i < 10; i++ {
		date := time.Date(2022, 3, 20+i%6, 0, 0, 0, 0, time.UTC)
		var res mtw.ErrorCodeInfo
		if i == 3 {
			res = writer.Insert(date, rand.Intn(10000)+1)
		} else {
			res = writer.Insert(date, "AAAA", rand.Intn(10000)+1)
		}
		if res.HasError() {
			fmt.Fprintln(&out, "insert error: ", res.Info)
		}
	}
	writer.WaitForThreadCompletion()
	require.Equal(t, "insert error:  Column counts don't match 3\n", out.String())
	require.EqualValues(t, 9, count(t, s, "tglobal"))
	st := writer.GetStatus()
	require.True(t, st.Succeed())
	require.Equal(t, 9, st.SentRows)
	// The rows went to the writers of hash(date, 5) (mtw.md §4.4: DATE
	// 2022.03.20 = 19071 → writer 1 of 5).
	want := make([]int, 5)
	for i := 0; i < 10; i++ {
		if i != 3 {
			want[(19071+i%6)%5]++
		}
	}
	for k := 0; k < 5; k++ {
		require.Equal(t, want[k], st.ThreadStatus[k+1].SentRows, "writer %d", k)
	}
	checkLayout(t, st, 5)
}

// §4 steps 1-3: 100 rows into a DFS HASH table with compression.
func TestSeedDFSHashCompressed(t *testing.T) {
	ts := server.RunT(t)
	s := ts.Dial(t)
	testkit.Query(t, s, valuedb3)

	writer := valuedb3Writer(t, ts)
	ids := make([]int, 100)
	for i := range ids {
		ids[i] = rand.Intn(10000) + 1
		res := writer.Insert(rand.Intn(10000)+1, "AAAAAAAB", ids[i])
		require.False(t, res.HasError(), "MTW insert error: %s", res.Info)
	}
	writer.WaitForThreadCompletion()
	st := writer.GetStatus()
	require.True(t, st.Succeed())
	require.Equal(t, "None", strings.TrimSpace(strings.TrimPrefix(strings.Split(st.String(), "\n")[0], "errorCode     :")))
	require.Equal(t, 100, st.SentRows)
	require.Equal(t, 0, st.UnsentRows)
	require.Equal(t, 0, st.SendFailedRows)
	checkLayout(t, st, 5)
	require.EqualValues(t, 100, count(t, s, `loadTable("dfs://valuedb3","pdatetest")`))

	// Routing: HASH 10 on INT → key = id mod 10 (ids are positive), writer
	// key mod 5; the server's hashBucket agrees.
	want := make([]int, 5)
	for _, id := range ids {
		want[(id%10)%5]++
	}
	for k := 0; k < 5; k++ {
		require.Equal(t, want[k], st.ThreadStatus[k+1].SentRows, "writer %d", k)
	}
	v := testkit.Query(t, s, `exec sum(hashBucket(id, 10) != id % 10) from loadTable("dfs://valuedb3","pdatetest")`)
	n, _ := v.(*value.Scalar).Int64()
	require.Zero(t, n)
}

// §4 steps 4-5: conversion error, column-count error, "thread is exiting",
// getUnwrittenData and a new writer's insertUnwrittenData.
func TestSeedErrorHandling(t *testing.T) {
	ts := server.RunT(t)
	s := ts.Dial(t)
	testkit.Query(t, s, valuedb3)
	pt := `loadTable("dfs://valuedb3","pdatetest")`

	// Step 3: 100 rows already in the table.
	writer := valuedb3Writer(t, ts)
	for i := 0; i < 100; i++ {
		require.True(t, writer.Insert(rand.Intn(10000)+1, "AAAAAAAB", rand.Intn(10000)+1).Succeed())
	}
	writer.WaitForThreadCompletion()
	require.EqualValues(t, 100, count(t, s, pt))

	// Step 4.
	writer = valuedb3Writer(t, ts)
	var out strings.Builder
	date := time.Date(2022, 3, 23, 0, 0, 0, 0, time.UTC)
	// Python converts only when the inserting thread lets go of the GIL,
	// so the ten bad rows are all queued before the conversion fails; Go
	// has no GIL: hold the conversion goroutine to get the same run.
	release := writer.HoldConversion()
	for i := 0; i < 100; i++ {
		require.True(t, writer.Insert(date, "AAAAAAAB", rand.Intn(10000)+1).Succeed())
	}
	for i := 0; i < 10; i++ {
		res := writer.Insert(date, 222, rand.Intn(10000)+1)
		require.False(t, res.HasError(), "Insert wrong format data:\n %s", res)
	}
	res := writer.Insert(date, "AAAAAAAB")
	if res.HasError() {
		fmt.Fprint(&out, "Column counts don't match:\n ", res)
	}
	release()
	require.Eventually(t, func() bool { return writer.GetStatus().HasError() }, 5*time.Second, time.Millisecond)
	res = writer.Insert(date, "AAAAAAAB", rand.Intn(10000)+1)
	if res.HasError() {
		fmt.Fprintf(&out, "MTW exit with exception %s\n", res.Info)
	} else {
		fmt.Fprintln(&out, "MTW has exited")
	}
	writer.WaitForThreadCompletion()
	st := writer.GetStatus()
	if st.HasError() {
		fmt.Fprintln(&out, "Error in writing:")
	}
	require.Equal(t, "Column counts don't match:\n errorCode: A2\n errorInfo: Column counts don't match 3\n"+
		"MTW exit with exception <Exception> in insert: thread is exiting.\n"+
		"Error in writing:\n", out.String())
	require.Equal(t, "A1", st.ErrorCode)
	require.Equal(t, "Data conversion error: Cannot convert long to SYMBOL", st.ErrorInfo)
	require.True(t, st.IsExiting)
	require.Equal(t, 0, st.SentRows)
	require.Equal(t, 110, st.UnsentRows+st.SendFailedRows, st.String())
	require.Equal(t, 110, st.ThreadStatus[0].SendFailedRows, "the failing chunk holds every row")
	checkLayout(t, st, 5)
	require.EqualValues(t, 100, count(t, s, pt))

	// Step 5.
	unwritten := writer.GetUnwrittenData()
	require.Len(t, unwritten, 110, "Unwrittendata: %d", len(unwritten))
	require.Empty(t, writer.GetUnwrittenData(), "getUnwrittenData releases the rows")
	newWriter := valuedb3Writer(t, ts)
	for _, row := range unwritten {
		row[1] = "aaaaa"
	}
	res = newWriter.InsertUnwrittenData(unwritten)
	require.False(t, res.HasError(), "Failed to write data again: \n%s", res)
	newWriter.WaitForThreadCompletion()
	st = newWriter.GetStatus()
	require.True(t, st.Succeed(), st.String())
	require.Equal(t, 110, st.SentRows)
	require.Equal(t, 0, st.UnsentRows)
	require.Equal(t, 0, st.SendFailedRows)
	checkLayout(t, st, 5)
	require.EqualValues(t, 210, count(t, s, pt))
	require.EqualValues(t, 110, count(t, s, pt+` where symbol = "aaaaa"`))
	require.EqualValues(t, 110, count(t, s, pt+` where date = 2022.03.23`))
}

// §5: ten goroutines insert 100 rows each.
func TestSeedConcurrentInsert(t *testing.T) {
	ts := server.RunT(t)
	s := ts.Dial(t)
	testkit.Query(t, s, valuedb3)

	writer := valuedb3Writer(t, ts)
	var wg sync.WaitGroup
	for g := 0; g < 10; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 100; i++ {
				if res := writer.Insert(rand.Intn(10000)+1, "AAAAAAAB", rand.Intn(10000)+1); res.HasError() {
					t.Errorf("MTW exit with exception %s", res.Info)
				}
			}
		}()
	}
	wg.Wait()
	writer.WaitForThreadCompletion()
	st := writer.GetStatus()
	require.True(t, st.Succeed(), st.String())
	require.Equal(t, 1000, st.SentRows)
	require.Equal(t, 0, st.UnsentRows)
	require.Equal(t, 0, st.SendFailedRows)
	checkLayout(t, st, 5)
	require.EqualValues(t, 1000, count(t, s, `loadTable("dfs://valuedb3","pdatetest")`))
}

// §2.3 mode="Upsert", modeOption=["true","`index"], batchSize=2,
// throttle=0.01 and three writers, on a keyed table (upsert! on DFS
// tables is not supported yet): the writers' upsert! calls run
// concurrently on the shared table.
func TestSeedUpsertKeyedTable(t *testing.T) {
	ts := server.RunT(t)
	s := ts.Dial(t)
	testkit.Query(t, s, "kt = keyedTable(`index, 1000:0, `index`price`name, [INT,DOUBLE,SYMBOL]);\nshare kt as kglobal;")
	cfg := mtw.Config{
		Host: ts.Host, Port: ts.Port, UserID: "admin", Password: "123456", TableName: "kglobal",
		BatchSize: 2, Throttle: 10 * time.Millisecond, ThreadCount: 3, PartitionCol: "index",
		CompressMethods: []string{"LZ4", "DELTA", "LZ4"},
		Mode:            "Upsert", ModeOption: []string{"true", "`index"},
	}
	writer, err := mtw.New(cfg)
	require.NoError(t, err)
	for i := 0; i < 100; i++ {
		require.True(t, writer.Insert(int32(i), float64(i)/2, "A").Succeed())
	}
	writer.WaitForThreadCompletion()
	st := writer.GetStatus()
	require.True(t, st.Succeed(), st.String())
	for k := 1; k <= 3; k++ {
		require.NotZero(t, st.ThreadStatus[k].SentRows, "every writer upserts: %s", st)
	}
	require.EqualValues(t, 100, count(t, s, "kglobal"))

	// Update half of the keys with a NULL price: ignoreNull=true keeps the
	// old prices, the names change; new keys are inserted.
	writer, err = mtw.New(cfg)
	require.NoError(t, err)
	for i := 50; i < 150; i++ {
		require.True(t, writer.Insert(i, nil, "B").Succeed())
	}
	writer.WaitForThreadCompletion()
	st = writer.GetStatus()
	require.True(t, st.Succeed(), st.String())
	require.Equal(t, 100, st.SentRows)
	require.EqualValues(t, 150, count(t, s, "kglobal"))
	require.EqualValues(t, 100, count(t, s, "kglobal where name = `B"))
	require.EqualValues(t, 100, count(t, s, "kglobal where price = index / 2.0"))
	require.EqualValues(t, 50, count(t, s, "kglobal where isNull(price)"))
}

// §2.3's constructor example as written: Upsert mode into the DFS table
// dfs://testMTW/pt, three writers routed by date, LZ4/DELTA compression,
// modeOption ["true", "`index"] (ignoreNull, keyColNames). On a DFS table
// the key is index plus the partitioning column date.
func TestSeedUpsertDFS(t *testing.T) {
	ts := server.RunT(t)
	s := ts.Dial(t)
	testkit.Query(t, s, `if(existsDatabase("dfs://testMTW")) dropDatabase("dfs://testMTW")
db = database("dfs://testMTW", VALUE, 2024.01.01..2024.01.03)
pt = db.createPartitionedTable(table(1:0, `+"`date`index`price`volume"+`, [DATE, INT, DOUBLE, LONG]), `+"`pt, `date"+`)`)
	cfg := mtw.Config{
		Host: ts.Host, Port: ts.Port, UserID: "admin", Password: "123456",
		DBPath: "dfs://testMTW", TableName: "pt",
		BatchSize: 2, Throttle: 10 * time.Millisecond, ThreadCount: 3, PartitionCol: "date",
		CompressMethods: []string{"LZ4", "DELTA", "LZ4", "DELTA"},
		Mode:            "Upsert", ModeOption: []string{"true", "`index"},
	}
	day := func(d int) time.Time { return time.Date(2024, 1, 1+d, 0, 0, 0, 0, time.UTC) }
	writer, err := mtw.New(cfg)
	require.NoError(t, err)
	for d := 0; d < 3; d++ {
		for i := 0; i < 30; i++ {
			require.True(t, writer.Insert(day(d), int32(i), float64(i), int64(100*i)).Succeed())
		}
	}
	writer.WaitForThreadCompletion()
	st := writer.GetStatus()
	require.True(t, st.Succeed(), st.String())
	require.EqualValues(t, 90, count(t, s, "loadTable('dfs://testMTW', 'pt')"))

	// Keys 20..39 of the second day: 10 updates (price NULL is ignored,
	// volume changes) and 10 new rows; the other days are untouched.
	writer, err = mtw.New(cfg)
	require.NoError(t, err)
	for i := 20; i < 40; i++ {
		require.True(t, writer.Insert(day(1), int32(i), nil, int64(-1)).Succeed())
	}
	writer.WaitForThreadCompletion()
	st = writer.GetStatus()
	require.True(t, st.Succeed(), st.String())
	pt := "loadTable('dfs://testMTW', 'pt')"
	require.EqualValues(t, 100, count(t, s, pt))
	require.EqualValues(t, 20, count(t, s, pt+" where volume = -1"))
	require.EqualValues(t, 10, count(t, s, pt+" where date = 2024.01.02, volume = -1, price = index"))
	require.EqualValues(t, 10, count(t, s, pt+" where date = 2024.01.02, isNull(price)"))
	require.EqualValues(t, 60, count(t, s, pt+" where date != 2024.01.02, volume = index * 100"))
}
