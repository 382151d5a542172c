package mtw

import (
	"bufio"
	"context"
	"io"
	"math/big"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/internal/testkit"
	"github.com/porpoisedb/porpoise/server"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/wire"
)

// recorder is a TCP proxy in front of a server that decodes every request
// its clients send.
type recorder struct {
	mu   sync.Mutex
	reqs map[int][]*wire.Request // by connection number
	next int
	host string
	port int
}

func startRecorder(t *testing.T, target string) *recorder {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	t.Cleanup(func() { l.Close() })
	r := &recorder{reqs: map[int][]*wire.Request{}}
	a := l.Addr().(*net.TCPAddr)
	r.host, r.port = a.IP.String(), a.Port
	go func() {
		for {
			cc, err := l.Accept()
			if err != nil {
				return
			}
			sc, err := net.Dial("tcp", target)
			if err != nil {
				cc.Close()
				continue
			}
			r.mu.Lock()
			id := r.next
			r.next++
			r.mu.Unlock()
			pr, pw := io.Pipe()
			go func() { io.Copy(cc, sc); cc.Close() }()
			go func() { io.Copy(io.MultiWriter(sc, pw), cc); pw.Close(); sc.Close() }()
			go func() {
				rd := wire.NewReader(bufio.NewReader(pr))
				for {
					q, err := rd.ReadRequest()
					if err != nil {
						io.Copy(io.Discard, pr)
						return
					}
					r.mu.Lock()
					r.reqs[id] = append(r.reqs[id], q)
					r.mu.Unlock()
				}
			}()
		}
	}()
	return r
}

func (r *recorder) conns() map[int][]*wire.Request {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := map[int][]*wire.Request{}
	for k, v := range r.reqs {
		out[k] = append([]*wire.Request(nil), v...)
	}
	return out
}

func describe(q *wire.Request) string {
	switch q.Kind {
	case wire.KindScript:
		return "script " + q.Script
	case wire.KindFunction:
		return "function " + q.Function
	}
	return q.Command
}

// TestRequests checks the requests of mtw.md §2 and §3: the setup
// session's schema() and probe, one session per writer, batches as
// function calls with one table argument.
func TestRequests(t *testing.T) {
	ts := server.RunT(t)
	setupTables(t, ts)
	rec := startRecorder(t, ts.Addr)
	w, err := New(Config{Host: rec.host, Port: rec.port, UserID: "admin", Password: "123456",
		DBPath: "dfs://h", TableName: "pt", BatchSize: 1000, Throttle: time.Hour, ThreadCount: 3,
		PartitionCol: "id", CompressMethods: []string{"LZ4", "LZ4", "DELTA"}})
	require.NoError(t, err)
	for i := 0; i < 300; i++ {
		require.True(t, w.Insert(time.Date(2022, 3, 23, 0, 0, 0, 0, time.UTC), "S"+string(rune('A'+i%3)), i).Succeed())
	}
	w.WaitForThreadCompletion()
	require.True(t, w.GetStatus().Succeed())
	// The recorder decodes a copy of each stream on its own goroutine, so
	// a batch the server has already acknowledged may not be recorded
	// yet: wait for all 300 rows, not only for the four connections.
	require.Eventually(t, func() bool {
		conns := rec.conns()
		if len(conns) != 4 {
			return false
		}
		n := 0
		for k := 1; k <= 3; k++ {
			for _, q := range conns[k] {
				if q.Kind == wire.KindFunction && len(q.Args) == 1 {
					if tb, ok := q.Args[0].(*value.Table); ok {
						n += tb.Rows()
					}
				}
			}
		}
		return n == 300
	}, 5*time.Second, 10*time.Millisecond)

	conns := rec.conns()
	var setup []string
	for _, q := range conns[0] {
		setup = append(setup, describe(q))
	}
	require.Equal(t, []string{"connect", "script login('admin','123456')",
		`script schema(loadTable("dfs://h","pt"))`, `script funcByName("getStreamTableTimestamp");`}, setup)
	rows := 0
	for k := 1; k <= 3; k++ {
		qs := conns[k]
		require.GreaterOrEqual(t, len(qs), 3)
		require.Equal(t, "connect", describe(qs[0]))
		require.Equal(t, "script login('admin','123456')", describe(qs[1]))
		for _, q := range qs[2:] {
			require.Equal(t, `function tableInsert{loadTable("dfs://h","pt")}`, describe(q))
			require.Equal(t, wire.FlagCompress|wire.FlagAPIClient, q.Options.Flags)
			require.Len(t, q.Args, 1)
			tb := q.Args[0].(*value.Table)
			require.Equal(t, []string{"date", "symbol", "id"}, tb.Names)
			require.Equal(t, []value.Type{value.Date, value.Symbol, value.Int}, tb.Types())
			for i := 0; i < tb.Rows(); i++ {
				id := tb.Cols[2].I32[i]
				require.Equal(t, k-1, int(id%10)%3, "row routed to writer of hash(id,10) mod 3")
			}
			rows += tb.Rows()
		}
	}
	require.Equal(t, 300, rows)
}

