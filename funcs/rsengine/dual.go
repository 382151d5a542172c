package rsengine

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/streamengine"
	"github.com/porpoisedb/porpoise/value"
)

// dualParams are createDualOwnershipReactiveStateEngine's parameters.
var dualParams = []string{"name", "metrics1", "metrics2", "dummyTable", "outputTable", "keyColumn1", "keyColumn2",
	"snapshotDir", "snapshotIntervalInMsgCount", "keyPurgeFilter1", "keyPurgeFilter2", "keyPurgeFreqInSecond",
	"raftGroup", "outputHandler", "msgAsTable"}

const dualFn = "createDualOwnershipReactiveStateEngine"

// dualEngine is two reactive state engines over the same rows, keyed
// apart (funcs/c/createDualOwnershipReactiveStateEngine.md): each input
// row gives one output row of the keys of both, then the metrics of the
// first, then those of the second, in input order.
type dualEngine struct {
	bg     funcs.Env
	halves [2]*engine
	got    [2]*value.Table // each half's output of the batch at hand
	keys   []int           // the output's key columns of the input
	out    *engine         // writes the output as an engine does
}

// createDualOwnershipReactiveStateEngine(name, metrics1, metrics2,
// dummyTable, outputTable, keyColumn1, keyColumn2, [snapshotDir],
// [snapshotIntervalInMsgCount], [keyPurgeFilter1], [keyPurgeFilter2],
// [keyPurgeFreqInSecond=0], [raftGroup], [outputHandler=NULL],
// [msgAsTable=false]).
func createDualOwnershipReactiveStateEngine(env funcs.Env, args []value.Value) (value.Value, error) {
	arg := func(i int) value.Value { return funcs.Arg(args, i) }
	if n, ok := funcs.StringArg(arg(0)); !ok || n == "" {
		return nil, ddberr.Errorf("The name of a stream engine must be a non-empty string.")
	}
	var cfgs [2]*config
	var dummy *value.Table
	for h := range 2 {
		if funcs.NullOrAbsent(arg(5 + h)) {
			return nil, ddberr.Errorf("The argument [%s] of %s must be a column name or a vector of column names.", dualParams[5+h], dualFn)
		}
		// each half reads the arguments of createReactiveStateEngine
		// from dummyTable on; it always keeps the input's order
		rest := make([]value.Value, 15)
		rest[0], rest[1], rest[2] = arg(3), arg(4), arg(5+h)
		rest[4], rest[5] = arg(7), arg(8)
		rest[6] = value.NewBool(true)
		rest[7], rest[8] = arg(9+h), arg(11)
		if !funcs.NullOrAbsent(arg(13)) {
			// the halves' output is the engine's; what writes it is read below
			rest[1] = arg(3)
		}
		cfg, d, err := newConfig(env, dualFn, arg(1+h), nil, rest)
		if err != nil {
			return nil, err
		}
		cfgs[h], dummy = cfg, d
	}
	out := &config{output: arg(4)}
	if hd := arg(13); !funcs.NullOrAbsent(hd) {
		if !funcs.IsFunction(hd) {
			return nil, ddberr.Errorf("The argument [%s] of %s must be a function.", "outputHandler", dualFn)
		}
		out.output, out.handler = hd, true
		var err error
		if out.msgAsTable, err = funcs.BoolArg(dualFn, "msgAsTable", funcs.GivenArg(args, 14), false); err != nil {
			return nil, err
		}
	}
	// the keys: those of both, then the first's own, then the second's
	var keys []int
	in := map[int]bool{}
	for _, k := range cfgs[0].keys {
		if contains(cfgs[1].keys, k) {
			keys, in[k] = append(keys, k), true
		}
	}
	for _, ks := range [][]int{cfgs[0].keys, cfgs[1].keys} {
		for _, k := range ks {
			if !in[k] {
				keys, in[k] = append(keys, k), true
			}
		}
	}
	return streamengine.CreateWithSnapshot(env, kind, arg(0), dummy, cfgs[0].snapshot, func(bg funcs.Env) (streamengine.Engine, error) {
		d := &dualEngine{bg: bg, keys: keys, out: &engine{bg: bg, cfg: out}}
		for h := range 2 {
			cfgs[h].sink = func(t *value.Table) error {
				d.got[h] = t
				return nil
			}
			d.halves[h] = newEngine(bg, cfgs[h], dummy)
		}
		return d, nil
	})
}

func contains(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// Consume runs both halves over the batch and writes their rows side
// by side.
func (d *dualEngine) Consume(batch *value.Table) error {
	d.got = [2]*value.Table{}
	for _, h := range d.halves {
		if err := h.Consume(batch); err != nil {
			return err
		}
	}
	if d.halves[0].warming {
		return nil
	}
	var names []string
	var cols []*value.Vector
	for _, k := range d.keys {
		names, cols = append(names, batch.Names[k]), append(cols, batch.Cols[k])
	}
	for h, t := range d.got {
		if t == nil || t.Rows() != batch.Rows() {
			return nil
		}
		for _, c := range t.Cols[len(d.halves[h].cfg.keys):] {
			names, cols = append(names, metricName(len(names))), append(cols, c)
		}
	}
	return d.out.emit(value.NewTable(names, cols))
}

// Warmup takes msgs into both halves' states without output.
func (d *dualEngine) Warmup(msgs *value.Table) error {
	for _, h := range d.halves {
		if err := h.Warmup(msgs); err != nil {
			return err
		}
	}
	return nil
}

// Stat is the ReactiveStreamEngine columns of the two halves together.
func (d *dualEngine) Stat() ([]string, []value.Value) {
	names, a := d.halves[0].Stat()
	_, b := d.halves[1].Stat()
	for _, i := range []int{0, 2, 3} { // numGroups, numMetrics, memoryInUsed
		x, _ := a[i].(*value.Scalar).Int64()
		y, _ := b[i].(*value.Scalar).Int64()
		a[i] = value.NewLong(x + y)
	}
	return names, a
}

// Close implements streamengine.Engine.
func (d *dualEngine) Close() {}

// Outputs implements streamengine.Engine: the halves write through out.
func (d *dualEngine) Outputs() []value.Value { return d.out.Outputs() }
