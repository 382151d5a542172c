package storage

import (
	"testing"
	"time"

	"github.com/porpoisedb/porpoise/value"
)

func TestZZPhases(t *testing.T) {
	cols := benchData()
	s, _ := Open(Options{Dir: t.TempDir()})
	defer s.Close()
	for it := 0; it < 4; it++ {
		c := benchChunk
		c.Partition += string(rune('a' + it))
		tx := s.Begin()
		tx.Lock(c)
		tx.batch = s.db.NewBatchWithSize(24 << 20)
		tc, _ := tx.chunk(c)
		t0 := time.Now()
		c0 := cpuTime()
		tx.loadSymbols(tc)
		ids := make([][]int32, 4)
		ids[2], _ = tc.mapSymbols(cols[2].Str)
		t1 := time.Now()
		c1 := cpuTime()
		keys := []sortCol{{ids: ids[2], sym: tc.symbol, nsym: len(tc.e.base) + len(tc.newSyms)}, {v: cols[1]}}
		ord := sortRows(keys, benchRows, KeepAll)
		t2 := time.Now()
		c2 := cpuTime()
		cc, ii := cols, ids
		if ord.inv != nil {
			cc, ii = scatterColumns(cols, ids, ord.inv, nil)
		}
		t3 := time.Now()
		c3 := cpuTime()
		tx.writeBlocks(tc, benchNames, cc, ii, ord.perm, nil, benchRows)
		tc.dirty = true
		t4 := time.Now()
		c4 := cpuTime()
		tx.Commit()
		t5 := time.Now()
		c5 := cpuTime()
		t.Logf("map %v/%v sort %v/%v(inv=%v) scatter %v/%v encode %v/%v commit %v/%v total %v", t1.Sub(t0), c1-c0, t2.Sub(t1), c2-c1, ord.inv != nil, t3.Sub(t2), c3-c2, t4.Sub(t3), c4-c3, t5.Sub(t4), c5-c4, t5.Sub(t0))
	}
	_ = value.Int
}
