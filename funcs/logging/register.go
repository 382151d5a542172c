package logging

import "github.com/porpoisedb/porpoise/funcs"

func init() {
	funcs.Register(
		// write.go
		funcs.Spec{Name: "writeLog", Params: []string{"X1"}, Min: 1, Max: -1, Props: funcs.Session | funcs.Command, Category: "filesystem", Fn: loggedIn(writeLog)},
		funcs.Spec{Name: "writeLogLevel", Params: []string{"level", "X1"}, Min: 2, Max: -1, Props: funcs.Session | funcs.Command, Category: "filesystem", Fn: admin("writeLogLevel", writeLogLevel)},
		// settings.go
		funcs.Spec{Name: "setLogLevel", Params: []string{"logLevel"}, Min: 1, Max: 1, Props: funcs.Session | funcs.Command, Category: "system", Fn: admin("setLogLevel", setLogLevel)},
		funcs.Spec{Name: "cleanOutdateLogFiles", Params: []string{"retentionTime"}, Min: 0, Max: 1, Props: funcs.Session | funcs.Command, Category: "filesystem", Fn: admin("cleanOutdateLogFiles", cleanOutdateLogFiles)},
	)
}
