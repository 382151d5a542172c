package conformance

import (
	"context"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/porpoisedb/porpoise/client"
	"github.com/porpoisedb/porpoise/value"
)

// Remote runs files over the wire against a running server (porpoise or
// DolphinDB): one fresh connection per file, logged in as User.
//
// Before a file runs, every dfs:// database its text mentions is dropped,
// and each of its config lines is compared with the server's value
// (getConfig("KEY")): a server configured differently skips the file.
type Remote struct {
	Addr, User, Password string
}

// Open implements Target.
func (r Remote) Open(f *File) (Conn, string, error) {
	ctx := context.Background()
	c, err := client.Dial(ctx, r.Addr, client.Options{User: r.User, Password: r.Password})
	if err != nil {
		return nil, "", err
	}
	for _, kv := range f.Config {
		v, err := c.Run(ctx, "getConfig("+strconv.Quote(kv[0])+")")
		if err != nil {
			c.Close()
			return nil, fmt.Sprintf("cannot read the server's configuration %s: %v", kv[0], err), nil
		}
		got := ""
		if v != nil {
			got = v.String()
		}
		if (kv[0] == persistenceDir || kv[0] == localSite) && got != "" {
			continue // any directory, or any address, will do
		}
		if !sameConfig(got, kv[1]) {
			c.Close()
			return nil, fmt.Sprintf("the server's %s is %q, the file needs %q", kv[0], got, kv[1]), nil
		}
	}
	for _, db := range dfsPaths(f) {
		lit := strconv.Quote(db)
		if _, err := c.Run(ctx, "if(existsDatabase("+lit+")) dropDatabase("+lit+")"); err != nil {
			c.Close()
			return nil, "", fmt.Errorf("drop %s: %w", db, err)
		}
	}
	return &remoteConn{c: c, addr: r.Addr}, "", nil
}

// sameConfig compares configuration values, booleans and numbers by
// meaning.
func sameConfig(got, want string) bool {
	got, want = strings.TrimSpace(got), strings.TrimSpace(want)
	if strings.EqualFold(got, want) {
		return true
	}
	if g, err1 := strconv.ParseFloat(got, 64); err1 == nil {
		if w, err2 := strconv.ParseFloat(want, 64); err2 == nil {
			return g == w
		}
	}
	g, err1 := strconv.ParseBool(strings.ToLower(got))
	w, err2 := strconv.ParseBool(strings.ToLower(want))
	return err1 == nil && err2 == nil && g == w
}

var dfsPathRE = regexp.MustCompile(`dfs://[A-Za-z0-9_./\-]+`)

// dfsPaths lists the distinct dfs:// database paths a file's text
// mentions, in sorted order.
func dfsPaths(f *File) []string {
	seen := map[string]bool{}
	add := func(text string) {
		for _, m := range dfsPathRE.FindAllString(text, -1) {
			m = strings.TrimRight(m, "./")
			if m != "dfs://" && m != "dfs:" {
				seen[m] = true
			}
		}
	}
	for _, rec := range f.Records {
		add(rec.Script)
		add(rec.ErrText)
		for _, e := range rec.Expected {
			add(e)
		}
	}
	out := make([]string, 0, len(seen))
	for p := range seen {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

type remoteConn struct {
	c    *client.Conn
	addr string
}

func (r *remoteConn) Run(script string) (value.Value, error) {
	return r.c.Run(context.Background(), script)
}

func (r *remoteConn) Close() error { return r.c.Close() }

func (r *remoteConn) Request(raw []byte) (value.Value, error) { return SendRequest(r.addr, raw) }

func (r *remoteConn) Call(fn string, args ...value.Value) (value.Value, error) {
	return r.c.RunFunc(context.Background(), fn, args...)
}
