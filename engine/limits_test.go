package engine

import (
	"testing"

	"github.com/porpoisedb/porpoise/config"
	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

// memLimitOfQueryResult was recorded but not enforced: a query whose
// result is larger now fails, a smaller one passes, and the limit comes
// from dolphindb.cfg when setMemLimitOfQueryResult has not changed it.
func TestMemLimitOfQueryResultEnforced(t *testing.T) {
	cfg := config.Default()
	cfg.MaxMemSize = 4
	cfg.MemLimitOfQueryResult = 0.001 // about 1 MB
	e, err := Open(Options{Config: &cfg})
	require.NoError(t, err)
	defer e.Close()
	s := e.NewSession()
	mustRun(t, s, "t = table(1..1000000 as x, 1..1000000 as y)")
	v := mustRun(t, s, "select count(*) from t")
	require.Equal(t, 1, v.(*value.Table).Rows())
	_, err = s.Run("select * from t")
	require.ErrorContains(t, err, "exceeds memLimitOfQueryResult")
	v = mustRun(t, s, "getMemLimitOfQueryResult()")
	require.InDelta(t, 0.001*(1<<30), v.(*value.Scalar).F, 1)
	mustRun(t, s, "setMemLimitOfQueryResult(0.1)")
	v = mustRun(t, s, "select * from t")
	require.Equal(t, 1000000, v.(*value.Table).Rows())
}

func TestMemoryLimitSetters(t *testing.T) {
	cfg := config.Default()
	cfg.MaxMemSize = 8
	e, err := Open(Options{Config: &cfg})
	require.NoError(t, err)
	defer e.Close()
	s := e.NewSession()
	guest := e.NewGuestSession()
	runScalar := func(script string) float64 {
		v, err := s.Run(script)
		require.NoError(t, err, script)
		return v.(*value.Scalar).F
	}
	for _, c := range []struct {
		script, err string
	}{
		{"setMemLimitOfTaskGroupResult(4)", "memLimit must be less than 50% * maxMemSize."},
		{"setMemLimitOfTaskGroupResult(-1)", "memLimit must be a positive numeric scalar."},
		{"setMemLimitOfTempResult(9)", "X must not be greater than maxMemSize."},
		{"setMemLimitOfAllTempResults(0)", "memLimit must be a positive numeric scalar."},
		{"setMaxConnections(70000)", "newValue must be a positive integer less than 65536."},
	} {
		_, err := s.Run(c.script)
		require.EqualError(t, err, c.script+" => "+c.err)
	}
	require.Equal(t, float64(2<<30)*0.8, runScalar("getMemLimitOfTaskGroupResult()")) // 20% of 8 GB
	mustRun(t, s, "setMemLimitOfTaskGroupResult(1); setMemLimitOfAllTempResults(3.0); setMemLimitOfTempResult(2)")
	require.Equal(t, 1.0, runScalar("getMemLimitOfTaskGroupResult() / 1024 / 1024 / 1024"))
	require.Equal(t, 3.0, runScalar("getMemLimitOfAllTempResults()"))

	require.Equal(t, 512, e.MaxConnections())
	_, err = s.Run("setMaxConnections(100)") // not above the current value: no effect
	require.NoError(t, err)
	require.Equal(t, 512, e.MaxConnections())
	mustRun(t, s, "setMaxConnections(1024)")
	require.Equal(t, 1024, e.MaxConnections())
	_, err = guest.Run("setMaxConnections(2048)")
	require.EqualError(t, err, "setMaxConnections(2048) => Only administrators can execute function setMaxConnections.")
	mustRun(t, s, `setDynamicConfig("maxConnections", 4096)`)
	require.Equal(t, 4096, e.MaxConnections())
}
