package sysfuncs

import (
	"errors"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// The batch-job functions over the engine's job registry (Host.SubmitJob,
// Jobs).
func init() {
	funcs.Register(
		funcs.Spec{Name: "submitJobEx", Params: []string{"jobId", "jobDesc", "priority", "parallelism", "jobDef", "args"}, Min: 5, Max: -1, Props: funcs.Session, Category: "system", Fn: xsubmitJobEx},
		funcs.Spec{Name: "getJobMessage", Params: []string{"jobId"}, Min: 1, Max: 1, Props: funcs.Session, Category: "system", Fn: xgetJobMessage},
		funcs.Spec{Name: "getJobStat", Min: 0, Max: 0, Props: funcs.Session, Category: "system", Fn: xgetJobStat},
	)
}

func xsubmitJobEx(env funcs.Env, args []value.Value) (value.Value, error) {
	h, err := host(env)
	if err != nil {
		return nil, err
	}
	id, err := jobIDArg(args[0])
	if err != nil {
		return nil, err
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
	jobID, err := h.SubmitJob(id, desc, args[4], args[5:])
	if err != nil {
		return nil, err
	}
	return value.NewString(jobID), nil
}

func xgetJobMessage(env funcs.Env, args []value.Value) (value.Value, error) {
	h, err := host(env)
	if err != nil {
		return nil, err
	}
	id, err := jobIDArg(args[0])
	if err != nil {
		return nil, err
	}
	msg, err := h.JobMessage(id)
	if err != nil {
		return nil, err
	}
	return value.NewString(msg), nil
}

// xgetJobStat counts the running batch jobs. Jobs start as soon as they
// are submitted and run no remote or sub-tasks, so the queue and task
// counts are truly zero. The key "runnningJobs" is spelled as DolphinDB
// prints it (the manual's example output).
func xgetJobStat(env funcs.Env, _ []value.Value) (value.Value, error) {
	h, err := host(env)
	if err != nil {
		return nil, err
	}
	keys := []string{"queuedLocalTasks", "runnningJobs", "queuedRemoteTasks", "queuedJobs", "runningLocalTasks"}
	vals := []int32{0, int32(h.RunningJobs()), 0, 0, 0}
	d := value.NewDict(value.String, value.Int)
	kv := value.NewStrings(value.String, keys)
	vv := value.NewVector(value.Int, 0, len(vals))
	vv.I32 = append(vv.I32, vals...)
	for i := range keys {
		d.Put(kv, i, vv, i)
	}
	return d, nil
}

// jobIDArg reads a jobId argument.
func jobIDArg(x value.Value) (string, error) {
	id, ok := funcs.StringArg(x)
	if !ok {
		return "", errors.New("The job id must be a string.")
	}
	return id, nil
}
