package main

// The suite's second half: the query shapes users run beyond joins and
// windows (date and string predicates, OHLC bars, csort'ed moving
// functions, analytic windows, top/limit orders, per-group statistics,
// cgroup by, interval with fill, exec, case when, update and delete, a
// join under group by, and a DFS table with partition pruning).

// shapeQueries are the shapes in suite order after suiteQueries; in and
// sqlIn are the suite's 20 symbols as DolphinDB and SQL lists.
func shapeQueries() []suiteQuery {
	in, sqlIn := suiteIn()
	// mavg/msum over 5 rows are NULL until the window is full, as
	// DolphinDB's default minPeriods is the window.
	const csortDuck = "create or replace temp table o as select sym, time, " +
		"case when row_number() over w >= 5 then avg(val) over (w rows between 4 preceding and current row) end as ma, " +
		"case when row_number() over w >= 5 then sum(qty) over (w rows between 4 preceding and current row) end as ms, " +
		"val / lag(val) over w as r, qty - lag(qty) over w as dq, lag(val) over w as mv " +
		"from tr window w as (partition by sym order by time)"
	return []suiteQuery{
		{name: "count where date between (2 of 5 days)",
			porpoise: "select count(*), sum(qty) from tr where date between 2024.01.02 and 2024.01.03",
			duck:     "select count(*), sum(qty) from tr where date between date '2024-01-02' and date '2024-01-03'"},
		{name: "count where left(sym, 2) = \"B0\"",
			porpoise: "select count(*) from tr where left(sym, 2) = \"B0\"",
			duck:     "select count(*) from tr where left(sym, 2) = 'B0'"},
		{name: "OHLC + wavg group by sym, bar(time, 5m)",
			porpoise: "o = select first(val) as open, max(val) as high, min(val) as low, last(val) as close, wavg(val, qty) as vwap from tr group by sym, bar(time, 5m) as bt",
			duck:     "create or replace temp table o as select sym, time_bucket(interval 5 minute, time) as bt, arg_min(val, time) as open, max(val) as high, min(val) as low, arg_max(val, time) as close, sum(val * qty) / sum(qty) as vwap from tr group by sym, bt"},
		{name: "context by sym csort time: mavg, msum, ratios, deltas, move",
			porpoise: "o = select sym, time, mavg(val, 5) as ma, msum(qty, 5) as ms, ratios(val) as r, deltas(qty) as dq, move(val, 1) as mv from tr context by sym csort time",
			duck:     csortDuck},
		{name: "over (partition by sym order by ...): row_number, rank, lag, lead, running sum",
			porpoise: "o = select sym, time, row_number() over (partition by sym order by time) as rn, rank() over (partition by sym order by qty) as rk, lag(val) over (partition by sym order by time) as lg, lead(val) over (partition by sym order by time) as ld, sum(qty) over (partition by sym order by time) as rs from tr",
			duck:     "create or replace temp table o as select sym, time, row_number() over (partition by sym order by time) as rn, rank() over (partition by sym order by qty) as rk, lag(val) over (partition by sym order by time) as lg, lead(val) over (partition by sym order by time) as ld, sum(qty) over (partition by sym order by time) as rs from tr"},
		{name: "top 100 * order by val desc",
			porpoise: "select top 100 * from tr order by val desc",
			duck:     "select * from tr order by val desc limit 100"},
		{name: "order by sym, time limit 100",
			porpoise: "select * from tr order by sym, time limit 100",
			duck:     "select * from tr order by sym, time limit 100"},
		{name: "percentile, med, std, corr group by sym",
			porpoise: "select percentile(val, 90) as p90, med(val) as md, std(val) as sd, corr(val, qty) as c from tr group by sym",
			duck:     "select sym, quantile_cont(val, 0.9) as p90, median(val) as md, stddev_samp(val) as sd, corr(val, qty) as c from tr group by sym"},
		{name: "group by sym cgroup by bar(time, 1H): wavg",
			porpoise: "select wavg(val, qty) as vwap from tr group by sym cgroup by bar(time, 1H) as h order by sym, h",
			duck:     "select sym, h, sum(sv) over w / sum(sq) over w as vwap from (select sym, time_bucket(interval 1 hour, time) as h, sum(val * qty) as sv, sum(qty) as sq from tr group by sym, h) window w as (partition by sym order by h) order by sym, h"},
		{name: "group by sym, interval(time, 10m, \"prev\"): avg",
			porpoise: "o = select avg(val) as a from tr group by sym, interval(time, 10m, \"prev\") as b",
			duck:     "create or replace temp table o as " + shapeIntervalDuck},
		{name: "exec val where qty > 900",
			porpoise: "x = exec val from tr where qty > 900",
			duck:     "create or replace temp table o as select val from tr where qty > 900"},
		{name: "iif and case when in select",
			porpoise: "o = select sym, iif(val > 50, qty, -qty) as sq, case when qty < 100 then 1 when qty < 900 then 2 else 3 end as sz from tr",
			duck:     "create or replace temp table o as select sym, case when val > 50 then qty else -qty end as sq, case when qty < 100 then 1 when qty < 900 then 2 else 3 end as sz from tr"},
		{name: "update set val = val * 2 where qty > 500 (copy of tr)",
			porpoise: "update up set val = val * 2 where qty > 500",
			duck:     "update up set val = val * 2 where qty > 500",
			prep:     "up = select * from tr",
			duckPrep: "create or replace temp table up as select * from tr"},
		{name: "delete where qty < 100 (copy of tr)",
			porpoise: "delete from dl where qty < 100",
			duck:     "delete from dl where qty < 100",
			prep:     "dl = select * from tr",
			duckPrep: "create or replace temp table dl as select * from tr"},
		{name: "left join info + group by sector",
			porpoise: "select count(*), sum(qty) from tr left join info on tr.sym = info.sym group by sector",
			duck:     "select sector, count(*), sum(qty) from tr left join info on tr.sym = info.sym group by sector"},
		{name: "one date, 20 symbols, group by sym (in-memory tr)",
			porpoise: "select count(*), sum(qty), avg(val) from tr where date = 2024.01.02, sym in " + in + " group by sym",
			duck:     "select sym, count(*), sum(qty), avg(val) from tr where date = date '2024-01-02' and sym in " + sqlIn + " group by sym"},
		{name: "one date, 20 symbols, group by sym (DFS ptr: VALUE date, HASH sym)",
			porpoise: "select count(*), sum(qty), avg(val) from ptr where date = 2024.01.02, sym in " + in + " group by sym",
			duck:     "select sym, count(*), sum(qty), avg(val) from tr where date = date '2024-01-02' and sym in " + sqlIn + " group by sym",
			once:     dfsSuiteSetup,
			vsPrev:   true},
	}
}

