package crashtest

import (
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

// SkipUnlessEnv skips a long-running test unless the environment variable
// name is set; what names the test in the skip message.
func SkipUnlessEnv(t testing.TB, name, what string) {
	t.Helper()
	if os.Getenv(name) == "" {
		t.Skip("set " + name + "=1 to run " + what)
	}
}

// EnvInt is the integer in the environment variable name, or def when it
// is unset; a value that is not an integer fails the test.
func EnvInt(t testing.TB, name string, def int) int {
	t.Helper()
	s := os.Getenv(name)
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	require.NoError(t, err, name)
	return n
}

// ChildDir is the data directory StartChild handed a child test in the
// environment variable env; when the test is not running as a child it
// skips it.
func ChildDir(t testing.TB, env string) string {
	t.Helper()
	dir := os.Getenv(env)
	if dir == "" {
		t.Skip("runs only as a crash test's child process")
	}
	return dir
}

// StartChild starts the running test binary again, running only the test
// named test (then args), with env=dir added to its environment, and
// returns it with its standard output. stderr, when not nil, receives the
// child's standard error.
func StartChild(t testing.TB, test, env, dir string, stderr io.Writer, args ...string) (*exec.Cmd, io.ReadCloser) {
	t.Helper()
	cmd := exec.Command(os.Args[0], append([]string{"-test.run=^" + test + "$"}, args...)...)
	cmd.Env = append(os.Environ(), env+"="+dir)
	cmd.Stderr = stderr
	out, err := cmd.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	return cmd, out
}

// Kill kills a child with SIGKILL and waits for it; its exit status (it
// was killed) is of no interest.
func Kill(t testing.TB, cmd *exec.Cmd) {
	t.Helper()
	require.NoError(t, cmd.Process.Signal(syscall.SIGKILL))
	_ = cmd.Wait()
}

// KillOnce runs the child test (see StartChild), hands note every line it
// prints, fails the test on a line that starts with one of the child's
// failure prefixes, and kills it 150-550 ms in (drawn from rng) unless it
// exited first.
func KillOnce(t testing.TB, rng *rand.Rand, test, env, dir string, failures []string, note func(string)) {
	t.Helper()
	cmd, out := StartChild(t, test, env, dir, nil, "-test.v")
	lines := make(chan string, 1024)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	deadline := time.After(time.Duration(150+rng.IntN(400)) * time.Millisecond)
read:
	for {
		select {
		case l, ok := <-lines:
			if !ok {
				break read
			}
			note(l)
			for _, p := range failures {
				if strings.HasPrefix(l, p) {
					t.Fatalf("child failed: %s", l)
				}
			}
		case <-deadline:
			require.NoError(t, cmd.Process.Signal(syscall.SIGKILL))
			break read
		}
	}
	for l := range lines {
		note(l)
	}
	_ = cmd.Wait()
}

// AckNotes is a note function for KillOnce: a line "<prefix>N" adds
// batch N to the set registered for that prefix (e.g. "ack ").
func AckNotes(t testing.TB, sets map[string]map[int64]bool) func(string) {
	return func(l string) {
		for prefix, m := range sets {
			if n, found := strings.CutPrefix(l, prefix); found {
				k, err := strconv.ParseInt(n, 10, 64)
				require.NoError(t, err)
				m[k] = true
			}
		}
	}
}

// Check ends a child with exit code 3 when err is not nil, printing
// "what: err", a line its parent's failure prefixes catch.
func Check(what string, err error) {
	if err != nil {
		fmt.Println(what+":", err)
		os.Exit(3)
	}
}

// Ack prints the line "what k" that AckNotes reads, once step k is
// durable.
func Ack(what string, k int64) { fmt.Printf("%s %d\n", what, k) }

// NextBatch is the first batch number a restarted child writes: 1 + the
// largest batch its table holds (a scalar the child queried, ending it
// with "max: err" when the query failed), or 1 when it holds none.
func NextBatch(max value.Value, err error) int64 {
	Check("max", err)
	if m, ok := max.(*value.Scalar).Int64(); ok {
		return m + 1
	}
	return 1
}

// Parent starts a crash test's parent side: it skips the test under
// -short, and returns the data directory its children share and the
// random source of their kill times, seeded with (seed, seed+1).
func Parent(t testing.TB, seed uint64) (string, *rand.Rand) {
	t.Helper()
	if testing.Short() {
		t.Skip("crash test runs child processes")
	}
	return t.TempDir(), rand.New(rand.NewPCG(seed, seed+1))
}
