package server

import (
	"testing"

	"github.com/porpoisedb/porpoise/value"
)

func TestGapProbe(t *testing.T) {
	ts := RunT(t)
	s := ts.Engine.NewSession()
	_, err := s.Call("add", value.NewInt(7), value.NewInt(7))
	t.Log("add:", err)
	v, err := s.Run("version()")
	t.Log("version:", v, err)
	g := ts.Engine.NewGuestSession()
	_, err = s.Run(`db = database("dfs://gp", VALUE, 1 2 3); pt = db.createPartitionedTable(table(1:0, ` + "`a" + `, [INT]), "pt", "a"); share table(1:0, ` + "`a" + `, [INT]) as st`)
	t.Log("seed:", err)
	for _, q := range []string{`select * from loadTable("dfs://gp","pt")`, `existsDatabase("dfs://gp")`, `dropDatabase("dfs://gp")`, `schema(loadTable("dfs://gp","pt"))`, `getConfig("newValuePartitionPolicy")`, `funcByName("getStreamTableTimestamp")`, `typestr(st)`, `schema(st)`} {
		v, err := g.Run(q)
		t.Logf("guest %s -> %v / %v", q, v, err)
	}
}
