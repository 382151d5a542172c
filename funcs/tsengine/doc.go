// Package tsengine registers DolphinDB's time-series stream engines,
// createTimeSeriesEngine (alias createTimeSeriesAggregator) and
// createDailyTimeSeriesEngine: engines that cut the rows appended to them
// into time windows (aligned by DolphinDB's rules, or laid inside each
// day's sessions), per key when keyed, and write each closed window's
// aggregate metrics to an output table. It builds on funcs/streamengine.
package tsengine
