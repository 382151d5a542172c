package streamengine

import (
	"time"

	"github.com/porpoisedb/porpoise/funcs"
)

// Now is the time of env's clock (the engine's, which tests may set),
// or the wall clock's when env has none.
func Now(env funcs.Env) time.Time {
	if c, ok := env.(interface{ Now() time.Time }); ok {
		return c.Now()
	}
	return time.Now()
}
