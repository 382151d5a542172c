package jobs

import (
	"fmt"
	"runtime"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/memlimit"
	"github.com/porpoisedb/porpoise/value"
)

// getClusterPerf answers as a one-node cluster (the node is its own
// controller and only data node) with the columns and types of
// funcs/g/getClusterPerf.md. The APIs with high availability read it on
// connecting: the Java API's load balancing, on by default, divides
// memoryUsed (LONG) by maxMemSize (DOUBLE) and connectionNum by
// maxConnections, and weighs avgLoad (DOUBLE); a missing column stops
// it with a NullPointerException. Its figures are getPerf's.
func init() {
	funcs.Register(funcs.Spec{Name: "getClusterPerf", Params: []string{"includeMaster"}, Min: 0, Max: 1, Category: "cluster",
		Fn: funcs.WithHost(clusterPerf)})
}

// limitsHost is the engine's view of its memory and connection limits.
type limitsHost interface {
	MemLimits() *memlimit.Limits
}

// clusterColumn is one of getClusterPerf's columns after name: a
// getPerf figure of that name, read as the column's type.
type clusterColumn struct {
	name string
	t    value.Type
}

// clusterFigures are getClusterPerf's columns from memoryUsed to
// lastMinuteNetworkRecv, in the page's order.
var clusterFigures = []clusterColumn{
	{"memoryUsed", value.Long}, {"memoryAlloc", value.Long}, {"cpuUsage", value.Double}, {"avgLoad", value.Double},
	{"medLast10QueryTime", value.Long}, {"maxLast10QueryTime", value.Long},
	{"medLast100QueryTime", value.Long}, {"maxLast100QueryTime", value.Long}, {"maxRunningQueryTime", value.Long},
	{"runningJobs", value.Int}, {"queuedJobs", value.Int}, {"runningTasks", value.Int}, {"queuedTasks", value.Int},
	{"jobLoad", value.Double},
	{"diskCapacity", value.Long}, {"diskFreeSpace", value.Long}, {"diskFreeSpaceRatio", value.Double},
	{"diskWriteRate", value.Long}, {"diskReadRate", value.Long},
	{"lastMinuteWriteVolume", value.Long}, {"lastMinuteReadVolume", value.Long},
	{"networkSendRate", value.Long}, {"networkRecvRate", value.Long},
	{"lastMinuteNetworkSend", value.Long}, {"lastMinuteNetworkRecv", value.Long},
}

// clusterPerf is getClusterPerf's table: one row, the node as a data node
// (mode 0), alive. maxMemSize is the cap the node enforces (without the
// setting, 80% of physical memory). Its jobs run their partitions' work themselves, with
// no queue of tasks, so runningTasks and queuedTasks are 0.
func clusterPerf(h Host, env funcs.Env, args []value.Value) (value.Value, error) {
	if _, err := funcs.BoolArg("getClusterPerf", "includeMaster", funcs.Arg(args, 0), false); err != nil {
		return nil, err
	}
	lh, err := funcs.HostOf[limitsHost](env)
	if err != nil {
		return nil, err
	}
	lim := lh.MemLimits()
	s := funcs.SiteOf(env)
	figures := map[string]float64{}
	for _, f := range perfFigures(h, env) {
		figures[f.k] = f.v
	}
	names := []string{"host", "port", "site", "mode", "state", "agentSite", "maxConnections", "maxMemSize",
		"workerNum", "executorNum", "connectionNum", "name"}
	str := func(x string) *value.Vector { return value.NewStrings(value.String, []string{x}) }
	i32 := func(x int) *value.Vector { return value.NewInts([]int32{int32(x)}) }
	workers := runtime.NumCPU()
	cols := []*value.Vector{str(s.Host), i32(s.Port), str(fmt.Sprintf("%s:%d:%s", s.Host, s.Port, s.Alias)), i32(0), i32(1),
		str(""), i32(lim.MaxConnections()), value.NewDoubles([]float64{float64(lim.MemLimit()) / (1 << 30)}),
		i32(workers), i32(max(workers-1, 1)), i32(s.Connections), str(s.Alias)}
	for _, c := range clusterFigures {
		x := figures[c.name]
		names = append(names, c.name)
		switch c.t {
		case value.Long:
			cols = append(cols, value.NewLongs([]int64{int64(x)}))
		case value.Int:
			cols = append(cols, i32(int(x)))
		default:
			cols = append(cols, value.NewDoubles([]float64{x}))
		}
	}
	noLatency := value.NewLongs([]int64{value.NullInt64})
	names = append(names, "publicName", "lastMsgLatency", "cumMsgLatency")
	cols = append(cols, str(s.Host), noLatency, noLatency.Clone())
	return value.NewTable(names, cols), nil
}
