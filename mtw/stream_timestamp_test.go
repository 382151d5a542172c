package mtw_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/internal/testkit"
	"github.com/porpoisedb/porpoise/mtw"
	"github.com/porpoisedb/porpoise/server"
	"github.com/porpoisedb/porpoise/value"
)

// TestStreamTableTimestamp: a writer to a stream table whose last column
// setStreamTableTimestamp made its time column asks
// getStreamTableTimestamp (spec/mtw.md §2.3), leaves the column out of
// its rows, and the server fills it.
func TestStreamTableTimestamp(t *testing.T) {
	ts := server.RunT(t)
	c := ts.Dial(t)
	testkit.Query(t, c, "share streamTable(1000:0, `id`sym`ts, [INT, SYMBOL, TIMESTAMP]) as st; setStreamTableTimestamp(st, `ts)")
	w, err := mtw.New(mtw.Config{Host: ts.Host, Port: ts.Port, UserID: "admin", Password: "123456",
		TableName: "st", BatchSize: 10, Throttle: 10 * time.Millisecond, ThreadCount: 1})
	require.NoError(t, err)
	for i := 0; i < 25; i++ {
		require.True(t, w.Insert(i, "A").Succeed())
	}
	w.WaitForThreadCompletion()
	require.Equal(t, int64(25), count(t, c, "st"))
	v := testkit.Query(t, c, "exec count(*) from st where abs(ts - now()) < 60000")
	require.Equal(t, int64(25), v.(*value.Scalar).I)
}
