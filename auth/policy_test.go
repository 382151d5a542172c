package auth

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// policyStore has admin, u1 (creator of dfs://own and its table t) and
// u2 (no privileges).
func policyStore(t *testing.T) *Store {
	t.Helper()
	s := newStore(t, "")
	require.NoError(t, s.CreateUser("u1", "123456", nil, false, ""))
	require.NoError(t, s.CreateUser("u2", "123456", nil, false, ""))
	require.NoError(t, s.Apply("u1", Grant, DBOwner, nil, 0))
	require.NoError(t, s.SetDBOwner("dfs://own", "u1"))
	require.NoError(t, s.SetTableOwner("dfs://own/t", "u1"))
	return s
}

func TestPrincipalGuestIsRefusedWithLoginTexts(t *testing.T) {
	g := Principal{Store: policyStore(t)}
	require.EqualError(t, g.CheckTableRead("dfs://own", "t"), "<NotAuthenticated>Not granted to read data. Please login first.")
	require.EqualError(t, g.CheckCreateDB("dfs://x"), "<NotAuthenticated>Not granted to write data to the table. Please login first.")
	require.False(t, g.IsAdmin())
	require.False(t, g.SeesTable("dfs://own", "t"))
	require.Zero(t, g.Limit(QueryResultMemLimit))
}

func TestPrincipalOwnerRights(t *testing.T) {
	s := policyStore(t)
	u1, u2 := Principal{Store: s, User: "u1"}, Principal{Store: s, User: "u2"}
	require.NoError(t, u1.CheckTableRead("dfs://own", "t"))
	require.NoError(t, u1.CheckTableWrite("dfs://own", "t", TableDelete))
	require.NoError(t, u1.CheckDropDB("dfs://own"))
	require.NoError(t, u1.CheckCreateTable("dfs://own"))
	require.True(t, u1.SeesDatabase("dfs://own"))

	require.EqualError(t, u2.CheckTableRead("dfs://own", "t"), "<NoPrivilege>Not granted to read table dfs://own/t")
	require.EqualError(t, u2.CheckTableWrite("dfs://own", "t", TableInsert), "<NoPrivilege>Not granted to write data to table dfs://own/t")
	require.EqualError(t, u2.CheckDropDB("dfs://own"), "<NoPrivilege>Not granted to create or delete databases")
	require.EqualError(t, u2.CheckDropTable("dfs://own"), "<NoPrivilege>Not granted to delete tables in database dfs://own")
	require.EqualError(t, u2.CheckManageDB("dfs://own"), "<NoPrivilege>Not granted to manage database dfs://own")
	require.False(t, u2.SeesClusterDatabase("dfs://own"))

	// A database-level privilege reaches its tables.
	require.NoError(t, s.Apply("u2", Grant, DBInsert, []string{"dfs://own"}, 0))
	require.NoError(t, u2.CheckTableWrite("dfs://own", "t", TableInsert))
	require.Error(t, u2.CheckTableWrite("dfs://own", "t", TableUpdate))
	require.True(t, u2.SeesTable("dfs://own", "t"))
	require.True(t, u2.SeesClusterDatabase("dfs://own"))
	require.False(t, u2.SeesDatabase("dfs://own"))
}

func TestPrincipalSharedTables(t *testing.T) {
	s := policyStore(t)
	u1, u2, guest := Principal{Store: s, User: "u1"}, Principal{Store: s, User: "u2"}, Principal{Store: s}
	open := SharedTable{Name: "st", Owner: "u1"}
	require.NoError(t, u2.CheckSharedAccess(open, true))
	require.NoError(t, guest.CheckSharedAccess(open, false))
	require.EqualError(t, guest.CheckSharedAccess(open, true), "No access to shared table [st]")

	closed := SharedTable{Name: "st", Owner: "u1", Controlled: true}
	require.NoError(t, u1.CheckSharedAccess(closed, true))
	require.EqualError(t, u2.CheckSharedAccess(closed, false), "No access to shared table [st]")
	require.NoError(t, s.Apply("u2", Grant, TableRead, []string{"st"}, 0))
	require.NoError(t, u2.CheckSharedAccess(closed, false))
	require.Error(t, u2.CheckSharedAccess(closed, true))

	require.NoError(t, u1.CheckAddAccessControl("u1"))
	require.EqualError(t, u2.CheckAddAccessControl("u1"), "Only the creator of the shared table or an administrator can add access control to it.")
	require.Error(t, guest.CheckAddAccessControl(""), "a guest never controls a table")
}

