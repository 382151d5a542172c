package alertengine

import (
	"strconv"
	"sync"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/streamengine"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
)

const ruleFn = "createRuleEngine"

var ruleParams = []string{"name", "ruleSets", "dummyTable", "outputColumns", "outputTable", "policy", "ruleSetColumn", "callback"}

// ruleSet is the rules of one key: conditions checked in order.
type ruleSet struct {
	key     string // "" for the default rule
	code    []value.Value
	metrics *streamengine.Metrics
}

// ruleEngine is a stateless engine that checks each row against the
// rule set its ruleSetColumn names (the default one failing that).
type ruleEngine struct {
	bg        funcs.Env
	output    value.Value
	outCols   []int
	setCol    int
	policyAll bool
	callback  value.Value
	rows      int64

	mu    sync.Mutex // rules change while rows are checked
	def   *ruleSet
	rules map[string]*ruleSet
	order []string
}

// ruleKey is element i of a rule-set key or ruleSetColumn as the rules
// are looked up by ("" for NULL).
func ruleKey(v *value.Vector, i int) string {
	if v.IsNull(i) {
		return ""
	}
	switch {
	case v.I32 != nil:
		return strconv.FormatInt(int64(v.I32[i]), 10)
	case v.I64 != nil:
		return strconv.FormatInt(v.I64[i], 10)
	case v.I16 != nil:
		return strconv.FormatInt(int64(v.I16[i]), 10)
	case v.I8 != nil:
		return strconv.FormatInt(int64(v.I8[i]), 10)
	}
	if v.T == value.String || v.T == value.Symbol {
		return v.StrAt(i)
	}
	return v.Elem(i).String()
}

// parseRules reads one key's rules: metacode or a tuple of metacode.
func parseRules(fn, key string, v value.Value) (*ruleSet, error) {
	m, err := streamengine.ParseMetrics(fn, v)
	if err != nil {
		return nil, err
	}
	rs := &ruleSet{key: key, metrics: m}
	if t, ok := v.(*value.Vector); ok && t.T == value.Any {
		rs.code = append(rs.code, t.Any...)
	} else {
		rs.code = []value.Value{v}
	}
	return rs, nil
}

func createRuleEngine(env funcs.Env, args []value.Value) (value.Value, error) {
	bad := func(param, what string) error {
		return funcs.BadArg(ruleFn, param, what)
	}
	d, ok := funcs.Arg(args, 1).(*value.Dict)
	if !ok {
		return nil, bad("ruleSets", "a dictionary from INT or STRING keys to tuples of metacode, with a NULL key for the default rule")
	}
	dummy, ok := funcs.Arg(args, 2).(*value.Table)
	if !ok {
		return nil, bad("dummyTable", "a table")
	}
	e := &ruleEngine{rules: map[string]*ruleSet{}, setCol: -1}
	for i := 0; i < d.Len(); i++ {
		k := ruleKey(d.Keys, i)
		rs, err := parseRules(ruleFn, k, d.Vals.Elem(i))
		if err != nil {
			return nil, err
		}
		if k == "" {
			e.def = rs
		} else {
			e.rules[k] = rs
			e.order = append(e.order, k)
		}
	}
	if e.def == nil {
		return nil, bad("ruleSets", "a dictionary from INT or STRING keys to tuples of metacode, with a NULL key for the default rule")
	}
	var err error
	if e.outCols, err = streamengine.Columns(ruleFn, "outputColumns", funcs.Arg(args, 3), dummy); err != nil {
		return nil, err
	}
	if e.outCols == nil {
		return nil, ddberr.Errorf("The argument [%s] of %s must be a column name or a vector of column names.", "outputColumns", ruleFn)
	}
	e.output = funcs.Arg(args, 4)
	if _, ok := e.output.(*value.Table); !ok {
		return nil, bad("outputTable", "a table")
	}
	policy, ok := funcs.ChoiceArg(funcs.GivenArg(args, 5), "shortcut", "all")
	if !ok {
		return nil, bad("policy", "\"shortcut\" or \"all\"")
	}
	e.policyAll = policy == "all"
	if sc := funcs.GivenArg(args, 6); sc != nil {
		cols, err := streamengine.Columns(ruleFn, "ruleSetColumn", sc, dummy)
		if err != nil {
			return nil, err
		}
		if len(cols) != 1 {
			return nil, ddberr.Errorf("The argument [%s] of %s must be a column name or a vector of column names.", "ruleSetColumn", ruleFn)
		}
		e.setCol = cols[0]
	}
	if cb := funcs.GivenArg(args, 7); cb != nil {
		if !funcs.IsFunction(cb) {
			return nil, bad("callback", "a function")
		}
		e.callback = cb
	}
	in, err := streamengine.Create(env, "RuleEngine", args[0], dummy, func(bg funcs.Env) (streamengine.Engine, error) {
		e.bg = bg
		return e, nil
	})
	if err != nil {
		return nil, err
	}
	return in, nil
}

