package restrack

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/porpoisedb/porpoise/reclog"
	"github.com/porpoisedb/porpoise/ticker"
	"github.com/porpoisedb/porpoise/wallclock"
)

// maxRecords bounds each log: past it, the oldest tenth is dropped (from
// memory and from the file), DolphinDB's log rotation and retention in
// one.
const maxRecords = 200_000

// Usage is what one user held at a sample: Requests running for it (the
// worker threads it occupies), Memory, the bytes of its sessions'
// variables, and Send and Recv, the bytes its sessions sent to and
// received from their clients since the previous sample.
type Usage struct {
	User       string
	Requests   int
	Memory     int64
	Send, Recv int64
}

// hardwareRec is a row of getUserHardwareUsage.
type hardwareRec struct {
	at int64 // local wall-clock nanoseconds
	Usage
}

// accessRec is a row of getUserTableAccessRecords.
type accessRec struct {
	at              int64
	rootID, user    string
	db, table, kind string
	value           int64
	script          string
}

// Tracker samples and records resource use while tracking is on.
type Tracker struct {
	interval time.Duration // 0: resourceSamplingInterval is not set
	on       atomic.Bool
	sample   func() []Usage

	mu       sync.Mutex
	hardware reclog.Log[hardwareRec]
	access   reclog.Log[accessRec]

	timer ticker.Timer
}

// Open starts tracking every interval seconds (resourceSamplingInterval;
// not positive: tracking is not configured and stays off), sampling
// with sample and keeping the logs under dir ("" in memory).
func Open(dir string, interval int, sample func() []Usage) (*Tracker, error) {
	t := &Tracker{sample: sample}
	t.hardware.Max, t.access.Max = maxRecords, maxRecords
	if interval <= 0 {
		return t, nil
	}
	t.interval = time.Duration(interval) * time.Second
	if dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, err
		}
		if err := t.hardware.Open(filepath.Join(dir, "hardware.log"), reclog.CSV(hardwareHeader, hardwareRow, parseHardware)); err != nil {
			return nil, err
		}
		if err := t.access.Open(filepath.Join(dir, "access.log"), reclog.CSV(accessHeader, accessRow, parseAccess)); err != nil {
			_ = t.hardware.Close()
			return nil, err
		}
	}
	t.on.Store(true)
	t.timer.Start(t.interval, t.tick)
	return t, nil
}

// Configured reports whether resourceSamplingInterval is set.
func (t *Tracker) Configured() bool { return t.interval > 0 }

// SetOn switches tracking on or off; the logs are kept either way. Once
// it returns false, no sample taken before is added.
func (t *Tracker) SetOn(on bool) {
	t.mu.Lock()
	t.on.Store(on)
	t.mu.Unlock()
}

// Close stops sampling and closes the logs.
func (t *Tracker) Close() error {
	t.timer.Stop()
	t.mu.Lock()
	defer t.mu.Unlock()
	return errors.Join(t.hardware.Close(), t.access.Close())
}

// tick samples usage; it samples while tracking is off too, because Send
// and Recv are the bytes since the previous sample, so traffic while
// tracking was off must not count in the first sample after it is on
// again.
func (t *Tracker) tick(now time.Time) {
	us := t.sample()
	if t.on.Load() {
		t.addSample(wallclock.Nanos(now), us)
	}
}

func (t *Tracker) addSample(at int64, us []Usage) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if !t.on.Load() {
		return
	}
	for _, u := range us {
		t.hardware.Add(hardwareRec{at: at, Usage: u})
	}
}

func (t *Tracker) addAccess(r accessRec) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.on.Load() {
		t.access.Add(r)
	}
}

var (
	hardwareHeader = []string{"timestamp", "userId", "cpu", "memory", "send", "recv"}
	accessHeader   = []string{"timestamp", "rootQueryId", "userId", "database", "table", "type", "value", "script"}
)

func hardwareRow(r hardwareRec) []string {
	return []string{strconv.FormatInt(r.at, 10), r.User, strconv.Itoa(r.Requests), strconv.FormatInt(r.Memory, 10),
		strconv.FormatInt(r.Send, 10), strconv.FormatInt(r.Recv, 10)}
}

func accessRow(r accessRec) []string {
	return []string{strconv.FormatInt(r.at, 10), r.rootID, r.user, r.db, r.table, r.kind, strconv.FormatInt(r.value, 10), r.script}
}

func parseHardware(f []string) (hardwareRec, bool) {
	if len(f) == 4 { // written before send and recv were counted
		f = append(f, "0", "0")
	}
	if len(f) != 6 {
		return hardwareRec{}, false
	}
	at, err1 := strconv.ParseInt(f[0], 10, 64)
	cpu, err2 := strconv.Atoi(f[2])
	mem, err3 := strconv.ParseInt(f[3], 10, 64)
	send, err4 := strconv.ParseInt(f[4], 10, 64)
	recv, err5 := strconv.ParseInt(f[5], 10, 64)
	return hardwareRec{at: at, Usage: Usage{User: f[1], Requests: cpu, Memory: mem, Send: send, Recv: recv}},
		errors.Join(err1, err2, err3, err4, err5) == nil
}

func parseAccess(f []string) (accessRec, bool) {
	if len(f) != 8 {
		return accessRec{}, false
	}
	at, err1 := strconv.ParseInt(f[0], 10, 64)
	v, err2 := strconv.ParseInt(f[6], 10, 64)
	return accessRec{at: at, rootID: f[1], user: f[2], db: f[3], table: f[4], kind: f[5], value: v, script: f[7]}, errors.Join(err1, err2) == nil
}
