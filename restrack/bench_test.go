package restrack

import (
	"context"
	"testing"

	"github.com/porpoisedb/porpoise/value"
)

// BenchmarkTableQuery is what tracking adds to one DFS query reading a
// 100,000-row partition of four columns (one SYMBOL): its sql record and
// one read's rowCount and memUsage while on; the context lookup alone
// while off.
func BenchmarkTableQuery(b *testing.B) {
	const n = 100_000
	syms := make([]string, n)
	for i := range syms {
		syms[i] = "S" + string(rune('A'+i%20))
	}
	part := value.NewTable([]string{"date", "sym", "val", "id"}, []*value.Vector{
		{T: value.Date, I32: make([]int32, n)}, value.NewStrings(value.Symbol, syms),
		{T: value.Double, F64: make([]float64, n)}, value.NewInts(make([]int32, n))})
	script := func() string { return "select avg(val) from pt where date = 2024.01.02 group by sym" }
	for _, on := range []bool{false, true} {
		name := "off"
		if on {
			name = "on"
		}
		b.Run(name, func(b *testing.B) {
			tr, err := Open("", 3600, func() []Usage { return nil })
			if err != nil {
				b.Fatal(err)
			}
			defer tr.Close()
			tr.access.Max = 1 << 30 // no trimming inside the loop
			tr.SetOn(on)
			ctx := NewContext(context.Background(), tr, Request{User: func() string { return "admin" }})
			b.ReportAllocs()
			for b.Loop() {
				id := "r"
				QueryTable(ctx, &id, "dfs://db", "pt", script).Read(part)
			}
		})
	}
}
