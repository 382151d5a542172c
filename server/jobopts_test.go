package server

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// A request's header options set the priority and parallelism its
// console job runs at, as getConsoleJobs shows them (the request listing
// itself), held to the user's setMaxJobPriority / setMaxJobParallelism
// maxima and, without them, to DolphinDB's defaults: priority 8,
// parallelism 64 for an administrator and 2 for other users.
func TestConsoleJobPriorityFromRequest(t *testing.T) {
	ts := RunT(t)
	admin := dialRaw(t, ts.Addr)
	admin.ok(goScript(t, `login("admin", "123456")`))
	admin.ok(goScript(t, `createUser("capped", "pw123456"); createUser("plain", "pw123456")`))
	admin.ok(goScript(t, `setMaxJobPriority("capped", 5); setMaxJobParallelism("capped", 3)`))
	login := func(user, pw string) *rawConn {
		c := dialRaw(t, ts.Addr)
		c.ok(goScript(t, `login("`+user+`", "`+pw+`")`))
		return c
	}
	capped, plain, guest := login("capped", "pw123456"), login("plain", "pw123456"), dialRaw(t, ts.Addr)
	const script = "script\nt = getConsoleJobs(); string(t.priority) + \"/\" + string(t.parallelism)"
	tests := []struct {
		name string
		c    *rawConn
		opts string // the header's options, "" for none
		want string // priority/parallelism
	}{
		{"admin asks 8/4", admin, "0_1_8_4", "8/4"},
		{"admin's priority 9 is held to 8", admin, "0_1_9_64", "8/64"},
		{"no options: the wire defaults 4/64", admin, "", "4/64"},
		{"capped user asks 8/4", capped, "0_1_8_4", "5/3"},
		{"capped user below the caps", capped, "0_1_2_1", "2/1"},
		{"a user's default parallelism cap is 2", plain, "0_1_8_4", "8/2"},
		{"guest", guest, "0_1_4_64", "4/2"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.c.t = t
			r := tc.c.ok(req(t, "API2", "", tc.opts, script, nil))
			require.Equal(t, `["`+tc.want+`"]`, r.obj.String())
		})
	}
}
