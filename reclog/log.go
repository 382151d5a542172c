package reclog

import (
	"bufio"
	"errors"
	"io"
	"os"

	"github.com/porpoisedb/porpoise/atomicfile"
)

// Format is how a log's file holds its records.
type Format[T any] struct {
	// Header writes what a file starts with; nil for nothing.
	Header func(w io.Writer) error
	// Writer returns what writes one record to w, whole (flushed to w),
	// so that a crash tears at most the last.
	Writer func(w io.Writer) func(T) error
	// Read reads a file's records, dropping a torn last one.
	Read func(r io.Reader) ([]T, error)
}

// Log is a bounded list of records, kept in a file once opened on one.
// Its zero value keeps them in memory, with no bound until Max is set.
// It is not safe for concurrent use.
type Log[T any] struct {
	// Max bounds Recs: adding past it drops the oldest tenth.
	Max int
	// Recs are the records, oldest first; for reading only.
	Recs []T

	format Format[T]
	path   string
	f      *os.File
	write  func(T) error
}

// Open loads the records kept at path (none if it does not exist yet),
// keeps the newest Max of them, and rewrites the file with them, so
// that a torn record is gone before the next is appended.
func (l *Log[T]) Open(path string, format Format[T]) error {
	l.path, l.format = path, format
	if f, err := os.Open(path); err == nil {
		recs, err := format.Read(bufio.NewReader(f))
		_ = f.Close()
		if err != nil {
			return err
		}
		l.Recs = append(l.Recs, recs...)
	} else if !errors.Is(err, os.ErrNotExist) {
		return err
	}
	if l.Max > 0 && len(l.Recs) > l.Max {
		l.Recs = l.Recs[len(l.Recs)-l.Max:]
	}
	return l.rewrite()
}

// Add appends r. A failed write leaves it in memory: what it records
// has happened.
func (l *Log[T]) Add(r T) {
	l.Recs = append(l.Recs, r)
	if l.Max > 0 && len(l.Recs) > l.Max {
		l.Recs = append(l.Recs[:0:0], l.Recs[l.Max/10:]...)
		_ = l.rewrite()
		return
	}
	if l.write != nil {
		_ = l.write(r)
	}
}

// Filter returns the records keep accepts, oldest first.
func (l *Log[T]) Filter(keep func(*T) bool) []T {
	var out []T
	for i := range l.Recs {
		if keep(&l.Recs[i]) {
			out = append(out, l.Recs[i])
		}
	}
	return out
}

// Close closes the file; the records stay in memory.
func (l *Log[T]) Close() error {
	if l.f == nil {
		return nil
	}
	err := l.f.Close()
	l.f, l.write = nil, nil
	return err
}

// rewrite replaces the file as a whole with the records in memory and
// reopens it for appending.
func (l *Log[T]) rewrite() error {
	if l.path == "" {
		return nil
	}
	_ = l.Close()
	err := atomicfile.WriteFunc(l.path, 0o644, func(f io.Writer) error {
		w := bufio.NewWriter(f)
		return errors.Join(l.writeAll(w), w.Flush())
	})
	if err != nil {
		return err
	}
	if l.f, err = os.OpenFile(l.path, os.O_APPEND|os.O_WRONLY, 0o644); err != nil {
		return err
	}
	l.write = l.format.Writer(l.f)
	return nil
}

// writeAll writes the header and every record to w.
func (l *Log[T]) writeAll(w io.Writer) error {
	if l.format.Header != nil {
		if err := l.format.Header(w); err != nil {
			return err
		}
	}
	write := l.format.Writer(w)
	for _, r := range l.Recs {
		if err := write(r); err != nil {
			return err
		}
	}
	return nil
}
