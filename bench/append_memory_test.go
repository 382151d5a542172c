package bench

import (
	"testing"

	"github.com/porpoisedb/porpoise/internal/testkit"
	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

const appendRows = 1_000_000

// sourceTable is a 1M-row (INT, SYMBOL, DOUBLE, TIMESTAMP) table.
func sourceTable() *value.Table {
	ids := make([]int32, appendRows)
	syms := make([]string, appendRows)
	prices := make([]float64, appendRows)
	times := make([]int64, appendRows)
	names := []string{"AAPL", "MSFT", "IBM", "GOOG", "TSLA", "AMZN", "NVDA", "META"}
	for i := range ids {
		ids[i] = int32(i)
		syms[i] = names[i%len(names)]
		prices[i] = float64(i) * 0.01
		times[i] = 1704067200000 + int64(i)
	}
	return value.NewTable([]string{"id", "sym", "price", "ts"}, []*value.Vector{
		value.NewInts(ids), value.NewStrings(value.Symbol, syms), value.NewDoubles(prices), {T: value.Timestamp, I64: times},
	})
}

// copySameBytes appends the source's column slices to fresh slices: the
// bytes an append must move, with Go's own allocation and memcpy.
func copySameBytes(src *value.Table) int {
	a := append([]int32(nil), src.Cols[0].I32...)
	b := append([]string(nil), src.Cols[1].Str...)
	c := append([]float64(nil), src.Cols[2].F64...)
	d := append([]int64(nil), src.Cols[3].I64...)
	return len(a) + len(b) + len(c) + len(d)
}

// BenchmarkAppendInMemory appends a 1M-row table to an empty in-memory
// table through the embedded API (tableInsert, no parser) and reports
// rows/s, the ratio to copying the same bytes in the same run and the
// process's CPU milliseconds per append (steady on a loaded machine).
func BenchmarkAppendInMemory(b *testing.B) {
	s := testkit.InMemory(b).NewSession()
	src := sourceTable()
	var appended, copied spent
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		_, err := s.Run("t = table(1:0, `id`sym`price`ts, [INT, SYMBOL, DOUBLE, TIMESTAMP])")
		require.NoError(b, err)
		t, _ := s.Get("t")
		var n int
		b.StartTimer()
		appended.time(func() { n, err = s.TableInsert(t, src) })
		b.StopTimer()
		require.NoError(b, err)
		require.Equal(b, appendRows, n)
		copied.time(func() { n = copySameBytes(src) })
		require.Equal(b, 4*appendRows, n, "copy lost rows")
		b.StartTimer()
	}
	rowsPerSec := float64(appendRows) * float64(b.N) / appended.wall.Seconds()
	b.ReportMetric(rowsPerSec, "rows/s")
	b.ReportMetric(float64(appended.wall)/float64(copied.wall), "x-copy")
	b.ReportMetric(float64(appended.cpu.Microseconds())/1000/float64(b.N), "cpu-ms/op")
	b.ReportMetric(0, "ns/op")
}
