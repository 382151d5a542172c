package funcs

import (
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
)

// UnknownFunction is the error for a function-call request (the clients'
// run(name, args)) naming no function: DolphinDB's text, or, for a
// function DolphinDB documents that Porpoise doesn't implement, the reason.
func UnknownFunction(name string) error {
	if err := NotSupported(name); err != nil {
		return err
	}
	return ddberr.Errorf("Can't recognize function name %s", name)
}

// UnknownName is the error for a script naming no variable or function:
// DolphinDB's syntax error, or NotSupported's text for a documented
// function Porpoise lacks, so that a missing built-in no longer reads like
// a typo. A name qualified by a module (m::f) names a function no module
// the session sees defines (error_codes/S06004.md).
func UnknownName(name string, line int) error {
	if err := NotSupported(name); err != nil {
		return err
	}
	if strings.Contains(name, "::") {
		return ddberr.Errorf("The function or procedure '%s' is not defined. RefId: S06004", name)
	}
	return ddberr.Errorf("Syntax Error: [line #%d] Cannot recognize the token %s", line, name)
}

// ErrNoSQLContext is DolphinDB's error for metacode naming a column
// outside a query: eval of parseExpr("B+C") whose B and C no session
// variable holds (error_codes/S02011.md;
// tutorials/the_ten_most_overlooked_details_of_programming.md 9.1).
var ErrNoSQLContext = ddberr.Errorf("SQL context is not initialized yet. RefId:S02011")

// NotSupported returns the error for a DolphinDB function Porpoise doesn't
// implement (listed in unsupported_gen.go with the reason), or nil.
func NotSupported(name string) error {
	reason, ok := unsupported[name]
	if !ok {
		return nil
	}
	return ddberr.Errorf("The function [%s] is not supported by Porpoise: %s.", name, reason)
}

// UnsupportedReason classifies why a documented function is not
// implemented, from its catalog area, category and name. The generator of
// docs/functions.md and unsupported_gen.go uses it.
func UnsupportedReason(area, category, name string) string {
	has := func(subs ...string) bool {
		for _, s := range subs {
			if strings.Contains(name, s) {
				return true
			}
		}
		return false
	}
	switch {
	case has("ActivePartition"):
		return "it links an active database on another node to a historical one; Porpoise keeps every partition of a database in its one store"
	case name == "setSystem":
		return "it sets the rows and width DolphinDB's terminal displays; Porpoise has no terminal, its clients and web console format results themselves"
	case area == "streaming" || category == "streaming":
		return "streaming engines and subscriptions are not implemented"
	case has("Cluster", "DataNode", "Datanode", "Controller", "Replica", "pnode", "Recovery", "Node", "rpc", "remoteRun", "xdb"):
		return "needs a cluster; Porpoise runs as one node"
	case has("Plugin", "plugin"):
		return "DolphinDB plugins are native shared libraries built against DolphinDB's C++ runtime, which Porpoise (a Go program) cannot load"
	case has("backup", "Backup", "restore", "Restore", "migrate"):
		return "backup and restore are not implemented"
	case has("TSDB", "OLAP", "CacheEngine", "Tablet", "Chunk", "Redo", "redo", "PKEY", "IOTDB", "IPC", "Mvcc", "mvcc", "DistributedInMemory", "SymbolBase", "LevelFile", "imt"):
		return "storage-engine internals (cache engines, chunks, redo log, IPC/MVCC tables) have no Porpoise equivalent"
	case has("license", "License", "Fingerprint", "SupportBundle", "HeapSample", "Heap"):
		return "licensing and server diagnostics do not apply"
	case has("ScheduledJob", "scheduleJob", "submitJobEx"):
		return "scheduled and prioritised jobs are not implemented"
	}
	return "not implemented yet"
}
