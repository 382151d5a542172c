package server_test

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/porpoisedb/porpoise/client"
	"github.com/porpoisedb/porpoise/engine"
	"github.com/porpoisedb/porpoise/mtw"
	"github.com/porpoisedb/porpoise/server"
)

// exampleT stands for the *testing.T of a real test in these examples: it
// prints failures (so an example's output shows them) and runs what was
// registered with Cleanup when done is called, as the end of a test does.
type exampleT struct {
	testing.TB
	cleanups []func()
	dirs     []string
}

func newT() *exampleT { return &exampleT{} }

func (t *exampleT) Helper()                        {}
func (t *exampleT) Errorf(format string, a ...any) { fmt.Printf("FAIL: "+format+"\n", a...) }
func (t *exampleT) Fatalf(format string, a ...any) { fmt.Printf("FAIL: "+format+"\n", a...) }
func (t *exampleT) Cleanup(f func())               { t.cleanups = append(t.cleanups, f) }
func (t *exampleT) TempDir() string {
	d, err := os.MkdirTemp("", "porpoise-example")
	if err != nil {
		panic(err)
	}
	t.dirs = append(t.dirs, d)
	return d
}

func (t *exampleT) done() {
	for i := len(t.cleanups) - 1; i >= 0; i-- {
		t.cleanups[i]()
	}
	for _, d := range t.dirs {
		os.RemoveAll(d)
	}
}

func connect(ts *server.TestServer) *client.Conn {
	c, err := client.Dial(context.Background(), ts.Addr, client.Options{User: "admin", Password: "123456"})
	if err != nil {
		panic(err)
	}
	return c
}

func ExampleRunT() {
	t := newT() // in a test: the test's *testing.T
	defer t.done()

	ts := server.RunT(t) // stopped by t.Cleanup
	c, _ := client.Dial(context.Background(), ts.Addr, client.Options{User: "admin", Password: "123456"})
	defer c.Close()
	v, _ := c.Run(context.Background(), "1 + 2")
	fmt.Println(v)
	// Output: 3
}

func ExampleTestServer_CheckRows() {
	t := newT()
	defer t.done()
	ts := server.RunT(t)
	c := connect(ts)
	defer c.Close()
	c.Run(context.Background(), "share table(1 2 as id, `AAPL`MSFT as sym, 10.5 20.0 as px) as trades")

	ts.CheckRows(t, "trades", [][]any{{1, "AAPL", 10.5}, {2, "MSFT", 20.0}})
	ts.CheckRows(t, "trades", [][]any{{1, "AAPL", 10.5}, {2, "MSFT", 21.0}}) // fails
	// Output:
	// FAIL: CheckRows(trades): row 1 column 2 is "20", want "21"
	// want:
	//   1	AAPL	10.5
	//   2	MSFT	21
	// got:
	//   1	AAPL	10.5
	//   2	MSFT	20
}

func ExampleTestServer_CheckCount() {
	t := newT()
	defer t.done()
	ts := server.RunT(t)
	c := connect(ts)
	defer c.Close()
	c.Run(context.Background(), `db = database("dfs://ex", VALUE, 1..3); t = table(1 2 3 as id); db.createPartitionedTable(t, "pt", "id").append!(t)`)

	ts.CheckCount(t, `loadTable("dfs://ex", "pt")`, 3)
	ts.CheckCount(t, `loadTable("dfs://ex", "pt")`, 4) // fails
	// Output:
	// FAIL: CheckCount(loadTable("dfs://ex", "pt")): 3 rows, want 4
}

func ExampleTestServer_Restart() {
	t := newT()
	defer t.done()
	ts := server.RunT(t, server.WithPersistence()) // dfs:// data in a temporary directory
	c := connect(ts)
	c.Run(context.Background(), `db = database("dfs://kept", VALUE, 1..3); t = table(1 2 3 as id); db.createPartitionedTable(t, "pt", "id").append!(t)`)

	ts.Restart() // same address; connections are closed
	_, err := c.Run(context.Background(), "1")
	fmt.Println("old connection fails:", err != nil)
	c = connect(ts)
	defer c.Close()
	v, _ := c.Run(context.Background(), `exec count(*) from loadTable("dfs://kept", "pt")`)
	fmt.Println("rows after restart:", v)
	// Output:
	// old connection fails: true
	// rows after restart: 3
}

