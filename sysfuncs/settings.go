package sysfuncs

import (
	"errors"
	"slices"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// The server settings a script may change while the engine runs (the
// log level's setter, setLogLevel, is package funcs/logging's).
func init() {
	funcs.Register(
		funcs.Spec{Name: "getDynamicConfig", Min: 0, Max: 0, Props: funcs.Session, Category: "system", Fn: xgetDynamicConfig},
		funcs.Spec{Name: "setDynamicConfig", Params: []string{"configName", "configValue"}, Min: 2, Max: 2, Props: funcs.Session | funcs.Command, Category: "system", Fn: xsetDynamicConfig},
	)
}

// dynamicConfigs are the configuration keys setDynamicConfig can change
// here, those whose value the engine reads while it runs, and the
// function that changes each.
var dynamicConfigs = map[string]string{
	"logLevel":                  "setLogLevel",
	"maxMemSize":                "setMaxMemSize",
	"memLimitOfQueryResult":     "setMemLimitOfQueryResult",
	"maxConnections":            "setMaxConnections",
	"memLimitOfTaskGroupResult": "setMemLimitOfTaskGroupResult",
	"memLimitOfTempResult":      "setMemLimitOfTempResult",
	"memLimitOfAllTempResults":  "setMemLimitOfAllTempResults",
}

func xgetDynamicConfig(funcs.Env, []value.Value) (value.Value, error) {
	names := make([]string, 0, len(dynamicConfigs))
	for k := range dynamicConfigs {
		names = append(names, k)
	}
	slices.Sort(names)
	return value.NewStrings(value.String, names), nil
}

func xsetDynamicConfig(env funcs.Env, args []value.Value) (value.Value, error) {
	name, ok := funcs.StringArg(args[0])
	if !ok {
		return nil, errors.New("configName must be a string scalar.")
	}
	fn, ok := dynamicConfigs[name]
	if !ok {
		return nil, ddberr.Errorf("The configuration parameter [%s] can't be modified online.", name)
	}
	set, ok := funcs.Lookup(fn)
	if !ok {
		return nil, funcs.UnknownFunction(fn)
	}
	return set.Fn(env, []value.Value{args[1]})
}
