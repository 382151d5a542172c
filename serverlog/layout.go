package serverlog

import (
	"log/slog"
	"strconv"
	"strings"
	"time"
)

// recordTime is the layout of a record's time: local time to the
// microsecond (tutorials/node_startup_process_and_questions.md).
const recordTime = "2006-01-02 15:04:05.000000"

// appendRecord appends one record, "<time> <LEVEL> :text\n".
func appendRecord(buf []byte, t time.Time, level slog.Level, text string) []byte {
	buf = t.AppendFormat(buf, recordTime)
	buf = append(buf, " <"...)
	buf = append(buf, LevelName(level)...)
	buf = append(buf, "> :"...)
	buf = append(buf, text...)
	return append(buf, '\n')
}

// LevelName is DolphinDB's name of a level: DEBUG, INFO, WARNING or
// ERROR (slog's levels between them round down).
func LevelName(level slog.Level) string {
	switch {
	case level < slog.LevelInfo:
		return "DEBUG"
	case level < slog.LevelWarn:
		return "INFO"
	case level < slog.LevelError:
		return "WARNING"
	}
	return "ERROR"
}

// ParseLevel reads DolphinDB's level names (and slog's WARN),
// case-insensitively.
func ParseLevel(s string) (slog.Level, bool) {
	switch strings.ToUpper(s) {
	case "DEBUG":
		return slog.LevelDebug, true
	case "INFO":
		return slog.LevelInfo, true
	case "WARNING", "WARN":
		return slog.LevelWarn, true
	case "ERROR":
		return slog.LevelError, true
	}
	return 0, false
}

// appendAttr appends " key=value", quoting a value that has spaces,
// quotes or control characters; a group's attributes are prefixed by
// its name.
func appendAttr(buf []byte, prefix string, a slog.Attr) []byte {
	v := a.Value.Resolve()
	if v.Kind() == slog.KindGroup {
		if a.Key != "" {
			prefix += a.Key + "."
		}
		for _, g := range v.Group() {
			buf = appendAttr(buf, prefix, g)
		}
		return buf
	}
	if a.Equal(slog.Attr{}) {
		return buf
	}
	buf = append(buf, ' ')
	buf = append(buf, prefix...)
	buf = append(buf, a.Key...)
	buf = append(buf, '=')
	s := v.String()
	if s == "" || strings.ContainsFunc(s, func(r rune) bool { return r <= ' ' || r == '"' || r == '=' || r == 0x7f }) {
		return strconv.AppendQuote(buf, s)
	}
	return append(buf, s...)
}
