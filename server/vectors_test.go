package server

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"encoding/pem"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/wire"
)

// Replays of the byte vectors of wire-protocol.md §8 against a real
// server over a socket. Replies are compared byte for byte where the
// vector is a reply the server must reproduce.

// goLogin runs the Go API's NewSimpleConn sequence (vectors 01, 03, 04,
// 05): connect, then the login script twice.
func goLogin(t *testing.T, c *rawConn) {
	t.Helper()
	c.send(vec(t, "01"))
	require.Equal(t, vec(t, "03"), c.readReply().raw)
	for i := 0; i < 2; i++ {
		c.send(vec(t, "04"))
		require.Equal(t, vec(t, "05"), c.readReply().raw)
	}
}

// dialGo is dialRaw followed by the Go API's login (goLogin).
func dialGo(t *testing.T, addr string) *rawConn {
	t.Helper()
	c := dialRaw(t, addr)
	goLogin(t, c)
	return c
}

func TestVectorsGoSession(t *testing.T) {
	ts := vecServer(t)
	c := dialGo(t, ts.Addr)

	c.send(vec(t, "07")) // script 1+1
	require.Equal(t, vec(t, "08"), c.readReply().raw)

	c.send(vec(t, "09")) // add(7, 7), Go's trailing LF
	require.Equal(t, inProcessReply(t, ts, "add", value.NewInt(7), value.NewInt(7)), c.readReply().raw)

	c.send(vec(t, "10")) // upload x = 7 (no options in the header)
	require.Equal(t, okReply(vecSID), c.readReply().raw)
	c.send(goScript(t, "x"))
	require.Equal(t, objReply(t, vecSID, value.NewInt(7), nil), c.readReply().raw)
}

// inProcessReply is the reply the server must send for a function call:
// what the engine returns in-process, framed for a Go client.
func inProcessReply(t *testing.T, ts *TestServer, fn string, args ...value.Value) []byte {
	t.Helper()
	v, err := ts.Engine.NewSession().Call(fn, args...)
	if err != nil {
		t.Logf("engine gap: %s(...) fails in-process: %v", fn, err)
		return errReply(vecSID, err.Error())
	}
	return objReply(t, vecSID, v, nil)
}

func TestVectorErrorResponse(t *testing.T) {
	ts := vecServer(t)
	c := dialGo(t, ts.Addr)
	c.send(goScript(t, "nosuchfunc"))
	r := c.readReply()
	// the engine's text, as is
	_, want := ts.Engine.NewSession().Run("nosuchfunc")
	require.Error(t, want)
	require.Equal(t, want.Error(), r.status)
	require.Equal(t, vec(t, "11"), r.raw)
	// the session goes on
	c.send(vec(t, "07"))
	require.Equal(t, vec(t, "08"), c.readReply().raw)
}

// seedT1 shares the in-memory table t1 (id INT, sym SYMBOL, price DOUBLE)
// of vectors 39-44.
func seedT1(t *testing.T, ts *TestServer) {
	t.Helper()
	_, err := ts.Engine.NewSession().Run("share table(1:0, `id`sym`price, [INT,SYMBOL,DOUBLE]) as t1")
	require.NoError(t, err)
}

func t1Rows(t *testing.T, ts *TestServer) *value.Table {
	t.Helper()
	v, err := ts.Engine.NewSession().Run("select * from t1")
	require.NoError(t, err)
	return v.(*value.Table)
}

// TestVectorsGoMultiGoroutineTable replays MultiGoroutineTable: a setup
// connection asking schema(t1) (vectors 42/43), then a writer connection
// sending tableInsert{"t1"} (vectors 40/41).
func TestVectorsGoMultiGoroutineTable(t *testing.T) {
	ts := vecServer(t)
	seedT1(t, ts)

	setup := dialRaw(t, ts.Addr)
	goLogin(t, setup)
	r := setup.ok(vec(t, "42"))
	got, ok := r.obj.(*value.Dict)
	require.True(t, ok, "schema() is a dictionary, got %T", r.obj)
	require.Equal(t, value.String, got.Keys.T)
	require.Equal(t, value.Any, got.Vals.T)

	minimal := parseReply(t, vec(t, "43")).obj.(*value.Dict)
	key := value.NewStrings(value.String, []string{"colDefs"})
	wantDefs := minimal.Get(key, 0).(*value.Table)
	gotDefs, ok := got.Get(key, 0).(*value.Table)
	require.True(t, ok, "colDefs is a table")
	for _, col := range []string{"name", "typeString", "typeInt"} {
		require.Equal(t, wantDefs.Column(col).String(), gotDefs.Column(col).String(), col)
	}
	require.Nil(t, got.Get(value.NewStrings(value.String, []string{"partitionColumnName"}), 0),
		"no partitionColumnName for an in-memory table (Go treats any value as partitioned)")
	setup.nc.Close()

	w := dialRaw(t, ts.Addr)
	goLogin(t, w)
	w.send(vec(t, "40"))
	require.Equal(t, vec(t, "41"), w.readReply().raw)

	want, _, err := wire.DecodeBytes(vec(t, "39"))
	require.NoError(t, err)
	require.Equal(t, want.String(), t1Rows(t, ts).String())
}

