// Package serverlog is DolphinDB's server log file (logFile): records in
// DolphinDB's line layout ("2023-10-13 09:52:30.007743 <INFO> :text"),
// filtered by the log level, archived under a timestamp-prefixed name
// when the file reaches maxLogSize, and archives older than the retention
// time removed (logRetentionTime, cleanOutdateLogFiles). It is the
// server's slog handler as well as the log writeLog writes to.
package serverlog
