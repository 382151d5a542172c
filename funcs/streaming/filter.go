package streaming

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/stream"
	"github.com/porpoisedb/porpoise/value"
)

// filter is subscribeTable's filter: a function of the batch, or a
// value, range or hash filter on the column setStreamTableFilterColumn
// named.
type filter struct {
	fn  value.Value
	pub *stream.Table
	// values (a vector), rng (a pair) or buckets with a bucket or a
	// range of buckets (a tuple).
	values  value.Value
	rng     *value.Pair
	buckets value.Value
	bucket  value.Value
}

func newFilter(h Host, pub *stream.Table, v value.Value) (*filter, error) {
	if funcs.NullOrAbsent(v) {
		return nil, nil
	}
	if funcs.IsFunction(v) {
		return &filter{fn: v}, nil
	}
	if s, ok := v.(*value.Scalar); ok && (s.T == value.String || s.T == value.Symbol) {
		if fn, ok := h.Function(s.S); ok {
			return &filter{fn: fn}, nil
		}
		if fn, ok := h.Var(s.S); ok && funcs.IsFunction(fn) {
			return &filter{fn: fn}, nil
		}
		fn, err := h.RunScript(s.S)
		if err != nil {
			return nil, err
		}
		if !funcs.IsFunction(fn) {
			return nil, ddberr.Errorf("The filter of subscribeTable must be a function, a vector, a pair or a tuple.")
		}
		return &filter{fn: fn}, nil
	}
	if pub.FilterColumn() == "" {
		return nil, ddberr.Errorf("Failed to filter the table. Please set a filtering column first.RefId: S03028")
	}
	f := &filter{pub: pub}
	switch x := v.(type) {
	case *value.Pair:
		f.rng = x
	case *value.Vector:
		if x.T != value.Any {
			f.values = x
			break
		}
		if len(x.Any) != 2 {
			return nil, ddberr.Errorf("The filter of subscribeTable must be a function, a vector, a pair or a tuple.")
		}
		f.buckets, f.bucket = x.Any[0], x.Any[1]
	default:
		return nil, ddberr.Errorf("The filter of subscribeTable must be a function, a vector, a pair or a tuple.")
	}
	return f, nil
}

// describe is the filter as getStreamingStat shows it.
func (f *filter) describe() string {
	switch {
	case f.fn != nil:
		return f.fn.String()
	case f.values != nil:
		return f.values.String()
	case f.rng != nil:
		return f.rng.String()
	}
	return "(" + f.buckets.String() + "," + f.bucket.String() + ")"
}

// apply keeps the rows of batch that pass, running the comparisons as
// the operators' vector functions in the subscription's session.
func (f *filter) apply(env funcs.Env, batch *value.Table) (*value.Table, error) {
	if f.fn != nil {
		out, err := env.Call(f.fn, batch)
		if err != nil {
			return nil, err
		}
		t, ok := out.(*value.Table)
		if !ok && out != nil {
			return nil, ddberr.Errorf("The filter of subscribeTable must be a function, a vector, a pair or a tuple.")
		}
		return t, nil
	}
	col := batch.Column(f.pub.FilterColumn())
	if col == nil {
		return nil, ddberr.Errorf("The filter column %s doesn't exist in the table.", f.pub.FilterColumn())
	}
	call := func(name string, args ...value.Value) (value.Value, error) {
		fn, ok := env.Function(name)
		if !ok {
			return nil, funcs.UnknownFunction(name)
		}
		return env.Call(fn, args...)
	}
	var key value.Value = col
	within := f.values
	if f.rng != nil {
		within = f.rng
	}
	if f.buckets != nil {
		var err error
		if key, err = call("hashBucket", col, f.buckets); err != nil {
			return nil, err
		}
		within = f.bucket
	}
	var mask value.Value
	var err error
	switch r := within.(type) {
	case *value.Pair:
		var lo, hi value.Value
		if lo, err = call("ge", key, r.V.At(0)); err == nil {
			if hi, err = call("lt", key, r.V.At(1)); err == nil {
				mask, err = call("and", lo, hi)
			}
		}
	case *value.Scalar:
		mask, err = call("eq", key, r)
	default:
		mask, err = call("in", key, within)
	}
	if err != nil {
		return nil, err
	}
	return keep(batch, mask), nil
}

// keep is the rows of batch where mask (a BOOL vector) is true.
func keep(batch *value.Table, mask value.Value) *value.Table {
	m, ok := mask.(*value.Vector)
	if !ok || m.T != value.Bool {
		return batch.Slice(0, 0)
	}
	idx := make([]int, 0, len(m.I8))
	for i, b := range m.I8 {
		if b == 1 {
			idx = append(idx, i)
		}
	}
	return batch.Gather(idx)
}
