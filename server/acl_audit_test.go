package server

import (
	"fmt"
	"net"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/value"
)

// aclRows are the ACL audit trail's rows from the client port port, each
// "userId opType opDetail remoteIp", read by admin.
func aclRows(t *testing.T, admin *rawConn, port int) []string {
	t.Helper()
	r := admin.ok(goScript(t, fmt.Sprintf(
		`exec userId + " " + opType + " " + opDetail + " " + string(remoteIp) from getAclAuditLog() where remotePort == %d`, port)))
	v, ok := r.obj.(*value.Vector)
	require.True(t, ok, "%v", r.obj)
	return v.Str
}

func localPort(c *rawConn) int { return c.nc.LocalAddr().(*net.TCPAddr).Port }

// TestACLAuditOverTheWire: each connection is recorded as it opens and
// closes (newConnection, closeConnection) with the client's address, and
// each login form (a script, the C++ client's encrypted login, SCRAM) as
// login, by the session's user before it.
func TestACLAuditOverTheWire(t *testing.T) {
	ts := vecServer(t)
	admin := dialRaw(t, ts.Addr)
	admin.ok(goScript(t, `login("admin", "123456")`))
	admin.ok(goScript(t, `createUser("sc", "scramPw1", , false, "scram")`))

	cpp := dialRaw(t, ts.Addr)
	cppHandshake(t, cpp, "admin", "123456")
	sc := dialRaw(t, ts.Addr)
	sc.send(vec(t, "02"))
	sc.readReply()
	scramLogin(t, sc, "sc", "scramPw1")
	sc.ok(goScript(t, `logout()`))
	failed := dialRaw(t, ts.Addr)
	failed.send(goScript(t, `login("admin", "wrong")`))
	require.Contains(t, failed.readReply().status, "The user name or password is incorrect.")

	cases := []struct {
		name string
		c    *rawConn
		want []string
	}{
		{"script login", admin, []string{
			"guest newConnection  127.0.0.1",
			"guest login login userId=admin encrypted=false 127.0.0.1",
			"admin createUser userId=sc groupIds=[] isAdmin=false 127.0.0.1",
		}},
		{"encrypted login", cpp, []string{
			"guest newConnection  127.0.0.1",
			"guest login login userId=admin encrypted=true 127.0.0.1",
		}},
		{"SCRAM login, then logout", sc, []string{
			"guest newConnection  127.0.0.1",
			"guest login login userId=sc encrypted=true 127.0.0.1",
			"guest logout logout userId=sc sessionOnly=true 127.0.0.1",
		}},
		{"a failed login is not recorded", failed, []string{
			"guest newConnection  127.0.0.1",
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			require.Equal(t, c.want, aclRows(t, admin, localPort(c.c)))
		})
	}

	// Closing records closeConnection by the user logged in then; the
	// server ends the connection in its own time.
	port := localPort(cpp)
	cpp.nc.Close()
	require.Eventually(t, func() bool {
		rows := aclRows(t, admin, port)
		return rows[len(rows)-1] == "admin closeConnection  127.0.0.1"
	}, 5*time.Second, 10*time.Millisecond)
}
