package streamengine

import (
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// getStreamEngine is the input table of the engine called name.
func getStreamEngine(env funcs.Env, args []value.Value) (value.Value, error) {
	_, h, err := lookup(env, "getStreamEngine", args[0])
	if err != nil {
		return nil, err
	}
	if v, ok := h.eng.(Viewed); ok {
		return v.Handle(), nil
	}
	return h.input, nil
}

// Viewed is an engine whose handle is a table of its own, not its
// input: a DataView engine's view of the latest row of each key
// (stream/cep_monitoring.md), which scripts append to and query.
type Viewed interface {
	Handle() *value.Table
}

// dropStreamEngine releases the engine called name.
func dropStreamEngine(env funcs.Env, args []value.Value) (value.Value, error) {
	r, h, err := lookup(env, "dropStreamEngine", args[0])
	if err != nil {
		return nil, err
	}
	r.mu.Lock()
	if r.engines[h.name] == h {
		delete(r.engines, h.name)
	}
	r.mu.Unlock()
	h.close()
	return nil, nil
}

// getStreamEngineList is a table of every engine's type, name and
// creator.
func getStreamEngineList(env funcs.Env, _ []value.Value) (value.Value, error) {
	h, err := host(env)
	if err != nil {
		return nil, err
	}
	var kinds, names, users []string
	for _, e := range registryOf(h).sorted() {
		kinds, names, users = append(kinds, e.kind), append(names, e.name), append(users, e.user)
	}
	return value.NewTable([]string{"engineType", "engineName", "user"}, []*value.Vector{
		value.NewStrings(value.String, kinds), value.NewStrings(value.String, names), value.NewStrings(value.String, users)}), nil
}

// getStreamEngineStat is a dictionary from each kind of engine present
// to the table of its engines' states, a row an engine.
func getStreamEngineStat(env funcs.Env, _ []value.Value) (value.Value, error) {
	h, err := host(env)
	if err != nil {
		return nil, err
	}
	tables := map[string]*value.Table{}
	var order []string
	for _, e := range registryOf(h).sorted() {
		names, vals := e.stat()
		t := tables[e.kind]
		if t == nil {
			cols := make([]*value.Vector, len(vals))
			for i, v := range vals {
				cols[i] = value.NewVector(v.Type(), 0, 1)
			}
			t = value.NewTable(names, cols)
			tables[e.kind] = t
			order = append(order, e.kind)
		}
		for i, v := range vals {
			if sc, ok := v.(*value.Scalar); ok {
				t.Cols[i].AppendScalar(sc)
			} else {
				t.Cols[i].AppendNull()
			}
		}
	}
	d := value.NewDict(value.String, value.Any)
	for _, k := range order {
		d.Put(value.NewStrings(value.String, []string{k}), 0, value.NewTuple([]value.Value{tables[k]}), 0)
	}
	return d, nil
}

// Find is the engine x names, or whose input table x is (as
// getStreamEngine returns it), and its input table.
func Find(env funcs.Env, fn string, x value.Value) (Engine, *value.Table, error) {
	if t, ok := x.(*value.Table); ok {
		if h, ok := t.Stream.(*handle); ok {
			return h.eng, h.input, nil
		}
	}
	_, h, err := lookup(env, fn, x)
	if err != nil {
		return nil, nil, err
	}
	return h.eng, h.input, nil
}
