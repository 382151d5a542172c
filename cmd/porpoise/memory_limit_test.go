package main

import (
	"math"
	"runtime/debug"
	"testing"

	"github.com/porpoisedb/porpoise/config"
	"github.com/stretchr/testify/require"
)

// The server runs with maxMemSize as Go's soft memory limit, so a script
// whose live data fits is not killed by the collector's headroom; an
// explicit GOMEMLIMIT wins.
func TestGoMemoryLimitFollowsMaxMemSize(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	cfg := config.Default()
	cfg.MaxMemSize = 2

	t.Setenv("GOMEMLIMIT", "")
	debug.SetMemoryLimit(math.MaxInt64)
	setGoMemoryLimit(cfg)
	require.Equal(t, int64(2<<30), debug.SetMemoryLimit(-1))

	t.Setenv("GOMEMLIMIT", "5GiB")
	debug.SetMemoryLimit(math.MaxInt64)
	setGoMemoryLimit(cfg)
	require.Equal(t, int64(math.MaxInt64), debug.SetMemoryLimit(-1))
}
