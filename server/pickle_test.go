package server

import (
	"io"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/wire/pickle"
)

// A request with the pickle flag (8) gets a table as a pickle stream (form
// byte with bit 32) and every other object in the binary form.
func TestPickleFlagReplies(t *testing.T) {
	ts := vecServer(t)
	c := dialGo(t, ts.Addr)

	rep := c.ok(req(t, "API2", "", "8_1_4_64", "script\n1+1", nil))
	require.Equal(t, value.NewInt(2), rep.obj)

	tbl := value.NewTable([]string{"a", "s"}, []*value.Vector{
		{T: value.Int, I32: []int32{1, 2}},
		{T: value.Symbol, Str: []string{"x", "x"}},
	})
	for _, tc := range []struct {
		flags  string
		asList bool
	}{{"8_1_4_64", false}, {"32808_1_4_64", true}} {
		c.send(req(t, "API2", "", tc.flags, "script\ntable(1 2 as a, symbol(`x`x) as s)", nil))
		status, err := c.br.ReadString('\n')
		require.NoError(t, err)
		require.Regexp(t, `^\d+ 1 1\n$`, status)
		ok, err := c.br.ReadString('\n')
		require.NoError(t, err)
		require.Equal(t, "OK\n", ok)
		want := pickle.AppendTable(nil, tbl, tc.asList)
		got := make([]byte, len(want))
		_, err = io.ReadFull(c.br, got)
		require.NoError(t, err)
		require.Equal(t, want, got)
	}

	// a table the encoder does not render goes in the binary form
	rep = c.ok(req(t, "API2", "", "8_1_4_64", "script\ntable([uuid('5d212a78-cc48-e3b1-4235-b4d91473ee87')] as u)", nil))
	require.Equal(t, value.FormTable, rep.obj.Form())

	// a BLOB column is refused (the Python API's own download tests
	// expect "not support BLOB"), and the session goes on
	c.send(req(t, "API2", "", "8_1_4_64", "script\ntable(blob(`a`b) as b)", nil))
	require.Equal(t, ddberr.Errorf("The pickle protocol does not support BLOB.").Error(), c.readReply().status)
	rep = c.ok(req(t, "API2", "", "8_1_4_64", "script\n1+1", nil))
	require.Equal(t, value.NewInt(2), rep.obj)
}

// With a fetchSize a table result goes as a tuple of blocks of at most
// fetchSize rows (what the APIs' BlockReader reads); other results as is.
func TestFetchSizeSendsBlocks(t *testing.T) {
	ts := vecServer(t)
	c := dialGo(t, ts.Addr)
	rep := c.ok(req(t, "API2", "", "0_1_4_64__3", "script\ntable(1..7 as a)", nil))
	blocks := rep.obj.(*value.Vector)
	require.Equal(t, value.Any, blocks.T)
	var sizes []int
	for _, b := range blocks.Any {
		sizes = append(sizes, b.(*value.Table).Rows())
	}
	require.Equal(t, []int{3, 3, 1}, sizes)

	c.send(req(t, "API2", "", "0_1_4_64__3", "script\n1+1", nil))
	require.Equal(t, value.NewInt(2), c.readReply().obj)
}
