package funcs

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/value"
)

// Porpoise answers the cluster functions that clients ask on connecting
// (the C++/Python/Java APIs with enableHighAvailability run
// rpc(getControllerAlias(), getClusterPerf) and pick a data node from the
// result) as a one-node cluster: the node is its own controller and its
// only data node. getClusterPerf, whose figures are getPerf's, is the
// jobs package's.

// Site is where a node listens and what it is called.
type Site struct {
	Host  string
	Port  int
	Alias string
	// Connections is the number of open client connections.
	Connections int
}

// SiteEnv is implemented by an Env that knows its node's site (the
// engine, told by the server it runs in). Without it a node is
// localhost:8848 with DolphinDB's default alias.
type SiteEnv interface {
	Site() Site
}

// DefaultAlias is the alias of a single-mode DolphinDB node.
const DefaultAlias = "local8848"

// SiteOf is the site env runs on: its SiteEnv answer (with DolphinDB's
// default alias when it has none), else localhost:8848.
func SiteOf(env Env) Site {
	if se, ok := env.(SiteEnv); ok {
		s := se.Site()
		if s.Alias == "" {
			s.Alias = DefaultAlias
		}
		return s
	}
	return Site{Host: "localhost", Port: 8848, Alias: DefaultAlias}
}

func init() {
	Register(Spec{Name: "getControllerAlias", Min: 0, Max: 0, Category: "cluster",
		Fn: func(env Env, _ []value.Value) (value.Value, error) {
			return value.NewString(SiteOf(env).Alias), nil
		}})
	Register(Spec{Name: "getNodeAlias", Min: 0, Max: 0, Props: Session, Category: "cluster",
		Fn: func(env Env, _ []value.Value) (value.Value, error) {
			return value.NewString(SiteOf(env).Alias), nil
		}})
	// 3 is a single-mode node's type (funcs/g/getNodeType.md: 0 data,
	// 1 agent, 2 controller, 3 single, 4 compute node).
	Register(Spec{Name: "getNodeType", Min: 0, Max: 0, Props: Session, Category: "cluster",
		Fn: func(Env, []value.Value) (value.Value, error) { return value.NewInt(3), nil }})
	Register(Spec{Name: "getNodeHost", Min: 0, Max: 0, Category: "cluster",
		Fn: func(env Env, _ []value.Value) (value.Value, error) {
			return value.NewString(SiteOf(env).Host), nil
		}})
	Register(Spec{Name: "getNodePort", Min: 0, Max: 0, Category: "cluster",
		Fn: func(env Env, _ []value.Value) (value.Value, error) {
			return value.NewInt(int32(SiteOf(env).Port)), nil
		}})
	Register(Spec{Name: "rpc", Params: []string{"nodeAlias", "func", "args"}, Min: 2, Max: -1, Category: "cluster",
		Fn: rpc})
}

// rpc runs func on the named node; the only node is this one.
func rpc(env Env, args []value.Value) (value.Value, error) {
	alias, ok := StringArg(args[0])
	if !ok {
		return nil, ddberr.Errorf("The first argument of rpc must be a node alias.")
	}
	if s := SiteOf(env); alias != s.Alias {
		return nil, ddberr.Errorf("The node alias [%s] doesn't exist.", alias)
	}
	return env.Call(args[1], args[2:]...)
}
