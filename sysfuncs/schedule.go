package sysfuncs

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/jobs"
	"github.com/porpoisedb/porpoise/ticker"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/kernel"
)

// SchedulerKey is the engine-state key the engine keeps its scheduler
// under (see Host.EngineState).
const SchedulerKey = "sysfuncs.scheduler"

// scheduleObject is the name the scheduled jobs are saved under.
const scheduleObject = "scheduledJobs"

func init() {
	funcs.Register(
		funcs.Spec{Name: "scheduleJob", Params: []string{"jobId", "jobDesc", "jobFunc", "scheduleTime", "startDate", "endDate", "frequency", "days", "onComplete", "priority", "parallelism"}, Min: 7, Max: 11, Props: funcs.Session, Category: "system", Fn: funcs.WithHostCheck(Host.CheckRead, scheduleJob)},
		funcs.Spec{Name: "getScheduledJobs", Params: []string{"jobIdPattern"}, Min: 0, Max: 1, Props: funcs.Session, Category: "system", Fn: funcs.WithHost(getScheduledJobs)},
		funcs.Spec{Name: "deleteScheduledJob", Params: []string{"jobId"}, Min: 1, Max: 1, Props: funcs.Session | funcs.Command, Category: "system", Fn: funcs.WithHost(deleteScheduledJob)},
	)
}

// ScheduledJob is one scheduleJob entry as it is saved.
type ScheduledJob struct {
	User, ID, Desc string
	// Expr evaluates to the job's function once Defs (the definitions of
	// the session that scheduled it) have run; OnComplete, when set, to
	// the callback.
	Expr       string
	Defs       []string
	OnComplete string `json:",omitempty"`
	// Times are minutes after midnight; Start and End days since
	// 1970.01.01; Frequency D, W or M with Days the weekdays (0 Sunday)
	// or days of the month.
	Times       []int32
	Start, End  int64
	Frequency   string
	Days        []int32 `json:",omitempty"`
	Priority    int
	Parallelism int

	next time.Time // next run, zero when none is left
}

// Scheduler runs the scheduled jobs of one engine: a goroutine checks the
// engine's clock every second and submits the jobs that are due.
type Scheduler struct {
	runner Runner
	clock  func() time.Time

	mu   sync.Mutex
	jobs []*ScheduledJob
	// LastError is the last failure to start a due job (its function
	// could not be rebuilt), kept for tests and diagnostics.
	lastErr error

	sweeps sweepClock

	timer ticker.Timer
}

// StartScheduler loads the saved jobs and starts running them.
func StartScheduler(r Runner, clock func() time.Time) (*Scheduler, error) {
	s := &Scheduler{runner: r, clock: clock}
	blob, ok, err := r.Store().GetSystemObject(scheduleObject)
	if err != nil {
		return nil, err
	}
	if ok {
		if err := json.Unmarshal(blob, &s.jobs); err != nil {
			return nil, fmt.Errorf("scheduled jobs: %w", err)
		}
	}
	now := clock()
	for _, j := range s.jobs {
		j.next = j.nextAfter(now)
	}
	s.timer.Start(time.Second, func(time.Time) {
		now := s.clock()
		s.tick(now)
		s.sweeps.due(s.runner, now)
	})
	return s, nil
}

// Close stops the scheduler; jobs already submitted run on.
func (s *Scheduler) Close() { s.timer.Stop() }

// tick submits every job whose next run is due at now.
func (s *Scheduler) tick(now time.Time) {
	s.mu.Lock()
	var due []*ScheduledJob
	for _, j := range s.jobs {
		if !j.next.IsZero() && !now.Before(j.next) {
			due = append(due, j)
			j.next = j.nextAfter(now)
		}
	}
	s.mu.Unlock()
	for _, j := range due {
		if err := s.run(j); err != nil {
			s.mu.Lock()
			s.lastErr = fmt.Errorf("scheduled job %s: %w", j.ID, err)
			s.mu.Unlock()
		}
	}
}

