package engine

import (
	"errors"
	"fmt"
	"slices"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// The server-setting functions read or change the engine's state, so
// they are registered from package engine.
func init() {
	funcs.Register(
		funcs.Spec{Name: "setLogLevel", Params: []string{"logLevel"}, Min: 1, Max: 1, Props: funcs.Session | funcs.Command, Category: "system", Fn: xsetLogLevel},
		funcs.Spec{Name: "getDynamicConfig", Min: 0, Max: 0, Props: funcs.Session, Category: "system", Fn: xgetDynamicConfig},
		funcs.Spec{Name: "setDynamicConfig", Params: []string{"configName", "configValue"}, Min: 2, Max: 2, Props: funcs.Session | funcs.Command, Category: "system", Fn: xsetDynamicConfig},
	)
}

// logLevels are DolphinDB's log levels from lowest to highest.
var logLevels = []string{"DEBUG", "INFO", "WARNING", "ERROR"}

func xsetLogLevel(env funcs.Env, args []value.Value) (value.Value, error) {
	in := env.(*interp)
	lvl, ok := funcs.StringArg(args[0])
	if !ok {
		return nil, errors.New("The log level must be a string: DEBUG, INFO, WARNING or ERROR.")
	}
	for _, l := range logLevels {
		if l == lvl {
			in.s.eng.logLevel.Store(&lvl)
			return nil, nil
		}
	}
	return nil, errors.New("The log level must be one of DEBUG, INFO, WARNING and ERROR.")
}

// dynamicConfigs are the configuration keys setDynamicConfig can change
// here: those whose value the engine reads while it runs.
var dynamicConfigs = map[string]func(env funcs.Env, v value.Value) (value.Value, error){
	"logLevel": func(env funcs.Env, v value.Value) (value.Value, error) {
		return xsetLogLevel(env, []value.Value{v})
	},
	"maxMemSize":                setterOf("setMaxMemSize"),
	"memLimitOfQueryResult":     setterOf("setMemLimitOfQueryResult"),
	"maxConnections":            setterOf("setMaxConnections"),
	"memLimitOfTaskGroupResult": setterOf("setMemLimitOfTaskGroupResult"),
	"memLimitOfTempResult":      setterOf("setMemLimitOfTempResult"),
	"memLimitOfAllTempResults":  setterOf("setMemLimitOfAllTempResults"),
}

// setterOf calls the registered function that sets a configuration
// value (package memlimit registers the limits' setters).
func setterOf(fn string) func(env funcs.Env, v value.Value) (value.Value, error) {
	return func(env funcs.Env, v value.Value) (value.Value, error) {
		s, ok := funcs.Lookup(fn)
		if !ok {
			return nil, funcs.UnknownFunction(fn)
		}
		return s.Fn(env, []value.Value{v})
	}
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
	set := dynamicConfigs[name]
	if set == nil {
		return nil, fmt.Errorf("The configuration parameter [%s] can't be modified online.", name)
	}
	return set(env, args[1])
}
