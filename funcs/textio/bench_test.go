package textio

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/porpoisedb/porpoise/funcs"
)

// benchEnv is the little of funcs.Env the loader asks for.
type benchEnv struct{ funcs.Env }

func (benchEnv) Context() context.Context { return context.Background() }
func (benchEnv) Reserve(int) error        { return nil }

// writeBenchFile writes rows of the ploadText page's example (a SECOND,
// two INTs, a DOUBLE) plus a SYMBOL and a DATE column.
func writeBenchFile(b *testing.B, rows int) string {
	path := filepath.Join(b.TempDir(), "bench.csv")
	var sb strings.Builder
	sb.WriteString("timestamp,sym,date,ID,qty,price\n")
	syms := []string{"IBM", "MSFT", "GOOG", "YHOO", "ORCL"}
	for i := 0; i < rows; i++ {
		s := 34200 + i%18000
		fmt.Fprintf(&sb, "%02d:%02d:%02d,%s,2024.01.%02d,%d,%d,%.4f\n", s/3600, s/60%60, s%60, syms[i%5], 1+i%28, i%100, 100*(1+i%100), 5.0+float64(i%10000)*0.0137)
	}
	if err := os.WriteFile(path, []byte(sb.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkLoadText1M loads a 1M-row file into typed columns; compare
// with BenchmarkEncodingCSV1M, which only splits the same file into
// string records.
func BenchmarkLoadText1M(b *testing.B) {
	path := writeBenchFile(b, 1_000_000)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		data, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		t, err := loadTable(benchEnv{}, "loadText", data, options{delim: ",", arrayDelim: ",", header: -1})
		if err != nil {
			b.Fatal(err)
		}
		if t.Rows() != 1_000_000 {
			b.Fatal(t.Rows())
		}
	}
}

func BenchmarkEncodingCSV1M(b *testing.B) {
	path := writeBenchFile(b, 1_000_000)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		r := csv.NewReader(f)
		r.ReuseRecord = true
		n := 0
		for {
			rec, err := r.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			n += len(rec)
		}
		f.Close()
	}
}