func TestPrincipalCheckGrantor(t *testing.T) {
	s := policyStore(t)
	u1 := Principal{Store: s, User: "u1"}
	owners := func(name string) (string, bool) {
		if name == "st" {
			return "u1", true
		}
		return "", false
	}
	require.NoError(t, Principal{Store: s, User: SuperAdmin}.CheckGrantor(Grant, ScriptExec, nil, owners))
	require.NoError(t, u1.CheckGrantor(Grant, TableRead, []string{"dfs://own/t"}, owners))
	require.NoError(t, u1.CheckGrantor(Grant, TableRead, []string{"node1:st"}, owners), "the node part of a shared name is dropped")
	require.EqualError(t, u1.CheckGrantor(Grant, ScriptExec, nil, owners),
		"Non-admin users cannot grant the SCRIPT_EXEC privilege. Contact the administrator. RefId: S04004")
	require.EqualError(t, u1.CheckGrantor(DenyOp, TableRead, []string{"*"}, owners),
		"Non-admin users cannot deny the TABLE_READ privilege. Contact the administrator. RefId: S04004")
	require.EqualError(t, u1.CheckGrantor(Grant, DBRead, []string{"dfs://other"}, owners),
		"To manage permissions for databases you didn't create, you must have the DB_MANAGE privilege or contact an administrator. RefId: S04005")
	require.Error(t, u1.CheckGrantor(Revoke, TableRead, []string{"other"}, owners))
}

func TestDBOfTable(t *testing.T) {
	require.Equal(t, "dfs://db", DBOfTable("dfs://db/t"))
	require.Equal(t, "dfs://a/b", DBOfTable("dfs://a/b/t"))
	require.Equal(t, "dfs://db", DBOfTable("dfs://db"))
}

// A CATALOG_ privilege covers the databases of the catalog's schemas,
// and a setting on the catalog replaces the settings of the same kind on
// those databases and their tables, not on other databases.
func TestCatalogPrivilegesCoverTheirDatabases(t *testing.T) {
	s := policyStore(t)
	require.NoError(t, s.CreateUser("cu", "pw", nil, false, ""))
	catalogs := map[string]string{"dfs://a": "cat", "dfs://b": "cat"}
	cu := Principal{Store: s, User: "cu", CatalogOf: func(db string) string { return catalogs[db] }}

	require.NoError(t, s.Apply("cu", DenyOp, TableRead, []string{"dfs://a/t", "dfs://c/t"}, 0))
	require.NoError(t, s.Apply("cu", DenyOp, DBRead, []string{"dfs://b"}, 0))
	require.Error(t, cu.CheckTableRead("dfs://a", "t"))

	require.NoError(t, s.ApplyCatalog("cu", Grant, CatalogRead, []string{"cat"}, []string{"dfs://a", "dfs://b"}))
	require.NoError(t, cu.CheckTableRead("dfs://a", "t"))
	require.NoError(t, cu.CheckTableRead("dfs://b", "u"))
	require.Error(t, cu.CheckTableRead("dfs://c", "t"), "outside the catalog: the table's deny stays")
	require.Error(t, cu.CheckTableWrite("dfs://a", "t", TableInsert), "reading is not writing")
	sum, _, _, err := s.UserAccess("cu", false)
	require.NoError(t, err)
	require.Equal(t, []string{"dfs://c/t"}, sum.Denied[TableRead])
	require.Empty(t, sum.Denied[DBRead])

	require.NoError(t, s.ApplyCatalog("cu", Grant, CatalogManage, []string{"cat"}, []string{"dfs://a", "dfs://b"}))
	require.True(t, cu.ManagesCatalog("cat"))
	require.True(t, cu.ManagesDB("dfs://b"))
	require.False(t, cu.ManagesCatalog("other"))
	require.Error(t, s.ApplyCatalog("cu", Grant, DBRead, []string{"cat"}, nil))
}
