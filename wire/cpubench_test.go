package wire

import (
	"bytes"
	"os"
	"runtime"
	"syscall"
	"testing"
	"time"
)

func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// TestCPUThroughput reports decode throughput per CPU second (stable on a
// loaded machine, unlike wall-clock benchmarks). WIRE_CPUBENCH=1 enables it.
func TestCPUThroughput(t *testing.T) {
	if os.Getenv("WIRE_CPUBENCH") == "" {
		t.Skip("set WIRE_CPUBENCH=1")
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	const reps = 30
	for _, in := range benchInputs() {
		for _, src := range []string{"bytes", "stream"} {
			runtime.GC()
			c0 := cpuTime()
			for i := 0; i < reps; i++ {
				var err error
				if src == "bytes" {
					_, _, err = DecodeBytes(in.enc)
				} else {
					_, err = Decode(bytes.NewReader(in.enc))
				}
				if err != nil {
					t.Fatal(err)
				}
			}
			runtime.GC()
			d := cpuTime() - c0
			t.Logf("%-22s %-6s %7.2f ms/op  %6.0f wire-MB/s  %6.0f decoded-MB/s", in.name, src,
				float64(d.Microseconds())/1000/reps, float64(len(in.enc))*reps/d.Seconds()/1e6, float64(in.decoded)*reps/d.Seconds()/1e6)
		}
		dst := make([]byte, len(in.enc))
		c0 := cpuTime()
		for i := 0; i < reps*10; i++ {
			copy(dst, in.enc)
		}
		d := cpuTime() - c0
		t.Logf("%-22s memcpy %7.2f ms/op  %6.0f MB/s", in.name, float64(d.Microseconds())/1000/reps/10, float64(len(in.enc))*reps*10/d.Seconds()/1e6)
	}
}
