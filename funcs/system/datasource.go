package system

import (
	"sync"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/higherorder"
	"github.com/porpoisedb/porpoise/value"
)

// DataSource is what sqlDS returns: a query whose materialised result
// mr/imr hand to their map function.
type DataSource struct {
	Code value.Value
	// Trans are the functions transDS! added, applied in order to the
	// query's result.
	Trans []value.Value
	// Load, when set, reads the data in place of running Code (a chunk
	// of a text file, textChunkDS); Desc is what it prints as.
	Load func(env funcs.Env) (value.Value, error)
	Desc string
	// Chunk is the path of the partition the source reads, "/db/partition"
	// (sqlDS's sources over a DFS table), or "".
	Chunk string

	mu sync.Mutex
	// cacheNext (cacheDS!) keeps the next result; clearNext
	// (clearDSCache!) drops the cache after the next use.
	cacheNext, clearNext bool
	cached               value.Value
}

// Materialise runs the data source: its query, then its transDS!
// functions, or its cached result.
func (d *DataSource) Materialise(env funcs.Env) (value.Value, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	v := d.cached
	if v == nil {
		var err error
		if d.Load != nil {
			v, err = d.Load(env)
		} else {
			v, err = xeval(env, []value.Value{d.Code})
		}
		if err != nil {
			return nil, err
		}
		for _, f := range d.Trans {
			if v, err = env.Call(f, v); err != nil {
				return nil, err
			}
		}
		if d.cacheNext {
			d.cached = v
		}
	}
	if d.clearNext {
		d.cached, d.cacheNext, d.clearNext = nil, false, false
	}
	return v, nil
}

// CacheNext makes the next run keep its result (cacheDS!).
func (d *DataSource) CacheNext() {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.cacheNext, d.clearNext = true, false
}

// ClearNext drops the cache after the next use (clearDSCache!).
func (d *DataSource) ClearNext() {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.clearNext = true
}

// ClearCache drops the cached result now (clearDSCacheNow).
func (d *DataSource) ClearCache() {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.cached, d.cacheNext, d.clearNext = nil, false, false
}

// Cached is the cached result, or nil.
func (d *DataSource) Cached() value.Value {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.cached
}

// Form implements value.Value.
func (d *DataSource) Form() value.Form { return value.FormScalar }

// Type implements value.Value.
func (d *DataSource) Type() value.Type { return value.DataSource }

// String renders it as DolphinDB prints a data source.
func (d *DataSource) String() string {
	if d.Load != nil {
		return "DataSource<" + d.Desc + ">"
	}
	return "DataSource" + d.Code.String()
}

// materialise evaluates a data source; any other value is its own data.
func materialise(env funcs.Env, x value.Value) (value.Value, error) {
	if d, ok := x.(*DataSource); ok {
		return d.Materialise(env)
	}
	return x, nil
}

// xmr is map-reduce over data sources: mapFunc on each materialised
// source, the results folded with reduceFunc (all of them, as a tuple,
// without one), then finalFunc.
func xmr(env funcs.Env, args []value.Value) (value.Value, error) {
	var sources []value.Value
	switch d := args[0].(type) {
	case *value.Vector:
		if d.T != value.Any {
			return nil, ddberr.Errorf("The argument [ds] of mr must be a tuple of data sources.")
		}
		sources = d.Any
	case *DataSource:
		sources = []value.Value{d}
	default:
		return nil, ddberr.Errorf("The argument [ds] of mr must be a tuple of data sources.")
	}
	mapFn, err := higherorder.FnArg("mr", args[1])
	if err != nil {
		return nil, err
	}
	reduce, final := funcs.Arg(args, 2), funcs.Arg(args, 3)
	if _, err := funcs.BoolArg("mr", "parallel", funcs.Arg(args, 4), true); err != nil {
		return nil, err
	}
	results := make([]value.Value, len(sources))
	for i, s := range sources {
		data, err := materialise(env, s)
		if err != nil {
			return nil, err
		}
		if results[i], err = env.Call(mapFn, data); err != nil {
			return nil, err
		}
	}
	var out value.Value
	if reduce != nil && len(results) > 0 {
		out = results[0]
		for _, r := range results[1:] {
			if out, err = reduceMapResults(env, reduce, out, r); err != nil {
				return nil, err
			}
		}
	} else {
		out = value.NewTuple(results)
	}
	if final != nil {
		return env.Call(final, out)
	}
	return out, nil
}

// reduceMapResults combines two map results; tuples (several results per
// map call) are combined element by element.
func reduceMapResults(env funcs.Env, fn, a, b value.Value) (value.Value, error) {
	ta, ok1 := a.(*value.Vector)
	tb, ok2 := b.(*value.Vector)
	if ok1 && ok2 && ta.T == value.Any && tb.T == value.Any && len(ta.Any) == len(tb.Any) {
		out := make([]value.Value, len(ta.Any))
		for i := range out {
			r, err := env.Call(fn, ta.Any[i], tb.Any[i])
			if err != nil {
				return nil, err
			}
			out[i] = r
		}
		return value.NewTuple(out), nil
	}
	return env.Call(fn, a, b)
}

// DataSources returns a data source or a tuple of them as a list.
func DataSources(fn string, x value.Value) ([]*DataSource, error) {
	bad := ddberr.Errorf("The argument [ds] of %s must be a data source or a tuple of data sources.", fn)
	switch d := x.(type) {
	case *DataSource:
		return []*DataSource{d}, nil
	case *value.Vector:
		if out, ok := value.TupleOf[*DataSource](d); ok {
			return out, nil
		}
	}
	return nil, bad
}
