package mtw

import (
	"context"
	"errors"
	"net"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/client"
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/internal/testkit"
	"github.com/porpoisedb/porpoise/server"
)

// idleWriter is a writer for table on the test server, logged in as
// admin, that sends nothing by itself: batches of 1000 rows, a one-hour
// throttle.
func idleWriter(t *testing.T, ts *server.TestServer, table string) *Writer {
	t.Helper()
	w, err := New(Config{Host: ts.Host, Port: ts.Port, UserID: "admin", Password: "123456",
		TableName: table, BatchSize: 1000, Throttle: time.Hour})
	require.NoError(t, err)
	return w
}

// setupTables creates the tables the writer tests write to, and returns
// the admin connection it used (closed when the test ends).
func setupTables(t *testing.T, ts *server.TestServer) *client.Conn {
	t.Helper()
	c := ts.Dial(t)
	for _, s := range []string{
		"t = table(1000:0, `date`ticker`price, [DATE,SYMBOL,LONG]); share t as tglobal",
		"db = database(\"dfs://h\", HASH, [INT, 10]); db.createPartitionedTable(table(1:0, `date`symbol`id, [DATE,SYMBOL,INT]), `pt, `id)",
		"dbd = database(\"dfs://dim\", VALUE, 1..3); dbd.createTable(table(1:0, `d`v, [DATE,DOUBLE]), `dt)",
		"dbc = database(\"dfs://compo\", COMPO, [database(\"\", VALUE, 2022.01.01..2022.01.03), database(\"\", HASH, [SYMBOL, 5])]); dbc.createPartitionedTable(table(1:0, `date`sym`v, [DATE,SYMBOL,DOUBLE]), `pt, `date`sym)",
		"dbr = database(\"dfs://r\", RANGE, 0 10 20 30); dbr.createPartitionedTable(table(1:0, `id`v, [INT,DOUBLE]), `pt, `id)",
		"dbl = database(\"dfs://l\", LIST, [[\"A\",\"B\"],[\"C\"],[\"D\",\"E\"]]); dbl.createPartitionedTable(table(1:0, `s`v, [SYMBOL,DOUBLE]), `pt, `s)",
		"dbm = database(\"dfs://m\", HASH, [MONTH,10]); dbm.createPartitionedTable(table(1:0, `d`v, [DATE,DOUBLE]), `pt, `d)",
		"dbv = database(\"dfs://v\", VALUE, 2022.03.20..2022.03.25); dbv.createPartitionedTable(table(1:0, `date`sym`id, [DATE,SYMBOL,INT]), `pt, `date)",
	} {
		_, err := c.Run(context.Background(), s)
		require.NoError(t, err, s)
	}
	return c
}