// TestBatchLimit: a request carries at most max(BatchSize, 65535) rows.
func TestBatchLimit(t *testing.T) {
	ts := server.RunT(t)
	setupTables(t, ts)
	rec := startRecorder(t, ts.Addr)
	w, err := New(Config{Host: rec.host, Port: rec.port, UserID: "admin", Password: "123456",
		TableName: "tglobal", BatchSize: 200000, Throttle: time.Hour})
	require.NoError(t, err)
	const n = 70000
	for i := 0; i < n; i++ {
		w.Insert(int32(19000+i%100), "A", i)
	}
	w.WaitForThreadCompletion()
	st := w.GetStatus()
	require.True(t, st.Succeed(), st.String())
	require.Equal(t, n, st.SentRows)
	require.Eventually(t, func() bool {
		c := rec.conns()
		total := 0
		for _, q := range c[1] {
			if q.Kind == wire.KindFunction {
				total += q.Args[0].(*value.Table).Rows()
			}
		}
		return total == n
	}, 5*time.Second, 10*time.Millisecond)
	var sizes []int
	for _, q := range rec.conns()[1] {
		if q.Kind == wire.KindFunction {
			sizes = append(sizes, q.Args[0].(*value.Table).Rows())
			require.Zero(t, q.Options.Flags&wire.FlagCompress)
		}
	}
	for _, s := range sizes {
		require.LessOrEqual(t, s, 200000)
	}
	require.Equal(t, 1, len(sizes), "fewer rows than BatchSize: one request at exit: %v", sizes)

	// With BatchSize 1, requests are capped at 65535 rows.
	rec2 := startRecorder(t, ts.Addr)
	w, err = New(Config{Host: rec2.host, Port: rec2.port, UserID: "admin", Password: "123456", TableName: "tglobal"})
	require.NoError(t, err)
	release := w.HoldConversion()
	for i := 0; i < n; i++ {
		w.Insert(int32(19000+i%100), "A", i)
	}
	release()
	w.WaitForThreadCompletion()
	require.Equal(t, n, w.GetStatus().SentRows)
	require.Eventually(t, func() bool { return len(rec2.conns()[1]) > 2 }, 5*time.Second, 10*time.Millisecond)
	for _, q := range rec2.conns()[1] {
		if q.Kind == wire.KindFunction {
			require.LessOrEqual(t, q.Args[0].(*value.Table).Rows(), chunkRows)
		}
	}
}

// TestThrottle: fewer than BatchSize rows leave after Throttle, without
// WaitForThreadCompletion; BatchSize rows leave at once.
func TestThrottle(t *testing.T) {
	ts := server.RunT(t)
	setupTables(t, ts)
	w, err := New(Config{Host: ts.Host, Port: ts.Port, UserID: "admin", Password: "123456",
		TableName: "tglobal", BatchSize: 100, Throttle: 50 * time.Millisecond})
	require.NoError(t, err)
	start := time.Now()
	for i := 0; i < 10; i++ {
		w.Insert(19000, "A", i)
	}
	require.Eventually(t, func() bool { return w.GetStatus().SentRows == 10 }, 5*time.Second, time.Millisecond)
	require.GreaterOrEqual(t, time.Since(start), 50*time.Millisecond)
	st := w.GetStatus()
	require.False(t, st.IsExiting)
	require.Equal(t, 0, st.UnsentRows)

	w2, err := New(Config{Host: ts.Host, Port: ts.Port, UserID: "admin", Password: "123456",
		TableName: "tglobal", BatchSize: 100, Throttle: time.Hour})
	require.NoError(t, err)
	for i := 0; i < 99; i++ {
		w2.Insert(19000, "A", i)
	}
	time.Sleep(20 * time.Millisecond)
	require.Equal(t, 0, w2.GetStatus().SentRows)
	require.Equal(t, 99, w2.GetStatus().UnsentRows)
	w2.Insert(19000, "A", 99)
	require.Eventually(t, func() bool { return w2.GetStatus().SentRows == 100 }, 5*time.Second, time.Millisecond)
	w.WaitForThreadCompletion()
	w2.WaitForThreadCompletion()
}

