package ddberr_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/client"
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/server"
)

func TestClassify(t *testing.T) {
	for _, c := range []struct {
		msg  string
		code string
		kind ddberr.Kind
	}{
		{"Syntax Error: [line #1] Invalid columns [t1.id]. RefId:S02016", "S02016", ddberr.SQL},
		{"The feature of publish is not enabled. RefId: S00001", "S00001", ddberr.System},
		{"chunk is locked RefId: s01002", "S01002", ddberr.Storage},
		{"Syntax Error: [line #1] Cannot recognize the token b", "", ddberr.Syntax},
		{"The user name or password is incorrect.", "", ddberr.Admin},
		{"<NotAuthenticated>Not granted to read data. Please login first.", "", ddberr.Admin},
		{"Out of memory", "", ddberr.System},
		{"The request was cancelled: the server is shutting down.", "", ddberr.Canceled},
		{"Incompatible type. Expected: INT, Actual: STRING", "", ddberr.Runtime},
	} {
		e := ddberr.New(c.msg)
		require.Equal(t, c.msg, e.Error())
		require.Equal(t, c.code, e.Code, c.msg)
		require.Equal(t, c.kind, e.Kind, c.msg)
	}
}

func TestWrap(t *testing.T) {
	require.NoError(t, ddberr.Wrap(nil))
	e := ddberr.New("x")
	require.Same(t, e, ddberr.Wrap(e))
	wrapped := fmt.Errorf("ctx: %w", e)
	require.Equal(t, wrapped, ddberr.Wrap(wrapped))

	err := ddberr.Wrap(context.Canceled)
	require.ErrorIs(t, err, context.Canceled)
	require.Equal(t, ddberr.Canceled, ddberr.KindOf(err))
	require.Equal(t, ddberr.Runtime, ddberr.KindOf(errors.New("plain")))
	require.ErrorIs(t, ddberr.New("a RefId: S02016"), ddberr.New("other text RefId: S02016"))
	require.NotErrorIs(t, ddberr.New("a"), ddberr.New("b"))
}

// TestSameErrorEmbeddedAndOverTheWire: one failing script gives an equal
// *ddberr.Error from an embedded session and from the Go client.
func TestSameErrorEmbeddedAndOverTheWire(t *testing.T) {
	ts := server.RunT(t)
	ctx := context.Background()
	c := ts.Dial(t)
	for _, script := range []string{
		"1 +* 2",
		"t = table(1:0, `a, [INT]); t.tableInsert(\"x\")",
		"noSuchFunction(1)",
	} {
		_, embeddedErr := ts.Engine.NewSession().Run(script)
		_, wireErr := c.Run(ctx, script)
		var a, b *ddberr.Error
		require.ErrorAs(t, embeddedErr, &a, "embedded %q: %T", script, embeddedErr)
		require.ErrorAs(t, wireErr, &b, "wire %q: %T", script, wireErr)
		require.Equal(t, a.Msg, b.Msg)
		require.Equal(t, a.Code, b.Code)
		require.Equal(t, a.Kind, b.Kind)
	}
	_, err := client.Dial(ctx, ts.Addr, client.Options{User: "admin", Password: "nope"})
	require.Equal(t, ddberr.Admin, ddberr.KindOf(err))
	require.Equal(t, ddberr.Admin, ddberr.KindOf(ts.Engine.CheckPassword("admin", "nope")))
}
