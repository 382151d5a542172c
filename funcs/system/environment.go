package system

import (
	"fmt"
	"time"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// Version is what version() reports, in DolphinDB's form: the C++ and
// Python clients parse the first four dot-separated numbers at login to
// decide which protocol features to use, so it must start with a
// four-part version of the DolphinDB release whose behaviour we follow.
const Version = "3.00.2.1 2024.09.30 LINUX x86_64"

// Session and environment built-ins moved from the interpreter's older
// table; they reach the session only through funcs.Env.

func xprint(env funcs.Env, args []value.Value) (value.Value, error) {
	out := env.Out()
	for _, a := range args {
		fmt.Fprintln(out, a.String())
	}
	return nil, nil
}

// xsleep waits, returning early with the context's error when the request
// or job is cancelled.
func xsleep(env funcs.Env, args []value.Value) (value.Value, error) {
	ms, err := funcs.IntScalar("sleep", args[0])
	if err != nil {
		return nil, err
	}
	ctx := env.Context()
	wait := func() {
		select {
		case <-time.After(time.Duration(ms) * time.Millisecond):
		case <-ctx.Done():
			err = ctx.Err()
		}
	}
	// An interpreter releases the statement's locks of shared objects
	// while it sleeps, so a loop polling a table other sessions write
	// sees their rows.
	if u, ok := env.(interface{ Unlocked(wait func()) }); ok {
		u.Unlocked(wait)
	} else {
		wait()
	}
	return nil, err
}
