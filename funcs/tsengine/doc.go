// Package tsengine registers DolphinDB's time-window stream engines:
// createTimeSeriesEngine (alias createTimeSeriesAggregator),
// createDailyTimeSeriesEngine and createSessionWindowEngine. They cut
// the rows appended to them into windows (aligned by DolphinDB's rules,
// laid inside each day's sessions, or ended by a gap without rows), per
// key when keyed, and write each closed window's aggregate metrics to an
// output table or handler. It builds on funcs/streamengine, whose
// snapshots save and restore the engines' state (snapshot.go).
package tsengine
