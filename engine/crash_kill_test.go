package engine

import (
	"bufio"
	"math/rand/v2"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// killChildOnce runs the test binary's child test (-test.run child, env
// set to dir), hands note every line it prints, fails the test on a line
// that starts with one of the child's failure prefixes, and kills it with
// SIGKILL 150-550 ms in (drawn from rng) unless it exited first.
func killChildOnce(t *testing.T, rng *rand.Rand, child, env, dir string, failures []string, note func(string)) {
	cmd := exec.Command(os.Args[0], "-test.run", "^"+child+"$", "-test.v")
	cmd.Env = append(os.Environ(), env+"="+dir)
	out, err := cmd.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
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

// ackNotes is a note function for killChildOnce: a line "<prefix>N" adds
// batch N to the set registered for that prefix (e.g. "ack ").
func ackNotes(t *testing.T, sets map[string]map[int64]bool) func(string) {
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
