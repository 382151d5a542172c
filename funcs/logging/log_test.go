package logging

import (
	"bytes"
	"log/slog"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestSlog: without a log file the lines go to the logger at their level,
// filtered by the level setLogLevel sets, which the handler shares.
func TestSlog(t *testing.T) {
	for _, tc := range []struct {
		name  string
		level *slog.LevelVar
		set   slog.Level
		want  string
	}{
		{"own level INFO", nil, slog.LevelInfo, "level=INFO msg=a\nlevel=INFO msg=b\nlevel=ERROR msg=e\n"},
		{"raised to ERROR", nil, slog.LevelError, "level=ERROR msg=e\n"},
		{"shared, lowered to DEBUG", new(slog.LevelVar), slog.LevelDebug, "level=DEBUG msg=d\nlevel=INFO msg=a\nlevel=INFO msg=b\nlevel=ERROR msg=e\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			opts := &slog.HandlerOptions{ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
				if a.Key == slog.TimeKey {
					return slog.Attr{}
				}
				return a
			}}
			if tc.level != nil {
				opts.Level = tc.level
			}
			l := Slog(slog.New(slog.NewTextHandler(&buf, opts)), tc.level)
			l.SetLevel(tc.set)
			require.NoError(t, l.Write(slog.LevelDebug, "d"))
			require.NoError(t, l.Write(slog.LevelInfo, "a", "b"))
			require.NoError(t, l.Write(slog.LevelError, "e"))
			require.NoError(t, l.CleanOutdated(0))
			require.Equal(t, tc.want, buf.String())
		})
	}
}