// run rebuilds the job's function in a session of its user and submits
// it as a batch job named after the scheduled job.
func (s *Scheduler) run(j *ScheduledJob) error {
	h, err := s.runner.HostFor(j.User, j.Defs)
	if err != nil {
		return err
	}
	fn, err := h.RunScript(j.Expr)
	if err != nil {
		return err
	}
	var cb value.Value
	if j.OnComplete != "" {
		if cb, err = h.RunScript(j.OnComplete); err != nil {
			return err
		}
	}
	_, err = submitWithCallback(h, j.ID, j.Desc, fn, cb, nil, jobs.Request{Priority: j.Priority, Parallelism: j.Parallelism})
	return err
}

// LastError is the last failure to start a due job, or nil.
func (s *Scheduler) LastError() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.lastErr
}

// save writes the jobs to the store; the caller holds s.mu.
func (s *Scheduler) save() error {
	blob, err := json.Marshal(s.jobs)
	if err != nil {
		return err
	}
	return s.runner.Store().PutSystemObject(scheduleObject, blob)
}

// nextAfter is the first run of j strictly after t, in t's location, or
// the zero time when its schedule has ended.
func (j *ScheduledJob) nextAfter(t time.Time) time.Time {
	loc := t.Location()
	day := value.DaysFromCivil(t.Year(), int(t.Month()), t.Day())
	times := slices.Clone(j.Times)
	slices.Sort(times)
	for d := max(day, j.Start); d <= j.End; d++ {
		y, m, dd := civil(d)
		date := time.Date(y, time.Month(m), dd, 0, 0, 0, 0, loc)
		if !j.runsOn(date) {
			continue
		}
		for _, min := range times {
			at := date.Add(time.Duration(min) * time.Minute)
			if at.After(t) {
				return at
			}
		}
	}
	return time.Time{}
}

func (j *ScheduledJob) runsOn(date time.Time) bool {
	switch j.Frequency {
	case "W":
		return slices.Contains(j.Days, int32(date.Weekday()))
	case "M":
		return slices.Contains(j.Days, int32(date.Day()))
	}
	return true
}

// civil is the calendar date of a day count since 1970.01.01.
func civil(days int64) (int, int, int) {
	t := time.Unix(days*86400, 0).UTC()
	return t.Year(), int(t.Month()), t.Day()
}

func schedulerOf(h Host) (*Scheduler, error) {
	s, ok := h.EngineState(SchedulerKey, func() any { return (*Scheduler)(nil) }).(*Scheduler)
	if !ok || s == nil {
		return nil, ddberr.Errorf("The job scheduler is not running.")
	}
	return s, nil
}

func scheduleJob(h Host, _ funcs.Env, args []value.Value) (value.Value, error) {
	sch, err := schedulerOf(h)
	if err != nil {
		return nil, err
	}
	j, err := parseSchedule(h, args)
	if err != nil {
		return nil, err
	}
	sch.mu.Lock()
	defer sch.mu.Unlock()
	j.ID = jobs.UniqueID(j.ID, h.Now(), func(x string) bool {
		return slices.ContainsFunc(sch.jobs, func(o *ScheduledJob) bool { return o.ID == x })
	})
	j.next = j.nextAfter(sch.clock())
	sch.jobs = append(sch.jobs, j)
	if err := sch.save(); err != nil {
		sch.jobs = sch.jobs[:len(sch.jobs)-1]
		return nil, err
	}
	return value.NewString(j.ID), nil
}

