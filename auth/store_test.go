package auth

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/internal/scramtest"
)

func newStore(t *testing.T, dir string) *Store {
	t.Helper()
	s, err := Open(Options{Dir: dir})
	require.NoError(t, err)
	return s
}

// TestResolution runs the manual's examples of 用户和组权限确定规则 and
// 数据库表权限确定规则.
func TestResolution(t *testing.T) {
	type step struct {
		who  string
		op   Op
		p    Priv
		objs []string
	}
	pt := "dfs://test/pt"
	cases := []struct {
		name   string
		groups map[string][]string
		steps  []step
		check  []Target
		want   bool
	}{
		{"user deny beats group allow", map[string][]string{"g1": {"u"}},
			[]step{{"u", DenyOp, DBOwner, nil}, {"g1", Grant, DBOwner, nil}}, []Target{{DBOwner, "dfs://test"}}, false},
		{"group allow", map[string][]string{"g1": {"u"}},
			[]step{{"g1", Grant, DBOwner, nil}}, []Target{{DBOwner, "dfs://test"}}, true},
		{"group deny", map[string][]string{"g1": {"u"}},
			[]step{{"g1", DenyOp, DBOwner, nil}}, []Target{{DBOwner, "dfs://test"}}, false},
		{"one of many groups denies", map[string][]string{"g1": {"u"}, "g2": {"u"}, "g3": {"u"}},
			[]step{{"g1", DenyOp, DBOwner, nil}, {"g2", Grant, DBOwner, nil}, {"g3", Grant, DBOwner, nil}}, []Target{{DBOwner, "dfs://x"}}, false},
		{"table deny then global grant", nil,
			[]step{{"u", DenyOp, TableRead, []string{pt}}, {"u", Grant, TableRead, []string{"*"}}}, []Target{{TableRead, pt}}, true},
		{"table grant then global deny", nil,
			[]step{{"u", Grant, TableRead, []string{pt}}, {"u", DenyOp, TableRead, []string{"*"}}}, []Target{{TableRead, pt}}, false},
		{"table grant then global revoke", nil,
			[]step{{"u", Grant, TableRead, []string{pt}}, {"u", Revoke, TableRead, []string{"*"}}}, []Target{{TableRead, pt}}, false},
		{"global grant then table deny", nil,
			[]step{{"u", Grant, TableRead, nil}, {"u", DenyOp, TableRead, []string{pt}}}, []Target{{TableRead, pt}}, false},
		{"global grant then table deny leaves other tables", nil,
			[]step{{"u", Grant, TableRead, nil}, {"u", DenyOp, TableRead, []string{pt}}}, []Target{{TableRead, "dfs://test/pt1"}}, true},
		{"global grant then table revoke", nil,
			[]step{{"u", Grant, TableRead, nil}, {"u", Revoke, TableRead, []string{pt}}}, []Target{{TableRead, pt}}, true},
		{"global deny then table revoke", nil,
			[]step{{"u", DenyOp, TableRead, nil}, {"u", Revoke, TableRead, []string{pt}}}, []Target{{TableRead, pt}}, false},
		{"TABLE_WRITE grants insert", nil,
			[]step{{"u", Grant, TableWrite, []string{pt}}}, []Target{{TableInsert, pt}}, true},
		{"DB_READ reads its tables", nil,
			[]step{{"u", Grant, DBRead, []string{"dfs://test"}}}, []Target{{TableRead, pt}, {DBRead, "dfs://test"}}, true},
		{"DB_OWNER prefix", nil,
			[]step{{"u", Grant, DBOwner, []string{"dfs://ddb*"}}}, []Target{{DBOwner, "dfs://ddb1"}}, true},
		{"DB_OWNER prefix other name", nil,
			[]step{{"u", Grant, DBOwner, []string{"dfs://ddb*"}}}, []Target{{DBOwner, "dfs://x1"}}, false},
		{"nothing granted", nil, nil, []Target{{TableRead, pt}}, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := newStore(t, "")
			require.NoError(t, s.CreateUser("u", "123456", nil, false, ""))
			for g, m := range c.groups {
				require.NoError(t, s.CreateGroup(g, m))
			}
			for _, st := range c.steps {
				require.NoError(t, s.Apply(st.who, st.op, st.p, st.objs, 0))
			}
			require.Equal(t, c.want, s.Allowed("u", c.check...))
			require.True(t, s.Allowed(SuperAdmin, c.check...))
		})
	}
}

