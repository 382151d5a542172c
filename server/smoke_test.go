package server_test

import (
	"context"
	"testing"

	"github.com/porpoisedb/porpoise/client"
	"github.com/porpoisedb/porpoise/server"
)

func TestSmoke(t *testing.T) {
	ts := server.RunT(t)
	ctx := context.Background()
	c, err := client.Dial(ctx, ts.Addr, client.Options{User: "admin", Password: "123456"})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	for _, s := range []string{"1+1", "x = 5", "x", "nosuchfunc(1)", "nosuchfunc", "`a`b`c", "t = table(1 2 3 as id, `a`b`c as sym); t", "def f(a){return a+1}; f", "print(1); 2", "1 2 3 +", "db=database(\"dfs://x\", VALUE, 1 2 3); db", "select * from t"} {
		v, err := c.Run(ctx, s)
		t.Logf("%q -> %v (%T) err=%v", s, v, v, err)
	}
}
