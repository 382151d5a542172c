// Package logging declares DolphinDB's server-log functions: writeLog,
// writeLogLevel, setLogLevel and cleanOutdateLogFiles, over the Log the
// engine is given (package serverlog's log file when the server has
// one). It reaches the session through Host.
package logging
