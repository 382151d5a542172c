package dbfuncs

import (
	"errors"
	"sort"
	"time"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/system"
	"github.com/porpoisedb/porpoise/value"
)

func init() {
	funcs.Register(funcs.Spec{Name: "replay", Params: []string{"inputTables", "outputTables", "dateColumn", "timeColumn", "replayRate", "absoluteRate", "parallelLevel", "sortColumns", "preciseRate"},
		Min: 2, Max: 9, Props: funcs.Session, Category: "db-table", Fn: xreplay})
}

// replayer writes rows to output tables in time order, at the pace the
// replay mode asks for: full speed, replayRate rows a second, the data's
// own time span sped up replayRate times, or each row at its own time
// sped up (preciseRate).
type replayer struct {
	env                funcs.Env
	insert             value.Value // tableInsert
	rate               int64       // <= 0: full speed
	absolute, precise  bool
	dateCols, timeCols []string // per input ("" when not given)
}

func xreplay(env funcs.Env, args []value.Value) (value.Value, error) {
	r := &replayer{env: env, rate: -1}
	ins, ok := env.Function("tableInsert")
	if !ok {
		return nil, errors.New("replay needs tableInsert.")
	}
	r.insert = ins
	a := funcs.ReadArgs("replay", args)
	if x := a.Arg(4); x != nil && !isNull(x) {
		r.rate = a.Int("replayRate", x, -1)
	}
	r.absolute = a.Bool("absoluteRate", a.Arg(5), true)
	a.Int("parallelLevel", a.Arg(6), 1)
	var sortCols []string
	if x := a.Arg(7); x != nil && !isNull(x) {
		names, ok := funcs.StringsArg(x)
		if _, hetero := args[0].(*value.Dict); !hetero {
			a.Fail(ddberr.Errorf("The argument [sortColumns] of replay applies only to heterogeneous replay."))
		} else if !ok || len(names) == 0 || len(names) > 2 {
			a.Fail(ddberr.Errorf("The argument [sortColumns] of replay must be a column name or a vector of two."))
		}
		sortCols = names
	}
	r.precise = a.Bool("preciseRate", a.Arg(8), false)
	if err := a.Err(); err != nil {
		return nil, err
	}
	if err := checkInputTables(args[0]); err != nil {
		return nil, err
	}
	if in, ok := args[0].(*value.Dict); ok {
		return nil, r.replayHetero(in, args, sortCols)
	}

	inputs := []value.Value{args[0]}
	multi := false
	if t, ok := args[0].(*value.Vector); ok && t.T == value.Any && len(t.Any) > 0 {
		if _, isDS := t.Any[0].(*system.DataSource); !isDS {
			inputs, multi = t.Any, true
		}
	}
	outputs := []value.Value{args[1]}
	if t, ok := args[1].(*value.Vector); ok && t.T == value.Any {
		outputs = t.Any
	} else if ok && (t.T == value.String || t.T == value.Symbol) {
		// names as a string vector (data_replay.md: [`outQuotes1])
		outputs = nil
		for _, name := range t.Strings() {
			outputs = append(outputs, value.NewString(name))
		}
	}
	for i, o := range outputs {
		if name, ok := funcs.StringArg(o); ok {
			v, found := env.Var(name)
			if !found {
				return nil, ddberr.Errorf("The shared table %s does not exist.", name)
			}
			outputs[i] = v
		}
		if outputs[i].Form() != value.FormTable {
			return nil, ddberr.Errorf("The argument [outputTables] of replay must be a table, a shared table's name or a tuple of them.")
		}
	}
	if len(outputs) != 1 && len(outputs) != len(inputs) {
		return nil, ddberr.Errorf("The number of output tables must be 1 or equal to the number of input tables.")
	}
	var err error
	if r.dateCols, err = columnNames("dateColumn", funcs.Arg(args, 2), len(inputs)); err != nil {
		return nil, err
	}
	if r.timeCols, err = columnNames("timeColumn", funcs.Arg(args, 3), len(inputs)); err != nil {
		return nil, err
	}
	if r.dateCols[0] == "" && r.timeCols[0] == "" {
		return nil, ddberr.Errorf("At least one of dateColumn and timeColumn must be given.")
	}
	if !multi {
		return nil, r.replayInput(0, inputs[0], outputs[0])
	}
	if len(outputs) == len(inputs) {
		return nil, r.replayEach(inputs, outputs)
	}
	// N to 1: all inputs merged by time.
	var all *value.Table
	var keys []int64
	for i, in := range inputs {
		tables, err := r.load(in)
		if err != nil {
			return nil, err
		}
		for _, t := range tables {
			k, err := r.keys(i, t)
			if err != nil {
				return nil, err
			}
			if all == nil {
				all = t.EmptyLike(t.Rows())
			}
			if len(t.Cols) != len(all.Cols) {
				return nil, ddberr.Errorf("The input tables of an N to 1 replay must have the same schema.")
			}
			for c, col := range t.Cols {
				if col.T != all.Cols[c].T {
					return nil, ddberr.Errorf("The input tables of an N to 1 replay must have the same schema.")
				}
				all.Cols[c].AppendVector(col)
			}
			keys = append(keys, k...)
		}
	}
	if all == nil {
		return nil, nil
	}
	order, sorted := timeOrder(keys)
	return nil, r.write(all.Gather(order), sorted, outputs[0])
}

