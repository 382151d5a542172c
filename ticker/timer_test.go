package ticker

import (
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestStopWaitsForTheTickUnderWay(t *testing.T) {
	var tm Timer
	entered := make(chan struct{})
	var finished atomic.Bool
	var once sync.Once
	tm.Start(time.Millisecond, func(time.Time) {
		once.Do(func() { close(entered) })
		time.Sleep(20 * time.Millisecond)
		finished.Store(true)
	})
	<-entered
	tm.Stop()
	require.True(t, finished.Load(), "Stop returned while a tick was running")
}

func TestNoTickAfterStop(t *testing.T) {
	var tm Timer
	var n atomic.Int64
	tm.Start(time.Millisecond, func(time.Time) { n.Add(1) })
	require.Eventually(t, func() bool { return n.Load() > 0 }, time.Second, time.Millisecond)
	tm.Stop()
	after := n.Load()
	time.Sleep(10 * time.Millisecond)
	require.Equal(t, after, n.Load())
}

func TestStopIsSafeUnstartedAndTwiceAtOnce(t *testing.T) {
	var never Timer
	never.Stop()

	var tm Timer
	tm.Start(time.Millisecond, func(time.Time) {})
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() { defer wg.Done(); tm.Stop() }()
	}
	wg.Wait()
	tm.Stop()
}
