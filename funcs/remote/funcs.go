package remote

import (
	"context"
	"strconv"
	"strings"

	"github.com/porpoisedb/porpoise/client"
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

func init() {
	run := []string{"conn", "script", "args"}
	funcs.Register(
		funcs.Spec{Name: "xdb", Params: []string{"host", "port", "userId", "password", "enableSSL"}, Min: 1, Max: 5,
			Props: funcs.Session, Category: "cluster", Fn: xdb},
		funcs.Spec{Name: "remoteRun", Params: run, Min: 2, Max: -1, Props: funcs.Session, Category: "cluster", Fn: remoteRun("remoteRun")},
		funcs.Spec{Name: "remoteRunWithCompression", Params: run, Min: 2, Max: -1, Props: funcs.Session, Category: "cluster", Fn: remoteRun("remoteRunWithCompression")},
		funcs.Spec{Name: "remoteRunCompatible", Params: run, Min: 2, Max: -1, Props: funcs.Session, Category: "cluster", Fn: remoteRun("remoteRunCompatible")},
	)
}

// xdb connects to another server (funcs/x/xdb.md): xdb(host, port,
// [userId], [password], [enableSSL]), or xdb(siteAlias, ...) naming a
// node of the cluster, which for Porpoise is this node.
func xdb(env funcs.Env, args []value.Value) (value.Value, error) {
	host, ok := funcs.StringArg(args[0])
	if !ok || host == "" {
		return nil, funcs.BadArg("xdb", "host", "a host name or a site alias")
	}
	rest := args[1:]
	var addr string
	if p, isPort := portArg(funcs.Arg(args, 1)); isPort {
		addr, rest = host+":"+strconv.Itoa(p), args[2:]
	} else {
		site := funcs.SiteOf(env)
		if host != site.Alias {
			return nil, ddberr.Errorf("The node alias [%s] doesn't exist.", host)
		}
		addr = site.Host + ":" + strconv.Itoa(site.Port)
	}
	user, password := "", ""
	if v := funcs.GivenArg(rest, 0); v != nil {
		if user, ok = funcs.StringArg(v); !ok {
			return nil, funcs.BadArg("xdb", "userId", "a string")
		}
	}
	if v := funcs.GivenArg(rest, 1); v != nil {
		if password, ok = funcs.StringArg(v); !ok {
			return nil, funcs.BadArg("xdb", "password", "a string")
		}
	}
	tls, err := funcs.BoolArg("xdb", "enableSSL", funcs.GivenArg(rest, 2), false)
	if err != nil {
		return nil, err
	}
	return dial(env.Context(), addr, user, password, tls)
}

// portArg reads xdb's second argument as a port number.
func portArg(v value.Value) (int, bool) {
	s, ok := v.(*value.Scalar)
	if !ok || s.Null || s.T.Category() != value.CatIntegral || s.I <= 0 || s.I > 65535 {
		return 0, false
	}
	return int(s.I), true
}

// remoteRun runs script in conn's session (funcs/r/remoteRun.md): a
// script string alone runs as a script; a string with arguments names a
// function defined on the remote server; a function value is one of this
// session's, whose definition (with the session's other definitions) is
// sent along and called with the arguments. The compressed and
// compatible forms differ only in how DolphinDB servers of other versions
// exchange the request, which this client's requests already suit.
func remoteRun(fn string) funcs.Impl {
	return func(env funcs.Env, args []value.Value) (value.Value, error) {
		h, ok := args[0].(*Conn)
		if !ok {
			return nil, funcs.BadArg(fn, "conn", "a connection handle returned by xdb")
		}
		ctx := env.Context()
		rest := args[2:]
		if s, ok := funcs.StringArg(args[1]); ok {
			if len(rest) == 0 {
				return h.with(func(c *client.Conn) (value.Value, error) { return c.Run(ctx, s) })
			}
			return h.with(func(c *client.Conn) (value.Value, error) { return c.RunFunc(ctx, s, rest...) })
		}
		if !funcs.IsFunction(args[1]) {
			return nil, funcs.BadArg(fn, "script", "a script, a function name or a function")
		}
		src, err := funcs.HostOf[jobSourcer](env)
		if err != nil {
			return nil, err
		}
		expr, defs, err := src.JobSource(args[1])
		if err != nil {
			return nil, err
		}
		return h.with(func(c *client.Conn) (value.Value, error) { return callRemote(ctx, c, expr, defs, rest) })
	}
}

// jobSourcer renders a function value as script with the session's
// definitions it may need (the engine's, as scheduled jobs use it).
type jobSourcer interface {
	JobSource(fn value.Value) (string, []string, error)
}

// callRemote defines defs in the remote session and calls expr with
// args there; arguments travel as values, not as script.
func callRemote(ctx context.Context, c *client.Conn, expr string, defs []string, args []value.Value) (value.Value, error) {
	if len(defs) > 0 {
		if _, err := c.Run(ctx, strings.Join(defs, "\n")); err != nil {
			return nil, err
		}
	}
	if !strings.ContainsAny(expr, "\n\x00") {
		return c.RunFunc(ctx, expr, args...)
	}
	vars := make(map[string]value.Value, len(args))
	names := make([]string, len(args))
	for i, a := range args {
		names[i] = "remoteRunArg" + strconv.Itoa(i)
		vars[names[i]] = a
	}
	if err := c.Upload(ctx, vars); err != nil {
		return nil, err
	}
	return c.Run(ctx, "("+expr+")("+strings.Join(names, ", ")+")")
}