// TestSendFailure: a failed batch records A5, keeps its rows and stops
// the writer; GetUnwrittenData returns them as Go values.
func TestSendFailure(t *testing.T) {
	ts := server.RunT(t)
	c := setupTables(t, ts)
	w, err := New(Config{Host: ts.Host, Port: ts.Port, UserID: "admin", Password: "123456",
		DBPath: "dfs://h", TableName: "pt", BatchSize: 1000, Throttle: time.Hour, ThreadCount: 2, PartitionCol: "id"})
	require.NoError(t, err)
	testkit.Query(t, c, `dropDatabase("dfs://h")`)
	for i := 0; i < 20; i++ {
		require.True(t, w.Insert(time.Date(2022, 3, 23, 0, 0, 0, 0, time.UTC), "A", i).Succeed())
	}
	w.WaitForThreadCompletion()
	st := w.GetStatus()
	require.Equal(t, "A5", st.ErrorCode)
	require.True(t, strings.HasPrefix(st.ErrorInfo, "Failed to save the inserted data: Server Response: '"), st.ErrorInfo)
	require.True(t, strings.HasSuffix(st.ErrorInfo, `' script: tableInsert{loadTable("dfs://h","pt")}`), st.ErrorInfo)
	require.Equal(t, 0, st.SentRows)
	require.Equal(t, 20, st.SendFailedRows+st.UnsentRows, st.String())
	require.Greater(t, st.SendFailedRows, 0)
	require.Equal(t, errExiting, w.Insert(time.Now(), "A", 1))
	rows := w.GetUnwrittenData()
	require.Len(t, rows, 20)
	seen := map[int32]bool{}
	for _, r := range rows {
		require.Equal(t, time.Date(2022, 3, 23, 0, 0, 0, 0, time.UTC), r[0])
		require.Equal(t, "A", r[1])
		seen[r[2].(int32)] = true
	}
	require.Len(t, seen, 20)
	st = w.GetStatus()
	require.Equal(t, 0, st.SendFailedRows+st.UnsentRows)
}

// TestConversionFailureKeepsRows: rows after the failing segment stay
// unconverted, in insertion order, behind the failed ones.
func TestConversionFailureKeepsRows(t *testing.T) {
	ts := server.RunT(t)
	setupTables(t, ts)
	w := idleWriter(t, ts, "tglobal")
	release := w.HoldConversion()
	for i := 0; i < chunkRows+5; i++ {
		x := any("A")
		if i == 10 {
			x = 1.5
		}
		require.True(t, w.Insert(19000, x, i).Succeed())
	}
	st := w.GetStatus()
	require.Equal(t, chunkRows+5, st.ThreadStatus[0].UnsentRows)
	release()
	require.Eventually(t, func() bool { return w.GetStatus().HasError() }, 5*time.Second, time.Millisecond)
	w.WaitForThreadCompletion()
	st = w.GetStatus()
	require.Equal(t, "Data conversion error: Cannot convert double to SYMBOL", st.ErrorInfo)
	require.Equal(t, chunkRows, st.ThreadStatus[0].SendFailedRows)
	require.Equal(t, 5, st.ThreadStatus[0].UnsentRows)
	rows := w.GetUnwrittenData()
	require.Len(t, rows, chunkRows+5)
	for i, r := range rows {
		require.Equal(t, i, r[2], "original values, in order")
	}
}

