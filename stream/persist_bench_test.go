package stream_test

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// BenchmarkPersistedAppend appends to a persisted shared stream table,
// one row or 1,000 rows an append, each written durably before the
// append returns; it reports rows/s.
func BenchmarkPersistedAppend(b *testing.B) {
	for _, bc := range []struct {
		name, batch string
		rows        int
	}{
		{"row", `batch = table([2024.01.01T00:00:00.000] as time, symbol(["A"]) as sym, [1.5] as price)`, 1},
		{"batch1000", `batch = table(take(2024.01.01T00:00:00.000, 1000) as time, take(symbol(["A","B"]), 1000) as sym, rand(10.0, 1000) as price)`, 1000},
	} {
		b.Run(bc.name, func(b *testing.B) {
			e, s := open(b, b.TempDir())
			defer e.Close()
			_, err := s.Run(`enableTableShareAndPersistence(table=streamTable(1000:0, ` + "`time`sym`price" + `, [TIMESTAMP,SYMBOL,DOUBLE]), tableName="trades", cacheSize=100000)
` + bc.batch)
			require.NoError(b, err)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				_, err := s.Run(`trades.append!(batch)`)
				require.NoError(b, err)
			}
			b.ReportMetric(float64(b.N*bc.rows)/b.Elapsed().Seconds(), "rows/s")
		})
	}
}

// BenchmarkPersistedReload reloads a persisted stream table written by
// 10,000 one-row appends, as a restarted server does when the table is
// persisted again.
func BenchmarkPersistedReload(b *testing.B) {
	dir := b.TempDir()
	const enable = `enableTableShareAndPersistence(table=streamTable(1000:0, ` + "`time`sym`price" + `, [TIMESTAMP,SYMBOL,DOUBLE]), tableName="trades")`
	e, s := open(b, dir)
	_, err := s.Run(enable + `
row = table([2024.01.01T00:00:00.000] as time, symbol(["A"]) as sym, [1.5] as price)
for (i in 1..10000) { trades.append!(row) }`)
	require.NoError(b, err)
	require.NoError(b, e.Close())
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		e, s := open(b, dir)
		v, err := s.Run(enable + "\nexec count(*) from trades")
		require.NoError(b, err)
		require.Equal(b, "10000", v.String())
		require.NoError(b, e.Close())
	}
}
