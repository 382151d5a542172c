package audit

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestLogPersistsAcrossReopen(t *testing.T) {
	dir := t.TempDir()
	l, err := Open(dir)
	require.NoError(t, err)
	ctx := NewContext(context.Background(), l, Actor{User: func() string { return "u1" }, RemoteIP: "10.0.0.1", RemotePort: 4000})
	Record(ctx, time.Now(), "dfs://a", "", "CREATE_DB", "")
	Record(ctx, time.Now(), "/local/db", "", "CREATE_DB", "") // not a DFS database: not audited
	RecordACL(ctx, "createUser", "userId=x groupIds=[] isAdmin=false")
	require.NoError(t, l.Close())

	l, err = Open(dir)
	require.NoError(t, err)
	defer l.Close()
	ops := l.Ops(func(*Op) bool { return true })
	require.Len(t, ops, 1)
	require.Equal(t, Op{User: "u1", Start: ops[0].Start, End: ops[0].End, DB: "dfs://a", Type: "CREATE_DB", TID: 1, CID: 1, RemoteIP: "10.0.0.1", RemotePort: 4000}, ops[0])
	require.LessOrEqual(t, ops[0].Start, ops[0].End)
	acl := l.ACLOps(func(*ACLOp) bool { return true })
	require.Len(t, acl, 1)
	require.Equal(t, "createUser", acl[0].Type)

	// numbering continues after a restart
	l.AddOp(Op{DB: "dfs://a", Type: "DROP_DB"})
	require.Equal(t, int64(2), l.Ops(func(op *Op) bool { return op.Type == "DROP_DB" })[0].TID)
}

func TestLogIsBounded(t *testing.T) {
	dir := t.TempDir()
	l, err := Open(dir)
	require.NoError(t, err)
	l.ops.Max = 20
	for range 45 {
		l.AddOp(Op{DB: "dfs://a", Type: "APPEND"})
	}
	ops := l.Ops(func(*Op) bool { return true })
	require.LessOrEqual(t, len(ops), 20)
	require.Equal(t, int64(45), ops[len(ops)-1].TID, "the newest are kept")
	require.NoError(t, l.Close())

	b, err := os.ReadFile(filepath.Join(dir, "ddl.log"))
	require.NoError(t, err)
	require.Equal(t, len(ops), strings.Count(string(b), "\n"), "the file holds what memory holds")
}

func TestTornLastLineIsDropped(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "acl.log"), []byte(`{"u":"admin","t":1,"o":"grant"}`+"\n"+`{"u":"adm`), 0o644))
	l, err := Open(dir)
	require.NoError(t, err)
	defer l.Close()
	require.Len(t, l.ACLOps(func(*ACLOp) bool { return true }), 1)
}
