package funcs

import (
	"slices"
	"strings"

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
	Register(Spec{Name: "pnodeRun", Params: []string{"function", "nodes", "addNodeAlias"}, Min: 1, Max: 3, Category: "cluster",
		Fn: pnodeRun})
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

// pnodeRun calls a function without arguments on every data node, or on
// the nodes named, and combines their results as funcs/p/pnodeRun.md
// says; the only node is this one. A scalar becomes a table of the node
// and the value, a vector a matrix with a column labelled by the node, a
// dictionary of scalars a table row, a table gets the node as its first
// column (unless addNodeAlias is false or it has a node column), nothing
// stays nothing, and any
// other result is a dictionary from the node to it.
func pnodeRun(env Env, args []value.Value) (value.Value, error) {
	site := SiteOf(env)
	if !IsFunction(args[0]) {
		return nil, BadArg("pnodeRun", "function", "a function without arguments")
	}
	if v := GivenArg(args, 1); v != nil {
		nodes, ok := NamesArg(v)
		if !ok {
			return nil, BadArg("pnodeRun", "nodes", "a string scalar or vector of node aliases")
		}
		for _, n := range nodes {
			if n != site.Alias {
				return nil, ddberr.Errorf("The node alias [%s] doesn't exist.", n)
			}
		}
	}
	addAlias, err := BoolArg("pnodeRun", "addNodeAlias", GivenArg(args, 2), true)
	if err != nil {
		return nil, err
	}
	res, err := env.Call(args[0])
	if err != nil || res == nil {
		return res, err
	}
	alias := value.NewStrings(value.String, []string{site.Alias})
	switch r := res.(type) {
	case *value.Scalar:
		if r.T == value.Void {
			return r, nil
		}
		return value.NewTable([]string{"Node", "Value"}, []*value.Vector{alias, ScalarVector(r)}), nil
	case *value.Vector:
		if r.T != value.Any && !r.T.IsArray() {
			return &value.Matrix{V: r.Clone(), Rows: r.Len(), Cols: 1, ColLabels: alias}, nil
		}
	case *value.Table:
		// a table with its own node column (getConsoleJobs,
		// getRecentJobs) would get a second one differing only in case,
		// which column names can't
		if !addAlias || slices.ContainsFunc(r.Names, func(n string) bool { return strings.EqualFold(n, "node") }) {
			return r, nil
		}
		nodes := make([]string, r.Rows())
		for i := range nodes {
			nodes[i] = site.Alias
		}
		return value.NewTable(append([]string{"Node"}, r.Names...), append([]*value.Vector{value.NewStrings(value.String, nodes)}, r.Cols...)), nil
	case *value.Dict:
		if row, ok := dictRow(r); ok {
			if addAlias {
				row.Names, row.Cols = append([]string{"Node"}, row.Names...), append([]*value.Vector{alias}, row.Cols...)
			}
			return row, nil
		}
	}
	return StringDict([]string{site.Alias}, []value.Value{res}), nil
}

// dictRow is a dictionary from names to scalars as a one-row table, a
// column per key.
func dictRow(d *value.Dict) (*value.Table, bool) {
	if d.Keys.T != value.String && d.Keys.T != value.Symbol {
		return nil, false
	}
	t := &value.Table{}
	for i := 0; i < d.Len(); i++ {
		s, ok := d.Get(d.Keys, i).(*value.Scalar)
		if !ok {
			return nil, false
		}
		t.Names = append(t.Names, d.Keys.Strings()[i])
		t.Cols = append(t.Cols, ScalarVector(s))
	}
	return t, true
}
