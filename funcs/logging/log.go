package logging

import (
	"context"
	"log/slog"
	"time"
)

// Log is the server log these functions write to; the engine is given one
// in its options. *serverlog.File is the server's log file.
type Log interface {
	// Write writes each line as a record at level when level is at least
	// the log's level.
	Write(level slog.Level, lines ...string) error
	// SetLevel makes level the least severe level written.
	SetLevel(level slog.Level)
	// CleanOutdated removes the log's archives older than retention.
	CleanOutdated(retention time.Duration) error
}

// Slog is the Log of an engine without a log file: writeLog's lines go to
// the logger l at their level, because a DolphinDB user who writes to the
// log expects the lines kept where the node's messages go, not dropped.
// An embedded engine's l is the embedding program's slog.Default(); the
// server's is its stderr logger. level filters the lines and setLogLevel
// changes it; pass the LevelVar of l's handler so that both agree, or nil
// for one of the Log's own at INFO, DolphinDB's default.
// cleanOutdateLogFiles has no files to remove.
func Slog(l *slog.Logger, level *slog.LevelVar) Log {
	if level == nil {
		level = new(slog.LevelVar)
		level.Set(slog.LevelInfo)
	}
	return &slogLog{l: l, level: level}
}

type slogLog struct {
	l     *slog.Logger
	level *slog.LevelVar
}

func (s *slogLog) Write(level slog.Level, lines ...string) error {
	if level < s.level.Level() {
		return nil
	}
	for _, line := range lines {
		s.l.Log(context.Background(), level, line)
	}
	return nil
}

func (s *slogLog) SetLevel(level slog.Level) { s.level.Set(level) }

func (s *slogLog) CleanOutdated(time.Duration) error { return nil }
