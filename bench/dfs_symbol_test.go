package bench

import (
	"fmt"
	"testing"
	"time"

	"github.com/porpoisedb/porpoise/engine"
	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

// BenchmarkDFSSymbolQueries runs queries on a SYMBOL column of a dfs://
// table, which storage hands over as codes of the chunk's symbol base,
// and the same queries on an identical table whose column is STRING (a
// []string per partition, as SYMBOL columns were read before), and
// reports each side's CPU time per query (user+system of the process, all
// threads) and their ratio (symbol/string).
// PORPOISE_BENCH_ROWS sets the rows (default 30M; 3M is a quick run).
func BenchmarkDFSSymbolQueries(b *testing.B) {
	n := dfsRows()
	e, err := engine.Open(engine.Options{DataDir: b.TempDir()})
	require.NoError(b, err)
	defer e.Close()
	s := e.NewSession()
	_, err = s.Run(`db = database("dfs://symq", VALUE, 2024.01.01..2024.01.03)
pt = db.createPartitionedTable(table(1:0, ` + "`date`time`sym`val" + `, [DATE,SECOND,SYMBOL,INT]), ` + "`pt, `date" + `)
ps = db.createPartitionedTable(table(1:0, ` + "`date`time`sym`val" + `, [DATE,SECOND,STRING,INT]), ` + "`ps, `date" + `)`)
	require.NoError(b, err)
	rows := compoTable(n, -1)
	pt, ok := s.Get("pt")
	require.True(b, ok)
	_, err = s.TableInsert(pt, rows)
	require.NoError(b, err)
	strs := rows.Column("sym").Strings()
	rows.Cols[2] = value.NewStrings(value.String, strs)
	ps, ok := s.Get("ps")
	require.True(b, ok)
	_, err = s.TableInsert(ps, rows)
	require.NoError(b, err)

	queries := []struct{ name, q string }{
		{"groupby", "select count(*), avg(val) from %s group by sym"},
		{"filtercount", "exec count(*) from %s where val > 50 and sym = `A"},
		{"scan", "select sym, val from %s where sym = `A"},
	}
	for _, q := range queries {
		b.Run(q.name, func(b *testing.B) {
			per := func(table string) time.Duration {
				script := fmt.Sprintf(q.q, table)
				start := cpuTime()
				for range b.N {
					_, err := s.Run(script)
					require.NoError(b, err)
				}
				return (cpuTime() - start) / time.Duration(b.N)
			}
			sym, str := per("pt"), per("ps")
			b.ReportMetric(float64(sym.Nanoseconds()), "symbol-cpu-ns/op")
			b.ReportMetric(float64(str.Nanoseconds()), "string-cpu-ns/op")
			b.ReportMetric(float64(sym)/float64(str), "symbol/string")
		})
	}
}