// cppHandshake runs the C++/Python DBConnection::connect sequence with an
// OpenSSL build: connect, scramClientFirst (refused for a sha256 user), getDynamicPublicKey,
// encrypted login, isNodeInitialized, version.
func cppHandshake(t *testing.T, c *rawConn, user, password string) reply {
	t.Helper()
	c.send(vec(t, "02"))
	require.Equal(t, vec(t, "03"), c.readReply().raw)

	c.send(cppFunc(t, 32, "scramClientFirst", value.NewString(user), value.NewString("rOprNGfwEbeRWgbNEkqO")))
	// admin is a sha256 user: the client falls back to RSA on this text.
	require.Equal(t, errReply(vecSID, "sha256 authMode doesn't support scram authMode"), c.readReply().raw)

	r := c.ok(cppFunc(t, 32, "getDynamicPublicKey"))
	key, ok := r.obj.(*value.Scalar)
	require.True(t, ok)
	require.Equal(t, value.String, key.T)
	require.True(t, strings.HasPrefix(key.S, "-----BEGIN PUBLIC KEY-----\n"), key.S)
	blk, _ := pem.Decode([]byte(key.S))
	require.NotNil(t, blk)
	pub, err := x509.ParsePKIXPublicKey(blk.Bytes)
	require.NoError(t, err)
	rsaPub := pub.(*rsa.PublicKey)

	c.send(cppFunc(t, 32, "login", value.NewString(opensslEncrypt(t, rsaPub, user)), value.NewString(opensslEncrypt(t, rsaPub, password)), value.NewBool(true)))
	login := c.readReply()
	if login.status != "OK" {
		return login
	}
	require.Equal(t, vec(t, "05"), login.raw)

	c.send(cppFunc(t, 32, "isNodeInitialized"))
	require.Equal(t, objReply(t, vecSID, value.NewBool(true), nil), c.readReply().raw)

	r = c.ok(cppFunc(t, 32, "version"))
	v := r.obj.(*value.Scalar)
	require.Equal(t, value.String, v.T)
	// C++ reads the first dot-separated integers as major.x.minor.patch;
	// any major 3 passes its version checks.
	require.Regexp(t, regexp.MustCompile(`^3\.\d+\.\d+`), v.S)
	return login
}

// opensslEncrypt encrypts like the C++ API: RSA PKCS#1 v1.5, then OpenSSL
// BIO base64 (a line break every 64 characters and at the end).
func opensslEncrypt(t *testing.T, pub *rsa.PublicKey, text string) string {
	ct, err := rsa.EncryptPKCS1v15(rand.Reader, pub, []byte(text))
	require.NoError(t, err)
	b64 := base64.StdEncoding.EncodeToString(ct)
	var out strings.Builder
	for len(b64) > 64 {
		out.WriteString(b64[:64] + "\n")
		b64 = b64[64:]
	}
	out.WriteString(b64 + "\n")
	return out.String()
}

