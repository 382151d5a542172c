package logging

import (
	"log/slog"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// writeLog(X1, [X2, ...]) writes each string as an INFO line of the log;
// the session must have logged in (funcs/w/writeLog.md).
func writeLog(log Log, args []value.Value) (value.Value, error) {
	lines := make([]string, len(args))
	for i, a := range args {
		s, ok := funcs.StringArg(a)
		if !ok {
			return nil, ddberr.Errorf("The arguments of writeLog must be string scalars.")
		}
		lines[i] = s
	}
	return nil, log.Write(slog.LevelInfo, lines...)
}

// writeLogLevel(level, X1, [X2, ...]) writes each scalar's text as a line
// at level, DEBUG, INFO, WARNING or ERROR, or 0 to 3 for them; only
// administrators may call it (funcs/w/writeloglevel.md), and the line is
// written when level is at least the log's level.
func writeLogLevel(log Log, args []value.Value) (value.Value, error) {
	level, ok := levelArg(args[0])
	if !ok {
		return nil, ddberr.Errorf("The argument [level] of writeLogLevel must be DEBUG, INFO, WARNING, ERROR or an integer from 0 to 3.")
	}
	lines := make([]string, len(args)-1)
	for i, a := range args[1:] {
		s, ok := funcs.ScalarArg(a)
		if !ok || !loggable[s.T.Category()] {
			return nil, ddberr.Errorf("The argument [X] of writeLogLevel must be a logical, integral, temporal, floating, literal or decimal scalar.")
		}
		lines[i] = s.String()
	}
	return nil, log.Write(level, lines...)
}

// loggable are the categories of the values writeLogLevel writes.
var loggable = map[value.Category]bool{
	value.CatLogical: true, value.CatIntegral: true, value.CatTemporal: true,
	value.CatFloating: true, value.CatLiteral: true, value.CatDecimal: true,
}

// levels are DolphinDB's log levels, from lowest to highest, by their
// number 0 to 3.
var levels = []struct {
	name  string
	level slog.Level
}{{"DEBUG", slog.LevelDebug}, {"INFO", slog.LevelInfo}, {"WARNING", slog.LevelWarn}, {"ERROR", slog.LevelError}}

// levelByName is the level named name, exactly as DolphinDB spells it.
func levelByName(name string) (slog.Level, bool) {
	for _, l := range levels {
		if l.name == name {
			return l.level, true
		}
	}
	return 0, false
}

// levelArg reads a level given by name (the constants DEBUG ... ERROR
// are their names) or by number, 0 to 3 (rn/server/3_00_1.md).
func levelArg(v value.Value) (slog.Level, bool) {
	if name, ok := funcs.StringArg(v); ok {
		return levelByName(name)
	}
	s, ok := funcs.ScalarArg(v)
	if !ok || s.Null || s.T.Category() != value.CatIntegral || s.T == value.Char || s.I < 0 || s.I >= int64(len(levels)) {
		return 0, false
	}
	return levels[s.I].level, true
}