func TestStatusString(t *testing.T) {
	st := Status{IsExiting: true, ErrorCode: "A1", ErrorInfo: "Data conversion error: Cannot convert double to LONG",
		SentRows: 2493, SendFailedRows: 7507, ThreadStatus: []ThreadStatus{
			{0, 0, 0, 7507}, {3567691520, 415, 0, 0}, {3489658624, 831, 0, 0}}}
	require.Equal(t, "errorCode     : A1\n"+
		" errorInfo     : Data conversion error: Cannot convert double to LONG\n"+
		" isExiting     : True\n"+
		" sentRows      : 2493\n"+
		" unsentRows    : 0\n"+
		" sendFailedRows: 7507\n"+
		" threadStatus  : \n"+
		" \tthreadId\tsentRows\tunsentRows\tsendFailedRows\n"+
		"\t       0\t       0\t         0\t          7507\n"+
		"\t3567691520\t     415\t         0\t             0\n"+
		"\t3489658624\t     831\t         0\t             0\n", st.String())
	require.True(t, st.HasError())
	require.False(t, st.Succeed())
	require.Equal(t, "errorCode: None\n errorInfo: None\n", ErrorCodeInfo{}.String())
	require.Equal(t, "errorCode: A2\n errorInfo: Column counts don't match 3\n",
		ErrorCodeInfo{Code: "A2", Info: "Column counts don't match 3"}.String())
}

// TestInsertUnwrittenDataCount: a row of the wrong size stops the call
// with A1; the rows before it are queued.
func TestInsertUnwrittenDataCount(t *testing.T) {
	ts := server.RunT(t)
	setupTables(t, ts)
	w, err := New(Config{Host: ts.Host, Port: ts.Port, UserID: "admin", Password: "123456", TableName: "tglobal"})
	require.NoError(t, err)
	res := w.InsertUnwrittenData([][]any{{19000, "A", 1}, {19000, "B"}, {19000, "C", 3}})
	require.Equal(t, ErrorCodeInfo{Code: "A1", Info: "arg size mismatch col size 3"}, res)
	w.WaitForThreadCompletion()
	require.Equal(t, 1, w.GetStatus().SentRows)
	require.Equal(t, errExiting, w.InsertUnwrittenData(nil))
}

// TestDecimalAndTypes writes every common column type through the server.
func TestDecimalAndTypes(t *testing.T) {
	ts := server.RunT(t)
	c := ts.Dial(t)
	_, err := c.Run(context.Background(), "t = table(1:0, `b`c`s`i`l`d`m`tm`ts`nts`f`db`sym`str`uid`ip`dec, "+
		"[BOOL,CHAR,SHORT,INT,LONG,DATE,MONTH,TIME,TIMESTAMP,NANOTIMESTAMP,FLOAT,DOUBLE,SYMBOL,STRING,UUID,IPADDR,DECIMAL64(2)]); share t as types")
	require.NoError(t, err)
	w, err := New(Config{Host: ts.Host, Port: ts.Port, UserID: "admin", Password: "123456", TableName: "types",
		ThreadCount: 2, PartitionCol: "sym", BatchSize: 10, Throttle: time.Millisecond,
		CompressMethods: []string{"LZ4", "LZ4", "DELTA", "DELTA", "DELTA", "DELTA", "DELTA", "DELTA", "DELTA", "DELTA", "LZ4", "DELTA", "LZ4", "LZ4", "LZ4", "LZ4", "DELTA"}})
	require.NoError(t, err)
	tm := time.Date(2022, 3, 23, 9, 30, 0, 123456789, time.UTC)
	require.True(t, w.Insert(true, 1, 2, 3, 4, tm, tm, tm, tm, tm, 1.5, 2.5, "A", "s",
		"5d212a78-cc48-e3b1-4235-b4d91473ee87", "192.168.1.13", Decimal{Unscaled: big.NewInt(1234), Scale: 2}).Succeed())
	require.True(t, w.Insert(nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, "B", nil, nil, nil, "3.14159").Succeed())
	w.WaitForThreadCompletion()
	require.True(t, w.GetStatus().Succeed(), w.GetStatus().String())
	v := testkit.Query(t, c, "select * from types order by sym")
	tb := v.(*value.Table)
	require.Equal(t, 2, tb.Rows())
	want := []string{"true", "1", "2", "3", "4", "2022.03.23", "2022.03M", "09:30:00.123", "2022.03.23T09:30:00.123",
		"2022.03.23T09:30:00.123456789", "1.5", "2.5", "A", "s", "5d212a78-cc48-e3b1-4235-b4d91473ee87", "192.168.1.13", "12.34"}
	for j, col := range tb.Cols {
		require.Equal(t, want[j], col.At(0).String(), tb.Names[j])
		if tb.Names[j] != "sym" && tb.Names[j] != "dec" {
			require.True(t, col.IsNull(1), tb.Names[j])
		}
	}
	require.Equal(t, "3.14", tb.Cols[16].At(1).String())
}
