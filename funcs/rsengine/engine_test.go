package rsengine_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	_ "github.com/porpoisedb/porpoise/funcs/all"
	"github.com/porpoisedb/porpoise/internal/testkit"
)

// Sessions appending to one engine at once: each key's rows are
// computed over its whole history whatever the interleaving, so every
// key's cumulative sum ends at the sum of its rows.
func TestConcurrentAppends(t *testing.T) {
	e, s := testkit.Started(t, `share table(1:0, `+"`k`c`m"+`, [INT, LONG, DOUBLE]) as rout
createReactiveStateEngine(name="rseRace", metrics=[<cumsum(v)>, <mavg(v, 3)>], dummyTable=table(1:0, `+"`k`v"+`, [INT, INT]), outputTable=rout, keyColumn="k")`)
	testkit.Concurrently(t, e, 4, 25,
		"tableInsert(getStreamEngine(`rseRace), table(1..10 as k, take(1, 10) as v))",
	)
	require.Equal(t, "1000", testkit.Run(t, s, "size(rout)"))
	require.Equal(t, "[100,100,100,100,100,100,100,100,100,100]", testkit.Run(t, s, "(select max(c) as mc from rout group by k order by k).mc"))
	require.Equal(t, "true", testkit.Run(t, s, "all((exec m from rout where c >= 3) == 1)"))
}

// A metric of moving windows keeps only the rows its windows reach, and
// the history rewritten without the others gives what the whole history
// gives.
func TestBoundedHistoryMatchesQuery(t *testing.T) {
	_, s := testkit.Started(t, `out = table(1:0, `+"`k`a`b"+`, [SYMBOL, DOUBLE, DOUBLE])
eng = createReactiveStateEngine(name="rseBound", metrics=[<mavg(mavg(v, 3), 4) - prev(v)>, <mcorr(v, w, 5)>], dummyTable=table(1:0, `+"`k`v`w"+`, [SYMBOL, DOUBLE, DOUBLE]), outputTable=out, keyColumn="k")
data = table(take(`+"`a`b`c"+`, 6000) as k, rand(10.0, 6000) as v, rand(10.0, 6000) as w)
for (i in 0..59) eng.append!(data[(i*100):((i+1)*100)])
data[`+"`i"+`] = 0..5999
exp = select i, mavg(mavg(v, 3), 4) - prev(v) as a, mcorr(v, w, 5) as b from data context by k
exp = select * from exp order by i`)
	require.Equal(t, "true", testkit.Run(t, s, "eqObj(out.a, exp.a, 9) && eqObj(out.b, exp.b, 9)"))
	// 3 keys of at most 7 rows each are kept
	require.Equal(t, "true", testkit.Run(t, s, "(exec memoryInUsed from getStreamEngineStat()[`ReactiveStreamEngine] where name = `rseBound)[0] < 100000"))
}

// Cumulative and recursive functions computed from each key's state
// give what the query over the whole history gives: NULLs before, inside
// and after ema's first window, integral and floating sums, extremes of
// any type, nested in each other and in moving windows, over batches of
// every size.
func TestStatefulFunctionsMatchQuery(t *testing.T) {
	_, s := testkit.Started(t, `n = 3000
data = table(take(`+"`a`b`c`d"+`, n) as k, take(NULL NULL 1.0 NULL 2.5 3 NULL 4 5 6 7 8, n) * rand(1.0, n) as x, take(1 NULL 3 4, n) * rand(10, n) as v, take("x" "b" NULL "z" "a", n) as s)
out = table(1:0, `+"`k`a`b`c`d`e`f`g`h`i"+`, [SYMBOL, DOUBLE, DOUBLE, INT, DOUBLE, DOUBLE, STRING, INT, DOUBLE, DOUBLE])
m = [<ema(x, 3)>, <mavg(ema(x, 4), 2)>, <cumsum(v)>, <cumsum(x)>, <cumavg(v)>, <cummax(s)>, <cumcount(x)>, <ema(cumsum(x) - cummin(x), 5)>, <ema(1000 * (ema(x, 2) - ema(x, 3)) / (ema(x, 2) + ema(x, 3)), 4) - prev(x)>]
eng = createReactiveStateEngine(name="rseState", metrics=m, dummyTable=table(1:0, `+"`k`x`v`s"+`, [SYMBOL, DOUBLE, INT, STRING]), outputTable=out, keyColumn="k")
i = 0
sizes = 1 7 30 500 2 1000
for (z in 0..40) { if (i < n) { j = min(n, i + sizes[z % 6]); eng.append!(data[i:j]); i = j } }
data[`+"`i"+`] = 0..(n-1)
exp = select i, ema(x, 3) as a, mavg(ema(x, 4), 2) as b, cumsum(v) as c, cumsum(x) as d, cumavg(v) as e, cummax(s) as f, cumcount(x) as g, ema(cumsum(x) - cummin(x), 5) as h, ema(1000 * (ema(x, 2) - ema(x, 3)) / (ema(x, 2) + ema(x, 3)), 4) - prev(x) as ii from data context by k
exp = select * from exp order by i`)
	require.Equal(t, "3000", testkit.Run(t, s, "size(out)"))
	for _, c := range [][2]string{{"a", "a"}, {"b", "b"}, {"c", "c"}, {"d", "d"}, {"e", "e"}, {"f", "f"}, {"g", "g"}, {"h", "h"}, {"i", "ii"}} {
		require.Equal(t, "true", testkit.Run(t, s, "eqObj(out."+c[0]+", double(exp."+c[1]+"), 9) or eqObj(out."+c[0]+", exp."+c[1]+")"), c[0])
	}
}

