package mtw

import (
	"testing"
	"time"

	"github.com/porpoisedb/porpoise/value"
)

// benchWriter is a Writer with the benchmark table's columns and four
// writers, without connections or goroutines.
func benchWriter() *Writer {
	w := &Writer{cols: []column{{name: "id", t: value.Int}, {name: "sym", t: value.Symbol},
		{name: "price", t: value.Double}, {name: "ts", t: value.Timestamp}}, ncols: 4}
	w.threads = make([]*writerThread, 4)
	w.route = &hashRouter{t: value.Int, n: 4}
	w.pcol = 0
	return w
}

var benchNames = [8]string{"AAPL", "MSFT", "IBM", "GOOG", "TSLA", "AMZN", "NVDA", "META"}

func BenchmarkQueueRow(b *testing.B) {
	w := benchWriter()
	t0 := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < b.N; i++ {
		if i%chunkRows == 0 && len(w.segs) > 0 {
			s := w.segs[0]
			for j := range s.cols {
				s.cols[j].reset()
			}
			s.rows = 0
		}
		w.queueRow([]any{int32(i), benchNames[i&7], float64(i), t0})
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N), "ns/row")
}

func BenchmarkConvertSegment(b *testing.B) {
	w := benchWriter()
	t0 := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for k := 0; k < chunkRows; k++ {
		w.queueRow([]any{int32(k), benchNames[k&7], float64(k), t0})
	}
	s := w.segs[0]
	staging := make([]*batch, 4)
	for k := range staging {
		staging[k] = w.newBatch()
	}
	var dest []int32
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var err error
		if dest, err = w.convertSegment(s, staging, dest[:0]); err != nil {
			b.Fatal(err)
		}
		for _, st := range staging {
			st.reset()
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*chunkRows), "ns/row")
}
