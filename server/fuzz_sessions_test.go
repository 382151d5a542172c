package server

import (
	"context"
	"net"
	"sync"
	"testing"
	"time"

	"github.com/porpoisedb/porpoise/client"
	"github.com/porpoisedb/porpoise/config"
	"github.com/porpoisedb/porpoise/engine"
	"github.com/porpoisedb/porpoise/value"
)

// sessionScripts are the scripts FuzzSessions picks from: shared-object
// reads and writes through every access path, DFS create/append/query,
// session management, and work that only a cancellation, a disconnect or
// the request timeout ends.
var sessionScripts = []string{
	"1+1",
	"x = 1..1000; sum(x)",
	"share table(1:0, `k`v, [INT,DOUBLE]) as fzT",
	"tableInsert(fzT, 1..10, rand(1.0, 10))",
	"fzT.append!(table(1..5 as k, 1.0 2.0 3.0 4.0 5.0 as v))",
	"select count(*) from fzT",
	"size(fzT.k); fzT[0]",
	"update fzT set v = v + 1 where k = 1",
	"delete from fzT where k = 2",
	"undef(`fzT, SHARED)",
	"share dict(INT,DOUBLE) as fzD",
	"for (j in 0..50) { fzD[j] = 1.0 }",
	"fzD[3]",
	"share set(1 2 3) as fzS",
	"fzS.append!(4)",
	"undef(`fzD, SHARED); undef(`fzS, SHARED)",
	`if (!existsDatabase("dfs://fz")) { db = database("dfs://fz", VALUE, 1..5); db.createPartitionedTable(table(1:0, ["p", "v"], [INT, DOUBLE]), "pt", "p") }`,
	`pt = loadTable("dfs://fz", "pt"); pt.append!(table(take(1..5, 100) as p, rand(1.0, 100) as v))`,
	`select sum(v) from loadTable("dfs://fz", "pt") group by p`,
	`if (existsDatabase("dfs://fz")) { dropDatabase("dfs://fz") }`,
	"do {} while(true)",
	"sleep(5000)",
	"getSessionMemoryStat()",
	"getConsoleJobs()",
	"cancelConsoleJob(exec rootJobId from getConsoleJobs())",
	"closeSessions(exec sessionId from getSessionMemoryStat() where userId = `guest)",
	"getPerf()",
	`submitJob("fzj", "", def() { return 1..1000 })`,
	`cancelJob(exec jobId from getRecentJobs())`,
	"undef all",
	"login(`admin, `123456)",
	"logout()",
	"def f(n) { if (n <= 0) return 0; return 1 + f(n - 1) }; f(100)",
}

// FuzzSessions drives whole client sessions over TCP against one server:
// logins (right and wrong), scripts, uploads, function calls, raw bytes,
// requests cut off by a disconnect, and scripts cancelled from another
// session or abandoned by their client. The server must never panic or
// hang, and must serve a new client afterwards. CI runs it for a bounded
// time under -race (.ci/run).
func FuzzSessions(f *testing.F) {
	f.Add([]byte{0, 0, 1, 2, 1, 3, 1, 5, 3, 1})
	f.Add([]byte{0, 1, 1, 20, 7, 0, 0, 0, 1, 24})
	f.Add([]byte{0, 0, 0, 0, 1, 10, 1, 11, 4, 1, 12, 1, 9, 1, 26})
	f.Add([]byte{0, 0, 1, 16, 1, 17, 1, 18, 2, 9, 1, 19})
	f.Add([]byte{0, 0, 5, 'A', 'P', 'I', ' ', '1', ' ', '9', '9', '\n', 's'})
	f.Add([]byte{0, 0, 6, 21, 0, 0, 1, 25})

	cfg := config.Default()
	cfg.MaxMemSize = 0.25
	eng, err := engine.Open(engine.Options{Config: &cfg})
	if err != nil {
		f.Fatal(err)
	}
	srv := New(eng, Options{MaxFrame: 1 << 20, RequestTimeout: 300 * time.Millisecond, StallTimeout: 300 * time.Millisecond})
	var panics panicLog
	srv.onPanic = panics.record
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		f.Fatal(err)
	}
	go srv.Serve(l)
	addr := l.Addr().String()
	f.Cleanup(func() {
		srv.Close()
		eng.Close()
	})

	f.Fuzz(func(t *testing.T, prog []byte) {
		if len(prog) > 256 {
			prog = prog[:256]
		}
		d := &sessionDriver{t: t, addr: addr, prog: prog}
		d.run()
		d.closeAll()
		// the server serves a fresh client
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		c, err := client.Dial(ctx, addr, client.Options{User: "admin", Password: "123456"})
		if err != nil {
			t.Fatalf("server does not accept a client after %v: %v", prog, err)
		}
		v, err := c.Run(ctx, "1+1")
		c.Close()
		if err != nil || v.String() != "2" {
			t.Fatalf("server does not answer after %v: %v %v", prog, v, err)
		}
		if p := panics.take(); len(p) > 0 {
			t.Fatalf("server panicked on %v:\n%s", prog, p[0])
		}
	})
}