// errInputTables refuses inputTables of another form than replay.md's
// (error_codes/S02003.md).
var errInputTables = ddberr.Errorf("InputTables must be non-partitioned table(s), data source(s), or a dictionary. RefId:S02003")

// checkInputTables applies S02003.md's rules to inputTables: an in-memory
// table; a dictionary whose values are all in-memory tables or all
// non-empty tuples of data sources; or a non-empty tuple whose elements
// are all in-memory tables or all data sources (a data source standing
// also for a tuple of them, one input of an N to 1 replay).
func checkInputTables(x value.Value) error {
	var elems []value.Value
	switch v := x.(type) {
	case *value.Table, *system.DataSource:
		return nil
	case *value.Dict:
		if v.Vals.T != value.Any {
			return errInputTables
		}
		elems = v.Vals.Any
	case *value.Vector:
		if v.T != value.Any || len(v.Any) == 0 {
			return errInputTables
		}
		elems = v.Any
	default:
		return errInputTables
	}
	tables, sources := 0, 0
	for _, e := range elems {
		switch e := e.(type) {
		case *value.Table:
			tables++
		case *system.DataSource:
			sources++
		case *value.Vector:
			if ds, ok := value.TupleOf[*system.DataSource](e); !ok || len(ds) == 0 {
				return errInputTables
			}
			sources++
		default:
			return errInputTables
		}
	}
	if tables > 0 && sources > 0 {
		return errInputTables
	}
	return nil
}

// timeOrder is the stable order of rows by their replay times, and the
// times in that order.
func timeOrder(keys []int64) ([]int, []int64) {
	order := make([]int, len(keys))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return keys[order[a]] < keys[order[b]] })
	sorted := make([]int64, len(keys))
	for i, o := range order {
		sorted[i] = keys[o]
	}
	return order, sorted
}

// replayEach is the N to N replay (funcs/r/replay.md): the i-th data
// source of every input is replayed before any input's next one; at a
// paced rate each batch is taken from all inputs in time order (so
// streams feeding one join engine advance together), at full speed the
// inputs' i-th sources are written one after another.
func (r *replayer) replayEach(inputs, outputs []value.Value) error {
	parts := make([][]*value.Table, len(inputs))
	rounds := 0
	for i, in := range inputs {
		tables, err := r.load(in)
		if err != nil {
			return err
		}
		parts[i] = tables
		rounds = max(rounds, len(tables))
	}
	for j := 0; j < rounds; j++ {
		var round []*value.Table
		var owner []int
		var keys [][]int64
		for i := range inputs {
			if j >= len(parts[i]) {
				continue
			}
			k, err := r.keys(i, parts[i][j])
			if err != nil {
				return err
			}
			round, owner, keys = append(round, parts[i][j]), append(owner, i), append(keys, k)
		}
		if r.rate <= 0 {
			for t, tbl := range round {
				if err := r.write(tbl, keys[t], outputs[owner[t]]); err != nil {
					return err
				}
			}
			continue
		}
		if err := r.writeMerged(round, keys, func(t int, rows *value.Table) error {
			_, err := r.env.Call(r.insert, outputs[owner[t]], rows)
			return err
		}); err != nil {
			return err
		}
	}
	return nil
}

