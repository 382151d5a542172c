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
		"t = table(1000:0, `date`ticker`price, [DATE,SYMBOL,LONG]); share t as tglobal;",
		"schema(tglobal)",
		`funcByName("getStreamTableTimestamp");`,
		`dbName = 'dfs://valuedb3'; if(exists(dbName)){ dropDatabase(dbName); }; datetest=table(1000:0,` + "`date`symbol`id,[DATE,SYMBOL,INT]);" + ` db = database(directory=dbName, partitionType=HASH, partitionScheme=[INT, 10]); pt=db.createPartitionedTable(datetest,'pdatetest','id');`,
		`schema(loadTable("dfs://valuedb3","pdatetest"))`,
		`schema(nosuch)`,
		`schema(loadTable("dfs://valuedb3","nosuch"))`,
		"kt = keyedTable(`index, 1000:0, `index`v, [INT,DOUBLE]); share kt as kglobal;",
		"schema(kglobal)",
		`typestr(tglobal)`,
	} {
		v, err := c.Run(ctx, s)
		fmt.Printf("== %s\n%v\nerr=%v\n", s, v, err)
		if d, ok := v.(*value.Dict); ok {
			for i := 0; i < d.Len(); i++ {
				fmt.Printf("  %s -> %T %v\n", d.Keys.FormatElem(i), d.Vals.Elem(i), d.Vals.Elem(i))
			}
		}
	}
	tb := value.NewTable([]string{"date", "ticker", "price"}, []*value.Vector{
		{T: value.Date, I32: []int32{19071}}, {T: value.Symbol, Str: []string{"A"}}, value.NewLongs([]int64{5})})
	for _, f := range []string{"tableInsert{tglobal}", `tableInsert{"tglobal"}`, "upsert!{kglobal,}", "upsert!{tglobal,,true}"} {
		arg := value.Value(tb)
		if f[0] == 'u' && f[8] == 'k' {
			arg = value.NewTable([]string{"index", "v"}, []*value.Vector{value.NewInts([]int32{1}), value.NewDoubles([]float64{2})})
		}
		v, err := c.RunFunc(ctx, f, arg)
		fmt.Printf("== %s -> %T %v err=%v\n", f, v, v, err)
	}
	tb2 := value.NewTable([]string{"date", "symbol", "id"}, []*value.Vector{
		{T: value.Date, I32: []int32{19071}}, {T: value.Symbol, Str: []string{"A"}}, value.NewInts([]int32{5})})
	v, err := c.RunFunc(ctx, `tableInsert{loadTable("dfs://valuedb3","pdatetest")}`, tb2)
	fmt.Println(v, err)
	v, err = c.Run(ctx, `select count(*) from loadTable("dfs://valuedb3","pdatetest")`)
	fmt.Println(v, err)
	v, err = c.Run(ctx, `select count(*) from tglobal`)
	fmt.Println(v, err)
}
