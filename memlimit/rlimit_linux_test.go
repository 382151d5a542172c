package memlimit

import (
	"syscall"
	"testing"

	"github.com/stretchr/testify/require"
)

// The limit read is the process's soft RLIMIT_AS as ulimit -v sets it,
// none when it is unlimited. The soft limit is lowered to a petabyte, far
// above anything a test maps (or to the hard limit below that), and put
// back.
func TestAddressSpaceLimitIsRead(t *testing.T) {
	var was syscall.Rlimit
	require.NoError(t, syscall.Getrlimit(syscall.RLIMIT_AS, &was))
	defer func() { require.NoError(t, syscall.Setrlimit(syscall.RLIMIT_AS, &was)) }()
	cases := []struct {
		cur  uint64
		want int64
	}{
		{min(1<<50, was.Max), int64(min(1<<50, was.Max))},
		{^uint64(0), 0},
	}
	for _, c := range cases {
		if c.cur > was.Max {
			continue // a hard limit below it can't be raised past
		}
		require.NoError(t, syscall.Setrlimit(syscall.RLIMIT_AS, &syscall.Rlimit{Cur: c.cur, Max: was.Max}))
		require.Equal(t, c.want, addressSpaceLimit(), c.cur)
	}
}