func ExampleTestServer_SetError() {
	t := newT()
	defer t.done()
	ts := server.RunT(t)
	ts.SetError("The server is overloaded.")
	c := connect(ts) // logging in still works
	defer c.Close()
	_, err := c.Run(context.Background(), "1 + 1")
	fmt.Println(err)
	ts.SetError("")
	v, _ := c.Run(context.Background(), "1 + 1")
	fmt.Println(v)
	// Output:
	// The server is overloaded.
	// 2
}

func ExampleTestServer_FailNext() {
	t := newT()
	defer t.done()
	ts := server.RunT(t)
	c := connect(ts)
	defer c.Close()
	ts.FailNext(1, "Out of memory")
	for range 2 {
		v, err := c.Run(context.Background(), "1 + 1")
		fmt.Println(v, err)
	}
	// Output:
	// <nil> Out of memory
	// 2 <nil>
}

// ExampleTestServer_DropAfter breaks a MultithreadedTableWriter's
// connection in the middle of a batch: the writer reports the failure and
// keeps the rows it could not write.
func ExampleTestServer_DropAfter() {
	t := newT()
	defer t.done()
	ts := server.RunT(t)
	c := connect(ts)
	defer c.Close()
	c.Run(context.Background(), "share table(1:0, `id`sym, [INT, SYMBOL]) as quotes")

	w, _ := mtw.New(mtw.Config{Host: ts.Host, Port: ts.Port, UserID: "admin", Password: "123456",
		TableName: "quotes", BatchSize: 100, Throttle: 10 * time.Millisecond})
	ts.DropAfter(50) // the writer's first batch is cut after 50 bytes
	for i := range 100 {
		w.Insert(int32(i), "AAPL")
	}
	w.WaitForThreadCompletion()
	st := w.GetStatus()
	fmt.Println("failed:", st.ErrorCode != "", "unwritten rows:", len(w.GetUnwrittenData()))
	ts.CheckCount(t, "quotes", 0)
	// Output: failed: true unwritten rows: 100
}

func ExampleTestServer_StallAfter() {
	t := newT()
	defer t.done()
	ts := server.RunT(t)
	c := connect(ts)
	defer c.Close()
	release := ts.StallAfter(0) // the next request hangs
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	_, err := c.Run(ctx, "1 + 1")
	fmt.Println(err)
	release()
	// Output: context deadline exceeded
}

func ExampleTestServer_SetNow() {
	t := newT()
	defer t.done()
	ts := server.RunT(t)
	ts.SetNow(time.Date(2024, 3, 15, 9, 30, 0, 0, time.UTC))
	c := connect(ts)
	defer c.Close()
	v, _ := c.Run(context.Background(), "today()")
	fmt.Println(v)
	// Output: 2024.03.15
}

func ExampleTestServer_SetSeed() {
	t := newT()
	defer t.done()
	draw := func(seed int64) string {
		ts := server.RunT(t)
		ts.SetSeed(seed)
		c := connect(ts)
		defer c.Close()
		v, _ := c.Run(context.Background(), "rand(100, 5)")
		return v.String()
	}
	fmt.Println(draw(42) == draw(42), strings.HasPrefix(draw(1), "["))
	// Output: true true
}

func ExampleWithEngineOptions() {
	t := newT()
	defer t.done()
	// A fixed seed makes rand() draw the same values in every run.
	ts := server.RunT(t, server.WithEngineOptions(engine.Options{Seed: 42}))
	c := connect(ts)
	defer c.Close()
	a, _ := c.Run(context.Background(), "rand(1000, 3)")

	ts2 := server.RunT(t, server.WithEngineOptions(engine.Options{Seed: 42}))
	c2 := connect(ts2)
	defer c2.Close()
	b, _ := c2.Run(context.Background(), "rand(1000, 3)")
	fmt.Println("same draws:", fmt.Sprint(a) == fmt.Sprint(b))
	// Output: same draws: true
}