// User functions are written into the metrics: the doc's factor with
// sum_diff, @state functions of assignments (several values among them)
// keep a bounded history and give what the query calling them gives.
func TestUserFunctionsWrittenIn(t *testing.T) {
	_, s := testkit.Started(t, `def sum_diff(x, y){
    return (x-y)/(x+y)
}
@state
def slr(y, x){
    alpha, beta = mslr(y, x, 12)
    residual = mavg(y, 12) - beta * mavg(x, 12) - alpha
    return alpha, beta, residual
}
@state
def priceChange(lastPrice){
    return lastPrice \ prev(lastPrice) - 1
}
@state
def wqAlpha1TS(close){
    ret = ratios(close) - 1
    v = iif(ret < 0, mstd(ret, 20), close)
    return mimax(signum(v)*v*v, 5)
}
@state
def factor1(price) {
    a = ema(price, 20)
    b = ema(price, 40)
    c = 1000 * sum_diff(a, b)
    return  ema(c, 10) - ema(c, 20)
}
n = 2000
data = table(take("A"+string(1..7), n) as k, rand(100.0, n) as close, rand(100.0, n) as volume)
out = table(1:0, `+"`k`f1`a`b`r`pc`wq`f2"+`, [SYMBOL, DOUBLE, DOUBLE, DOUBLE, DOUBLE, DOUBLE, DOUBLE, DOUBLE])
m = [<ema(1000 * sum_diff(ema(close, 20), ema(close, 40)),10) -  ema(1000 * sum_diff(ema(close, 20), ema(close, 40)), 20)>, <slr(close, volume)>, <priceChange(close)>, <wqAlpha1TS(close)>, <factor1(close)>]
eng = createReactiveStateEngine(name="rseUdf", metrics=m, dummyTable=table(1:0, `+"`k`close`volume"+`, [SYMBOL, DOUBLE, DOUBLE]), outputTable=out, keyColumn="k")
for (i in 0..19) eng.append!(data[(i*100):((i+1)*100)])
data[`+"`i"+`] = 0..(n-1)
exp = select i, ema(1000 * sum_diff(ema(close, 20), ema(close, 40)),10) -  ema(1000 * sum_diff(ema(close, 20), ema(close, 40)), 20) as f1, mslr(close, volume, 12)[0] as a, mslr(close, volume, 12)[1] as b, priceChange(close) as pc, wqAlpha1TS(close) as wq, factor1(close) as f2 from data context by k
exp = select * from exp order by i`)
	require.Equal(t, "2000", testkit.Run(t, s, "size(out)"))
	for _, c := range []string{"f1", "a", "b", "pc", "wq", "f2"} {
		require.Equal(t, "true", testkit.Run(t, s, "eqObj(out."+c+", double(exp."+c+"), 9)"), c)
	}
	require.Equal(t, "true", testkit.Run(t, s, "count(out.r) == 2000 - 7 * 11"))
}