// sessionDriver interprets a fuzz input as a program of session
// operations; each operation reads its operands from the input.
type sessionDriver struct {
	t     *testing.T
	addr  string
	prog  []byte
	pc    int
	conns []*client.Conn
	raws  []net.Conn
	wg    sync.WaitGroup
}

func (d *sessionDriver) next() (byte, bool) {
	if d.pc >= len(d.prog) {
		return 0, false
	}
	b := d.prog[d.pc]
	d.pc++
	return b, true
}

// conn picks one of the open connections by the next byte.
func (d *sessionDriver) conn() *client.Conn {
	b, _ := d.next()
	if len(d.conns) == 0 {
		return nil
	}
	return d.conns[int(b)%len(d.conns)]
}

func (d *sessionDriver) ctx() (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), 10*time.Second)
}

func (d *sessionDriver) run() {
	for {
		op, ok := d.next()
		if !ok {
			return
		}
		ctx, cancel := d.ctx()
		switch op % 8 {
		case 0: // connect: admin, guest or a wrong password
			who, _ := d.next()
			if len(d.conns) >= 4 {
				break
			}
			opts := client.Options{}
			switch who % 3 {
			case 0:
				opts = client.Options{User: "admin", Password: "123456"}
			case 1:
				opts = client.Options{User: "admin", Password: "wrong"}
			}
			if c, err := client.Dial(ctx, d.addr, opts); err == nil {
				d.conns = append(d.conns, c)
			}
		case 1: // a script from the list
			c := d.conn()
			k, _ := d.next()
			if c != nil {
				c.Run(ctx, sessionScripts[int(k)%len(sessionScripts)])
			}
		case 2: // an upload of a vector of the fuzzer's bytes
			c := d.conn()
			n, _ := d.next()
			if c != nil {
				xs := make([]int32, int(n))
				for i := range xs {
					b, _ := d.next()
					xs[i] = int32(b)
				}
				c.Upload(ctx, map[string]value.Value{"up": value.NewInts(xs)})
				c.Run(ctx, "sum(up)")
			}
		case 3: // a function call with uploaded arguments
			c := d.conn()
			k, _ := d.next()
			if c != nil {
				fns := []string{"size", "tableInsert{fzT}", "sum", "getSessionMemoryStat", "cancelJob", "closeSessions"}
				c.RunFunc(ctx, fns[int(k)%len(fns)], value.NewInts([]int32{1, 2, 3}), value.NewDoubles([]float64{1, 2, 3}))
			}
		case 4: // a request cut off by a disconnect
			n, _ := d.next()
			if nc, err := net.Dial("tcp", d.addr); err == nil {
				full := []byte("API2 0 40 / 0_1_4_64\nscript\ndo { sleep(1) } while(true)\n")
				nc.Write(full[:int(n)%len(full)])
				nc.Close()
			}
		case 5: // raw bytes from the input on a new connection
			n, _ := d.next()
			end := min(d.pc+int(n), len(d.prog))
			raw := d.prog[d.pc:end]
			d.pc = end
			if nc, err := net.Dial("tcp", d.addr); err == nil {
				nc.SetDeadline(time.Now().Add(2 * time.Second))
				nc.Write(raw)
				d.raws = append(d.raws, nc)
			}
		case 6: // a script in the background, abandoned or cancelled later
			k, _ := d.next()
			c, err := client.Dial(ctx, d.addr, client.Options{User: "admin", Password: "123456"})
			if err != nil {
				break
			}
			d.conns = append(d.conns, c)
			d.wg.Add(1)
			go func() {
				defer d.wg.Done()
				bctx, bcancel := context.WithTimeout(context.Background(), 10*time.Second)
				defer bcancel()
				c.Run(bctx, sessionScripts[int(k)%len(sessionScripts)])
			}()
		case 7: // drop a connection, running or not
			if len(d.conns) > 0 {
				b, _ := d.next()
				i := int(b) % len(d.conns)
				d.conns[i].Close()
				d.conns = append(d.conns[:i], d.conns[i+1:]...)
			}
		}
		cancel()
	}
}

func (d *sessionDriver) closeAll() {
	for _, c := range d.conns {
		c.Close()
	}
	for _, nc := range d.raws {
		nc.Close()
	}
	done := make(chan struct{})
	go func() { d.wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		d.t.Fatalf("a session's request did not end after its connection closed (%v)", d.prog)
	}
}
