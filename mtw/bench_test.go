package mtw

import (
	"testing"
	"time"

	"github.com/porpoisedb/porpoise/value"
)

func BenchmarkConvertSegment(b *testing.B) {
	w := &Writer{cols: []column{{name: "id", t: value.Int}, {name: "sym", t: value.Symbol}, {name: "price", t: value.Double}, {name: "ts", t: value.Timestamp}}, ncols: 4, pcol: -1}
	w.threads = make([]*writerThread, 4)
	w.route = &hashRouter{t: value.Int, n: 4}
	w.pcol = 0
	t0 := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	seg := make([]any, 0, chunkRows*4)
	for k := 0; k < chunkRows; k++ {
		seg = append(seg, int32(k), "AAPL", float64(k), t0)
	}
	staging := make([]*batch, 4)
	for k := range staging {
		staging[k] = w.newBatch()
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := w.convertSegment(seg, staging); err != nil {
			b.Fatal(err)
		}
		for _, st := range staging {
			st.reset()
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*chunkRows), "ns/row")
}
