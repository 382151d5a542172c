package viewfuncs_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/internal/testkit"
)

// A module's function views outlive the engine: after a restart, with
// the module's file gone, a user granted VIEW_EXEC on the namespace
// still calls them by their qualified names with the view's rights, and
// a function calling the module's other function still finds it. The
// modules a module uses are read from their files again.
func TestModuleViewsSurviveRestart(t *testing.T) {
	data := t.TempDir()
	mods := filepath.Join(data, "modules")
	require.NoError(t, os.MkdirAll(mods, 0o755))
	write := func(name, src string) {
		require.NoError(t, os.WriteFile(filepath.Join(mods, name), []byte(src), 0o644))
	}
	write("mv.dos", `module mv
def countOver(x){ return exec count(*) from loadTable("dfs://mv", "pt") where v > x }
def countAll(){ return countOver(0) }
`)
	write("helper.dos", "module helper\ndef two(){ return 2 }\n")
	write("usesHelper.dos", "module usesHelper\nuse helper\ndef four(){ return two() * 2 }\n")
	e := testkit.OnDisk(t, data)
	testkit.RunAll(t, e, `t = table(2024.01.01 + 0 1 2 0 1 as d, 1..5 as v)
		 db = database("dfs://mv", VALUE, 2024.01.01..2024.01.03)
		 db.createPartitionedTable(t, "pt", "d").append!(t)`,
		`createUser("viewer", "123456")`, `addFunctionView("mv")`,
		`grant("viewer", VIEW_EXEC, "mv::*")`, `addFunctionView("usesHelper")`)
	require.Equal(t, "4", testkit.RunAll(t, e, `usesHelper::four()`))
	require.NoError(t, e.Close())
	require.NoError(t, os.RemoveAll(mods))

	e = testkit.OnDisk(t, data)
	defer e.Close()
	require.Equal(t, `["mv::countAll","mv::countOver","usesHelper::four"]`, testkit.RunAll(t, e, `exec name from getFunctionViews()`))
	require.Equal(t, "5", testkit.RunAll(t, e, `login("viewer", "123456"); mv::countAll()`))
	require.Equal(t, "2", testkit.RunAll(t, e, `login("viewer", "123456"); mv::countOver(3)`))
	testkit.RunAll(t, e, `dropFunctionView("mv", true)`)
	_, err := e.NewSession().Run(`mv::countAll()`)
	require.Error(t, err)
	// A view whose module uses one no file holds any more stays, and
	// calling it is DolphinDB's error for the missing module.
	_, err = e.NewSession().Run(`usesHelper::four()`)
	require.ErrorContains(t, err, "Can't find module [helper]")
	testkit.RunAll(t, e, `dropFunctionView("usesHelper::four")`)
}
