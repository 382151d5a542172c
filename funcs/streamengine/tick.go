package streamengine

import (
	"time"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/system"
	"github.com/porpoisedb/porpoise/value"
)

// Ticked is tick, the work of an engine's timer, run holding the locks
// of what the engine writes (outputs, through the engines they feed), as
// an append to the engine holds them: both take them before the
// engine's own lock, so neither waits for the other holding it. The
// locks are polled for rather than waited for, so that dropping the
// engine (which cancels bg's context, then stops the timer) never waits
// for a statement that holds an output. A tick whose locks can't be
// taken (the user lost the right to write them) is skipped.
func Ticked(bg funcs.Env, outputs []value.Value, tick func(now time.Time)) func(now time.Time) {
	all := writes(outputs, map[*handle]bool{})
	return func(now time.Time) {
		h, ok := bg.(system.Host)
		if !ok {
			tick(now)
			return
		}
		for delay := time.Millisecond; ; delay = min(2*delay, 20*time.Millisecond) {
			release, ok, err := system.LockWrites(h, all, false)
			if err != nil {
				return
			}
			if ok {
				defer release()
				tick(now)
				return
			}
			select {
			case <-bg.Context().Done():
				return
			case <-time.After(delay):
			}
		}
	}
}
