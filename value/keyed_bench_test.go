package value

import (
	"strconv"
	"testing"
	"time"
)

// keyedBuild builds a keyed table on column 0 of cols' types from rows
// of cols in batches of 10,000, as tableInsert does (package insert):
// new keys are added to the index, then each batch is appended.
func keyedBuild(cols []*Vector) *Table {
	n := cols[0].Len()
	t := &Table{Names: []string{"k", "v"}, Kind: KeyedTable, KeyCols: []int{0}}
	for _, c := range cols {
		t.Cols = append(t.Cols, NewTableColumn(c.T, 0, 1))
	}
	rows := make([]int32, 10000)
	for lo := 0; lo < n; lo += 10000 {
		hi := min(lo+10000, n)
		src := &Table{Names: t.Names}
		for _, c := range cols {
			src.Cols = append(src.Cols, c.Slice(lo, hi))
		}
		from := t.Rows()
		first := t.AddKeys(src, rows[:hi-lo], nil)
		if len(first) != hi-lo {
			panic("keyedBuild: keys repeat")
		}
		for c, col := range t.Cols {
			col.AppendVector(src.Cols[c])
		}
		t.KeysAppended(from)
	}
	return t
}

// BenchmarkKeyedBuildSymbol builds a keyed table of 1M rows with a coded
// SYMBOL key and with a LONG key of the same distinct values in each
// iteration, reporting each build's milliseconds and the SYMBOL build's
// ratio to the LONG one.
func BenchmarkKeyedBuildSymbol(b *testing.B) {
	longs := make([]int64, benchN)
	strs := make([]string, benchN)
	vals := make([]float64, benchN)
	for i := range longs {
		// an odd multiplier is a bijection modulo 2^32: distinct keys in
		// no order
		longs[i] = int64(uint32(i) * 2654435761)
		strs[i] = "s" + strconv.FormatInt(longs[i], 10)
		vals[i] = float64(i)
	}
	syms := NewSymbols(strs)
	var long, sym time.Duration
	for b.Loop() {
		start := time.Now()
		keyedBuild([]*Vector{NewLongs(longs), NewDoubles(vals)})
		mid := time.Now()
		keyedBuild([]*Vector{syms, NewDoubles(vals)})
		long, sym = long+mid.Sub(start), sym+time.Since(mid)
	}
	b.ReportMetric(float64(long.Milliseconds())/float64(b.N), "long-ms/op")
	b.ReportMetric(float64(sym.Milliseconds())/float64(b.N), "symbol-ms/op")
	b.ReportMetric(float64(sym)/float64(long), "symbol-x-long")
}
