// Package jobs tracks what a server is doing and answers the script
// functions that list, stop and measure it: the registry of open sessions
// (getSessionMemoryStat, closeSessions), the request each one runs
// (getConsoleJobs, getRunningQueries, cancelConsoleJob), the submitJob
// background jobs (submitJob, submitJobEx, getJobReturn, getRecentJobs,
// getJobStatus, getJobMessage, getJobStat, cancelJob), the users' job
// priority and parallelism maxima (Limits, which setMaxJobPriority and
// setMaxJobParallelism set), the node's figures (getPerf, and
// getClusterPerf, its one-node cluster table) and
// SQL Trace (setTraceMode, getTraces, viewTraceInfo).
//
// It owns the job goroutines (Registry.Close cancels them and waits) and
// the batch job directory, where a finished job's return object and
// messages are kept as DolphinDB keeps them (batchJobDir). It registers
// its functions into package funcs from init and reaches the engine only through Host
// (the calling interpreter), which submits a job's function in a
// background session and estimates the shared objects; it never imports
// the engine, and the interpreter's sessions enter it through
// Registry.NewSession and Add and report each request with Session.Begin,
// whose context carries the node's audit trails (package audit, opened
// by Registry.OpenAudit) and the request's user.
package jobs
