package server

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/internal/testkit"
	"github.com/porpoisedb/porpoise/value"
)

// TestModulesOverTheWire starts a server whose preloadModules loads one
// module for every client; another is imported with use, and both are
// called by script and by the clients' function-call request.
func TestModulesOverTheWire(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "ta.dos"), []byte("module ta\ndef twice(x){ return 2*x }\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "calc.dos"), []byte("module calc\nuse ta\ndef quad(x){ return twice(twice(x)) }\n"), 0o644))
	ts := RunT(t, WithConfig("moduleDir", dir), WithConfig("preloadModules", "ta"))
	ctx := context.Background()

	c := dialAs(t, ts.Addr, "admin", "123456")
	v, err := c.RunFunc(ctx, "ta::twice", value.NewInt(4))
	require.NoError(t, err)
	require.Equal(t, "8", v.String(), "preloaded: qualified names in every session")

	testkit.Query(t, c, "use calc")
	v = testkit.Query(t, c, "quad(1) + calc::quad(2)")
	require.Equal(t, "12", v.String())
	v, err = c.RunFunc(ctx, "calc::quad", value.NewInt(3))
	require.NoError(t, err)
	require.Equal(t, "12", v.String())
	v, err = c.RunFunc(ctx, "quad", value.NewInt(3))
	require.NoError(t, err)
	require.Equal(t, "12", v.String(), "a short name the session imported")

	// use is per session
	other := dialAs(t, ts.Addr, "admin", "123456")
	_, err = other.RunFunc(ctx, "quad", value.NewInt(3))
	require.ErrorContains(t, err, "Can't recognize function name quad")
}
