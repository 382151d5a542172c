package server_test

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/client"
	"github.com/porpoisedb/porpoise/mtw"
	"github.com/porpoisedb/porpoise/server"
)

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, string(b)
}

func TestConsoleIsServed(t *testing.T) {
	ts := server.RunT(t)
	code, body := get(t, "http://"+ts.Addr+"/")
	require.Equal(t, 200, code)
	require.Contains(t, body, "<title>Porpoise console</title>")
	code, body = get(t, "http://"+ts.Addr+"/console.js")
	require.Equal(t, 200, code)
	require.Contains(t, body, "class Session")
	code, _ = get(t, "http://"+ts.Addr+"/nosuch")
	require.Equal(t, 404, code)

	resp, err := http.Post("http://"+ts.Addr+"/", "text/plain", strings.NewReader("1+1"))
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, http.StatusMethodNotAllowed, resp.StatusCode, "POST gets an HTTP answer, not a binary reply")

	// The binary protocol still works on the same port.
	c, err := client.Dial(context.Background(), ts.Addr, client.Options{User: "admin", Password: "123456"})
	require.NoError(t, err)
	c.Close()
}

func TestMetrics(t *testing.T) {
	ts := server.RunT(t)
	c := ts.Dial(t)
	_, err := c.Run(context.Background(), "share table(1:0, `id, [INT]) as m")
	require.NoError(t, err)
	_, err = c.Run(context.Background(), "1 +* 2")
	require.Error(t, err)
	w, err := mtw.New(mtw.Config{Host: ts.Host, Port: ts.Port, UserID: "admin", Password: "123456", TableName: "m"})
	require.NoError(t, err)
	for i := range 25 {
		require.NoError(t, w.Insert(int32(i)).Err())
	}
	w.WaitForThreadCompletion()
	ts.CheckCount(t, "m", 25)

	code, body := get(t, "http://"+ts.Addr+"/metrics")
	require.Equal(t, 200, code)
	for _, want := range []string{
		`porpoise_requests_total{cmd="script"} `,
		`porpoise_request_duration_seconds_bucket{cmd="script",le="+Inf"} `,
		"porpoise_rows_appended_total 25\n",
		"porpoise_sessions ",
		"porpoise_storage_disk_bytes ",
		"# TYPE porpoise_request_duration_seconds histogram",
	} {
		require.Contains(t, body, want)
	}
	// The syntax error and the writer's probe for getStreamTableTimestamp.
	require.Regexp(t, `porpoise_request_errors_total\{cmd="script"\} [1-9]`, body)
}

func TestPprofBehindOption(t *testing.T) {
	ts := server.RunT(t)
	code, _ := get(t, "http://"+ts.Addr+"/debug/pprof/")
	require.Equal(t, 404, code, "pprof is off by default")
	ts = server.RunT(t, server.WithOptions(server.Options{Pprof: true}))
	code, body := get(t, "http://"+ts.Addr+"/debug/pprof/")
	require.Equal(t, 200, code)
	require.Contains(t, body, "goroutine")
}
