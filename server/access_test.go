package server

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/client"
	"github.com/porpoisedb/porpoise/internal/scramtest"
	"github.com/porpoisedb/porpoise/value"
)

// dialAs connects a Go client logged in as user ("" stays a guest).
func dialAs(t *testing.T, addr, user, pw string) *client.Conn {
	t.Helper()
	c, err := client.Dial(context.Background(), addr, client.Options{User: user, Password: pw})
	require.NoError(t, err)
	t.Cleanup(func() { c.Close() })
	return c
}

func runAs(t *testing.T, c *client.Conn, script string) (value.Value, error) {
	t.Helper()
	return c.Run(context.Background(), script)
}

// TestAccessIsolation proves each isolation rule over the wire with two
// users: u1 may read dfs://sec/pt, u2 nothing; guests touch no one's
// shared tables.
func TestAccessIsolation(t *testing.T) {
	ts := RunT(t)
	admin := dialAs(t, ts.Addr, "admin", "123456")
	_, err := runAs(t, admin, `
		createUser("u1", "pw1"); createUser("u2", "pw2")
		db = database("dfs://sec", VALUE, 1..3)
		t = table(1..3 as id, 10 20 30 as v)
		db.createPartitionedTable(t, "pt", "id").append!(t)
		grant("u1", TABLE_READ, "dfs://sec/pt")
		share loadTable("dfs://sec", "pt") as sharedPt
		share table(1 2 as a) as adminShared
		share table(1 2 as a) as controlled
		addAccessControl(controlled)`)
	require.NoError(t, err)
	u1 := dialAs(t, ts.Addr, "u1", "pw1")
	u2 := dialAs(t, ts.Addr, "u2", "pw2")
	guest := dialAs(t, ts.Addr, "", "")

	const noRead = "<NoPrivilege>Not granted to read table dfs://sec/pt"
	const noWrite = "<NoPrivilege>Not granted to write data to table dfs://sec/pt"
	cases := []struct {
		name    string
		c       *client.Conn
		script  string
		want    string // the value's text when no error is expected
		wantErr string
	}{
		{"granted user reads", u1, `exec count(*) from loadTable("dfs://sec", "pt")`, "3", ""},
		{"other user can't load", u2, `select * from loadTable("dfs://sec", "pt")`, "", noRead},
		{"shared DFS handle is no way around", u2, `select * from sharedPt`, "", noRead},
		{"guest can't read the shared DFS handle", guest, `select * from sharedPt`, "", "Please login first"},
		{"read right is not write right", u1, `loadTable("dfs://sec", "pt").append!(table(1 as id, 5 as v))`, "", noWrite},
		{"tableInsert checked too", u1, `tableInsert(loadTable("dfs://sec", "pt"), 1, 5)`, "", noWrite},
		{"SQL delete", u1, `delete from loadTable("dfs://sec", "pt") where id = 1`, "", noWrite},
		{"SQL update", u1, `update loadTable("dfs://sec", "pt") set v = 0`, "", noWrite},
		{"create database needs DB_OWNER", u2, `database("dfs://u2db", VALUE, 1..3)`, "", "<NoPrivilege>Not granted to create or delete databases"},
		{"drop database", u2, `dropDatabase("dfs://sec")`, "", "<NoPrivilege>Not granted to create or delete databases"},
		{"drop table", u2, `dropTable(database("dfs://sec"), "pt")`, "", "<NoPrivilege>Not granted to delete tables in database dfs://sec"},
		{"create table", u2, `database("dfs://sec").createPartitionedTable(table(1 as id), "pt2", "id")`, "", "<NoPrivilege>Not granted to create tables in database dfs://sec"},
		{"admin-only function", u2, `createUser("x", "y")`, "", "Only administrators execute function createUser"},
		{"grant by non-owner", u2, `grant("u2", TABLE_READ, "dfs://sec/pt")`, "", "RefId: S04005"},
		{"guest can't modify another user's shared table", guest, `insert into adminShared values(3)`, "", "No access to shared table [adminShared]"},
		{"guest can't undef it", guest, `undef("adminShared", SHARED)`, "", "No access to shared table [adminShared]"},
		{"logged-in users read an open shared table", u2, `exec sum(a) from adminShared`, "3", ""},
		{"access control shuts others out", u2, `select * from controlled`, "", "No access to shared table [controlled]"},
		{"and their writes", u1, `tableInsert(controlled, 9)`, "", "No access to shared table [controlled]"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			v, err := runAs(t, c.c, c.script)
			if c.wantErr != "" {
				require.Error(t, err)
				require.Contains(t, err.Error(), c.wantErr)
				return
			}
			require.NoError(t, err)
			require.Equal(t, c.want, v.String())
		})
	}
	// Nothing above changed the table or the shared objects.
	v, err := runAs(t, admin, `exec sum(v) from loadTable("dfs://sec", "pt")`)
	require.NoError(t, err)
	require.Equal(t, "60", v.String())
	v, err = runAs(t, admin, `exec count(*) from adminShared`)
	require.NoError(t, err)
	require.Equal(t, "2", v.String())

	// A grant opens the table to u2, a deny on the table closes it again
	// even with a global grant.
	_, err = runAs(t, admin, `grant("u2", TABLE_READ, "*")`)
	require.NoError(t, err)
	_, err = runAs(t, u2, `select * from loadTable("dfs://sec", "pt")`)
	require.NoError(t, err)
	_, err = runAs(t, admin, `deny("u2", TABLE_READ, "dfs://sec/pt")`)
	require.NoError(t, err)
	_, err = runAs(t, u2, `select * from loadTable("dfs://sec", "pt")`)
	require.ErrorContains(t, err, noRead)
}

