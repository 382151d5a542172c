package server

import (
	"net"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/value"
)

// The HA handshake of the C++/Python/Java APIs: a server is a one-node
// cluster whose getClusterPerf row names the address clients reach.
func TestClusterHandshake(t *testing.T) {
	ts := vecServer(t)
	c := dialGo(t, ts.Addr)
	host, portText, err := net.SplitHostPort(ts.Addr)
	require.NoError(t, err)
	port, _ := strconv.Atoi(portText)

	r := c.ok(goScript(t, "rpc(getControllerAlias(), getClusterPerf)"))
	tbl := r.obj.(*value.Table)
	require.Equal(t, []string{host}, tbl.Column("host").Str)
	require.Equal(t, []int32{int32(port)}, tbl.Column("port").I32)
	require.Equal(t, []int32{0}, tbl.Column("mode").I32)
	require.Equal(t, []int32{1}, tbl.Column("connectionNum").I32)

	for script, want := range map[string]value.Value{
		"getNodeHost()":                          value.NewString(host),
		"getNodePort()":                          value.NewInt(int32(port)),
		"getControllerAlias() == getNodeAlias()": value.NewBool(true),
		"rpc(getNodeAlias(), add, 1, 2)":         value.NewInt(3),
	} {
		c.send(goScript(t, script))
		r := c.readReply()
		require.Equal(t, "OK", r.status, script)
		require.Equal(t, want, r.obj, script)
	}
	c.send(goScript(t, "rpc(`elsewhere, add, 1, 2)"))
	require.Equal(t, `rpc("elsewhere", add, 1, 2) => The node alias [elsewhere] doesn't exist.`, c.readReply().status)
}
