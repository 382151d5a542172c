package cached

import (
	"sync"
	"time"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// cache is a cached table's update function and when it last ran.
type cache struct {
	fn    value.Value
	every time.Duration
	// mu serializes refreshes, so two queries arriving together run the
	// update function once.
	mu   sync.Mutex
	last time.Time
}

// cachedTable runs updateFunc once and returns a table holding its
// result, which queries refresh once retentionSeconds have passed.
func cachedTable(env funcs.Env, args []value.Value) (value.Value, error) {
	if !funcs.IsFunction(args[0]) {
		return nil, ddberr.Errorf("The argument [updateFunc] of cachedTable must be a function.")
	}
	secs, err := funcs.PositiveIntArg("cachedTable", "retentionSeconds", args[1], 0)
	if err != nil {
		return nil, err
	}
	c := &cache{fn: args[0], every: time.Duration(secs) * time.Second}
	t := &value.Table{}
	if err := c.update(t, env.Call); err != nil {
		return nil, err
	}
	t.Refresh = c.refresh(t)
	return t, nil
}

// refresh is t's Refresh hook: it reruns the update function when the
// rows are retention time old or older.
func (c *cache) refresh(t *value.Table) func(func(value.Value, ...value.Value) (value.Value, error)) error {
	return func(call func(value.Value, ...value.Value) (value.Value, error)) error {
		c.mu.Lock()
		defer c.mu.Unlock()
		if time.Since(c.last) < c.every {
			return nil
		}
		return c.update(t, call)
	}
}

// update runs the update function and makes t a copy of its result: the
// function may return a table it keeps changing (f{t} with a mutable t),
// and the cache must not change until its next refresh.
func (c *cache) update(t *value.Table, call func(value.Value, ...value.Value) (value.Value, error)) error {
	v, err := call(c.fn)
	if err != nil {
		return err
	}
	src, ok := v.(*value.Table)
	if !ok {
		return ddberr.Errorf("The updateFunc of cachedTable must return a table.")
	}
	fresh := value.DeepCopy(src).(*value.Table)
	t.Mu.Lock()
	t.Names, t.Cols = fresh.Names, fresh.Cols
	t.Mu.Unlock()
	c.last = time.Now()
	return nil
}
