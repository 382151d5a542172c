package env

import "github.com/porpoisedb/porpoise/funcs"

func init() {
	const cat = "environment"
	p := func(names ...string) []string { return names }
	funcs.Register(
		// machine.go
		funcs.Spec{Name: "getEnv", Params: p("name", "default"), Min: 1, Max: 2, Props: funcs.Session, Category: cat, Fn: getEnv},
		funcs.Spec{Name: "getOS", Min: 0, Max: 0, Props: funcs.Session, Category: cat, Fn: getOS},
		funcs.Spec{Name: "getOSBit", Min: 0, Max: 0, Props: funcs.Session, Category: cat, Fn: getOSBit},
		funcs.Spec{Name: "shell", Params: p("cmd"), Min: 1, Max: 1, Props: funcs.Session, Category: cat, Fn: shell},
		// usage.go
		funcs.Spec{Name: "mem", Params: p("freeUnusedBlocks"), Min: 0, Max: 1, Props: funcs.Session, Category: cat, Fn: mem},
		funcs.Spec{Name: "getMemoryStat", Min: 0, Max: 0, Props: funcs.Session, Category: cat, Fn: getMemoryStat},
		funcs.Spec{Name: "getSystemCpuUsage", Min: 0, Max: 0, Props: funcs.Session, Category: cat, Fn: getSystemCpuUsage},
		funcs.Spec{Name: "getSystemLoadAvg", Min: 0, Max: 0, Props: funcs.Session, Category: cat, Fn: getSystemLoadAvg},
		funcs.Spec{Name: "getDiskIOStat", Min: 0, Max: 0, Props: funcs.Session, Category: cat, Fn: getDiskIOStat},
	)
}