// The running moments, products and forward fill as states, method
// calls among them.
func TestMoreStatefulFunctionsMatchQuery(t *testing.T) {
	_, s := testkit.Started(t, `n = 1500
data = table(take(`+"`a`b`c"+`, n) as k, take(NULL NULL 1.0 NULL 2.5 3 NULL 4 5 6 7 8, n) * rand(1.0, n) as x, take(1 NULL 3 4 NULL, n) * rand(3, n) as v, take("x" "b" NULL "z" NULL, n) as s)
out = table(1:0, `+"`k`a`b`c`d`e`f`g`h`i`j`l`o"+`, [SYMBOL, DOUBLE, DOUBLE, DOUBLE, DOUBLE, LONG, DOUBLE, STRING, DOUBLE, DOUBLE, INT, STRING, DOUBLE])
m = [<cumvar(x)>, <cumvarp(v)>, <cumstd(x)>, <cumstdp(x)>, <cumprod(v % 3 + 1)>, <cumprod(x / 4 + 1)>, <s.ffill()>, <x.ffill().nullFill(0.0)>, <mavg(cumstd(ffill(x)), 3)>, <cumnunique(s)>, <cumfirstNot(s)>, <cumlastNot(x)>]
eng = createReactiveStateEngine(name="rseMore", metrics=m, dummyTable=table(1:0, `+"`k`x`v`s"+`, [SYMBOL, DOUBLE, INT, STRING]), outputTable=out, keyColumn="k")
i = 0
sizes = 1 7 30 500 2 100
for (z in 0..60) { if (i < n) { j = min(n, i + sizes[z % 6]); eng.append!(data[i:j]); i = j } }
data[`+"`i"+`] = 0..(n-1)
exp = select i, cumvar(x) as a, cumvarp(v) as b, cumstd(x) as c, cumstdp(x) as d, cumprod(v % 3 + 1) as e, cumprod(x / 4 + 1) as f, s.ffill() as g, x.ffill().nullFill(0.0) as h, mavg(cumstd(ffill(x)), 3) as ii, cumnunique(s) as j, cumfirstNot(s) as l, cumlastNot(x) as o from data context by k
exp = select * from exp order by i`)
	require.Equal(t, "1500", testkit.Run(t, s, "size(out)"))
	for _, c := range [][2]string{{"a", "a"}, {"b", "b"}, {"c", "c"}, {"d", "d"}, {"e", "e"}, {"f", "f"}, {"h", "h"}, {"i", "ii"}, {"j", "j"}, {"o", "o"}} {
		require.Equal(t, "true", testkit.Run(t, s, "eqObj(out."+c[0]+", double(exp."+c[1]+"), 9) or eqObj(out."+c[0]+", exp."+c[1]+")"), c[0])
	}
	require.Equal(t, "true", testkit.Run(t, s, "eqObj(out.g, exp.g)"))
	require.Equal(t, "true", testkit.Run(t, s, "eqObj(out.l, exp.l)"))
}

// Time windows (tmsum and its kin) keep the rows within the window of
// the key's latest times, also nested in and around moving windows.
func TestTimeWindowsMatchQuery(t *testing.T) {
	_, s := testkit.Started(t, `n = 6000
data = table(take(`+"`a`b`c"+`, n) as k, 2024.01.01T09:00:00.000 + cumsum(rand(700, n)) as t, 2024.01.01T09:00:00 + cumsum(rand(20, n)) as d, rand(10.0, n) as x)
out = table(1:0, `+"`k`a`b`c`d`e`f"+`, [SYMBOL, DOUBLE, DOUBLE, DOUBLE, DOUBLE, DOUBLE, DOUBLE])
m = [<tmsum(t, x, 5s)>, <tmavg(t, x, 3000)>, <mavg(tmsum(t, x, 2s), 3)>, <tmsum(t, mavg(x, 3), 2s)>, <cumsum(x) + tmmax(t, x, 1s)>, <tmavg(d, x, 1m)>]
eng = createReactiveStateEngine(name="rseTime", metrics=m, dummyTable=table(1:0, `+"`k`t`d`x"+`, [SYMBOL, TIMESTAMP, DATETIME, DOUBLE]), outputTable=out, keyColumn="k")
i = 0
sizes = 1 7 30 500 2 100
for (z in 0..200) { if (i < n) { j = min(n, i + sizes[z % 6]); eng.append!(data[i:j]); i = j } }
data[`+"`i"+`] = 0..(n-1)
exp = select i, tmsum(t, x, 5s) as a, tmavg(t, x, 3000) as b, mavg(tmsum(t, x, 2s), 3) as c, tmsum(t, mavg(x, 3), 2s) as d, cumsum(x) + tmmax(t, x, 1s) as e, tmavg(d, x, 1m) as f from data context by k
exp = select * from exp order by i`)
	require.Equal(t, "6000", testkit.Run(t, s, "size(out)"))
	for _, c := range []string{"a", "b", "c", "d", "e", "f"} {
		require.Equal(t, "true", testkit.Run(t, s, "eqObj(out."+c+", exp."+c+", 9)"), c)
	}
	// without the DATETIME column's window the history is bounded
	testkit.Run(t, s, `out2 = table(1:0, `+"`k`a`b`c`d`e"+`, [SYMBOL, DOUBLE, DOUBLE, DOUBLE, DOUBLE, DOUBLE])
eng2 = createReactiveStateEngine(name="rseTime2", metrics=m[0:5], dummyTable=table(1:0, `+"`k`t`d`x"+`, [SYMBOL, TIMESTAMP, DATETIME, DOUBLE]), outputTable=out2, keyColumn="k")
dd = select k, t, d, x from data
i = 0
for (z in 0..200) { if (i < n) { j = min(n, i + sizes[z % 6]); eng2.append!(dd[i:j]); i = j } }`)
	for _, c := range []string{"a", "b", "c", "d", "e"} {
		require.Equal(t, "true", testkit.Run(t, s, "eqObj(out2."+c+", exp."+c+", 9)"), c)
	}
	require.Equal(t, "true", testkit.Run(t, s, "(exec memoryInUsed from getStreamEngineStat()[`ReactiveStreamEngine] where name = `rseTime2)[0] < 100000"))
}
