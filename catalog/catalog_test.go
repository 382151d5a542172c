package catalog_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/engine"
	"github.com/porpoisedb/porpoise/internal/testkit"
)

// TestCatalogsSurviveRestart checks that catalogs and their schemas are
// written to the store with the DFS metadata, not only kept by the open
// engine, and that a session's current catalog is not.
func TestCatalogsSurviveRestart(t *testing.T) {
	before := []string{
		`createCatalog("trading"); createCatalog("empty")`,
		`use catalog trading
		 create database stock partitioned by VALUE(1..3)
		 create table stock.quote (id INT, v DOUBLE) partitioned by id`,
		`database("dfs://db1", VALUE, 1..2); createSchema("trading", "dfs://db1", "other")`,
		`renameSchema("trading", "other", "bonds")`,
		`tableInsert(trading.stock.quote, table(1 2 as id, 1.5 2.5 as v))`,
	}
	dir := t.TempDir()
	open := func() *engine.Engine {
		e, err := engine.Open(engine.Options{DataDir: dir})
		require.NoError(t, err)
		return e
	}
	e := open()
	testkit.RunAll(t, e, before...)
	require.NoError(t, e.Close())
	e = open()
	defer e.Close()
	cases := []struct{ script, want string }{
		{`getAllCatalogs()`, `["empty","trading"]`},
		{`exec schema from getSchemaByCatalog("trading")`, `["bonds","stock"]`},
		{`exec dbUrl from getSchemaByCatalog("trading") where schema = "bonds"`, `["dfs://db1"]`},
		{`getCurrentCatalog()`, ``},
		{`exec sum(v) from trading.stock.quote`, `4`},
	}
	for _, c := range cases {
		require.Equal(t, c.want, testkit.RunAll(t, e, c.script), c.script)
	}
}

// TestManagingCatalogsTakesAnAdministrator checks that a user who is no
// administrator may read catalogs but not create, change or drop them
// (catalog.md: CATALOG_MANAGE, which only administrators hold here).
func TestManagingCatalogsTakesAnAdministrator(t *testing.T) {
	e := testkit.InMemory(t)
	testkit.RunAll(t, e, `createUser("u1", "pw123456"); createCatalog("c1"); database("dfs://db1", VALUE, 1..2)`)
	s := e.NewGuestSession()
	testkit.Run(t, s, `login("u1", "pw123456")`)
	for _, script := range []string{
		`createCatalog("c2")`, `dropCatalog("c1")`, `renameCatalog("c1", "c3")`,
		`createSchema("c1", "dfs://db1", "s1")`, `dropSchema("c1", "s1")`, `renameSchema("c1", "s1", "s2")`,
	} {
		_, err := s.Run(script)
		require.ErrorContains(t, err, "Only administrators execute function", script)
	}
	require.Equal(t, `["c1"]`, testkit.Run(t, s, `getAllCatalogs()`))
	require.Equal(t, `true`, testkit.Run(t, s, `existsCatalog("c1")`))
	require.Equal(t, `c1`, testkit.Run(t, s, `setDefaultCatalog("c1"); getCurrentCatalog()`))
}

// TestSchemaPrivileges checks catalog.md's SCHEMA_ privileges and
// catalog.schema.table objects: they are the database and table
// privileges of the schema's database.
func TestSchemaPrivileges(t *testing.T) {
	e := testkit.InMemory(t)
	testkit.RunAll(t, e, `createUser("u1", "pw123456"); createUser("u2", "pw123456")
		createCatalog("trading")
		use catalog trading
		create database stock partitioned by VALUE(1..3)
		create table stock.quote (id INT, v DOUBLE) partitioned by id
		tableInsert(trading.stock.quote, table(1 2 as id, 1.5 2.5 as v))
		grant("u1", SCHEMA_READ, "trading.stock")
		grant("u2", TABLE_READ, "trading.stock.quote")`)
	for _, user := range []string{"u1", "u2"} {
		s := e.NewGuestSession()
		testkit.Run(t, s, `login("`+user+`", "pw123456")`)
		require.Equal(t, "2", testkit.Run(t, s, `exec count(*) from trading.stock.quote`), user)
	}
	testkit.RunAll(t, e, `revoke("u1", SCHEMA_READ, "trading.stock")`)
	s := e.NewGuestSession()
	testkit.Run(t, s, `login("u1", "pw123456")`)
	_, err := s.Run(`exec count(*) from trading.stock.quote`)
	require.ErrorContains(t, err, "Not granted to read table")
}
