package engine

import (
	"errors"
	"fmt"
	"slices"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// The batch-job and server-setting functions read or change the engine's
// state, so they are registered from package engine.
func init() {
	funcs.Register(
		funcs.Spec{Name: "submitJobEx", Params: []string{"jobId", "jobDesc", "priority", "parallelism", "jobDef", "args"}, Min: 5, Max: -1, Props: funcs.Session, Category: "system", Fn: xsubmitJobEx},
		funcs.Spec{Name: "getJobMessage", Params: []string{"jobId"}, Min: 1, Max: 1, Props: funcs.Session, Category: "system", Fn: xgetJobMessage},
		funcs.Spec{Name: "getJobStat", Min: 0, Max: 0, Props: funcs.Session, Category: "system", Fn: xgetJobStat},
		funcs.Spec{Name: "setLogLevel", Params: []string{"logLevel"}, Min: 1, Max: 1, Props: funcs.Session | funcs.Command, Category: "system", Fn: xsetLogLevel},
		funcs.Spec{Name: "getDynamicConfig", Min: 0, Max: 0, Props: funcs.Session, Category: "system", Fn: xgetDynamicConfig},
		funcs.Spec{Name: "setDynamicConfig", Params: []string{"configName", "configValue"}, Min: 2, Max: 2, Props: funcs.Session | funcs.Command, Category: "system", Fn: xsetDynamicConfig},
	)
}

func xsubmitJobEx(env funcs.Env, args []value.Value) (value.Value, error) {
	in := env.(*interp)
	id, ok := funcs.StringArg(args[0])
	if !ok {
		return nil, errors.New("The job id must be a string.")
	}
	desc, _ := funcs.StringArg(args[1])
	// Jobs start at once on their own goroutine; priority and parallelism
	// are validated as DolphinDB does but there is no queue to order.
	prio, err := funcs.IntArg("submitJobEx", "priority", args[2], 4)
	if err != nil {
		return nil, err
	}
	if prio < 0 || prio > 9 {
		return nil, errors.New("The priority of a job must be between 0 and 9.")
	}
	par, err := funcs.IntArg("submitJobEx", "parallelism", args[3], 1)
	if err != nil {
		return nil, err
	}
	if par <= 0 {
		return nil, errors.New("The parallelism of a job must be a positive integer.")
	}
	fn, ok := args[4].(Function)
	if !ok {
		return nil, errors.New("The job definition must be a function.")
	}
	return value.NewString(in.s.eng.submitJob(in.s, id, desc, fn, args[5:])), nil
}

func (e *Engine) job(id string) (*job, error) {
	e.jobs.mu.Lock()
	j := e.jobs.byID[id]
	e.jobs.mu.Unlock()
	if j == nil {
		return nil, fmt.Errorf("The job [%s] doesn't exist.", id)
	}
	return j, nil
}

func xgetJobMessage(env funcs.Env, args []value.Value) (value.Value, error) {
	in := env.(*interp)
	id, ok := funcs.StringArg(args[0])
	if !ok {
		return nil, errors.New("The job id must be a string.")
	}
	j, err := in.s.eng.job(id)
	if err != nil {
		return nil, err
	}
	return value.NewString(j.msgs.String()), nil
}

// xgetJobStat counts the running batch jobs. Jobs start as soon as they
// are submitted and run no remote or sub-tasks, so the queue and task
// counts are truly zero. The key "runnningJobs" is spelled as DolphinDB
// prints it (the manual's example output).
func xgetJobStat(env funcs.Env, _ []value.Value) (value.Value, error) {
	in := env.(*interp)
	r := in.s.eng.jobs
	r.mu.Lock()
	running := 0
	for _, j := range r.order {
		select {
		case <-j.done:
		default:
			running++
		}
	}
	r.mu.Unlock()
	keys := []string{"queuedLocalTasks", "runnningJobs", "queuedRemoteTasks", "queuedJobs", "runningLocalTasks"}
	vals := []int32{0, int32(running), 0, 0, 0}
	d := value.NewDict(value.String, value.Int)
	kv := value.NewStrings(value.String, keys)
	vv := value.NewVector(value.Int, 0, len(vals))
	vv.I32 = append(vv.I32, vals...)
	for i := range keys {
		d.Put(kv, i, vv, i)
	}
	return d, nil
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
