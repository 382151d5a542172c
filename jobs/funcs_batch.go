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
	funcs.Register(
		funcs.Spec{Name: "submitJob", Params: []string{"jobId", "jobDesc", "jobDef", "args"}, Min: 3, Max: -1, Props: funcs.Session, Category: "system", Fn: submitJob},
		funcs.Spec{Name: "submitJobEx", Params: []string{"jobId", "jobDesc", "priority", "parallelism", "jobDef", "args"}, Min: 5, Max: -1, Props: funcs.Session, Category: "system", Fn: submitJobEx},
		funcs.Spec{Name: "getJobReturn", Params: []string{"jobId", "blocking"}, Min: 1, Max: 2, Props: funcs.Session, Category: "system", Fn: funcs.WithHost(getJobReturn)},
		funcs.Spec{Name: "getRecentJobs", Params: []string{"n"}, Min: 0, Max: 1, Props: funcs.Session, Category: "system", Fn: funcs.WithHost(getRecentJobs)},
		funcs.Spec{Name: "getJobStatus", Params: []string{"jobId"}, Min: 1, Max: 1, Props: funcs.Session, Category: "system", Fn: funcs.WithHost(getJobStatus)},
		funcs.Spec{Name: "getJobMessage", Params: []string{"jobId"}, Min: 1, Max: 1, Props: funcs.Session, Category: "system", Fn: funcs.WithHost(getJobMessage)},
		funcs.Spec{Name: "getJobStat", Min: 0, Max: 0, Props: funcs.Session, Category: "system", Fn: funcs.WithHost(getJobStat)},
		funcs.Spec{Name: "cancelJob", Params: []string{"jobId"}, Min: 1, Max: 1, Props: funcs.Session | funcs.Command, Category: "system", Fn: funcs.WithHost(cancelJob)},
	)
}

var errJobID = ddberr.Errorf("The job id must be a string.")

func submitJob(env funcs.Env, args []value.Value) (value.Value, error) {
	return submit(env, args[0], args[1], args[2], args[3:], consoleDefaults)
}

func submitJobEx(env funcs.Env, args []value.Value) (value.Value, error) {
	// Jobs start at once on their own goroutine; priority and parallelism
	// are validated and listed as DolphinDB does but there is no queue to
	// order.
	if _, ok := funcs.StringArg(args[0]); !ok {
		return nil, errJobID
	}
	req, err := CheckPriority("submitJobEx", args[2], args[3])
	if err != nil {
		return nil, err
	}
	return submit(env, args[0], args[1], args[4], args[5:], req)
}

// submit submits fn(args...) as the job id described by desc, at the
// priority and parallelism req asks, and returns the id it got.
func submit(env funcs.Env, id, desc, fn value.Value, args []value.Value, req Request) (value.Value, error) {
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
	h.Jobs().Describe(jobID, env.SessionInfo(), req)
	return value.NewString(jobID), nil
}

// CheckPriority reads the priority and parallelism arguments of fn
// (submitJobEx and its kin) as DolphinDB does: a priority from 0 to 9
// (default 4), a parallelism from 1 to 64 (default 1; error_codes/s04006.md).
func CheckPriority(fn string, priority, parallelism value.Value) (Request, error) {
	prio, err := funcs.IntArg(fn, "priority", priority, 4)
	if err != nil {
		return Request{}, err
	}
	if prio < 0 || prio > 9 {
		return Request{}, ddberr.Errorf("The priority of a job must be between 0 and 9.")
	}
	par, err := funcs.IntArg(fn, "parallelism", parallelism, 1)
	if err != nil {
		return Request{}, err
	}
	if par < 1 || par > 64 {
		return Request{}, ddberr.Errorf("The job parallelism must be between 1 and 64.RefId: S04006")
	}
	return Request{Priority: int(prio), Parallelism: int(par)}, nil
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

// getRecentJobs lists the last n batch jobs (all without n), oldest
// first.
func getRecentJobs(h Host, env funcs.Env, args []value.Value) (value.Value, error) {
	n := int64(-1)
	if len(args) > 0 {
		var err error
		if n, err = funcs.PositiveIntArg("getRecentJobs", "n", args[0], 0); err != nil {
			return nil, err
		}
	}
	r := h.Jobs()
	r.mu.Lock()
	defer r.mu.Unlock()
	list := r.order
	if n >= 0 {
		list = list[max(len(list)-int(n), 0):]
	}
	return jobTable(env, list), nil
}

// getJobStatus is getRecentJobs' row of the job jobId.
func getJobStatus(h Host, env funcs.Env, args []value.Value) (value.Value, error) {
	r, j, err := jobArg(h, args[0])
	if err != nil {
		return nil, err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return jobTable(env, []*job{j}), nil
}

// jobTable is the rows of list as getRecentJobs shows them; the
// registry's mu is held.
func jobTable(env funcs.Env, list []*job) value.Value {
	n := len(list)
	cols := funcs.NewColumns(n, value.String, value.String, value.String, value.String, value.String, value.Int, value.Int,
		value.String, value.Int, value.Timestamp, value.Timestamp, value.Timestamp, value.String)
	node, users, ids, roots, descs, prio, par, ips, ports, recv, starts, ends, errs :=
		cols[0], cols[1], cols[2], cols[3], cols[4], cols[5], cols[6], cols[7], cols[8], cols[9], cols[10], cols[11], cols[12]
	alias := funcs.SiteOf(env).Alias
	for _, j := range list {
		node.Str = append(node.Str, alias)
		users.Str = append(users.Str, j.user)
		ids.Str = append(ids.Str, j.id)
		roots.Str = append(roots.Str, j.rootID)
		descs.Str = append(descs.Str, j.desc)
		prio.I32 = append(prio.I32, int32(j.priority))
		par.I32 = append(par.I32, int32(j.parallelism))
		ip, port := clientCells(j.clientIP, j.clientPort)
		ips.Str = append(ips.Str, ip)
		ports.I32 = append(ports.I32, port)
		// a job starts as it is received: there is no queue
		recv.I64 = append(recv.I64, j.start.UnixMilli())
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
	return value.NewTable([]string{"node", "userID", "jobId", "rootJobId", "jobDesc", "priority", "parallelism",
		"clientIp", "clientPort", "receivedTime", "startTime", "endTime", "errorMsg"}, cols)
}
