package bench

import (
	"fmt"
	"testing"

	"github.com/porpoisedb/porpoise/internal/testkit"
	"github.com/stretchr/testify/require"
)

const seedScriptRows = 30_000_000

// seedTableScript is seed 002's table construction ("Appending a Large
// Amount of Data") for n rows: take, a pair range, rand over symbols and
// rand over an int, assembled into an in-memory table.
func seedTableScript(n int) string {
	return fmt.Sprintf("n = %d\nt = table(take(2024.01.01..2024.01.03,n) as date, 00:00:00 + 1..n as time, rand(`A`B`C`D`E`F,n) as sym, rand(100,n) as val)", n)
}

// fillSameBytes writes n rows of the same four columns with plain Go loops
// (the baseline the script's ratio is taken against).
func fillSameBytes(n int) int {
	dates := make([]int32, n)
	times := make([]int32, n)
	syms := make([]string, n)
	vals := make([]int32, n)
	names := []string{"A", "B", "C", "D", "E", "F"}
	for i := range dates {
		dates[i] = 19723 + int32(i%3)
		times[i] = int32(i + 1)
		syms[i] = names[i%6]
		vals[i] = int32(i % 100)
	}
	return len(dates) + len(times) + len(syms) + len(vals)
}

// BenchmarkSeedTableScript runs seed 002's table script through the
// engine and reports rows/s, the CPU seconds it used (steadier than wall
// time on a shared machine) and the ratio to filling the same columns
// with Go loops in the same run.
func BenchmarkSeedTableScript(b *testing.B) {
	s := testkit.InMemory(b).NewSession()
	script := seedTableScript(seedScriptRows)
	var ran, filled spent
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		_, err := s.Run("t = 0")
		require.NoError(b, err)
		b.StartTimer()
		ran.time(func() { _, err = s.Run(script) })
		b.StopTimer()
		require.NoError(b, err)
		var n int
		filled.time(func() { n = fillSameBytes(seedScriptRows) })
		require.Equal(b, 4*seedScriptRows, n, "fill lost rows")
		b.StartTimer()
	}
	b.ReportMetric(float64(seedScriptRows)*float64(b.N)/ran.wall.Seconds(), "rows/s")
	b.ReportMetric(float64(ran.wall)/float64(filled.wall), "x-loop")
	b.ReportMetric(ran.cpu.Seconds()/float64(b.N), "cpu-s/op")
}
