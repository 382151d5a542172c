package dbadmin_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/internal/testkit"
)

// An IOTDB table's rows, IOTANY values and static tables survive a
// restart: the point types still refuse a mismatched write.
func TestIOTDBSurvivesRestart(t *testing.T) {
	data := t.TempDir()
	e := testkit.OnDisk(t, data)
	testkit.RunAll(t, e, `create database "dfs://iot" partitioned by HASH([INT, 2]), VALUE(2017.08.07..2017.08.08), engine='IOTDB'`,
		`create table "dfs://iot"."pt" (id INT, loc SYMBOL, ts TIMESTAMP, v IOTANY) partitioned by id, ts, sortColumns=[`+"`id, `loc, `ts"+`], latestKeyCache=true`,
		`loadTable("dfs://iot", "pt").append!(table(1 2 as id, ["a", "b"] as loc, [2017.08.07T00:00:00.000, 2017.08.08T00:00:00.000] as ts, [1.5, 2.5] as v))`,
		`loadTable("dfs://iot", "pt").append!(table([3] as id, ["c"] as loc, [2017.08.07T00:00:00.000] as ts, ["x"] as v))`)
	require.NoError(t, e.Close())
	e = testkit.OnDisk(t, data)
	defer e.Close()
	s := e.NewSession()
	v, err := s.Run(`exec v from loadTable("dfs://iot", "pt") order by id`)
	require.NoError(t, err)
	require.Equal(t, "[1.5,2.5,x]", v.String())
	v, err = s.Run(`exec valueType from getLocalIOTDBStaticTable("dfs://iot", "pt") order by id`)
	require.NoError(t, err)
	require.Equal(t, `["DOUBLE","DOUBLE","STRING"]`, v.String())
	_, err = s.Run(`loadTable("dfs://iot", "pt").append!(table([1] as id, ["a"] as loc, [2017.08.07T00:00:01.000] as ts, [7] as v))`)
	require.ErrorContains(t, err, "is of type INT but the point's type is DOUBLE")
}
