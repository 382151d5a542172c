package dispatchengine

import (
	"hash/maphash"
	"time"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/streamengine"
	"github.com/porpoisedb/porpoise/value"
)

const fnName = "createStreamDispatchEngine"

// engine sends each row to output[copy][slot] for every copy, the slot
// chosen by its key. Appends are dispatched as they come, so nothing
// waits in the engine between them.
type engine struct {
	bg       funcs.Env
	outputs  [][]value.Value // copies, each a list of slots
	key      int             // the key column of the input
	kind     string          // hash, uniform or saltedHash
	byBatch  bool
	elapsed  bool
	seed     maphash.Seed
	salt     string
	uniform  map[string]int // uniform: key -> slot, in order of first appearance
	numRows  int64
	keyBytes int64
}

func createStreamDispatchEngine(env funcs.Env, args []value.Value) (value.Value, error) {
	dummy, ok := args[1].(*value.Table)
	if !ok {
		return nil, ddberr.Errorf("The argument [%s] of %s must be a table.", "dummyTable", fnName)
	}
	name, _ := funcs.StringArg(args[0])
	e := &engine{seed: maphash.MakeSeed(), salt: name, uniform: map[string]int{}}
	keys, err := streamengine.Columns(fnName, "keyColumn", args[2], dummy)
	if err != nil {
		return nil, err
	}
	if len(keys) != 1 {
		return nil, ddberr.Errorf("The argument [keyColumn] of createStreamDispatchEngine must be one column name.")
	}
	e.key = keys[0]
	if e.outputs, err = readOutputs(args[3]); err != nil {
		return nil, err
	}
	a := funcs.ReadArgs(fnName, args)
	kind, ok := funcs.ChoiceArg(a.Given(4), "hash", "uniform", "saltedHash")
	if !ok {
		a.Bad("dispatchType", `"hash", "uniform" or "saltedHash"`)
	}
	e.kind = kind
	e.byBatch = a.Bool("hashByBatch", a.Given(5), false)
	a.Bool("outputLock", a.Given(6), true)
	a.PositiveInt("queueDepth", a.Given(7), 4096)
	e.elapsed = a.Bool("outputElapsedTime", a.Given(8), false)
	if _, ok := funcs.ChoiceArg(a.Given(9), "buffer", "queue"); !ok {
		a.Bad("mode", `"buffer" or "queue"`)
	}
	if err := a.Err(); err != nil {
		return nil, err
	}
	if e.byBatch && kind != "hash" {
		return nil, ddberr.Errorf("hashByBatch of createStreamDispatchEngine can be true only when dispatchType is 'hash'.")
	}
	return streamengine.Create(env, "StreamDispatchEngine", args[0], dummy, func(bg funcs.Env) (streamengine.Engine, error) {
		e.bg = bg
		return e, nil
	})
}

// readOutputs reads outputTable: a table, a tuple of 1 to 100 tables
// (one copy), or a tuple of such tuples of one length (one copy each).
func readOutputs(v value.Value) ([][]value.Value, error) {
	bad := ddberr.Errorf("The argument [outputTable] of createStreamDispatchEngine must be a table, a tuple of 1 to 100 tables or a tuple of tuples of tables of the same length.")
	if isOutput(v) {
		return [][]value.Value{{v}}, nil
	}
	tup, ok := v.(*value.Vector)
	if !ok || tup.T != value.Any || len(tup.Any) == 0 {
		return nil, bad
	}
	if isOutput(tup.Any[0]) {
		for _, x := range tup.Any {
			if !isOutput(x) {
				return nil, bad
			}
		}
		if len(tup.Any) > 100 {
			return nil, bad
		}
		return [][]value.Value{tup.Any}, nil
	}
	var copies [][]value.Value
	for _, x := range tup.Any {
		sub, ok := x.(*value.Vector)
		if !ok || sub.T != value.Any || len(sub.Any) == 0 || len(sub.Any) > 100 || len(copies) > 0 && len(sub.Any) != len(copies[0]) {
			return nil, bad
		}
		for _, y := range sub.Any {
			if !isOutput(y) {
				return nil, bad
			}
		}
		copies = append(copies, sub.Any)
	}
	return copies, nil
}

func isOutput(v value.Value) bool {
	_, ok := v.(*value.Table)
	return ok
}

// slot is the output a key goes to among n.
func (e *engine) slot(key string, n int) int {
	switch e.kind {
	case "uniform":
		s, ok := e.uniform[key]
		if !ok {
			s = len(e.uniform) % n
			e.uniform[key] = s
			e.keyBytes += int64(len(key)) + 16
		}
		return s
	case "saltedHash":
		return int(maphash.String(e.seed, e.salt+"\x00"+key) % uint64(n))
	}
	return int(maphash.String(e.seed, key) % uint64(n))
}

// Consume implements streamengine.Engine: the rows of each slot go out
// together, in their order in the append, to that slot of every copy.
func (e *engine) Consume(batch *value.Table) error {
	start := time.Now()
	n := batch.Rows()
	e.numRows += int64(n)
	slots := len(e.outputs[0])
	keys := batch.Cols[e.key]
	rows := make([][]int, slots)
	if e.byBatch {
		s := e.slot(keyText(keys, 0), slots)
		rows[s] = make([]int, n)
		for i := range rows[s] {
			rows[s][i] = i
		}
	} else {
		for i := 0; i < n; i++ {
			s := e.slot(keyText(keys, i), slots)
			rows[s] = append(rows[s], i)
		}
	}
	for s, idx := range rows {
		if len(idx) == 0 {
			continue
		}
		part := batch
		if len(idx) < n {
			cols := make([]*value.Vector, len(batch.Cols))
			for c, col := range batch.Cols {
				cols[c] = col.Gather(idx)
			}
			part = value.NewTable(batch.Names, cols)
		}
		for _, outs := range e.outputs {
			t := part
			if e.elapsed {
				t = withElapsed(part, start)
			}
			if err := streamengine.Emit(e.bg, outs[s], t); err != nil {
				return err
			}
		}
	}
	return nil
}

// withElapsed is t with the two columns outputElapsedTime adds: the
// microseconds since the append reached the engine and the time of
// output.
func withElapsed(t *value.Table, start time.Time) *value.Table {
	n := t.Rows()
	us := make([]int64, n)
	at := make([]int64, n)
	now := time.Now()
	for i := range us {
		us[i] = now.Sub(start).Microseconds()
		at[i] = now.UnixNano()
	}
	names := append(append([]string(nil), t.Names...), "elapsedTime", "outputTime")
	cols := append(append([]*value.Vector(nil), t.Cols...), value.NewLongs(us), &value.Vector{T: value.NanoTimestamp, I64: at})
	return value.NewTable(names, cols)
}

// keyText is row i's key as text, which the hashes read.
func keyText(v *value.Vector, i int) string {
	if v.T == value.String || v.T == value.Symbol {
		return v.StrAt(i)
	}
	return v.FormatElem(i)
}

// Stat implements streamengine.Engine.
func (e *engine) Stat() ([]string, []value.Value) {
	return []string{"numRows", "memoryUsed"}, []value.Value{value.NewLong(e.numRows), value.NewLong(e.keyBytes)}
}

// Close implements streamengine.Engine.
func (e *engine) Close() {}

// Outputs implements streamengine.Engine: every copy's slots.
func (e *engine) Outputs() []value.Value {
	var all []value.Value
	for _, outs := range e.outputs {
		all = append(all, outs...)
	}
	return all
}