func parseSchedule(h Host, args []value.Value) (*ScheduledJob, error) {
	id, ok := funcs.StringArg(args[0])
	if !ok || id == "" {
		return nil, ddberr.Errorf("The argument [jobId] of scheduleJob must be a non-empty string.")
	}
	desc, ok := funcs.StringArg(args[1])
	if !ok {
		return nil, ddberr.Errorf("The argument [jobDesc] of scheduleJob must be a string.")
	}
	if !funcs.IsFunction(args[2]) {
		return nil, ddberr.Errorf("The argument [jobFunc] of scheduleJob must be a function.")
	}
	expr, defs, err := h.JobSource(args[2])
	if err != nil {
		return nil, err
	}
	j := &ScheduledJob{User: h.SessionInfo().User, ID: id, Desc: desc, Expr: expr, Defs: defs}
	switch x := args[3].(type) {
	case *value.Scalar:
		if x.T == value.Minute && !x.Null {
			j.Times = []int32{int32(x.I)}
		}
	case *value.Vector:
		if x.T == value.Minute && !slices.Contains(x.I32, value.NullInt32) {
			j.Times = slices.Clone(x.I32)
		}
	}
	if len(j.Times) == 0 {
		return nil, ddberr.Errorf("The argument [scheduleTime] of scheduleJob must be a MINUTE scalar or vector.")
	}
	start, ok1 := dateArg(args[4])
	end, ok2 := dateArg(args[5])
	if !ok1 || !ok2 {
		return nil, ddberr.Errorf("The arguments [startDate] and [endDate] of scheduleJob must be dates.")
	}
	if end < start {
		return nil, ddberr.Errorf("The end date of a scheduled job must not be earlier than its start date.")
	}
	j.Start, j.End = start, end
	freq, ok := frequencyArg(args[6])
	if !ok {
		return nil, ddberr.Errorf("The argument [frequency] of scheduleJob must be 'D', 'W' or 'M'.")
	}
	j.Frequency = freq
	if d := funcs.Arg(args, 7); d != nil && !isNullValue(d) {
		days, ok := intsArg(d)
		if !ok {
			return nil, ddberr.Errorf("The argument [days] of scheduleJob must be an integer scalar or vector.")
		}
		j.Days = days
	}
	switch j.Frequency {
	case "W":
		if len(j.Days) == 0 || slices.ContainsFunc(j.Days, func(d int32) bool { return d < 0 || d > 6 }) {
			return nil, ddberr.Errorf("The argument [days] of a weekly scheduled job must be days of the week, 0 (Sunday) to 6.")
		}
	case "M":
		if len(j.Days) == 0 || slices.ContainsFunc(j.Days, func(d int32) bool { return d < 1 || d > 31 }) {
			return nil, ddberr.Errorf("The argument [days] of a monthly scheduled job must be days of the month, 1 to 31.")
		}
	}
	if cb := funcs.Arg(args, 8); cb != nil && !isNullValue(cb) {
		if !funcs.IsFunction(cb) {
			return nil, ddberr.Errorf("The argument [onComplete] of scheduleJob must be a function.")
		}
		cbExpr, _, err := h.JobSource(cb)
		if err != nil {
			return nil, err
		}
		j.OnComplete = cbExpr
	}
	r := funcs.ReadArgs("scheduleJob", args)
	prio := r.Int("priority", funcs.Arg(args, 9), 4)
	par := r.Int("parallelism", funcs.Arg(args, 10), 2)
	if err := r.Err(); err != nil {
		return nil, err
	}
	if prio < 0 || prio > 8 || par < 0 || par > 8 {
		return nil, ddberr.Errorf("The priority and parallelism of a scheduled job must be integers from 0 to 8.")
	}
	j.Priority, j.Parallelism = h.Jobs().Limits().Cap(j.User, h.SessionInfo().Admin, int(prio), int(par))
	return j, nil
}

// frequencyArg reads scheduleJob's frequency: the CHAR 'D', 'W' or 'M',
// or the one-letter string tutorials/scheduledJob.md passes ("D").
func frequencyArg(x value.Value) (string, bool) {
	f, ok := funcs.ScalarArg(x)
	if !ok || f.Null {
		return "", false
	}
	var c string
	switch {
	case f.T == value.Char:
		c = string(rune(f.I))
	case f.T == value.String || f.T == value.Symbol:
		c, _ = funcs.StringArg(f)
	}
	return c, len(c) == 1 && strings.Contains("DWM", c)
}

func dateArg(x value.Value) (int64, bool) {
	s, ok := funcs.ScalarArg(x)
	if !ok || s.T != value.Date || s.Null {
		return 0, false
	}
	return s.I, true
}