// writeMerged paces the rows of several tables merged by time, handing
// each batch's rows to emit table by table.
func (r *replayer) writeMerged(tables []*value.Table, keys [][]int64, emit func(t int, rows *value.Table) error) error {
	type ref struct{ t, row int }
	var all []int64
	var refs []ref
	for t, k := range keys {
		all = append(all, k...)
		for row := range k {
			refs = append(refs, ref{t, row})
		}
	}
	order, sorted := timeOrder(all)
	rows := make([][]int, len(tables))
	return r.schedule(sorted, func(lo, hi int) error {
		for t := range rows {
			rows[t] = rows[t][:0]
		}
		for _, o := range order[lo:hi] {
			rows[refs[o].t] = append(rows[refs[o].t], refs[o].row)
		}
		for t, idx := range rows {
			if len(idx) > 0 {
				if err := emit(t, tables[t].Gather(idx)); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// columnNames reads dateColumn/timeColumn: one name for every input or
// one per input.
func columnNames(param string, x value.Value, n int) ([]string, error) {
	out := make([]string, n)
	if x == nil || isNull(x) {
		return out, nil
	}
	names, ok := funcs.StringsArg(x)
	if !ok || len(names) != 1 && len(names) != n {
		return nil, ddberr.Errorf("The argument [%s] of replay must be a column name or one name per input table.", param)
	}
	for i := range out {
		out[i] = names[min(i, len(names)-1)]
	}
	return out, nil
}

// load returns the tables an input stands for: itself, or the results of
// its data sources in order.
func (r *replayer) load(in value.Value) ([]*value.Table, error) {
	if t, ok := in.(*value.Table); ok {
		return []*value.Table{t}, nil
	}
	list, err := system.DataSources("replay", in)
	if err != nil {
		return nil, errInputTables
	}
	out := make([]*value.Table, 0, len(list))
	for _, d := range list {
		v, err := d.Materialise(r.env)
		if err != nil {
			return nil, err
		}
		t, ok := v.(*value.Table)
		if !ok {
			return nil, ddberr.Errorf("A data source of replay must give a table.")
		}
		out = append(out, t)
	}
	return out, nil
}

// replayInput replays one input (its data sources one after another)
// into out.
func (r *replayer) replayInput(i int, in, out value.Value) error {
	tables, err := r.load(in)
	if err != nil {
		return err
	}
	for _, t := range tables {
		keys, err := r.keys(i, t)
		if err != nil {
			return err
		}
		if err := r.write(t, keys, out); err != nil {
			return err
		}
	}
	return nil
}

// nanosPer is a temporal unit's length in nanoseconds, a MONTH taken
// as 30 days.
func nanosPer(t value.Type) (int64, bool) {
	if t == value.Month {
		return 30 * value.NsPerDay, true
	}
	n := value.TickNanos(t)
	return n, n > 0
}

// keys is each row's replay time in nanoseconds: the date column's plus
// the time column's (when they differ).
func (r *replayer) keys(i int, t *value.Table) ([]int64, error) {
	out := make([]int64, t.Rows())
	cols := []string{r.dateCols[i], r.timeCols[i]}
	if cols[0] == cols[1] {
		cols = cols[:1]
	}
	for _, name := range cols {
		if name == "" {
			continue
		}
		c := t.Column(name)
		if c == nil {
			return nil, ddberr.Errorf("The column %s does not exist in the input table.", name)
		}
		unit, ok := nanosPer(c.T)
		if !ok {
			return nil, ddberr.Errorf("The column %s of replay must be temporal.", name)
		}
		switch {
		case c.I32 != nil || c.Len() == 0 && c.I64 == nil:
			for j, x := range c.I32 {
				out[j] += int64(x) * unit
			}
		default:
			for j, x := range c.I64 {
				out[j] += x * unit
			}
		}
	}
	return out, nil
}

// write inserts t (rows in replay order, keys their times) into out at
// the replay's pace.
func (r *replayer) write(t *value.Table, keys []int64, out value.Value) error {
	return r.schedule(keys, func(lo, hi int) error {
		_, err := r.env.Call(r.insert, out, t.Slice(lo, hi))
		return err
	})
}

// schedule hands rows lo..hi of a replay (keys their times, in order)
// to insert at the replay mode's pace, honouring cancellation while it
// waits.
func (r *replayer) schedule(keys []int64, insert func(lo, hi int) error) error {
	n := len(keys)
	switch {
	case n == 0:
		return nil
	case r.rate <= 0:
		return insert(0, n)
	case r.precise:
		for lo := 0; lo < n; {
			hi := lo + 1
			for hi < n && keys[hi] == keys[lo] {
				hi++
			}
			if lo > 0 {
				if err := r.sleep(time.Duration((keys[lo] - keys[lo-1]) / r.rate)); err != nil {
					return err
				}
			}
			if err := insert(lo, hi); err != nil {
				return err
			}
			lo = hi
		}
		return nil
	}
	return r.pace(keys, insert)
}

// pace hands the rows (keys their replay times) to emit in batches, one
// batch a second: replayRate rows, or with absoluteRate=false
// replayRate*rows/span rows (at least one). Each batch ends at the time
// its last row is due, so 1,000 rows at 100 a second take 10 seconds and
// a 500-second span sped up 100 times takes 5 (the pages' timings).
func (r *replayer) pace(keys []int64, emit func(lo, hi int) error) error {
	n := len(keys)
	perSec := float64(r.rate)
	if !r.absolute {
		span := float64(keys[n-1]-keys[0]) / 1e9
		if span < 1 {
			span = 1
		}
		perSec = float64(r.rate) * float64(n) / span
	}
	batch := max(1, int(perSec))
	start := time.Now()
	for lo := 0; lo < n; lo += batch {
		hi := min(n, lo+batch)
		if err := emit(lo, hi); err != nil {
			return err
		}
		due := start.Add(time.Duration(float64(hi) / perSec * float64(time.Second)))
		if err := r.sleep(time.Until(due)); err != nil {
			return err
		}
	}
	return nil
}

func (r *replayer) sleep(d time.Duration) error {
	if d <= 0 {
		return nil
	}
	tm := time.NewTimer(d)
	defer tm.Stop()
	select {
	case <-tm.C:
		return nil
	case <-r.env.Context().Done():
		return r.env.Context().Err()
	}
}

// isNull reports whether an argument is an explicit NULL.
func isNull(x value.Value) bool {
	s, ok := x.(*value.Scalar)
	return ok && s.Null && s.T == value.Void
}
