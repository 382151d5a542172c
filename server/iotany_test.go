package server

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/client"
	"github.com/porpoisedb/porpoise/value"
)

// TestIOTAnyOverTheWire queries an IOTDB table's IOTANY column with the
// Go client, which reads it as DolphinDB sends it (type 41, the Java and
// JavaScript APIs' layout), and uploads it back as a table to append.
func TestIOTAnyOverTheWire(t *testing.T) {
	ts := RunT(t)
	ctx := context.Background()
	c, err := client.Dial(ctx, ts.Addr, client.Options{User: "admin", Password: "123456"})
	require.NoError(t, err)
	defer c.Close()
	_, err = c.Run(ctx, `
create database "dfs://iotw" partitioned by HASH([INT, 4]),VALUE(2017.08.07..2017.08.11), engine='IOTDB'
create table "dfs://iotw"."pt" (deviceId INT, location SYMBOL, timestamp TIMESTAMP, value IOTANY)
partitioned by deviceId, timestamp, sortColumns = [`+"`deviceId, `location, `timestamp"+`], latestKeyCache = true
pt = loadTable("dfs://iotw", "pt")
pt.append!(table([1, 1] as deviceId, ["a", "a"] as location, [2017.08.07T10:00:00.000, 2017.08.07T11:00:00.000] as timestamp, [int(233), int(5)] as value))
pt.append!(table([2] as deviceId, ["b"] as location, [2017.08.07T10:00:00.000] as timestamp, [2.5] as value))
pt.append!(table([3] as deviceId, ["c"] as location, [2017.08.07T10:00:00.000] as timestamp, ["on"] as value))`)
	require.NoError(t, err)
	got, err := c.Run(ctx, `select * from loadTable("dfs://iotw", "pt") order by deviceId, timestamp`)
	require.NoError(t, err)
	tbl := got.(*value.Table)
	col := tbl.Cols[3]
	require.Equal(t, value.IOTAny, col.T)
	require.Equal(t, "[233,5,2.5,on]", col.String())
	require.Equal(t, []value.Type{value.Int, value.Int, value.Double, value.String},
		[]value.Type{col.Any[0].Type(), col.Any[1].Type(), col.Any[2].Type(), col.Any[3].Type()})

	// the same rows a day later, uploaded with their IOTANY column
	ts2, err := c.Run(ctx, `exec temporalAdd(timestamp, 1, "d") from loadTable("dfs://iotw", "pt") order by deviceId, timestamp`)
	require.NoError(t, err)
	tbl.Cols[2] = ts2.(*value.Vector)
	require.NoError(t, c.Upload(ctx, map[string]value.Value{"up": tbl}))
	got, err = c.Run(ctx, `typestr(up.value)`)
	require.NoError(t, err)
	require.Equal(t, "FAST IOTANY VECTOR", got.String())
	_, err = c.Run(ctx, `loadTable("dfs://iotw", "pt").append!(up)`)
	require.NoError(t, err)
	got, err = c.Run(ctx, `exec value from loadTable("dfs://iotw", "pt") where timestamp >= 2017.08.08 order by deviceId, timestamp`)
	require.NoError(t, err)
	require.Equal(t, "[233,5,2.5,on]", got.String())
}
