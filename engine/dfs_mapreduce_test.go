package engine

import (
	"fmt"
	"testing"

	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

// Group-bys and aggregate selects over a partitioned table run per
// partition and merge (query's map-reduce plan); each must give what the
// same query gives over an in-memory table of the rows a whole-table read
// returns (partitions in order): every
// decomposable aggregate, over NULLs, integral, floating, temporal and
// string arguments, with where-clauses that prune partitions or not, one
// and two keys, on COMPO (VALUE, HASH) tables, OLAP and TSDB, and on an
// in-memory partitioned table; queries the plan declines (med, an
// order-sensitive where, having) fall back to reading the table.
func TestMapReduceMatchesInMemory(t *testing.T) {
	s := memSession(t, "n = 5000\n"+
		"m = table(take(2024.01.01..2024.01.03, n) as date, 00:00:00 + (n - 1..n) * 37 as time, symbol(take(`A`B`C`D`E`F`G, n)) as sym, "+
		"iif(1..n % 11 == 0, int(NULL), rand(100, n)) as v, iif(1..n % 13 == 0, double(NULL), rand(10.0, n)) as f, "+
		"iif(1..n % 17 == 0, short(NULL), short(rand(50, n))) as h, long(rand(1000000, n)) * 4000l as l, "+
		"iif(1..n % 7 == 0, string(NULL), string(rand(`x`y`z, n))) as s)\n"+
		"update m set v = int(NULL) where sym = `G\n"+
		"db1 = database(\"\", VALUE, 2024.01.01..2024.01.03)\n"+
		"db2 = database(\"\", HASH, [SYMBOL, 4])\n"+
		"tsdb = database(\"dfs://mr_tsdb\", COMPO, [db1, db2], , \"TSDB\")\n"+
		"schema = table(1:0, `date`time`sym`v`f`h`l`s, [DATE, SECOND, SYMBOL, INT, DOUBLE, SHORT, LONG, STRING])\n"+
		"pt = tsdb.createPartitionedTable(schema, `pt, `date`sym, , `time, ALL)\n"+
		"pt.tableInsert(m)\n"+
		"db3 = database(\"\", VALUE, 2024.01.01..2024.01.03)\n"+
		"db4 = database(\"\", HASH, [SYMBOL, 4])\n"+
		"olap = database(\"dfs://mr_olap\", COMPO, [db3, db4])\n"+
		"po = olap.createPartitionedTable(schema, `po, `date`sym)\n"+
		"po.tableInsert(m)\n"+
		"po.tableInsert(m)\n"+
		"pm = database(\"\", VALUE, 2024.01.01..2024.01.03).createPartitionedTable(schema, `pm, `date)\n"+
		"pm.tableInsert(m)\n"+
		// the rows as a whole-table read returns them (partition order)
		"ptAll = select * from pt\n"+
		"poAll = select * from po\n"+
		"pmAll = select * from pm")
	queries := []string{
		"select count(*), count(v), sum(v), avg(v), mean(v), min(v), max(v), first(v), last(v), std(v), var(v) from %s group by sym",
		"select count(*) as n, sum(f), avg(f), min(f), max(f), first(f), last(f), std(f), var(f) from %s group by sym",
		"select sum(h), avg(h), min(h), max(h), std(h), sum(l), avg(l), max(l), min(time), max(time), first(time), last(time) from %s group by date",
		"select count(s), min(s), max(s), first(s), last(s), first(sym), last(sym) from %s group by sym",
		"select sym, date, count(*), avg(v) from %s group by date, sym",
		"select count(*), avg(v) from %s where date = 2024.01.02 group by sym",
		"select count(*), sum(v) from %s where date between 2024.01.02 : 2024.01.03, v > 50 group by sym",
		"select count(*), max(f) from %s where sym in `A`C, isNull(s) group by sym, date",
		"select sum(v) \\ count(v) as r, max(v) - min(v) as spread, count(*) + 1 as c1 from %s group by sym order by r desc limit 3",
		"select avg(v * 2 + h) as x, sum(abs(f - 5.0)) as y from %s group by sym",
		"select count(*) from %s where v > 1000 group by sym",
		"select count(*), sum(v), avg(f), min(s), first(v), std(v) from %s where v > 1000",
		"select count(*), sum(v), avg(f), min(s), max(time), first(v), last(f), std(v), var(h) from %s",
		"select count(*), avg(v) from %s where sym = `B",
		"exec count(*) from %s where v > 50 and sym = `A",
		"exec count(*) from %s",
		"exec count(*) from %s where date = 2024.01.03",
		"exec sum(v) from %s where sym = `C",
		"select top 2 count(*), avg(v) from %s group by sym",
		// SYMBOL keys read as codes, rows unordered
		"select count(*) from %s group by sym",
		"select count(*) from %s where 1 == 1 group by SYM",
		"select count(*), sum(h), min(f), max(s) from %s where f > 5.0 group by sym, date",
		"select max(v) as mx, count(*) as n from %s group by sym as k",
		// declined by the plan: the usual path answers
		"select med(v), count(*) from %s group by sym",
		"select count(*) from %s group by sym having count(*) > 700",
		"select max(v) from %s order by time",
	}
	for _, q := range queries {
		for _, pair := range [][2]string{{"pt", "ptAll"}, {"po", "poAll"}, {"pm", "pmAll"}} {
			dq := fmt.Sprintf(q, pair[0])
			got, err := s.Run(dq)
			require.NoError(t, err, dq)
			want, err := s.Run(fmt.Sprintf(q, pair[1]))
			require.NoError(t, err, dq)
			require.Equal(t, want.Form(), got.Form(), dq)
			require.Equal(t, want.Type(), got.Type(), dq)
			if wt, ok := want.(*value.Table); ok {
				require.Equal(t, wt.Types(), got.(*value.Table).Types(), dq)
			}
			require.Equal(t, want.String(), got.String(), dq)
		}
	}
}
