package engine

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// A job keeps calling a user function while its session goes on defining
// functions; under -race a definitions map shared between the two would
// be reported.
func TestJobDefinitionsAreASnapshot(t *testing.T) {
	e, err := Open(Options{InMemory: true})
	require.NoError(t, err)
	defer e.Close()
	s := e.NewSession()
	_, err = s.Run(`def f(n) { s = 0; for (i in 1..n) { s = s + g(i) }; return s }
def g(x) { return x }
submitJob("j", "", f, 20000)`)
	require.NoError(t, err)
	for k := 0; k < 200; k++ {
		_, err := s.Run(fmt.Sprintf("def h%d(x) { return x + %d }", k, k))
		require.NoError(t, err)
	}
	// redefining g after submission does not change the running job
	_, err = s.Run("def g(x) { return 0 }")
	require.NoError(t, err)
	v, err := s.Run(`getJobReturn("j", true)`)
	require.NoError(t, err)
	require.Equal(t, "200010000", v.String())
}

// Issue 12: a submitJob running `do {} while(true)` held Engine.Close
// for its full 30 s wait. Close now cancels the jobs it owns.
func TestCloseCancelsRunningJobs(t *testing.T) {
	e, err := Open(Options{InMemory: true})
	require.NoError(t, err)
	_, err = e.NewSession().Run(`def spin() { do {} while(true) }
submitJob("spin", "", spin)`)
	require.NoError(t, err)
	start := time.Now()
	require.NoError(t, e.Close())
	require.Less(t, time.Since(start), 5*time.Second)
}

// Issue 12: submitJob results were kept forever (ten 80 MB jobs held
// 765 MB). Past the retention budget the oldest results are released:
// getJobReturn on them says so, the newest are still returned, and the
// bytes retained stay under the budget.
func TestJobResultsReleased(t *testing.T) {
	e, err := Open(Options{})
	require.NoError(t, err)
	defer e.Close()
	e.jobs.SetResultBudget(20 << 20)
	s := e.NewSession()
	_, err = s.Run(`def big() { return 1..1000000 }`) // 8 MB
	require.NoError(t, err)
	for i := range 6 {
		_, err = s.Run(fmt.Sprintf(`getJobReturn(submitJob("big%d", "", big), true)`, i))
		require.NoError(t, err)
	}
	retained := e.jobs.RetainedBytes()
	require.LessOrEqual(t, retained, int64(20<<20))
	_, err = s.Run(`getJobReturn("big0")`)
	require.EqualError(t, err, "The result of the job [big0] was released: job results are kept up to 20 MB in total; read them sooner, e.g. with getJobReturn(jobId, true).")
	v, err := s.Run(`size(getJobReturn("big5"))`)
	require.NoError(t, err)
	require.Equal(t, "1000000", v.String())
}
