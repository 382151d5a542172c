package streamengine

import (
	"time"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/system"
	"github.com/porpoisedb/porpoise/value"
)

// Ticked is tick, the work of an engine's timer, run as an append to
// the engine runs: holding the locks of the tables the engine writes
// (outputs, through the engines they feed) and the engine's handle, so
// that the engine's background interpreter is used by one goroutine at
// a time. An append takes the tables' locks first, then the handle; a
// tick takes the handle, then tries the locks and, while an appender
// holds one, lets the handle go and tries again a moment later. Dropping
// the engine ends the tries. A tick whose locks can't be taken (the
// user lost the right to write them) is skipped.
func Ticked(bg funcs.Env, outputs []value.Value, tick func(now time.Time)) func(now time.Time) {
	all := writes(outputs, map[*handle]bool{})
	return func(now time.Time) {
		h, err := host(bg)
		if err != nil {
			return
		}
		r := registryOf(h)
		r.mu.Lock()
		hd := r.byEnv[bg]
		r.mu.Unlock()
		for delay := time.Millisecond; hd != nil; delay = min(2*delay, 20*time.Millisecond) {
			if hd.tryTick(h, all, now, tick) {
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

// tryTick runs tick holding h.mu and the locks of all if they are free;
// false when one is not.
func (hd *handle) tryTick(h system.Host, all []value.Value, now time.Time, tick func(time.Time)) bool {
	hd.mu.Lock()
	defer hd.mu.Unlock()
	if hd.closed || hd.eng == nil {
		return true
	}
	release, ok, err := system.LockWrites(h, all, false)
	if err != nil || !ok {
		return err != nil
	}
	defer release()
	tick(now)
	return true
}
