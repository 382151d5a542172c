package retention

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/porpoisedb/porpoise/atomicfile"
	"github.com/porpoisedb/porpoise/dbfuncs"
	"github.com/porpoisedb/porpoise/dfs"
	"github.com/porpoisedb/porpoise/partition"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/wallclock"
)

// Policy is one database's retention policy.
type Policy struct {
	Hours             int64 `json:"hours"`
	Dimension         int   `json:"dimension"`
	HoursToColdVolume int64 `json:"hoursToColdVolume,omitempty"`
}

// policies are an engine's policies by database path.
type policies struct {
	mu   sync.Mutex
	file string // "" in memory
	m    map[string]Policy
}

const stateKey = "retention.policies"

// policiesOf is the engine's policies, loaded from its data directory on
// first use.
func policiesOf(h dbfuncs.StoreHost) *policies {
	return h.EngineState(stateKey, func() any {
		p := &policies{m: map[string]Policy{}}
		if dir := h.DataDir(); dir != "" {
			p.file = filepath.Join(dir, "retention.json")
			if b, err := os.ReadFile(p.file); err == nil {
				_ = json.Unmarshal(b, &p.m) // a damaged file keeps no policy
			}
		}
		return p
	}).(*policies)
}

func (p *policies) set(path string, pol Policy) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.m[path] = pol
	return p.save()
}

// save writes the policies atomically; p.mu is held.
func (p *policies) save() error {
	if p.file == "" {
		return nil
	}
	b, err := json.Marshal(p.m)
	if err != nil {
		return err
	}
	return atomicfile.Write(p.file, b, 0o644)
}

// enforce applies every policy at now, forgetting those whose database
// is gone.
func (p *policies) enforce(cat *dfs.Catalog, now time.Time) {
	p.mu.Lock()
	defer p.mu.Unlock()
	changed := false
	for path, pol := range p.m {
		db, err := cat.Lookup(path)
		if err != nil {
			delete(p.m, path)
			changed = true
			continue
		}
		_, _ = apply(db, pol, now) // a failure is retried at the next sweep
	}
	if changed {
		_ = p.save()
	}
}

// timeLevel is the partition level a policy's dimension names when it is
// a VALUE or RANGE level of DATE or DATEHOUR values, with the length of
// one of its units in nanoseconds.
func timeLevel(db *dfs.Database, dim int) (partition.Domain, int64, bool) {
	levels := db.Levels()
	if dim < 0 || dim >= len(levels) {
		return nil, 0, false
	}
	d := levels[dim]
	if t := d.SchemeType(); t != value.Date && t != value.DateHour {
		return nil, 0, false
	}
	if d.Type() != partition.VALUE && d.Type() != partition.RANGE {
		return nil, 0, false
	}
	return d, value.TickNanos(d.SchemeType()), true
}

// apply drops the partitions pol retires at now and returns their paths.
func apply(db *dfs.Database, pol Policy, now time.Time) ([]string, error) {
	d, unit, ok := timeLevel(db, pol.Dimension)
	if !ok {
		return nil, nil
	}
	cutoff := wallclock.Nanos(now) - pol.Hours*int64(time.Hour)
	low := cutoff - 10*24*int64(time.Hour)
	retired := map[string]bool{}
	for i, span := range spans(d) {
		if lo, hi := span[0]*unit, span[1]*unit; lo >= low && hi <= cutoff {
			retired[d.PartitionName(i)] = true
		}
	}
	if len(retired) == 0 {
		return nil, nil
	}
	seen := map[string]bool{}
	var paths []string
	for _, name := range db.TableNames() {
		t := db.Table(name)
		if t == nil {
			continue
		}
		chunks, err := t.Chunks()
		if err != nil {
			return nil, err
		}
		for _, c := range chunks {
			parts := strings.Split(strings.Trim(c.ID.Partition, "/"), "/")
			if pol.Dimension < len(parts) && retired[parts[pol.Dimension]] && !seen[c.ID.Partition] {
				seen[c.ID.Partition] = true
				paths = append(paths, c.ID.Partition)
			}
		}
	}
	if len(paths) == 0 {
		return nil, nil
	}
	sort.Strings(paths)
	return paths, db.DropPartitions("", paths, nil)
}

// spans are the partitions' [lo, hi) in the level's units.
func spans(d partition.Domain) [][2]int64 {
	var out [][2]int64
	switch x := d.(type) {
	case *partition.Value:
		for _, v := range ints(x.Values()) {
			out = append(out, [2]int64{v, v + 1})
		}
	case *partition.Range:
		b := ints(x.Boundaries())
		for i := 0; i+1 < len(b); i++ {
			out = append(out, [2]int64{b[i], b[i+1]})
		}
	}
	return out
}

func ints(v *value.Vector) []int64 {
	if v.I64 != nil {
		return v.I64
	}
	out := make([]int64, len(v.I32))
	for i, x := range v.I32 {
		out[i] = int64(x)
	}
	return out
}
