// Package restrack is DolphinDB's user-level resource tracking on one
// node (tutorials/user_level_resource_tracking.md): while tracking is on
// (resourceSamplingInterval > 0, switched by enableResourceTracking and
// disableResourceTracking) it samples every interval what each user holds
// — the requests running for it and the memory of its sessions' variables
// (getUserHardwareUsage) — and records each SQL query's reads of DFS
// tables (getUserTableAccessRecords), keeping both bounded, as CSV files
// under <data-dir>/resource as DolphinDB does.
//
// A request's context carries the node's Tracker and the request's user
// and root query id (NewContext, which package jobs calls as each request
// begins), so package query records an SQL query's reads of a table from
// the context alone: QueryTable gives the query's sql record, and the
// TableQuery it returns the rowCount and memUsage of each read.
package restrack
