package server

import (
	"errors"
	"net"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/wire"
)

func TestClearMemoryFlag(t *testing.T) {
	ts := vecServer(t)
	// No engine built-in assigns session variables from a function call,
	// so these two functions, answered here, stand for one that does.
	ts.Server.mu.Lock()
	ts.Server.execHook = func(c *conn, req *wire.Request) (value.Value, error, bool) {
		if req.Command != "function" {
			return nil, nil, false
		}
		switch trimSpace(req.Function) {
		case "makeVar":
			c.sess.Set("made", value.NewInt(7))
			return value.NewInt(7), nil, true
		case "makeVarAndFail":
			c.sess.Set("made", value.NewInt(7))
			return nil, errors.New("makeVarAndFail failed"), true
		}
		return nil, nil, false
	}
	ts.Server.mu.Unlock()

	sid := strconv.Itoa(vecSID)
	script := func(flags int, s string) []byte {
		return req(t, "API2", sid, strconv.Itoa(flags)+"_1_4_64", "script\n"+s, nil)
	}
	function := func(flags int, name string, args ...value.Value) []byte {
		return req(t, "API2", sid, strconv.Itoa(flags)+"_1_4_64", "function\n"+name+"\n"+strconv.Itoa(len(args))+"\n1\n", nil, args...)
	}
	undefined := func(name string) []byte {
		return errReply(vecSID, "Syntax Error: [line #1] Cannot recognize the token "+name)
	}
	ints := func(v ...int32) value.Value { return value.NewInts(v) }

	tests := []struct {
		name    string
		request []byte
		reply   []byte                 // nil: an error reply (or none when async)
		async   bool                   // no reply at all
		vars    map[string]value.Value // value after the request; nil: undefined
	}{
		{
			name:    "script without flag keeps its variables",
			request: script(0, "old = 2; x = 1"),
			reply:   okReply(vecSID),
			vars:    map[string]value.Value{"old": value.NewInt(2), "x": value.NewInt(1)},
		},
		{
			name:    "script with flag drops what it created",
			request: script(16, "old = 2; x = 1; y = x + 1; y"),
			reply:   objReply(t, vecSID, value.NewInt(2), nil),
			vars:    map[string]value.Value{"old": value.NewInt(2), "x": nil, "y": nil},
		},
		{
			name:    "C++ client flags 32+16",
			request: script(48, "x = 1 2 3; x"),
			reply:   objReply(t, vecSID, ints(1, 2, 3), nil),
			vars:    map[string]value.Value{"old": ints(1), "x": nil},
		},
		{
			name:    "failed script with flag",
			request: script(16, "x = 1; nosuchfunc(x)"),
			vars:    map[string]value.Value{"old": ints(1), "x": nil},
		},
		{
			name:    "failed script without flag",
			request: script(0, "x = 1; nosuchfunc(x)"),
			vars:    map[string]value.Value{"old": ints(1), "x": value.NewInt(1)},
		},
		{
			name:    "async script with flag",
			request: script(20, "x = 1"),
			async:   true,
			vars:    map[string]value.Value{"old": ints(1), "x": nil},
		},
		{
			name:    "function without flag keeps its variables",
			request: function(0, "makeVar"),
			reply:   objReply(t, vecSID, value.NewInt(7), nil),
			vars:    map[string]value.Value{"old": ints(1), "made": value.NewInt(7)},
		},
		{
			name:    "function with flag drops what it created",
			request: function(16, "makeVar"),
			reply:   objReply(t, vecSID, value.NewInt(7), nil),
			vars:    map[string]value.Value{"old": ints(1), "made": nil},
		},
		{
			name:    "failed function with flag",
			request: function(16, "makeVarAndFail"),
			reply:   errReply(vecSID, "makeVarAndFail failed"),
			vars:    map[string]value.Value{"old": ints(1), "made": nil},
		},
		{
			name:    "function with flag keeps the variables it changes",
			request: function(16, "append!{old}", ints(9)),
			reply:   objReply(t, vecSID, ints(1, 9), nil),
			vars:    map[string]value.Value{"old": ints(1, 9)},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := dialRaw(t, ts.Addr)
			c.send(goScript(t, "old = [1]"))
			require.Equal(t, okReply(vecSID), c.readReply().raw)

			c.send(tc.request)
			switch {
			case tc.reply != nil:
				require.Equal(t, tc.reply, c.readReply().raw)
			case tc.async:
				_, err := c.tryReply(200 * time.Millisecond)
				var ne net.Error
				require.True(t, errors.As(err, &ne) && ne.Timeout(), "async requests get no reply, got %v", err)
			default:
				require.NotEqual(t, "OK", c.readReply().status)
			}

			for name, want := range tc.vars {
				c.send(goScript(t, name))
				if want == nil {
					require.Equal(t, undefined(name), c.readReply().raw, "%s must be undefined", name)
					continue
				}
				require.Equal(t, objReply(t, vecSID, want, nil), c.readReply().raw, "%s", name)
			}
		})
	}
}