func intsArg(x value.Value) ([]int32, bool) {
	switch v := x.(type) {
	case *value.Scalar:
		if v.T.Category() == value.CatIntegral && !v.Null {
			return []int32{int32(v.I)}, true
		}
	case *value.Vector:
		if v.T == value.Int || v.T == value.Short || v.T == value.Char || v.T == value.Long {
			out := make([]int32, v.Len())
			for i := range out {
				s := v.At(i)
				if s.Null {
					return nil, false
				}
				out[i] = int32(s.I)
			}
			return out, true
		}
	}
	return nil, false
}

func isNullValue(x value.Value) bool {
	s, ok := x.(*value.Scalar)
	return ok && s.Null && s.T == value.Void
}

// getScheduledJobs lists the scheduled jobs (an administrator's call sees
// every user's, another user's only their own) whose id matches the
// pattern (% any run, ? one character).
func getScheduledJobs(h Host, _ funcs.Env, args []value.Value) (value.Value, error) {
	pat := ""
	if p := funcs.Arg(args, 0); p != nil {
		var ok bool
		if pat, ok = funcs.StringArg(p); !ok {
			return nil, ddberr.Errorf("The argument [jobIdPattern] of getScheduledJobs must be a string.")
		}
	}
	return withScheduler(h, func(sch *Scheduler, sees func(*ScheduledJob) bool) (value.Value, error) {
		n := len(sch.jobs)
		cols := funcs.NewColumns(n, value.String, value.String, value.String, value.Date, value.Date, value.Char, value.String, value.String)
		users, ids, descs, starts, ends, freq, times, days := cols[0], cols[1], cols[2], cols[3], cols[4], cols[5], cols[6], cols[7]
		for _, j := range sch.jobs {
			if !sees(j) || pat != "" && !kernel.LikeMatch(j.ID, pat) {
				continue
			}
			users.Str = append(users.Str, j.User)
			ids.Str = append(ids.Str, j.ID)
			descs.Str = append(descs.Str, j.Desc)
			starts.I32 = append(starts.I32, int32(j.Start))
			ends.I32 = append(ends.I32, int32(j.End))
			freq.I8 = append(freq.I8, int8(j.Frequency[0]))
			ts := make([]string, len(j.Times))
			for i, m := range j.Times {
				ts[i] = fmt.Sprintf("%02d:%02dm", m/60, m%60)
			}
			times.Str = append(times.Str, strings.Join(ts, " "))
			ds := make([]string, len(j.Days))
			for i, d := range j.Days {
				ds[i] = fmt.Sprint(d)
			}
			days.Str = append(days.Str, strings.Join(ds, " "))
		}
		return value.NewTable([]string{"userId", "jobId", "jobDesc", "startDate", "endDate", "frequency", "scheduleTime", "days"}, cols), nil
	})
}

// withScheduler runs f on h's scheduler under its lock; sees tells the
// jobs the session's user may see and manage (an administrator, all).
func withScheduler(h Host, f func(sch *Scheduler, sees func(*ScheduledJob) bool) (value.Value, error)) (value.Value, error) {
	sch, err := schedulerOf(h)
	if err != nil {
		return nil, err
	}
	info := h.SessionInfo()
	sch.mu.Lock()
	defer sch.mu.Unlock()
	return f(sch, func(j *ScheduledJob) bool { return info.Admin || j.User == info.User })
}

func deleteScheduledJob(h Host, _ funcs.Env, args []value.Value) (value.Value, error) {
	id, ok := funcs.StringArg(args[0])
	if !ok {
		return nil, ddberr.Errorf("The argument [jobId] of deleteScheduledJob must be a string.")
	}
	return withScheduler(h, func(sch *Scheduler, sees func(*ScheduledJob) bool) (value.Value, error) {
		i := slices.IndexFunc(sch.jobs, func(j *ScheduledJob) bool { return j.ID == id && sees(j) })
		if i < 0 {
			return nil, ddberr.Errorf("The scheduled job [%s] does not exist.", id)
		}
		old := sch.jobs
		sch.jobs = slices.Delete(slices.Clone(old), i, i+1)
		if err := sch.save(); err != nil {
			sch.jobs = old
			return nil, err
		}
		return nil, nil
	})
}