func TestGrantConflictsWithGlobalDeny(t *testing.T) {
	s := newStore(t, "")
	require.NoError(t, s.CreateUser("u", "123456", nil, false, ""))
	require.NoError(t, s.Apply("u", DenyOp, TableRead, nil, 0))
	err := s.Apply("u", Grant, TableRead, []string{"dfs://test/pt"}, 0)
	require.EqualError(t, err, "Invalid grant: grant [dfs://test/pt] and [deny *] are in conflict")
}

func TestDeleteGroupKeepsUserRules(t *testing.T) {
	s := newStore(t, "")
	require.NoError(t, s.CreateUser("u", "123456", nil, false, ""))
	require.NoError(t, s.CreateGroup("g1", []string{"u"}))
	require.NoError(t, s.Apply("u", Grant, DBOwner, nil, 0))
	require.NoError(t, s.Apply("g1", DenyOp, DBOwner, nil, 0))
	require.False(t, s.Allowed("u", Target{DBOwner, "dfs://t"}))
	require.NoError(t, s.DeleteGroup("g1"))
	require.True(t, s.Allowed("u", Target{DBOwner, "dfs://t"}))
}

func TestPersistence(t *testing.T) {
	dir := t.TempDir()
	s := newStore(t, dir)
	require.NoError(t, s.CreateUser("u1", "pw1", nil, false, ""))
	require.NoError(t, s.CreateGroup("g", []string{"u1"}))
	require.NoError(t, s.Apply("g", Grant, TableRead, []string{"dfs://db/pt"}, 0))
	require.NoError(t, s.SetDBOwner("dfs://db", "u1"))

	s2 := newStore(t, dir)
	require.NoError(t, s2.Authenticate("u1", "pw1", "ip"))
	require.Error(t, s2.Authenticate("u1", "pw2", "ip"))
	require.True(t, s2.Allowed("u1", Target{TableRead, "dfs://db/pt"}))
	require.Equal(t, "u1", s2.DBOwner("dfs://db"))
	require.NoError(t, s2.DropDatabase("dfs://db"))
	require.False(t, newStore(t, dir).Allowed("u1", Target{TableRead, "dfs://db/pt"}))
}

func TestSeedDoesNotOverwrite(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(Options{Dir: dir, Seed: map[string]string{"admin": "first"}})
	require.NoError(t, err)
	require.NoError(t, s.ResetPassword("admin", "changed"))
	s, err = Open(Options{Dir: dir, Seed: map[string]string{"admin": "first"}})
	require.NoError(t, err)
	require.NoError(t, s.Authenticate("admin", "changed", ""))
}

func TestLockout(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	s, err := Open(Options{Now: func() time.Time { return now }})
	require.NoError(t, err)
	require.NoError(t, s.CreateUser("u", "right", nil, false, ""))
	for i := 0; i < DefaultFailedAttempts; i++ {
		require.EqualError(t, s.Authenticate("u", "wrong", "10.0.0.1"), "The user name or password is incorrect.")
	}
	err = s.Authenticate("u", "right", "10.0.0.1")
	require.ErrorContains(t, err, "is locked")
	require.NoError(t, s.Authenticate("u", "right", "10.0.0.2"), "the lockout is per client address")
	require.Len(t, s.LockStatuses(), 1)
	now = now.Add(DefaultLockTime + time.Second)
	require.NoError(t, s.Authenticate("u", "right", "10.0.0.1"))

	// Failures spread over more than a minute don't lock.
	for i := 0; i < 2*DefaultFailedAttempts; i++ {
		require.Error(t, s.Authenticate("u", "wrong", "10.0.0.1"))
		now = now.Add(20 * time.Second)
	}
	require.NoError(t, s.Authenticate("u", "right", "10.0.0.1"))

	require.NoError(t, s.Lock("u"))
	require.ErrorContains(t, s.Authenticate("u", "right", "10.0.0.3"), "is locked")
	require.NoError(t, s.Unlock("u"))
	require.NoError(t, s.Authenticate("u", "right", "10.0.0.3"))
}

