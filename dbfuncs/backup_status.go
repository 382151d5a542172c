package dbfuncs

import (
	"sync"
	"time"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// Backup and restore record one task per table they work on, which
// getBackupStatus lists, as DolphinDB's does, for the engine's lifetime.

func init() {
	funcs.Register(funcs.Spec{Name: "getBackupStatus", Params: []string{"userName"}, Min: 0, Max: 1, Props: funcs.Session, Category: "db-table", Fn: funcs.WithHostCheck(Host.CheckRead, xgetBackupStatus)})
}

// jobsKey is the task log's key in the engine's state.
const jobsKey = "dbfuncs.backupJobs"

// jobLog is an engine's backup and restore tasks, oldest first.
type jobLog struct {
	mu   sync.Mutex
	jobs []*jobStatus
}

// jobStatus is one task; its fields are guarded by the log's mu.
type jobStatus struct {
	log                   *jobLog
	user, kind, db, table string
	start, end            time.Time
	totalParts, doneParts int
	completed             bool
}

func startJob(h Host, kind, db, table string) *jobStatus {
	log := h.EngineState(jobsKey, func() any { return &jobLog{} }).(*jobLog)
	j := &jobStatus{log: log, user: h.SessionInfo().User, kind: kind, db: db, table: table, start: time.Now()}
	log.mu.Lock()
	log.jobs = append(log.jobs, j)
	log.mu.Unlock()
	return j
}

func (j *jobStatus) total(n int) {
	j.log.mu.Lock()
	j.totalParts = n
	j.log.mu.Unlock()
}

func (j *jobStatus) done() {
	j.log.mu.Lock()
	j.doneParts++
	j.log.mu.Unlock()
}

// finish ends the task; a failed task stays incomplete.
func (j *jobStatus) finish(err error) {
	j.log.mu.Lock()
	j.end = time.Now()
	j.completed = err == nil
	j.log.mu.Unlock()
}

// xgetBackupStatus lists the tasks of one user: an administrator may name
// any user (all users when none is named), anyone else sees their own.
func xgetBackupStatus(h Host, _ funcs.Env, args []value.Value) (value.Value, error) {
	user := h.SessionInfo().User
	filter := user
	if h.SessionInfo().Admin {
		filter = ""
		if x := funcs.Arg(args, 0); x != nil {
			name, ok := funcs.StringArg(x)
			if !ok {
				return nil, errNotString("getBackupStatus", "userName")
			}
			filter = name
		}
	}
	log := h.EngineState(jobsKey, func() any { return &jobLog{} }).(*jobLog)
	log.mu.Lock()
	defer log.mu.Unlock()
	var users, kinds, dbs, tables []string
	var starts, ends []int64
	var totals, dones, completed []int32
	var pct []float64
	for i := len(log.jobs) - 1; i >= 0; i-- {
		j := log.jobs[i]
		if filter != "" && j.user != filter {
			continue
		}
		users = append(users, j.user)
		kinds = append(kinds, j.kind)
		dbs = append(dbs, j.db)
		tables = append(tables, j.table)
		starts = append(starts, j.start.UnixMilli())
		end := j.end
		if end.IsZero() {
			end = time.Now()
		}
		ends = append(ends, end.UnixMilli())
		totals = append(totals, int32(j.totalParts))
		dones = append(dones, int32(j.doneParts))
		p := 100.0
		if j.totalParts > 0 {
			p = float64(j.doneParts) * 100 / float64(j.totalParts)
		}
		pct = append(pct, p)
		c := int32(0)
		if j.completed {
			c = 1
		}
		completed = append(completed, c)
	}
	return value.NewTable(
		[]string{"userName", "type", "startTime", "dbName", "tableName", "totalPartitions", "completedPartitions", "percentComplete", "endTime", "completed"},
		[]*value.Vector{
			value.NewStrings(value.String, users), value.NewStrings(value.String, kinds), timestamps(starts),
			value.NewStrings(value.String, dbs), value.NewStrings(value.String, tables), value.NewInts(totals),
			value.NewInts(dones), value.NewDoubles(pct), timestamps(ends), value.NewInts(completed),
		}), nil
}

// timestamps is a TIMESTAMP vector of milliseconds since the epoch.
func timestamps(ms []int64) *value.Vector {
	v := value.NewLongs(ms)
	v.T = value.Timestamp
	return v
}
