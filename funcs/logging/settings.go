package logging

import (
	"math"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/serverlog"
	"github.com/porpoisedb/porpoise/value"
)

// setLogLevel(logLevel) sets the least severe level the log keeps; only
// administrators may call it (funcs/s/setLogLevel.md).
func setLogLevel(log Log, args []value.Value) (value.Value, error) {
	name, ok := funcs.StringArg(args[0])
	if !ok {
		return nil, ddberr.Errorf("The log level must be a string: DEBUG, INFO, WARNING or ERROR.")
	}
	level, ok := levelByName(name)
	if !ok {
		return nil, ddberr.Errorf("The log level must be one of DEBUG, INFO, WARNING and ERROR.")
	}
	log.SetLevel(level)
	return nil, nil
}

// cleanOutdateLogFiles([retentionTime=30]) removes the log's archives
// older than retentionTime days (funcs/c/cleanOutdateLogFiles.md). The
// page names no caller; as it deletes the server's files, only
// administrators may call it, like setLogLevel.
func cleanOutdateLogFiles(log Log, args []value.Value) (value.Value, error) {
	days := 30.0
	if a := funcs.Arg(args, 0); a != nil && !funcs.NullOrAbsent(a) {
		s, ok := funcs.ScalarArg(a)
		if !ok || !s.T.IsNumeric() || s.Null || s.Float64() < 0 || math.IsInf(s.Float64(), 0) || math.IsNaN(s.Float64()) {
			return nil, ddberr.Errorf("The argument [retentionTime] of cleanOutdateLogFiles must be a non-negative number of days.")
		}
		days = s.Float64()
	}
	return nil, log.CleanOutdated(serverlog.Days(days))
}