// TestValidationTexts checks the construction errors of mtw.md §1.1, in
// their order.
func TestValidationTexts(t *testing.T) {
	ts := server.RunT(t)
	setupTables(t, ts)
	base := func() Config {
		return Config{Host: ts.Host, Port: ts.Port, UserID: "admin", Password: "123456", TableName: "tglobal"}
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	deadPort := l.Addr().(*net.TCPAddr).Port
	l.Close()

	cases := []struct {
		name string
		edit func(*Config)
		want string
	}{
		{"mode", func(c *Config) { c.Mode = "merge" }, "Unsupported mtw mode MERGE"},
		{"mode first", func(c *Config) { c.Mode = "x"; c.ThreadCount = -1 }, "Unsupported mtw mode X"},
		{"compress", func(c *Config) { c.CompressMethods = []string{"lz4", "zstd"} }, "Unsupported compression method ZSTD"},
		{"threadCount", func(c *Config) { c.ThreadCount = -1 }, "The parameter threadCount must be greater than or equal to 1"},
		{"batchSize", func(c *Config) { c.BatchSize = -5 }, "The parameter batchSize must be greater than or equal to 1"},
		{"throttle", func(c *Config) { c.Throttle = -time.Millisecond }, "The parameter throttle must be greater than 0"},
		{"partitionCol", func(c *Config) { c.ThreadCount = 2 }, "The parameter partitionCol must be specified when threadCount is greater than 1"},
		{"connect", func(c *Config) { c.Port = deadPort }, "Failed to connect to server 127.0.0.1:" + strconv.Itoa(deadPort)},
		{"login", func(c *Config) { c.Password = "wrong" }, "Failed to connect to server 127.0.0.1:" + strconv.Itoa(ts.Port)},
		{"no table", func(c *Config) { c.TableName = "nosuch" },
			ddberr.Errorf("Server Response: '%s' script: %s", "Syntax Error: [line #1] Cannot recognize the token nosuch", "schema(nosuch)").Error()},
		{"dimension", func(c *Config) { c.DBPath, c.TableName, c.ThreadCount, c.PartitionCol = "dfs://dim", "dt", 2, "d" },
			"The parameter threadCount must be 1 for a dimension table"},
		{"compress count", func(c *Config) { c.CompressMethods = []string{"LZ4", "DELTA"} },
			"The number of elements in parameter compressMethods does not match the column size 3"},
		{"partitioning column", func(c *Config) { c.DBPath, c.TableName, c.ThreadCount, c.PartitionCol = "dfs://h", "pt", 3, "date" },
			"The parameter partionCol must be the partitioning column 'id' in the partitioned table"},
		{"compo column", func(c *Config) { c.DBPath, c.TableName, c.ThreadCount, c.PartitionCol = "dfs://compo", "pt", 3, "v" },
			"The parameter partionCol must be the partitioning columns in the partitioned table"},
		{"in-memory column", func(c *Config) { c.ThreadCount, c.PartitionCol = 3, "nosuch" }, "No match found for nosuch"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cfg := base()
			tc.edit(&cfg)
			w, err := New(cfg)
			require.Nil(t, w)
			var e *Error
			require.True(t, errors.As(err, &e), "%v", err)
			require.Equal(t, tc.want, e.Msg)
			require.Equal(t, "<Exception> in MultithreadedTableWriter: "+tc.want, err.Error())
		})
	}

	// Accepted: PartitionCol is ignored with one writer, the throttle may
	// be 0 (sub-millisecond), modes are case-insensitive, zero values take
	// the Python defaults.
	ok := []func(*Config){
		func(c *Config) { c.PartitionCol = "nosuch" },
		func(c *Config) { c.Throttle = time.Nanosecond; c.BatchSize = 10 },
		func(c *Config) { c.Mode = "append" },
		func(c *Config) { c.CompressMethods = []string{"lz4", "Delta", "LZ4"} },
		func(c *Config) { c.DBPath, c.TableName = "dfs://dim", "dt" },
		func(c *Config) { c.DBPath, c.TableName, c.ThreadCount, c.PartitionCol = "dfs://compo", "pt", 3, "sym" },
		func(c *Config) { c.DBPath, c.TableName, c.ThreadCount, c.PartitionCol = "dfs://r", "pt", 2, "id" },
		func(c *Config) { c.DBPath, c.TableName, c.ThreadCount, c.PartitionCol = "dfs://l", "pt", 2, "s" },
		func(c *Config) { c.DBPath, c.TableName, c.ThreadCount, c.PartitionCol = "dfs://m", "pt", 2, "d" },
	}
	for i, edit := range ok {
		cfg := base()
		edit(&cfg)
		w, err := New(cfg)
		require.NoError(t, err, "case %d", i)
		w.WaitForThreadCompletion()
		st := w.GetStatus()
		require.True(t, st.Succeed())
		require.True(t, st.IsExiting)
		require.Equal(t, errExiting, w.Insert(1, 2, 3))
	}
	w, err := New(base())
	require.NoError(t, err)
	require.Equal(t, 1, w.cfg.BatchSize)
	require.Equal(t, 1, w.cfg.ThreadCount)
	require.Equal(t, time.Second, w.cfg.throttle)
	require.Equal(t, "tableInsert{tglobal}", w.funcText)
	w.WaitForThreadCompletion()
	w.WaitForThreadCompletion() // a second call is a no-op
}

// TestFunctionTexts checks the insert functions of mtw.md §3.
func TestFunctionTexts(t *testing.T) {
	ts := server.RunT(t)
	c := setupTables(t, ts)
	testkit.Query(t, c, "kt = keyedTable(`index, 1:0, `index`v, [INT,DOUBLE]); share kt as kglobal")
	cases := []struct {
		cfg  Config
		want string
	}{
		{Config{TableName: "tglobal"}, "tableInsert{tglobal}"},
		{Config{DBPath: "dfs://h", TableName: "pt"}, `tableInsert{loadTable("dfs://h","pt")}`},
		{Config{DBPath: "dfs://h", TableName: "pt", Mode: "upsert"}, `upsert!{loadTable("dfs://h","pt"),}`},
		{Config{DBPath: "dfs://h", TableName: "pt", Mode: "Upsert", ModeOption: []string{"true", "`index"}}, "upsert!{loadTable(\"dfs://h\",\"pt\"),,true,`index}"},
		{Config{TableName: "kglobal", Mode: "UPSERT", ModeOption: []string{"false"}}, "upsert!{kglobal,,false}"},
		{Config{TableName: "kglobal", Mode: "Append", ModeOption: []string{"false"}}, "tableInsert{kglobal}"},
	}
	for _, tc := range cases {
		cfg := tc.cfg
		cfg.Host, cfg.Port, cfg.UserID, cfg.Password = ts.Host, ts.Port, "admin", "123456"
		w, err := New(cfg)
		require.NoError(t, err)
		require.Equal(t, tc.want, w.funcText)
		w.WaitForThreadCompletion()
	}
}
