package rsengine_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/internal/testkit"
)

// The engine's running cumsum, cumavg, cumvar, cumstd, cumvarp, cumstdp
// and cumprod give, key by key, what the vector functions give over the
// key's rows so far around infinities and huge values: cumsum and
// cumavg inf from an infinity or an overflow on, cumprod inf after an
// infinity (they were NULL), the deviations NaN (NULL), and ema as
// ta-lib's ema gives it (inf from an infinity on, NULL for good once
// the other infinity meets it), over batches
// that split the keys' rows anywhere.
func TestRunningStatisticsAroundInfinities(t *testing.T) {
	_, s := testkit.Started(t, `n = 600
data = table(take(`+"`a`b`c`d"+`, n) as k, take([1.0, 2.0, exp(1000), NULL, 3.0, 1e308, 1e308, -exp(1000), 4.0, 5.0, 0.5, 2.0, 1.0, 3.0, 1e200, 1e200, 2.0, 3.0, 1.0, 4.0, -1e308, 7.0, NULL], n) as x)
out = table(1:0, `+"`k`a`b`c`d`e`f`g`h`j"+`, [SYMBOL, DOUBLE, DOUBLE, DOUBLE, DOUBLE, DOUBLE, DOUBLE, DOUBLE, DOUBLE, DOUBLE])
eng = createReactiveStateEngine(name="rseInf", metrics=[<cumsum(x)>, <cumavg(x)>, <cumvar(x)>, <cumstd(x)>, <cumvarp(x)>, <cumstdp(x)>, <cumprod(x)>, <ema(x, 3)>, <ema(x, 2) - ema(x, 4)>], dummyTable=table(1:0, `+"`k`x"+`, [SYMBOL, DOUBLE]), outputTable=out, keyColumn="k")
i = 0
sizes = 1 7 30 50 2 13
for (z in 0..60) { if (i < n) { j = min(n, i + sizes[z % 6]); eng.append!(data[i:j]); i = j } }
data[`+"`i"+`] = 0..(n-1)
exp = select i, cumsum(x) as a, cumavg(x) as b, cumvar(x) as c, cumstd(x) as d, cumvarp(x) as e, cumstdp(x) as f, cumprod(x) as g, ema(x, 3) as h, ema(x, 2) - ema(x, 4) as j from data context by k
exp = select * from exp order by i`)
	require.Equal(t, "600", testkit.Run(t, s, "size(out)"))
	// the series does reach inf and -inf in the vector functions' rows
	require.Equal(t, "true", testkit.Run(t, s, "any(exp.a == exp(1000)) && any(exp.g == -exp(1000)) && any(exp.b == exp(1000))"))
	// ema keeps an infinity (the page's recursion) where it used to restart
	require.Equal(t, "true", testkit.Run(t, s, "any(exp.h == exp(1000)) && any(exp.h == -exp(1000)) && any(isNull(exp.h) && !isNull(data.x))"))
	for _, c := range []string{"a", "b", "c", "d", "e", "f", "g", "h", "j"} {
		require.Equal(t, "true", testkit.Run(t, s, "eqObj(out."+c+", exp."+c+")"), c)
	}
}
