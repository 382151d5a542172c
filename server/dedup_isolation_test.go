package server

import (
	"strconv"
	"testing"

	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

// Issue 12: a guest that sent admin's client id with a negative sequence
// number got admin's cached reply. The cache now answers only the user
// that made the request; the guest's request runs as its own (and fails
// for want of login rights here instead of leaking the reply).
func TestRetryCacheAnswersOnlyTheSameUser(t *testing.T) {
	ts := vecServer(t)
	_, err := ts.Engine.NewSession().Run("share table(1:0, `a, [INT]) as secret_t; insert into secret_t values(42)")
	require.NoError(t, err)
	const client = "0c0ffee0-4c8d-4f0e-9d55-0b0f2b6f4a11"
	send := func(c *rawConn, seq int, script string) reply {
		c.send(req(t, "API2", strconv.Itoa(vecSID), "32_1_4_64__0__"+client+"_"+strconv.Itoa(seq), "script\n"+script, nil))
		return c.readReply()
	}
	admin := dialRaw(t, ts.Addr)
	cppHandshake(t, admin, "admin", "123456")
	secret := send(admin, 3, "exec sum(a) from secret_t")
	require.Equal(t, objReply(t, vecSID, value.NewInt(42), nil), secret.raw)

	guest := dialRaw(t, ts.Addr)
	guest.send(req(t, "API2", "", "", "connect\n", nil))
	guest.readReply()
	got := send(guest, -3, "1+1")
	require.NotEqual(t, secret.raw[len(strconv.Itoa(vecSID)):], got.raw[len(got.sid):], "a guest got admin's cached reply")
	require.Equal(t, "2", got.obj.String())

	// admin's own retry still gets the cached reply without a rerun
	again := dialRaw(t, ts.Addr)
	cppHandshake(t, again, "admin", "123456")
	require.Equal(t, secret.raw, send(again, -3, "1+1").raw)
}
