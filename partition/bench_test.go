package partition

import (
	"fmt"
	"math/rand"
	"testing"

	"github.com/porpoisedb/porpoise/value"
)

const benchRows = 1_000_000

// benchColumns returns a DATE column over 2024, the same instants as a
// TIMESTAMP column, and a SYMBOL column over 5000 tickers.
func benchColumns() (*value.Vector, *value.Vector, *value.Vector) {
	rng := rand.New(rand.NewSource(1))
	base := int32(value.DaysFromCivil(2024, 1, 1))
	tickers := make([]string, 5000)
	for i := range tickers {
		tickers[i] = fmt.Sprintf("S%05d", i)
	}
	d := &value.Vector{T: value.Date, I32: make([]int32, benchRows)}
	t := &value.Vector{T: value.Timestamp, I64: make([]int64, benchRows)}
	s := value.NewStrings(value.Symbol, make([]string, benchRows))
	for i := 0; i < benchRows; i++ {
		day := base + int32(rng.Intn(366))
		d.I32[i] = day
		t.I64[i] = int64(day)*86400000 + rng.Int63n(86400000)
		s.Str[i] = tickers[rng.Intn(len(tickers))]
	}
	return d, t, s
}

func benchCompo(b *testing.B) *Compo {
	v, err := NewValue(dateRange(int32(value.DaysFromCivil(2024, 1, 1)), int32(value.DaysFromCivil(2024, 12, 31))))
	if err != nil {
		b.Fatal(err)
	}
	h, err := NewHash(value.Symbol, 4)
	if err != nil {
		b.Fatal(err)
	}
	c, err := NewCompo(v, h)
	if err != nil {
		b.Fatal(err)
	}
	return c
}

func reportRows(b *testing.B) {
	b.ReportMetric(float64(benchRows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkCompoDateSymbol maps 1M rows through COMPO(VALUE DATE × HASH
// [SYMBOL,4]).
func BenchmarkCompoDateSymbol(b *testing.B) {
	d, _, s := benchColumns()
	benchCompoMap(b, d, s)
}

// BenchmarkCompoTimestampSymbol is the same with a TIMESTAMP column cast to
// DATE on the fly.
func BenchmarkCompoTimestampSymbol(b *testing.B) {
	_, t, s := benchColumns()
	benchCompoMap(b, t, s)
}

// benchCompoMap maps the rows of a temporal and a SYMBOL column through
// benchCompo's scheme.
func benchCompoMap(b *testing.B, when, sym *value.Vector) {
	c := benchCompo(b)
	cols := []*value.Vector{when, sym}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := c.MapColumns(cols); err != nil {
			b.Fatal(err)
		}
	}
	reportRows(b)
}

// BenchmarkHashBucketSymbol is hashBucket over 1M symbols.
func BenchmarkHashBucketSymbol(b *testing.B) {
	_, _, s := benchColumns()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		HashBucket(s, 4)
	}
	reportRows(b)
}

// BenchmarkValueDate is a VALUE DATE level alone.
func BenchmarkValueDate(b *testing.B) {
	v := benchCompo(b).Level(0)
	d, _, _ := benchColumns()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := v.Map(d); err != nil {
			b.Fatal(err)
		}
	}
	reportRows(b)
}
