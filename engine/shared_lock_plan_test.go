package engine

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/sqlparse"
)

// A statement's lock plan follows the functions it calls as they are
// redefined, undefined and imported from a module, although what their
// bodies reach is kept between statements.
func TestLockPlanFollowsDefinitions(t *testing.T) {
	s := memSession(t, "share table(1 as x) as lpA\nshare table(1 as x) as lpB\nshare table(1 as x) as lpC")
	run := func(script string) {
		t.Helper()
		mustRun(t, s, script)
	}
	run("def f() { return size(lpA) }\ndef g() { return f() }")
	script, err := sqlparse.Parse("g()")
	require.NoError(t, err)
	in := &interp{s: s, ctx: context.Background(), frame: s.vars, ro: &s.ro}
	plan := func() []string {
		p, _ := in.planLocks(script.Stmts[0])
		return p.Names
	}
	require.Equal(t, []string{"lpA"}, plan())
	run("def f() { return size(lpB) }")
	require.Equal(t, []string{"lpB"}, plan(), "f redefined")
	run("undef(`f, DEF)")
	require.Empty(t, plan(), "f undefined")
	run(`loadModuleFromScript("lpmod", "module lpmod \n def f() { return size(lpC) }")`)
	require.Equal(t, []string{"lpC"}, plan(), "f imported from a module")
}
