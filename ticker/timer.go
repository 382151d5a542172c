package ticker

import (
	"sync"
	"time"
)

// Timer calls a function every period on a goroutine of its own until
// Stop. Its zero value is a timer not started.
type Timer struct {
	mu   sync.Mutex
	stop chan struct{}
	done sync.WaitGroup
}

// Start calls tick with the time every period, from a new goroutine,
// until Stop. tick runs alone: the next tick waits for it to return.
// Start must not be called on a timer already started.
func (t *Timer) Start(period time.Duration, tick func(now time.Time)) {
	stop := make(chan struct{})
	t.mu.Lock()
	t.stop = stop
	t.done.Add(1)
	t.mu.Unlock()
	go func() {
		defer t.done.Done()
		tk := time.NewTicker(period)
		defer tk.Stop()
		for {
			select {
			case <-stop:
				return
			case now := <-tk.C:
				tick(now)
			}
		}
	}()
}

// Stop ends the timer and waits for a tick under way to return. It does
// nothing to a timer never started, and may be called more than once
// and from several goroutines: each call returns once the goroutine has.
func (t *Timer) Stop() {
	t.mu.Lock()
	stop := t.stop
	t.stop = nil
	t.mu.Unlock()
	if stop != nil {
		close(stop)
	}
	t.done.Wait()
}
