package engine

import (
	"context"
	"runtime"
	"testing"
	"time"
	"weak"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/funcs"
)

// closer counts its Close calls.
type closer struct{ n int }

func (c *closer) Close() { c.n++ }

// The site a server announces and the state other packages keep are the
// engine's own: they go with it, closed and collectable, instead of
// living on in package-level tables keyed by engine.
func TestEngineStateAndSiteGoWithTheEngine(t *testing.T) {
	e, err := Open(Options{})
	require.NoError(t, err)
	e.SetSite(func() funcs.Site { return funcs.Site{Host: "h", Port: 1234, Alias: "n1"} })
	s := e.NewSession()
	v := mustRun(t, s, "getNodePort()")
	require.Equal(t, "1234", v.String())

	other, err := Open(Options{})
	require.NoError(t, err)
	defer other.Close()
	s2 := other.NewSession()
	defer s2.Close()
	v = mustRun(t, s2, "getNodePort()")
	require.Equal(t, "8848", v.String(), "another engine keeps the default site")

	in := &interp{s: s, ctx: context.Background()}
	c := in.EngineState("test", func() any { return &closer{} }).(*closer)
	require.Same(t, c, in.EngineState("test", func() any { return &closer{} }))
	s.Close()
	require.NoError(t, e.Close())
	require.Equal(t, 1, c.n, "closed with the engine")

	w := weak.Make(e)
	e, s, in = nil, nil, nil
	require.Eventually(t, func() bool {
		runtime.GC()
		return w.Value() == nil
	}, 5*time.Second, 20*time.Millisecond, "a closed engine is collectable")
}
