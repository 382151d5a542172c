package streamengine

import (
	"sync"
	"time"

	"github.com/porpoisedb/porpoise/funcs"
)

// Timer runs an engine's periodic work (useSystemTime windows, delayed
// and forced outputs, interval triggers, reloads) on a goroutine of its
// own until Stop. Its zero value is a timer not started.
type Timer struct {
	stop chan struct{}
	done sync.WaitGroup
}

// Start calls tick with the time every period, from a new goroutine,
// until Stop; tick takes the engine's lock itself.
func (t *Timer) Start(period time.Duration, tick func(now time.Time)) {
	t.stop = make(chan struct{})
	t.done.Add(1)
	go func() {
		defer t.done.Done()
		tk := time.NewTicker(period)
		defer tk.Stop()
		for {
			select {
			case <-t.stop:
				return
			case now := <-tk.C:
				tick(now)
			}
		}
	}()
}

// Stop ends the timer and waits for a tick under way to return; it
// does nothing to a timer never started.
func (t *Timer) Stop() {
	if t.stop != nil {
		close(t.stop)
		t.done.Wait()
	}
}

// Now is the time of env's clock (the engine's, which tests may set),
// or the wall clock's when env has none.
func Now(env funcs.Env) time.Time {
	if c, ok := env.(interface{ Now() time.Time }); ok {
		return c.Now()
	}
	return time.Now()
}
