package testkit

import (
	"runtime"
	"testing"
	"time"
)

// RequireGoroutinesBack waits up to 10 s until no more goroutines run
// than base (runtime.NumGoroutine before the work started), and fails t
// with every goroutine's stack when some are left. It polls on the
// calling goroutine: testify's Eventually runs its condition on
// goroutines of its own, which the count would include.
func RequireGoroutinesBack(t testing.TB, base int) {
	t.Helper()
	end := time.Now().Add(10 * time.Second)
	for runtime.NumGoroutine() > base && time.Now().Before(end) {
		time.Sleep(20 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > base {
		buf := make([]byte, 1<<20)
		t.Fatalf("%d goroutines run 10s after the work was stopped, %d before it started\n%s", n, base, buf[:runtime.Stack(buf, true)])
	}
}
