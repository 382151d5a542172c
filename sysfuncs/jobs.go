package sysfuncs

import (
	"fmt"

	"github.com/porpoisedb/porpoise/audit"
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/jobs"
	"github.com/porpoisedb/porpoise/value"
)

func init() {
	funcs.Register(
		funcs.Spec{Name: "submitJobEx2", Params: []string{"jobId", "jobDesc", "priority", "parallelism", "onComplete", "jobDef", "args"}, Min: 6, Max: -1, Props: funcs.Session, Category: "system", Fn: funcs.WithHost(submitJobEx2)},
		funcs.Spec{Name: "setMaxJobParallelism", Params: []string{"userId", "maxParallelism"}, Min: 2, Max: 2, Props: funcs.Session | funcs.Command, Category: "system", Fn: userLimit("setMaxJobParallelism", "maxParallelism", "maxJobParallelism", 1, 64, errParallelism,
			(*jobs.Limits).SetMaxParallelism)},
		funcs.Spec{Name: "setMaxJobPriority", Params: []string{"userId", "maxPriority"}, Min: 2, Max: 2, Props: funcs.Session | funcs.Command, Category: "system", Fn: userLimit("setMaxJobPriority", "maxPriority", "maxJobPriority", 0, 8, errPriority,
			(*jobs.Limits).SetMaxPriority)},
	)
}

// The errors of a maximum out of its function's range
// (error_codes/s04006.md, s04008.md).
var (
	errParallelism = ddberr.Errorf("The job parallelism must be between 1 and 64.RefId: S04006")
	errPriority    = ddberr.Errorf("The job priority must be between 0 and 8.RefId: S04008")
)

// userLimit is setMaxJobParallelism and setMaxJobPriority (fn):
// userId's maximum, the argument param within [lo, hi] (else
// outOfRange), is set in the registry's limits. It is recorded in the ACL audit trail
// with the opDetail "<key>=n", funcs/g/getaclauditlog.md's form, which
// names the value alone.
func userLimit(fn, param, key string, lo, hi int64, outOfRange error, set func(l *jobs.Limits, user string, n int)) funcs.Impl {
	return funcs.WithHostCheck(Host.CheckRead, func(h Host, env funcs.Env, args []value.Value) (value.Value, error) {
		user, ok := funcs.StringArg(args[0])
		if !ok || user == "" {
			return nil, ddberr.Errorf("The argument [userId] of %s must be a user name.", fn)
		}
		n, err := funcs.IntArg(fn, param, args[1], 0)
		if err != nil {
			return nil, err
		}
		if n < lo || n > hi {
			return nil, outOfRange
		}
		if err := funcs.RequireAdminCan(env, fn); err != nil && user != env.SessionInfo().User {
			return nil, err
		}
		set(h.Jobs().Limits(), user, int(n))
		audit.RecordACL(env.Context(), fn, fmt.Sprintf("%s=%d", key, n))
		return nil, nil
	})
}

// submitJobEx2 submits jobDef(args...) as a batch job that, when it ends
// (with or without an error), calls onComplete(jobId, jobDesc, success,
// result) in the job; result is the error text on failure.
func submitJobEx2(h Host, _ funcs.Env, args []value.Value) (value.Value, error) {
	id, ok := funcs.StringArg(args[0])
	if !ok || id == "" {
		return nil, ddberr.Errorf("The job id must be a string.")
	}
	desc, _ := funcs.StringArg(args[1])
	req, err := jobs.CheckPriority("submitJobEx2", args[2], args[3])
	if err != nil {
		return nil, err
	}
	onComplete, jobDef := args[4], args[5]
	if !funcs.IsFunction(onComplete) {
		return nil, ddberr.Errorf("The argument [onComplete] of submitJobEx2 must be a function.")
	}
	if !funcs.IsFunction(jobDef) {
		return nil, ddberr.Errorf("The job definition must be a function.")
	}
	id, err = submitWithCallback(h, id, desc, jobDef, onComplete, args[6:], req)
	if err != nil {
		return nil, err
	}
	return value.NewString(id), nil
}

// submitWithCallback submits jobDef(args...) as a batch job at the
// priority and parallelism req asks; when cb is set, the job calls
// cb(jobId, jobDesc, success, result) when jobDef ends (result is the
// error text on failure).
func submitWithCallback(h Host, id, desc string, jobDef, cb value.Value, args []value.Value, req jobs.Request) (string, error) {
	if cb == nil {
		id, err := h.SubmitJob(id, desc, jobDef, args)
		if err == nil {
			h.Jobs().Describe(id, h.SessionInfo(), req)
		}
		return id, err
	}
	jobArgs := append([]value.Value(nil), args...)
	// The job learns its final id (submitJob makes it unique) before it
	// runs the callback.
	idReady := make(chan string, 1)
	wrapper := &funcs.Spec{Name: jobDef.String(), Min: 0, Max: 0, Fn: func(jenv funcs.Env, _ []value.Value) (value.Value, error) {
		res, jerr := jenv.Call(jobDef, jobArgs...)
		finalID := <-idReady
		ok := jerr == nil
		arg := res
		if !ok {
			arg = value.NewString(jerr.Error())
		} else if arg == nil {
			arg = value.NullScalar(value.Void)
		}
		if _, cerr := jenv.Call(cb, value.NewString(finalID), value.NewString(desc), value.NewBool(ok), arg); cerr != nil && jerr == nil {
			jerr = cerr
		}
		return res, jerr
	}}
	finalID, err := h.SubmitJob(id, desc, wrapper, nil)
	if err != nil {
		return "", err
	}
	h.Jobs().Describe(finalID, h.SessionInfo(), req)
	idReady <- finalID
	return finalID, nil
}