// dfsSuiteSetup loads tr into a DFS table partitioned as the seed's
// (VALUE on date, HASH on sym, TSDB sorted by sym, time).
const dfsSuiteSetup = `if(existsDatabase("dfs://suite")) dropDatabase("dfs://suite")
db1 = database("", VALUE, 2024.01.01..2024.01.05)
db2 = database("", HASH, [SYMBOL, 10])
sdb = database("dfs://suite", COMPO, [db1, db2], , "TSDB")
ptr = sdb.createPartitionedTable(tr, ` + "`ptr, `date`sym, , `sym`time" + `)
ptr.tableInsert(tr)`

// shapeChecks sum up the shapes' answers on both sides (see suiteCheck).
// The update and delete checks read the copies the last timed runs left.
var shapeChecks = []suiteCheck{
	{"q15 sum of qty between dates",
		"exec sum(qty) from tr where date between 2024.01.02 and 2024.01.03",
		"select sum(qty)::double from tr where date between date '2024-01-02' and date '2024-01-03'"},
	{"q16 rows with left(sym, 2) = B0",
		"exec count(*) from tr where left(sym, 2) = \"B0\"",
		"select count(*) from tr where left(sym, 2) = 'B0'"},
	{"q17 sum of open over 5m bars",
		"exec sum(open) from (select first(val) as open from tr group by sym, bar(time, 5m))",
		"select sum(o) from (select arg_min(val, time) as o from tr group by sym, time_bucket(interval 5 minute, time))"},
	{"q17 sum of close over 5m bars",
		"exec sum(close) from (select last(val) as close from tr group by sym, bar(time, 5m))",
		"select sum(c) from (select arg_max(val, time) as c from tr group by sym, time_bucket(interval 5 minute, time))"},
	{"q17 sum of vwap over 5m bars",
		"exec sum(vwap) from (select wavg(val, qty) as vwap from tr group by sym, bar(time, 5m))",
		"select sum(v) from (select sum(val * qty) / sum(qty) as v from tr group by sym, time_bucket(interval 5 minute, time))"},
	{"q18 sum of mavg(val, 5)",
		"exec sum(ma) from (select mavg(val, 5) as ma from tr context by sym csort time)",
		"select sum(ma) from (" + shapeCsortChecked + ")"},
	{"q18 sum of msum(qty, 5)",
		"exec sum(ms) from (select msum(qty, 5) as ms from tr context by sym csort time)",
		"select sum(ms)::double from (" + shapeCsortChecked + ")"},
	{"q18 sum of ratios(val)",
		"exec sum(r) from (select ratios(val) as r from tr context by sym csort time)",
		"select sum(r) from (" + shapeCsortChecked + ")"},
	{"q18 sum of deltas(qty)",
		"exec sum(dq) from (select deltas(qty) as dq from tr context by sym csort time)",
		"select sum(dq)::double from (" + shapeCsortChecked + ")"},
	{"q18 sum of move(val, 1)",
		"exec sum(mv) from (select move(val, 1) as mv from tr context by sym csort time)",
		"select sum(mv) from (" + shapeCsortChecked + ")"},
	{"q19 sum of rank() by qty",
		"exec sum(rk) from (select rank() over (partition by sym order by qty) as rk from tr)",
		"select sum(rk)::double from (select rank() over (partition by sym order by qty) as rk from tr)"},
	{"q19 sum of row_number() * lag(val)",
		"exec sum(rn * lg) from (select row_number() over (partition by sym order by time) as rn, lag(val) over (partition by sym order by time) as lg from tr)",
		"select sum(rn * lg) from (select row_number() over (partition by sym order by time) as rn, lag(val) over (partition by sym order by time) as lg from tr)"},
	{"q19 sum of lead(val) * running sum(qty)",
		"exec sum(ld * rs) from (select lead(val) over (partition by sym order by time) as ld, sum(qty) over (partition by sym order by time) as rs from tr)",
		"select sum(ld * rs) from (select lead(val) over (partition by sym order by time) as ld, sum(qty) over (partition by sym order by time) as rs from tr)"},
	{"q20 sum of val over top 100",
		"exec sum(val) from (select top 100 * from tr order by val desc)",
		"select sum(val) from (select * from tr order by val desc limit 100)"},
	{"q21 sum of qty over the first 100 by sym, time",
		"exec sum(qty) from (select * from tr order by sym, time limit 100)",
		"select sum(qty)::double from (select * from tr order by sym, time limit 100)"},
	{"q22 sum of percentile(val, 90)",
		"exec sum(p) from (select percentile(val, 90) as p from tr group by sym)",
		"select sum(p) from (select quantile_cont(val, 0.9) as p from tr group by sym)"},
	{"q22 sum of med(val)",
		"exec sum(m) from (select med(val) as m from tr group by sym)",
		"select sum(m) from (select median(val) as m from tr group by sym)"},
	{"q22 sum of std(val)",
		"exec sum(s) from (select std(val) as s from tr group by sym)",
		"select sum(s) from (select stddev_samp(val) as s from tr group by sym)"},
	{"q22 sum of corr(val, qty)",
		"exec sum(c) from (select corr(val, qty) as c from tr group by sym)",
		"select sum(c) from (select corr(val, qty) as c from tr group by sym)"},
	{"q23 sum of cumulative vwap",
		"exec sum(vwap) from (select wavg(val, qty) as vwap from tr group by sym cgroup by bar(time, 1H) as h order by sym, h)",
		"select sum(v) from (select sum(sv) over w / sum(sq) over w as v from (select sym, time_bucket(interval 1 hour, time) as h, sum(val * qty) as sv, sum(qty) as sq from tr group by sym, h) window w as (partition by sym order by h))"},
	{"q24 rows of interval(time, 10m, \"prev\")",
		"exec count(*) from (select avg(val) as a from tr group by sym, interval(time, 10m, \"prev\"))",
		"select count(*) from (" + shapeIntervalDuck + ")"},
	{"q24 sum of filled avg(val)",
		"exec sum(a) from (select avg(val) as a from tr group by sym, interval(time, 10m, \"prev\"))",
		"select sum(a) from (" + shapeIntervalDuck + ")"},
	{"q25 sum of exec val where qty > 900",
		"sum(exec val from tr where qty > 900)",
		"select sum(val) from tr where qty > 900"},
	{"q26 sum of iif(...) * case when",
		"exec sum(iif(val > 50, qty, -qty) * (case when qty < 100 then 1 when qty < 900 then 2 else 3 end)) from tr",
		"select sum((case when val > 50 then qty else -qty end) * (case when qty < 100 then 1 when qty < 900 then 2 else 3 end))::double from tr"},
	{"q27 sum of val in the updated copy",
		"exec sum(val) from up",
		"select sum(val) from up"},
	{"q28 sum of val in the deleted copy",
		"exec sum(val) from dl",
		"select sum(val) from dl"},
	{"q28 rows left in the deleted copy",
		"exec count(*) from dl",
		"select count(*) from dl"},
	{"q29 sum of sector-group qty sums * sector",
		"exec sum(sum_qty * sector) from (select sum(qty) from tr left join info on tr.sym = info.sym group by sector)",
		"select sum(s * sector)::double from (select sector, sum(qty) as s from tr left join info on tr.sym = info.sym group by sector)"},
	{"q31 sum of avg(val) on DFS, one date, 20 symbols",
		"exec sum(avg_val) from (select avg(val) from ptr where date = 2024.01.02, sym in " + shapeIn + " group by sym)",
		"select sum(a) from (select avg(val) as a from tr where date = date '2024-01-02' and sym in " + shapeSQLIn + " group by sym)"},
}

var shapeIn, shapeSQLIn = suiteIn()

// shapeIntervalDuck is q24 in DuckDB: each symbol's 10-minute buckets
// from its first to its last, empty ones taking the previous average.
const shapeIntervalDuck = "with g as (select sym, time_bucket(interval 10 minute, time) as b, avg(val) as a from tr group by sym, b), " +
	"r as (select sym, min(b) as lo, max(b) as hi from g group by sym), " +
	"s as (select sym, unnest(generate_series(lo, hi, interval 10 minute)) as b from r) " +
	"select s.sym, s.b, last_value(g.a ignore nulls) over (partition by s.sym order by s.b rows between unbounded preceding and current row) as a " +
	"from s left join g on s.sym = g.sym and s.b = g.b"

// shapeCsortChecked is q18's DuckDB form without the table it creates.
const shapeCsortChecked = "select " +
	"case when row_number() over w >= 5 then avg(val) over (w rows between 4 preceding and current row) end as ma, " +
	"case when row_number() over w >= 5 then sum(qty) over (w rows between 4 preceding and current row) end as ms, " +
	"val / lag(val) over w as r, qty - lag(qty) over w as dq, lag(val) over w as mv " +
	"from tr window w as (partition by sym order by time)"
