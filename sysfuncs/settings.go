package sysfuncs

import (
	"errors"
	"slices"
	"sync"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// The server settings a script may change while the engine runs.
func init() {
	funcs.Register(
		funcs.Spec{Name: "setLogLevel", Params: []string{"logLevel"}, Min: 1, Max: 1, Props: funcs.Session | funcs.Command, Category: "system", Fn: xsetLogLevel},
		funcs.Spec{Name: "getDynamicConfig", Min: 0, Max: 0, Props: funcs.Session, Category: "system", Fn: xgetDynamicConfig},
		funcs.Spec{Name: "setDynamicConfig", Params: []string{"configName", "configValue"}, Min: 2, Max: 2, Props: funcs.Session | funcs.Command, Category: "system", Fn: xsetDynamicConfig},
	)
}

// logLevels are DolphinDB's log levels from lowest to highest.
var logLevels = []string{"DEBUG", "INFO", "WARNING", "ERROR"}

// logLevel is setLogLevel's level, kept per engine; nothing logs by it
// yet, so it is only checked and stored.
type logLevel struct {
	mu    sync.Mutex
	level string
}

func xsetLogLevel(env funcs.Env, args []value.Value) (value.Value, error) {
	h, err := host(env)
	if err != nil {
		return nil, err
	}
	lvl, ok := funcs.StringArg(args[0])
	if !ok {
		return nil, ddberr.Errorf("The log level must be a string: DEBUG, INFO, WARNING or ERROR.")
	}
	for _, l := range logLevels {
		if l == lvl {
			st := h.EngineState("sysfuncs.logLevel", func() any { return &logLevel{level: "INFO"} }).(*logLevel)
			st.mu.Lock()
			st.level = lvl
			st.mu.Unlock()
			return nil, nil
		}
	}
	return nil, ddberr.Errorf("The log level must be one of DEBUG, INFO, WARNING and ERROR.")
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
