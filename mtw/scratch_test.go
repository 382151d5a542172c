package mtw

import (
	"context"
	"fmt"
	"testing"

	"github.com/porpoisedb/porpoise/client"
	"github.com/porpoisedb/porpoise/server"
	"github.com/porpoisedb/porpoise/value"
)

func TestScratch(t *testing.T) {
	ts := server.RunT(t)
	ctx := context.Background()
	c, err := client.Dial(ctx, ts.Addr, client.Options{User: "admin", Password: "123456"})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{
		`dbt = database("dfs://t", HASH, [SYMBOL,4], engine="TSDB"); dbt.createPartitionedTable(table(1:0,` + "`sym`ts`price,[SYMBOL,TIMESTAMP,DOUBLE]), `pt, `sym, sortColumns=`sym`ts, keepDuplicates=LAST)",
		"pt = loadTable(\"dfs://t\",\"pt\"); upsert!(pt, table([`A] as sym, [2022.01.01T00:00:00.000] as ts, [1.0] as price), false, `sym`ts)",
		"upsert!(loadTable(\"dfs://t\",\"pt\"), table([`A] as sym, [2022.01.01T00:00:00.000] as ts, [1.0] as price), false, `sym`ts)",
		"f = upsert!{loadTable(\"dfs://t\",\"pt\"),,false,`sym`ts}; f(table([`A] as sym, [2022.01.01T00:00:00.000] as ts, [1.0] as price))",
		"f = tableInsert{loadTable(\"dfs://t\",\"pt\")}; f(table([`A] as sym, [2022.01.01T00:00:00.000] as ts, [1.0] as price))",
		"select count(*) from loadTable(\"dfs://t\",\"pt\")",
		"st = streamTable(1000:0, `a`b, [INT, INT]); share st as sglobal",
		"schema(sglobal)",
		"funcByName(\"tableInsert\")",
	} {
		v, err := c.Run(ctx, s)
		fmt.Printf("== %s\n%v err=%v\n", s, v, err)
	}
	_ = value.Int
}
