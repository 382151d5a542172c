// Package sysfuncs implements DolphinDB's system functions that are about
// the server rather than data: scheduled jobs (scheduleJob, persisted and
// run on schedule), submitJobEx2, job limits, the settings a script
// changes at run time (setDynamicConfig, which calls each setting's
// registered setter), licence information, heap
// sampling, plugins, modules (loadModule, loadModuleFromScript,
// saveModule, clearCachedModules over package modules), pipeline, refCount
// and console settings.
//
// It registers into package funcs from init and reaches the engine only
// through Host and ModuleHost (the calling session's interpreter) and
// Runner (the engine itself, for jobs that run with no client session).
package sysfuncs