// TestAccessPersistsAcrossRestart: users, groups, grants and changed
// passwords survive a restart of a server with a data directory.
func TestAccessPersistsAcrossRestart(t *testing.T) {
	ts := RunT(t, WithPersistence())
	admin := dialAs(t, ts.Addr, "admin", "123456")
	_, err := runAs(t, admin, `
		createUser("u1", "pw1"); createGroup("readers", "u1")
		db = database("dfs://p", VALUE, 1..3)
		t = table(1..3 as id)
		db.createPartitionedTable(t, "pt", "id").append!(t)
		grant("readers", TABLE_READ, "dfs://p/pt")
		changePwd("123456", "newAdminPw")`)
	require.NoError(t, err)
	admin.Close()
	ts.Restart()

	_, err = client.Dial(context.Background(), ts.Addr, client.Options{User: "admin", Password: "123456"})
	require.ErrorContains(t, err, "The user name or password is incorrect")
	admin = dialAs(t, ts.Addr, "admin", "newAdminPw")
	v, err := runAs(t, admin, `getUsersByGroupId("readers")`)
	require.NoError(t, err)
	require.Equal(t, `["u1"]`, v.String())
	u1 := dialAs(t, ts.Addr, "u1", "pw1")
	v, err = runAs(t, u1, `exec count(*) from loadTable("dfs://p", "pt")`)
	require.NoError(t, err)
	require.Equal(t, "3", v.String())
}

// TestLoginLockout: five wrong passwords within a minute lock the user
// out from that address; other users are unaffected; unlockUser lifts it.
func TestLoginLockout(t *testing.T) {
	ts := RunT(t)
	admin := dialAs(t, ts.Addr, "admin", "123456")
	_, err := runAs(t, admin, `createUser("victim", "right1"); createUser("other", "right2")`)
	require.NoError(t, err)
	guest := dialAs(t, ts.Addr, "", "")
	for i := 0; i < 5; i++ {
		_, err := runAs(t, guest, `login("victim", "wrong")`)
		require.ErrorContains(t, err, "The user name or password is incorrect")
	}
	_, err = runAs(t, guest, `login("victim", "right1")`)
	require.ErrorContains(t, err, "is locked")
	_, err = runAs(t, guest, `login("other", "right2")`)
	require.NoError(t, err)

	v, err := runAs(t, admin, `exec user from getUserLockedStatus()`)
	require.NoError(t, err)
	require.Equal(t, `["victim"]`, v.String())
	_, err = runAs(t, admin, `unlockUser("victim")`)
	require.NoError(t, err)
	_, err = runAs(t, guest, `login("victim", "right1")`)
	require.NoError(t, err)
}

// TestScramLogin runs the C++ client's SCRAM-SHA-256 exchange over the
// wire for a user created with authMode="scram".
func TestScramLogin(t *testing.T) {
	ts := RunT(t)
	admin := dialAs(t, ts.Addr, "admin", "123456")
	_, err := runAs(t, admin, `createUser("sc", "scramPw1", , false, "scram")`)
	require.NoError(t, err)

	c := dialRaw(t, ts.Addr)
	c.send(vec(t, "02"))
	c.readReply()
	scramLogin(t, c, "sc", "scramPw1")

	c.send(cppFunc(t, 32, "getCurrentSessionAndUser"))
	r := c.readReply()
	require.Equal(t, "sc", r.obj.(*value.Vector).Any[1].(*value.Scalar).S)

	// A sha256 user gets the text the client falls back to RSA on.
	c.send(cppFunc(t, 32, "scramClientFirst", value.NewString("admin"), value.NewString(scramNonce)))
	require.Contains(t, string(c.readReply().raw), "sha256 authMode doesn't support scram authMode")
}

const scramNonce = "rOprNGfwEbeRWgbNEkqO"

// scramLogin runs the two SCRAM steps on c, connected, for a user created
// with authMode="scram", and checks the server's signature.
func scramLogin(t *testing.T, c *rawConn, user, pw string) {
	t.Helper()
	r := c.ok(cppFunc(t, 32, "scramClientFirst", value.NewString(user), value.NewString(scramNonce)))
	first, ok := r.obj.(*value.Vector)
	require.True(t, ok)
	require.Equal(t, 3, first.Len())
	salt, combined := first.Any[0].(*value.Scalar).S, first.Any[2].(*value.Scalar).S
	iter, _ := first.Any[1].(*value.Scalar).Int64()

	proof, serverSig := scramtest.Client(t, user, pw, scramNonce, salt, int(iter), combined)
	r = c.ok(cppFunc(t, 32, "scramClientFinal", value.NewString(user), value.NewString(combined), value.NewString(proof)))
	require.Equal(t, serverSig, r.obj.(*value.Scalar).S)
}
