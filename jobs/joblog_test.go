package jobs

import (
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestJobLogStampsLines(t *testing.T) {
	at := time.Date(2024, 2, 29, 10, 56, 55, 125615000, time.UTC)
	cases := []struct {
		name   string
		writes []string
		line   string
		want   string
	}{
		{"whole lines", []string{"a\nb\n"}, "", "2024-02-29 10:56:55.125615 a\n2024-02-29 10:56:55.125615 b\n"},
		{"line split over writes", []string{"ab", "c\n"}, "", "2024-02-29 10:56:55.125615 abc\n"},
		{"partial line flushed by line", []string{"x"}, "done", "2024-02-29 10:56:55.125615 x\n2024-02-29 10:56:55.125615 done\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l := &jobLog{now: func() time.Time { return at }}
			for _, w := range c.writes {
				_, err := l.Write([]byte(w))
				require.NoError(t, err)
			}
			if c.line != "" {
				l.line(c.line)
			}
			require.Equal(t, c.want, l.String())
		})
	}
}

// A job writes its log while getJobMessage reads it from another session.
func TestJobLogConcurrentReadWrite(t *testing.T) {
	l := &jobLog{}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for range 200 {
			_, _ = l.Write([]byte("line\n"))
		}
	}()
	go func() {
		defer wg.Done()
		for range 200 {
			_ = l.String()
		}
	}()
	wg.Wait()
	require.Equal(t, 200, strings.Count(l.String(), "line\n"))
}
