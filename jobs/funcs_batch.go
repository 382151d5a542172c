package jobs

import (
	"errors"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// The batch-job functions: submitting, inspecting and cancelling
// submitJob's background jobs.
func init() {
	recent := funcs.Spec{Name: "getRecentJobs", Params: []string{"n"}, Min: 0, Max: 1, Props: funcs.Session, Category: "system", Fn: funcs.WithHost(getRecentJobs)}
	status := recent
	status.Name = "getJobStatus"
	funcs.Register(
		funcs.Spec{Name: "submitJob", Params: []string{"jobId", "jobDesc", "jobDef", "args"}, Min: 3, Max: -1, Props: funcs.Session, Category: "system", Fn: submitJob},
		funcs.Spec{Name: "submitJobEx", Params: []string{"jobId", "jobDesc", "priority", "parallelism", "jobDef", "args"}, Min: 5, Max: -1, Props: funcs.Session, Category: "system", Fn: submitJobEx},
		funcs.Spec{Name: "getJobReturn", Params: []string{"jobId", "blocking"}, Min: 1, Max: 2, Props: funcs.Session, Category: "system", Fn: funcs.WithHost(getJobReturn)},
		recent, status,
		funcs.Spec{Name: "getJobMessage", Params: []string{"jobId"}, Min: 1, Max: 1, Props: funcs.Session, Category: "system", Fn: funcs.WithHost(getJobMessage)},
		funcs.Spec{Name: "getJobStat", Min: 0, Max: 0, Props: funcs.Session, Category: "system", Fn: funcs.WithHost(getJobStat)},
		funcs.Spec{Name: "cancelJob", Params: []string{"jobId"}, Min: 1, Max: 1, Props: funcs.Session | funcs.Command, Category: "system", Fn: funcs.WithHost(cancelJob)},
	)
}

var errJobID = ddberr.Errorf("The job id must be a string.")

func submitJob(env funcs.Env, args []value.Value) (value.Value, error) {
	return submit(env, args[0], args[1], args[2], args[3:])
}

func submitJobEx(env funcs.Env, args []value.Value) (value.Value, error) {
	// Jobs start at once on their own goroutine; priority and parallelism
	// are validated as DolphinDB does but there is no queue to order.
	if _, ok := funcs.StringArg(args[0]); !ok {
		return nil, errJobID
	}
	if err := CheckPriority("submitJobEx", args[2], args[3]); err != nil {
		return nil, err
	}
	return submit(env, args[0], args[1], args[4], args[5:])
}

// submit submits fn(args...) as the job id described by desc and
// returns the id it got.
func submit(env funcs.Env, id, desc, fn value.Value, args []value.Value) (value.Value, error) {
	h, err := host(env)
	if err != nil {
		return nil, err
	}
	jobID, ok := funcs.StringArg(id)
	if !ok {
		return nil, errJobID
	}
	text, _ := funcs.StringArg(desc)
	jobID, err = h.SubmitJob(jobID, text, fn, args)
	if err != nil {
		return nil, err
	}
	return value.NewString(jobID), nil
}

// CheckPriority validates the priority and parallelism arguments of fn
// (submitJobEx and its kin) as DolphinDB does: a priority from 0 to 9
// (default 4), a parallelism from 1 to 64 (default 1; error_codes/s04006.md).
func CheckPriority(fn string, priority, parallelism value.Value) error {
	prio, err := funcs.IntArg(fn, "priority", priority, 4)
	if err != nil {
		return err
	}
	if prio < 0 || prio > 9 {
		return ddberr.Errorf("The priority of a job must be between 0 and 9.")
	}
	par, err := funcs.IntArg(fn, "parallelism", parallelism, 1)
	if err != nil {
		return err
	}
	if par < 1 || par > 64 {
		return ddberr.Errorf("The job parallelism must be between 1 and 64.RefId: S04006")
	}
	return nil
}

// jobArg is the job a function's jobId argument names.
func jobArg(h Host, x value.Value) (*Registry, *job, error) {
	id, ok := funcs.StringArg(x)
	if !ok {
		return nil, nil, errJobID
	}
	r := h.Jobs()
	j, err := r.job(id)
	return r, j, err
}

func getJobReturn(h Host, env funcs.Env, args []value.Value) (value.Value, error) {
	r, j, err := jobArg(h, args[0])
	if err != nil {
		return nil, err
	}
	if len(args) > 1 && funcs.OptBool(args[1], false) {
		select {
		case <-j.done:
		case <-env.Context().Done():
			return nil, env.Context().Err()
		}
	}
	select {
	case <-j.done:
	default:
		return nil, ddberr.Errorf("The job [%s] is not complete yet.", j.id)
	}
	if j.err != nil {
		return nil, j.err
	}
	res, err := r.result(j)
	if err != nil {
		return nil, err
	}
	if res == nil {
		return value.NullScalar(value.Void), nil
	}
	return res, nil
}

func getJobMessage(h Host, _ funcs.Env, args []value.Value) (value.Value, error) {
	r, j, err := jobArg(h, args[0])
	if err != nil {
		return nil, err
	}
	text, err := r.messages(j)
	if err != nil {
		return nil, err
	}
	return value.NewString(text), nil
}

// getJobStat counts the running batch jobs. Jobs start as soon as they
// are submitted and run no remote or sub-tasks, so the queue and task
// counts are truly zero. The key "runnningJobs" is spelled as DolphinDB
// prints it (the manual's example output).
func getJobStat(h Host, _ funcs.Env, _ []value.Value) (value.Value, error) {
	running := h.Jobs().runningBatchJobs()
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

func cancelJob(h Host, env funcs.Env, args []value.Value) (value.Value, error) {
	ids, ok := funcs.StringsArg(args[0])
	if !ok {
		return nil, errors.New("jobId must be a string scalar or vector.")
	}
	r := h.Jobs()
	r.mu.Lock()
	var cancel []*job
	for _, id := range ids {
		// unknown ids are ignored since 2.00.7 (DolphinDB logs them)
		j := r.byID[id]
		if j == nil {
			continue
		}
		if !mayManage(env, j.user) { // since 2.00.11 (cancelJob.md)
			r.mu.Unlock()
			return nil, ddberr.Errorf("Access denied. You do not have the sufficient permissions to operate on jobs submitted by other users.RefId: S00009")
		}
		cancel = append(cancel, j)
	}
	r.mu.Unlock()
	for _, j := range cancel {
		j.cancel(ErrCancelled)
	}
	return nil, nil
}

func getRecentJobs(h Host, _ funcs.Env, _ []value.Value) (value.Value, error) {
	r := h.Jobs()
	r.mu.Lock()
	defer r.mu.Unlock()
	n := len(r.order)
	cols := funcs.NewColumns(n, value.String, value.String, value.String, value.Timestamp, value.Timestamp, value.String)
	ids, descs, users, starts, ends, errs := cols[0], cols[1], cols[2], cols[3], cols[4], cols[5]
	for _, j := range r.order {
		ids.Str = append(ids.Str, j.id)
		descs.Str = append(descs.Str, j.desc)
		users.Str = append(users.Str, j.user)
		starts.I64 = append(starts.I64, j.start.UnixMilli())
		select {
		case <-j.done:
			ends.I64 = append(ends.I64, j.end.UnixMilli())
			if j.err != nil {
				errs.Str = append(errs.Str, j.err.Error())
			} else {
				errs.Str = append(errs.Str, "")
			}
		default:
			ends.I64 = append(ends.I64, value.NullInt64)
			errs.Str = append(errs.Str, "")
		}
	}
	return value.NewTable([]string{"userID", "jobId", "jobDesc", "startTime", "endTime", "errorMsg"},
		[]*value.Vector{users, ids, descs, starts, ends, errs}), nil
}