func TestScram(t *testing.T) {
	s := newStore(t, "")
	require.NoError(t, s.CreateUser("sc", "pw123", nil, false, "scram"))
	require.NoError(t, s.CreateUser("plain", "pw123", nil, false, ""))

	_, _, _, err := s.ScramFirst("plain", "abc")
	require.EqualError(t, err, "sha256 authMode doesn't support scram authMode")

	salt, iter, combined, err := s.ScramFirst("sc", "cnonce")
	require.NoError(t, err)
	proof, wantSig := scramtest.Client(t, "sc", "pw123", "cnonce", salt, iter, combined)
	sig, err := s.ScramFinal("sc", combined, proof, "ip")
	require.NoError(t, err)
	require.Equal(t, wantSig, sig)
	_, err = s.ScramFinal("sc", combined, proof, "ip")
	require.Error(t, err, "a combined nonce is good for one final step")

	salt, iter, combined, err = s.ScramFirst("sc", "n2")
	require.NoError(t, err)
	proof, _ = scramtest.Client(t, "sc", "wrong", "n2", salt, iter, combined)
	_, err = s.ScramFinal("sc", combined, proof, "ip")
	require.EqualError(t, err, "The user name or password is incorrect.")
	require.NoError(t, s.Authenticate("sc", "pw123", "ip"), "plain login works for SCRAM users too")
}

func TestUserAccessSummary(t *testing.T) {
	s := newStore(t, "")
	require.NoError(t, s.CreateUser("u", "pw", nil, false, ""))
	require.NoError(t, s.CreateGroup("g", []string{"u"}))
	require.NoError(t, s.Apply("u", Grant, TableWrite, []string{"dfs://db/pt"}, 0))
	require.NoError(t, s.Apply("g", DenyOp, DBOwner, nil, 0))
	require.NoError(t, s.Apply("u", Grant, QueryResultMemLimit, nil, 4))

	own, admin, groups, err := s.UserAccess("u", false)
	require.NoError(t, err)
	require.False(t, admin)
	require.Equal(t, []string{"g"}, groups)
	require.Equal(t, []string{"dfs://db/pt"}, own.Allowed[TableInsert], "TABLE_WRITE is kept as insert, update and delete")
	require.Equal(t, []string{"dfs://db/pt"}, own.Allowed[TableDelete])
	require.Equal(t, None, own.Global[DBOwner], "without finalAccess the group's deny is not shown")
	require.Equal(t, 4.0, own.Limits[QueryResultMemLimit])

	final, _, _, err := s.UserAccess("u", true)
	require.NoError(t, err)
	require.Equal(t, Deny, final.Global[DBOwner])
}

func TestBackupRestore(t *testing.T) {
	file := t.TempDir() + "/acl.backup"
	s := newStore(t, "")
	require.NoError(t, s.CreateUser("a", "pa", nil, false, ""))
	require.NoError(t, s.Apply("a", Grant, TableRead, nil, 0))
	users, err := s.Backup(file, true)
	require.NoError(t, err)
	require.Equal(t, []string{"a", "admin"}, users)

	other := newStore(t, "")
	require.NoError(t, other.CreateUser("b", "pb", nil, false, ""))
	restored, err := other.Restore(file, false)
	require.NoError(t, err)
	require.Equal(t, []string{"a"}, restored)
	require.True(t, other.UserExists("b"), "overwrite=false keeps users the backup lacks")
	require.True(t, other.Allowed("a", Target{TableRead, "dfs://x/t"}))
	require.NoError(t, other.Authenticate("a", "pa", "ip"))

	_, err = other.Restore(file, true)
	require.NoError(t, err)
	require.False(t, other.UserExists("b"), "overwrite=true makes the users the backup's")
}
