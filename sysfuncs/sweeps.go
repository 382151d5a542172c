package sysfuncs

import (
	"sync"
	"time"
)

// A sweep is server housekeeping another package registers to run on the
// scheduler's goroutine: once when the engine starts and then every
// interval of the engine's clock, with the engine's Runner (for a
// session to work in). Data retention (package retention) is one.
type sweep struct {
	every time.Duration
	run   func(Runner, time.Time)
}

var (
	sweepsMu sync.Mutex
	sweeps   []sweep
)

// AddSweep registers run to be called at engine start and every interval
// after; meant for init functions.
func AddSweep(every time.Duration, run func(Runner, time.Time)) {
	sweepsMu.Lock()
	sweeps = append(sweeps, sweep{every, run})
	sweepsMu.Unlock()
}

// sweepClock tracks when each registered sweep is next due.
type sweepClock struct {
	next []time.Time // zero: not run yet
}

// due runs the sweeps due at now.
func (c *sweepClock) due(r Runner, now time.Time) {
	sweepsMu.Lock()
	all := append([]sweep(nil), sweeps...)
	sweepsMu.Unlock()
	for len(c.next) < len(all) {
		c.next = append(c.next, time.Time{})
	}
	for i, s := range all {
		if c.next[i].IsZero() || !now.Before(c.next[i]) {
			c.next[i] = now.Add(s.every)
			s.run(r, now)
		}
	}
}