// Close implements streamengine.Engine: the engine runs nothing of its
// own.
func (e *ruleEngine) Close() {}

// Outputs implements streamengine.Engine: the output table and the
// callback.
func (e *ruleEngine) Outputs() []value.Value { return nonNil(e.output, e.callback) }

// nonNil is vals without the nil ones (parameters not given).
func nonNil(vals ...value.Value) []value.Value {
	out := vals[:0]
	for _, v := range vals {
		if v != nil {
			out = append(out, v)
		}
	}
	return out
}

// Stat implements streamengine.Engine.
func (e *ruleEngine) Stat() ([]string, []value.Value) {
	e.mu.Lock()
	defer e.mu.Unlock()
	return []string{"numRows", "numRuleSets", "policy"},
		[]value.Value{value.NewLong(e.rows), value.NewLong(int64(len(e.rules) + 1)), value.NewString(e.policy())}
}

func (e *ruleEngine) policy() string {
	if e.policyAll {
		return "all"
	}
	return "shortcut"
}

// Consume implements streamengine.Engine: the rows of each rule set are
// checked by one query; the output keeps outputColumns and the result.
func (e *ruleEngine) Consume(batch *value.Table) error {
	e.mu.Lock()
	n := batch.Rows()
	e.rows += int64(n)
	setOf := make([]*ruleSet, n)
	idx := map[*ruleSet][]int{}
	var sets []*ruleSet
	for i := range setOf {
		rs := e.def
		if e.setCol >= 0 {
			if r, ok := e.rules[ruleKey(batch.Cols[e.setCol], i)]; ok {
				rs = r
			}
		}
		setOf[i] = rs
		if _, ok := idx[rs]; !ok {
			sets = append(sets, rs)
		}
		idx[rs] = append(idx[rs], i)
	}
	e.mu.Unlock()
	// results[i][j]: rule j of row i's set holds (1), fails (0) or is NULL (-1)
	results := make([][]int8, n)
	for _, rs := range sets {
		rows := idx[rs]
		cols := make([]ast.Expr, len(rs.metrics.Exprs))
		for j, x := range rs.metrics.Exprs {
			cols[j] = &ast.AliasExpr{X: x, Name: metricCol(j)}
		}
		out, err := streamengine.Run(e.bg, &ast.SelectExpr{Cols: cols}, batch.Gather(rows), rs.metrics.Bind)
		if err != nil {
			return err
		}
		for r, i := range rows {
			res := make([]int8, len(cols))
			for j := range cols {
				c := out.Column(metricCol(j))
				switch {
				case c == nil || r >= c.Len() || c.IsNull(r):
					res[j] = -1
				case truth(c, r):
					res[j] = 1
				}
			}
			results[i] = res
		}
	}
	var rule *value.Vector
	if e.policyAll {
		rule = value.NewVector(value.Bool+value.ArrayOffset, 0, n)
		flat := []int8{}
		offs := make([]int64, 0, n)
		for _, res := range results {
			for _, x := range res {
				if x < 0 {
					flat = append(flat, value.NullInt8)
				} else {
					flat = append(flat, x)
				}
			}
			offs = append(offs, int64(len(flat)))
		}
		rule.I8, rule.Offsets = flat, offs
	} else {
		first := make([]int32, n)
		for i, res := range results {
			first[i] = value.NullInt32
			for j, x := range res {
				if x != 1 {
					first[i] = int32(j)
					break
				}
			}
		}
		rule = value.NewInts(first)
	}
	kept := batch.Gather(value.Iota(n))
	names := make([]string, 0, len(e.outCols)+1)
	cols := make([]*value.Vector, 0, len(e.outCols)+1)
	for _, c := range e.outCols {
		names, cols = append(names, batch.Names[c]), append(cols, kept.Cols[c])
	}
	out := value.NewTable(append(names, "rule"), append(cols, rule))
	if err := streamengine.Emit(e.bg, e.output, out); err != nil {
		return err
	}
	if e.callback != nil {
		for i := 0; i < n; i++ {
			row := out.Slice(i, i+1)
			if _, err := e.bg.Call(e.callback, row); err != nil {
				return err
			}
		}
	}
	return nil
}

