package jobs

import (
	"strings"
	"sync"
	"time"
)

// jobLog is a batch job's message log: its output, one line per entry,
// each stamped with the time it was written as DolphinDB's job logs are.
// The job writes while other sessions read it, hence the lock.
type jobLog struct {
	mu      sync.Mutex
	now     func() time.Time
	b       strings.Builder
	partial string // text written after the last newline
}

// Write implements io.Writer: complete lines are stamped and kept; a
// trailing partial line waits for its newline.
func (l *jobLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	text := l.partial + string(p)
	for {
		i := strings.IndexByte(text, '\n')
		if i < 0 {
			break
		}
		l.stamp(text[:i])
		text = text[i+1:]
	}
	l.partial = text
	return len(p), nil
}

// line appends one stamped line.
func (l *jobLog) line(s string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.partial != "" {
		l.stamp(l.partial)
		l.partial = ""
	}
	l.stamp(s)
}

func (l *jobLog) stamp(s string) {
	now := time.Now
	if l.now != nil {
		now = l.now
	}
	l.b.WriteString(now().Format("2006-01-02 15:04:05.000000"))
	l.b.WriteByte(' ')
	l.b.WriteString(s)
	l.b.WriteByte('\n')
}

// String returns the log so far.
func (l *jobLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String() + l.partial
}

// reset empties the log once its text is in the job's file.
func (l *jobLog) reset() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.b = strings.Builder{}
	l.partial = ""
}