func TestVectorsCppSession(t *testing.T) {
	ts := vecServer(t)
	seedT1(t, ts)
	c := dialRaw(t, ts.Addr)
	cppHandshake(t, c, "admin", "123456")

	// MultithreadedTableWriter batch: tableInsert{t1} with the table as C++
	// marshals it (SYMBOL column type 145), client id and sequence number.
	body := "function\ntableInsert{t1}\n1\n1"
	opts := "32_1_4_64__0__5f8a3a3e-4c8d-4f0e-9d55-0b0f2b6f4a11_1"
	c.send(append(req(t, "API2", strconv.Itoa(vecSID), opts, body, nil), vec(t, "44")...))
	require.Equal(t, vec(t, "41"), c.readReply().raw)

	// the same batch compressed (flag 64, table type 8, DELTA and LZ4)
	opts = "96_1_4_64__0__5f8a3a3e-4c8d-4f0e-9d55-0b0f2b6f4a11_2"
	c.send(append(req(t, "API2", strconv.Itoa(vecSID), opts, body, nil), vec(t, "49")...))
	require.Equal(t, vec(t, "41"), c.readReply().raw)

	rows := t1Rows(t, ts)
	require.Equal(t, 6, rows.Rows())
	want, _, err := wire.DecodeBytes(vec(t, "39"))
	require.NoError(t, err)
	require.Equal(t, want.String(), rows.Slice(0, 3).String())
	want49, _, err := wire.DecodeBytes(vec(t, "49"))
	require.NoError(t, err)
	require.Equal(t, want49.String(), rows.Slice(3, 6).String())

	// results go back to C++ with symbol bases (vector 29)
	c.send(cppScript(t, 32, "symbol(`AAPL`MSFT`AAPL)"))
	require.Equal(t, append([]byte(strconv.Itoa(vecSID)+" 1 1\nOK\n"), vec(t, "29")...), c.readReply().raw)
}

func TestVectorCppPlainLogin(t *testing.T) {
	ts := vecServer(t)
	c := dialRaw(t, ts.Addr)
	c.send(vec(t, "02"))
	require.Equal(t, vec(t, "03"), c.readReply().raw)
	c.send(vec(t, "06")) // login("admin","123456",false), no trailing LF
	require.Equal(t, vec(t, "05"), c.readReply().raw)
	requireLoggedIn(t, c, cppScript)
}

func TestVectorGoSymbolsArePlain(t *testing.T) {
	ts := vecServer(t)
	c := dialGo(t, ts.Addr)
	c.send(goScript(t, "symbol(`AAPL`MSFT`AAPL)"))
	require.Equal(t, append([]byte(strconv.Itoa(vecSID)+" 1 1\nOK\n"), vec(t, "28")...), c.readReply().raw)
}

// requireLoggedIn checks that the session may read a DFS table.
func requireLoggedIn(t *testing.T, c *rawConn, script func(testing.TB, int, string) []byte) {
	t.Helper()
	c.send(script(t, 32, `db = database("dfs://login_probe", VALUE, 1 2 3)
pt = db.createPartitionedTable(table(1:0, `+"`id`v"+`, [INT, DOUBLE]), "pt", "id")
pt.tableInsert(table(1 2 as id, 0.5 1.5 as v))
exec count(*) from loadTable("dfs://login_probe", "pt")`))
	r := c.readReply()
	require.Equal(t, "OK", r.status)
	n, _ := r.obj.(*value.Scalar).Int64()
	require.EqualValues(t, 2, n)
}

func TestVectorJavaScriptConnect(t *testing.T) {
	ts := vecServer(t)
	ws, _ := dialWS(t, ts.Addr, "")
	ws.send(vec(t, "50")) // connect\nlogin\nadmin\n123456
	require.Equal(t, vec(t, "03"), ws.readBinary())

	sid := strconv.Itoa(vecSID)
	ws.send(req(t, "API2", sid, "0_1_4_64", "script\n1+1", nil))
	require.Equal(t, vec(t, "08"), ws.readBinary())

	// logged in by the connect request: DFS access works
	ws.send(req(t, "API2", sid, "0_1_4_64", "script\n"+`db = database("dfs://js_probe", VALUE, 1 2 3)
pt = db.createPartitionedTable(table(1:0, `+"`id`v"+`, [INT, DOUBLE]), "pt", "id")
pt.tableInsert(table(1 2 as id, 0.5 1.5 as v))
exec count(*) from loadTable("dfs://js_probe", "pt")`, nil))
	r := parseReply(t, ws.readBinary())
	require.Equal(t, "OK", r.status)
	n, _ := r.obj.(*value.Scalar).Int64()
	require.EqualValues(t, 2, n)

	// JavaScript function and variable bodies end with LF
	ws.send(req(t, "API2", sid, "0_1_4_64", "variable\nv\n1\n1\n", nil, value.NewInts([]int32{4, 5})))
	require.Equal(t, okReply(vecSID), ws.readBinary())
	ws.send(req(t, "API2", sid, "0_1_4_64", "function\nsum\n1\n1\n", nil, value.NewInts([]int32{4, 5})))
	require.Equal(t, objReply(t, vecSID, value.NewInt(9), nil), ws.readBinary())
}
