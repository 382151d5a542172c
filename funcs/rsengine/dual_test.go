package rsengine_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/internal/testkit"
)

// Sessions appending to one dual ownership engine at once: every row
// gives one output row, and each half counts its own key's rows.
func TestDualConcurrentAppends(t *testing.T) {
	e, s := testkit.Started(t, `share table(1:0, `+"`k`g`c1`c2"+`, [INT, INT, LONG, LONG]) as dout
createDualOwnershipReactiveStateEngine(name="dualRace", metrics1=<cumcount(v)>, metrics2=<cumcount(v)>, dummyTable=table(1:0, `+"`k`g`v"+`, [INT, INT, INT]), outputTable=dout, keyColumn1="k", keyColumn2="g")`)
	testkit.Concurrently(t, e, 4, 25,
		"tableInsert(getStreamEngine(`dualRace), table(1..10 as k, (1..10) % 2 as g, take(1, 10) as v))",
	)
	require.Equal(t, "1000", testkit.Run(t, s, "size(dout)"))
	require.Equal(t, "[100,100,100,100,100,100,100,100,100,100]", testkit.Run(t, s, "(select max(c1) as m from dout group by k order by k).m"))
	require.Equal(t, "[500,500]", testkit.Run(t, s, "(select max(c2) as m from dout group by g order by g).m"))
	testkit.Run(t, s, "dropStreamEngine(`dualRace)")
}

// The dual engine gives what two context by queries give, one per key.
func TestDualMatchesQuery(t *testing.T) {
	_, s := testkit.Started(t, `out = table(1:0, `+"`d`a`b`x`y"+`, [INT, SYMBOL, SYMBOL, DOUBLE, DOUBLE])
eng = createDualOwnershipReactiveStateEngine(name="dualQ", metrics1=<mavg(v, 3)>, metrics2=<cumsum(v)>, dummyTable=table(1:0, `+"`d`a`b`v"+`, [INT, SYMBOL, SYMBOL, DOUBLE]), outputTable=out, keyColumn1=`+"`d`a"+`, keyColumn2=`+"`d`b"+`)
data = table(take(1 2, 3000) as d, take(`+"`p`q`r"+`, 3000) as a, take(`+"`u`v`w`z"+`, 3000) as b, rand(10.0, 3000) as v)
for (i in 0..29) eng.append!(data[(i*100):((i+1)*100)])
data[`+"`i"+`] = 0..2999
x = select i, mavg(v, 3) as x from data context by d, a
y = select i, cumsum(v) as y from data context by d, b
x = select * from x order by i
y = select * from y order by i`)
	require.Equal(t, "true", testkit.Run(t, s, "eqObj(out.x, x.x, 9) && eqObj(out.y, y.y, 9) && eqObj(out.a, data.a) && eqObj(out.b, data.b)"))
	testkit.Run(t, s, "dropStreamEngine(`dualQ)")
}
