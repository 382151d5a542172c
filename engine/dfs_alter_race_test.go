package engine_test

import (
	"fmt"
	"sync"
	"testing"

	"github.com/porpoisedb/porpoise/engine"
	"github.com/stretchr/testify/require"
)

// TestReplaceColumnUnderConcurrentSessions: one session appends whole
// batches (x = v) to an OLAP TRANS table, two query it, and one cycles x
// through LONG, DOUBLE and INT with replaceColumn!. Queries must see
// whole batches and x = v in every row whatever the type, no statement
// may fail, and under -race nothing is reported.
func TestReplaceColumnUnderConcurrentSessions(t *testing.T) {
	n := 200
	if testing.Short() {
		n = 40
	}
	e, err := engine.Open(engine.Options{InMemory: true})
	require.NoError(t, err)
	defer e.Close()
	_, err = e.NewSession().Run(`db = database("dfs://alterRace", VALUE, 1..3)
		db.createPartitionedTable(table(1:0, ` + "`id`v`x" + `, [INT, INT, INT]), ` + "`pt, `id" + `)`)
	require.NoError(t, err)
	const load = `pt = loadTable("dfs://alterRace", "pt"); `
	scripts := []string{
		load + fmt.Sprintf("for (j in til(%d)) { r = j * 30 + 1..30; pt.append!(table(take(1 2 3, 30) as id, r as v, r as x)) }", n),
		load + fmt.Sprintf(`for (j in til(%d)) {
			r = select count(*) as c, sum(abs(x - v)) as d from pt
			assert r.c[0] %% 30 == 0
			assert isNull(r.d[0]) or r.d[0] == 0
		}`, n),
		load + fmt.Sprintf(`for (j in til(%d)) {
			bad = select * from pt where x != v
			if (size(bad) > 0) { throw string(size(bad)) + " rows " + typestr(bad.x) + " " + string(bad.x[0]) + " " + string(bad.v[0]) }
			c = exec count(*) from pt where id == 2
			assert c %% 10 == 0
		}`, n),
		load + fmt.Sprintf("for (j in til(%d)) { replaceColumn!(pt, `x, array(LONG)); replaceColumn!(pt, `x, array(DOUBLE)); replaceColumn!(pt, `x, array(INT)) }", n/10),
	}
	errs := make([]error, len(scripts))
	var wg sync.WaitGroup
	for i, script := range scripts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs[i] = e.NewSession().Run(script)
		}()
	}
	wg.Wait()
	for i, err := range errs {
		require.NoError(t, err, "script %d", i)
	}
	v, err := e.NewSession().Run(`exec count(*) from loadTable("dfs://alterRace", "pt") where x == v`)
	require.NoError(t, err)
	require.Equal(t, fmt.Sprint(30*n), v.String())
}
