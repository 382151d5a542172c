package auth

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestPrivilegesFollowDFSObjects: dropping a table, a column or a
// database clears every user's and group's privileges on it (and, for a
// table or database, on what it holds); renaming a table or column moves
// them, a table's owner and columns included, and leaves none under the
// old name.
func TestPrivilegesFollowDFSObjects(t *testing.T) {
	const pt, col = "dfs://db/pt", "dfs://db/pt:c1"
	cases := []struct {
		name      string
		change    func(s *Store) error
		wantRead  []string // u's TABLE_READ objects after
		wantCols  []string // g's TABLE_SENSITIVE_VIEW objects after
		wantOwner map[string]string
	}{
		{"drop table", func(s *Store) error { return s.DropTable(pt) },
			[]string{"dfs://db/other"}, nil, map[string]string{}},
		{"drop column", func(s *Store) error { return s.DropColumn(col) },
			[]string{"dfs://db/other", pt}, []string{"dfs://db/pt:c2"}, map[string]string{pt: "u"}},
		{"drop database", func(s *Store) error { return s.DropDatabase("dfs://db") },
			nil, nil, map[string]string{}},
		{"rename table", func(s *Store) error { return s.RenameObject(pt, "dfs://db/pt2") },
			[]string{"dfs://db/other", "dfs://db/pt2"}, []string{"dfs://db/pt2:c1", "dfs://db/pt2:c2"}, map[string]string{"dfs://db/pt2": "u"}},
		{"rename column", func(s *Store) error { return s.RenameObject(col, "dfs://db/pt:c9") },
			[]string{"dfs://db/other", pt}, []string{"dfs://db/pt:c2", "dfs://db/pt:c9"}, map[string]string{pt: "u"}},
		{"a table whose name extends another's keeps its own", func(s *Store) error { return s.DropTable("dfs://db/p") },
			[]string{"dfs://db/other", pt}, []string{col, "dfs://db/pt:c2"}, map[string]string{pt: "u"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := newStore(t, "")
			require.NoError(t, s.CreateUser("u", "pw", nil, false, ""))
			require.NoError(t, s.CreateGroup("g", []string{"u"}))
			require.NoError(t, s.Apply("u", Grant, TableRead, []string{pt, "dfs://db/other"}, 0))
			require.NoError(t, s.Apply("g", Grant, TableSensitiveView, []string{col, "dfs://db/pt:c2"}, 0))
			require.NoError(t, s.SetTableOwner(pt, "u"))

			require.NoError(t, c.change(s))
			own, _, _, err := s.UserAccess("u", false)
			require.NoError(t, err)
			require.Equal(t, c.wantRead, own.Allowed[TableRead])
			group, _, err := s.GroupAccess("g")
			require.NoError(t, err)
			require.Equal(t, c.wantCols, group.Allowed[TableSensitiveView])
			require.Equal(t, c.wantOwner, s.st.TableOwners)
		})
	}
}
