package jobs

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestTraceLogKeepsTheLatest(t *testing.T) {
	var l traceLog
	for i := 0; i < maxTraces+5; i++ {
		l.add(trace{script: strconv.Itoa(i)})
	}
	require.Len(t, l.traces, maxTraces)
	require.Equal(t, "5", l.traces[0].script)
	require.Equal(t, strconv.Itoa(maxTraces+4), l.traces[maxTraces-1].script)
}