// ruleEngineNamed is the rule engine called name.
func ruleEngineNamed(env funcs.Env, fn string, name value.Value) (*ruleEngine, error) {
	get, _ := funcs.Lookup("getStreamEngine")
	v, err := get.Fn(env, []value.Value{name})
	if err != nil {
		return nil, err
	}
	var e *ruleEngine
	if t, ok := v.(*value.Table); ok {
		eng, _ := streamengine.EngineOf(t)
		e, _ = eng.(*ruleEngine)
	}
	if e == nil {
		return nil, funcs.BadArg(fn, "engineName", "the name of a rule engine")
	}
	return e, nil
}

// keyArg reads updateRule's and deleteRule's key: an INT or STRING
// scalar.
func keyArg(fn string, v value.Value) (string, error) {
	s, ok := v.(*value.Scalar)
	if !ok || s.Null {
		return "", funcs.BadArg(fn, "key", "an INT or STRING scalar")
	}
	switch s.T {
	case value.Char, value.Short, value.Int, value.Long:
		return strconv.FormatInt(s.I, 10), nil
	case value.String, value.Symbol:
		return s.S, nil
	}
	return "", funcs.BadArg(fn, "key", "an INT or STRING scalar")
}

// updateRule sets the rules of key, adding the key if it is new.
func updateRule(env funcs.Env, args []value.Value) (value.Value, error) {
	e, err := ruleEngineNamed(env, "updateRule", args[0])
	if err != nil {
		return nil, err
	}
	k, err := keyArg("updateRule", args[1])
	if err != nil {
		return nil, err
	}
	rs, err := parseRules("updateRule", k, args[2])
	if err != nil {
		return nil, err
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if _, ok := e.rules[k]; !ok {
		e.order = append(e.order, k)
	}
	e.rules[k] = rs
	return value.NewBool(true), nil
}

// deleteRule drops the rules of key (never the default rule).
func deleteRule(env funcs.Env, args []value.Value) (value.Value, error) {
	e, err := ruleEngineNamed(env, "deleteRule", args[0])
	if err != nil {
		return nil, err
	}
	k, err := keyArg("deleteRule", args[1])
	if err != nil {
		return nil, err
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if _, ok := e.rules[k]; !ok {
		return value.NewBool(false), nil
	}
	delete(e.rules, k)
	for i, o := range e.order {
		if o == k {
			e.order = append(e.order[:i:i], e.order[i+1:]...)
			break
		}
	}
	return value.NewBool(true), nil
}

// getRules is each rule engine's rule sets, policy and callback.
func getRules(env funcs.Env, args []value.Value) (value.Value, error) {
	var names []string
	if v := funcs.GivenArg(args, 0); v != nil {
		switch x := v.(type) {
		case *value.Scalar:
			if s, ok := funcs.StringArg(x); ok {
				names = []string{s}
			}
		case *value.Vector:
			if x.T == value.String || x.T == value.Symbol {
				for i := 0; i < x.Len(); i++ {
					names = append(names, x.StrAt(i))
				}
			}
		}
		if names == nil {
			return nil, funcs.BadArg("getRules", "engineName", "a STRING vector")
		}
	} else {
		list, _ := funcs.Lookup("getStreamEngineList")
		v, err := list.Fn(env, nil)
		if err != nil {
			return nil, err
		}
		t := v.(*value.Table)
		kinds, engs := t.Column("engineType"), t.Column("engineName")
		for i := 0; i < t.Rows(); i++ {
			if kinds.StrAt(i) == "RuleEngine" {
				names = append(names, engs.StrAt(i))
			}
		}
	}
	out := value.NewDict(value.String, value.Any)
	for _, n := range names {
		e, err := ruleEngineNamed(env, "getRules", value.NewString(n))
		if err != nil {
			return nil, err
		}
		e.mu.Lock()
		sets := value.NewDict(value.String, value.Any)
		put := func(d *value.Dict, k string, v value.Value) {
			d.Put(value.NewStrings(value.String, []string{k}), 0, value.NewTuple([]value.Value{v}), 0)
		}
		put(sets, "Default", value.NewTuple(e.def.code))
		for _, k := range e.order {
			put(sets, k, value.NewTuple(e.rules[k].code))
		}
		info := value.NewDict(value.String, value.Any)
		put(info, "ruleSets", sets)
		put(info, "policy", value.NewString(e.policy()))
		cb := ""
		if e.callback != nil {
			cb = e.callback.String()
		}
		put(info, "callback", value.NewString(cb))
		e.mu.Unlock()
		put(out, n, info)
	}
	return out, nil
}
