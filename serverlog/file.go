package serverlog

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// Options configure a log file.
type Options struct {
	// MaxSize archives the file when a record would take it past this
	// many bytes (maxLogSize); 0 never archives.
	MaxSize int64
	// Retention removes archives older than this when the log opens and
	// at each archiving (logRetentionTime); 0 keeps them.
	Retention time.Duration
	// Level is the least severe level written (logLevel).
	Level slog.Level
	// Now is the clock of the records' times and the archives' names;
	// nil is time.Now.
	Now func() time.Time
}

// File is an open server log. Its methods may be called from any
// goroutine.
type File struct {
	path  string
	opts  Options
	level slog.LevelVar

	mu   sync.Mutex
	f    *os.File
	size int64
	buf  []byte
}

// Open opens the log file at path for appending, creating it and its
// directory, and removes outdated archives.
func Open(path string, opts Options) (*File, error) {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, err
	}
	l := &File{path: path, opts: opts}
	l.level.Set(opts.Level)
	if err := l.open(); err != nil {
		return nil, err
	}
	if opts.Retention > 0 {
		if err := l.CleanOutdated(opts.Retention); err != nil {
			l.f.Close()
			return nil, err
		}
	}
	return l, nil
}

func (l *File) open() error {
	f, err := os.OpenFile(l.path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return err
	}
	l.f, l.size = f, st.Size()
	return nil
}

// SetLevel makes level the least severe level written (setLogLevel).
func (l *File) SetLevel(level slog.Level) { l.level.Set(level) }

// Write writes each line as a record at level, when level is at least the
// log's level (writeLog, writeLogLevel).
func (l *File) Write(level slog.Level, lines ...string) error {
	if level < l.level.Level() {
		return nil
	}
	now := l.opts.Now()
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, s := range lines {
		if err := l.writeLocked(appendRecord(l.buf[:0], now, level, s)); err != nil {
			return err
		}
	}
	return nil
}

// writeLocked writes one formatted record, archiving the file first when
// the record would take it past MaxSize.
func (l *File) writeLocked(rec []byte) error {
	l.buf = rec[:0]
	if l.f == nil {
		return os.ErrClosed
	}
	if l.opts.MaxSize > 0 && l.size > 0 && l.size+int64(len(rec)) > l.opts.MaxSize {
		if err := l.archiveLocked(); err != nil {
			return err
		}
	}
	n, err := l.f.Write(rec)
	l.size += int64(n)
	return err
}

// archiveLocked renames the file to its archive name and opens a new one.
func (l *File) archiveLocked() error {
	if err := l.f.Close(); err != nil {
		return err
	}
	l.f = nil
	if err := os.Rename(l.path, freeArchiveName(l.path, l.opts.Now())); err != nil {
		return err
	}
	if err := l.open(); err != nil {
		return err
	}
	if l.opts.Retention > 0 {
		return l.CleanOutdated(l.opts.Retention)
	}
	return nil
}

// CleanOutdated removes the log's archives whose name dates them more
// than retention ago (cleanOutdateLogFiles). The log file itself stays.
func (l *File) CleanOutdated(retention time.Duration) error {
	return removeArchives(l.path, l.opts.Now().Add(-retention))
}

// Close closes the file; later records are dropped with an error.
func (l *File) Close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.f == nil {
		return nil
	}
	err := l.f.Close()
	l.f = nil
	return err
}

// Handler is a slog handler writing the server's own records to the log,
// attributes after the message as key=value.
func (l *File) Handler() slog.Handler { return &handler{log: l} }

type handler struct {
	log    *File
	attrs  []byte // formatted attributes of WithAttrs
	prefix string // group prefix of WithGroup, "a.b."
}

func (h *handler) Enabled(_ context.Context, level slog.Level) bool {
	return level >= h.log.level.Level()
}

func (h *handler) Handle(_ context.Context, r slog.Record) error {
	msg := append([]byte(r.Message), h.attrs...)
	r.Attrs(func(a slog.Attr) bool {
		msg = appendAttr(msg, h.prefix, a)
		return true
	})
	t := r.Time
	if t.IsZero() {
		t = h.log.opts.Now()
	}
	h.log.mu.Lock()
	defer h.log.mu.Unlock()
	return h.log.writeLocked(appendRecord(h.log.buf[:0], t, r.Level, string(msg)))
}

func (h *handler) WithAttrs(as []slog.Attr) slog.Handler {
	c := *h
	c.attrs = append([]byte(nil), h.attrs...)
	for _, a := range as {
		c.attrs = appendAttr(c.attrs, h.prefix, a)
	}
	return &c
}

func (h *handler) WithGroup(name string) slog.Handler {
	if name == "" {
		return h
	}
	c := *h
	c.prefix = fmt.Sprintf("%s%s.", h.prefix, name)
	return &c
}
