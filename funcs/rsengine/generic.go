package rsengine

import (
	"slices"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/higherorder"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
)

// genericStateIterate and genericTStateIterate compute a column from its
// own earlier values through a user function
// (funcs/g/genericStateIterate.md, funcs/g/genericTStateIterate.md). As
// stateIterate, both are vector functions over a key's rows outside the
// engine (a script's call, context by) and nodes in it, whose state per
// key is the results the next row's window reads (stage.go). The results
// are DOUBLE, as stateIterate's: the pages' examples write them to DOUBLE
// columns, and the window func reads mixes initial's values with func's.

const (
	genName  = "genericStateIterate"
	genTName = "genericTStateIterate"
)

// genIter is a generic iterate's arguments besides its columns.
type genIter struct {
	fn   string
	call value.Value
	// window is genericStateIterate's count of earlier results func
	// reads (0: the one before, as a scalar)
	window int
	// span is genericTStateIterate's window in T's units, leftClosed
	// whether its window holds the results at its left bound
	span       int64
	leftClosed bool
	timed      bool
}

// genParams reads window, func and leftClosed; t is T's type
// (genericTStateIterate), which an integer window is counted in.
func genParams(fn string, window, call, leftClosed value.Value, t value.Type) (*genIter, error) {
	g := &genIter{fn: fn, call: call, timed: fn == genTName}
	if g.timed {
		span, err := higherorder.WindowTicks(fn, t, window)
		if err == nil && span < 1 {
			err = ddberr.Errorf("The argument [window] of %s must be a positive integer or duration.", fn)
		}
		if err != nil {
			return nil, err
		}
		g.span = span
		if funcs.EmptyArg(leftClosed) {
			leftClosed = nil
		}
		if g.leftClosed, err = funcs.BoolArg(fn, "leftClosed", leftClosed, false); err != nil {
			return nil, err
		}
	} else {
		w, err := funcs.IntArg(fn, "window", window, 0)
		if err != nil || w < 0 || w > 1<<30 {
			return nil, ddberr.Errorf("The argument [%s] of %s must be a non-negative integer.", "window", fn)
		}
		g.window = int(w)
	}
	if !funcs.IsFunction(call) {
		return nil, funcs.BadArg(fn, "func", "a function given by partial application")
	}
	return g, nil
}

// genColumns reads X: one column, a tuple of columns or [] (none), each
// a vector of n elements or a scalar; n is -1 when not yet known.
func genColumns(fn string, x value.Value, n int) ([]value.Value, int, error) {
	bad := funcs.BadArg(fn, "X", "a vector, a tuple of vectors of one length or []")
	var cols []value.Value
	switch v := x.(type) {
	case *value.Scalar:
		cols = []value.Value{v}
	case *value.Vector:
		if v.T != value.Any {
			cols = []value.Value{v}
			break
		}
		for _, c := range v.Any {
			switch c.(type) {
			case *value.Scalar, *value.Vector:
				cols = append(cols, c)
			default:
				return nil, 0, bad
			}
		}
	default:
		return nil, 0, bad
	}
	for _, c := range cols {
		if v, ok := c.(*value.Vector); ok {
			if n >= 0 && v.Len() != n {
				return nil, 0, bad
			}
			n = v.Len()
		}
	}
	return cols, n, nil
}

// genTimes reads T's n values as ticks: a temporal or integral vector
// without NULL values.
func genTimes(fn string, t value.Value, n int) ([]int64, error) {
	v, ts, err := higherorder.TemporalIndex(fn, t)
	if err != nil {
		return nil, err
	}
	if v.Len() != n || v.HasNull() {
		return nil, funcs.BadArg(fn, "T", "a temporal or integral vector of the length of X without NULL values")
	}
	return ts, nil
}

// genericStateIterate(X, initial, window, func).
func genericStateIterate(env funcs.Env, args []value.Value) (value.Value, error) {
	return genericIterate(env, genName, nil, args[0], args[1], args[2], args[3], nil)
}

// genericTStateIterate(T, X, initial, window, func, [leftClosed=false]).
func genericTStateIterate(env funcs.Env, args []value.Value) (value.Value, error) {
	return genericIterate(env, genTName, args[0], args[1], args[2], args[3], args[4], funcs.Arg(args, 5))
}

// genericIterate is either function over whole columns, the rows of one
// key.
func genericIterate(env funcs.Env, fn string, t, x, initial, window, call, leftClosed value.Value) (value.Value, error) {
	xs, n, err := genColumns(fn, x, -1)
	if err != nil {
		return nil, err
	}
	if n < 0 {
		if v, ok := initial.(*value.Vector); ok {
			n = v.Len()
		} else if v, ok := t.(*value.Vector); ok {
			n = v.Len()
		} else {
			n = 1
		}
	}
	tt := value.Void
	if v, ok := t.(*value.Vector); ok {
		tt = v.T
	}
	g, err := genParams(fn, window, call, leftClosed, tt)
	if err != nil {
		return nil, err
	}
	init, err := column(fn, "initial", initial, n)
	if err != nil {
		return nil, err
	}
	var ts []int64
	if g.timed {
		if ts, err = genTimes(fn, t, n); err != nil {
			return nil, err
		}
	}
	var s nodeState
	out := make([]float64, n)
	row := make([]value.Value, len(xs))
	for r := range out {
		for i, c := range xs {
			row[i] = c
			if v, ok := c.(*value.Vector); ok {
				row[i] = v.At(r)
			}
		}
		var tr int64
		if g.timed {
			tr = ts[r]
		}
		if out[r], err = g.next(env, &s, init[r], tr, row); err != nil {
			return nil, err
		}
	}
	return doubles(out), nil
}

// next is the result at the next row of a key whose state is s, given
// the row's initial value, time t (genericTStateIterate) and X's values;
// s keeps the results the rows after it read. A row out of T's order is
// dropped: NULL, its result kept for no later row.
func (g *genIter) next(env funcs.Env, s *nodeState, initial float64, t int64, xs []value.Value) (float64, error) {
	if g.timed {
		return g.nextTimed(env, s, initial, t, xs)
	}
	k := s.n
	s.n++
	v := initial
	switch {
	case g.window == 0:
		prev := initial
		if k > 0 {
			prev = s.recent[len(s.recent)-1]
		}
		var err error
		if v, err = g.apply(env, value.NewDouble(prev), xs); err != nil {
			return 0, err
		}
	case int(k) >= g.window:
		var err error
		if v, err = g.apply(env, value.NewDoubles(slices.Clone(s.recent[len(s.recent)-g.window:])), xs); err != nil {
			return 0, err
		}
	}
	keep := max(g.window, 1)
	s.recent = append(s.recent, v)
	if len(s.recent) > 2*keep {
		s.recent = append(s.recent[:0], s.recent[len(s.recent)-keep:]...)
	}
	return v, nil
}

// nextTimed is next of genericTStateIterate: initial's value while t is
// in [t0, t0 + span), t0 the key's first time, then func over the
// results in (T - span, T] ([T - span, T] leftClosed), T the time of the
// row before (the pages' examples: 09:31's window is 09:30's
// (09:28, 09:30]). s.times are the times of s.recent.
func (g *genIter) nextTimed(env funcs.Env, s *nodeState, initial float64, t int64, xs []value.Value) (float64, error) {
	if s.started && t < s.times[len(s.times)-1] {
		return value.NullFloat64, nil
	}
	if !s.started {
		s.started, s.t0 = true, t
	}
	v := initial
	if s.init || t-s.t0 >= g.span {
		s.init = true
		lo := g.from(s.times, s.times[len(s.times)-1])
		var err error
		if v, err = g.apply(env, value.NewDoubles(slices.Clone(s.recent[lo:])), xs); err != nil {
			return 0, err
		}
	}
	s.recent, s.times = append(s.recent, v), append(s.times, t)
	// the next row's window starts after t - span at the earliest
	if lo := g.from(s.times, t); lo > 0 && 2*lo >= len(s.times) {
		s.recent = append(s.recent[:0], s.recent[lo:]...)
		s.times = append(s.times[:0], s.times[lo:]...)
	}
	return v, nil
}

// from is the first of times (ascending) in the window that ends at
// last.
func (g *genIter) from(times []int64, last int64) int {
	lo, _ := slices.BinarySearchFunc(times, last-g.span, func(x, b int64) int {
		if x < b || x == b && !g.leftClosed {
			return -1
		}
		return 1
	})
	return lo
}

// apply is func's result over the window's results and X's values: a
// numeric scalar, NULL and NaN as NULL.
func (g *genIter) apply(env funcs.Env, window value.Value, xs []value.Value) (float64, error) {
	r, err := env.Call(g.call, append([]value.Value{window}, xs...)...)
	if err != nil {
		return 0, err
	}
	s, ok := r.(*value.Scalar)
	if !ok || !s.T.IsNumeric() && s.T != value.Void {
		return 0, ddberr.Errorf("The function of %s must return a numeric scalar.", g.fn)
	}
	f := s.Float64()
	if f != f {
		return value.NullFloat64, nil
	}
	return f, nil
}

// genNode is the rest of a generic iterate node: the arguments read once,
// when the node's first rows come (T's type counts an integer window).
type genNode struct {
	fn                       string
	window, call, leftClosed ast.Expr
	iter                     *genIter
}

// genericNode is the node of a call of either function: initial its
// argument, then T and X's columns its other arguments; nil when window,
// func or leftClosed may read a column.
func genericNode(fn string, c *ast.CallExpr) *node {
	for _, a := range c.Args {
		if _, named := a.(*ast.NamedArg); named || a == nil {
			return nil
		}
	}
	gn := &genNode{fn: fn}
	args := c.Args
	var extra []ast.Expr
	if fn == genTName {
		if len(args) != 5 && len(args) != 6 {
			return nil
		}
		if len(args) == 6 {
			gn.leftClosed = args[5]
			if !constant(gn.leftClosed) {
				return nil
			}
		}
		extra, args = append(extra, args[0]), args[1:5]
	} else if len(args) != 4 {
		return nil
	}
	if a, ok := args[0].(*ast.ArrayExpr); ok {
		extra = append(extra, a.Elems...)
	} else {
		extra = append(extra, args[0])
	}
	gn.window, gn.call = args[2], args[3]
	if !constant(gn.window) || !funcConstant(gn.call) {
		return nil
	}
	return &node{fn: fn, arg: args[1], extra: extra, gen: gn}
}

// constant says x is a literal, one that reads no column.
func constant(x ast.Expr) bool {
	switch n := x.(type) {
	case *ast.Literal:
		return true
	case *ast.UnaryExpr:
		return constant(n.X)
	}
	return false
}

// funcConstant says x is a function that reads no column: a name, a
// lambda, or a partial application of a name to literals.
func funcConstant(x ast.Expr) bool {
	switch n := x.(type) {
	case *ast.Ident, *ast.LambdaExpr:
		return true
	case *ast.PartialExpr:
		if _, ok := n.Fn.(*ast.Ident); !ok || n.Method {
			return false
		}
		for _, a := range n.Args {
			if a != nil && !constant(a) {
				return false
			}
		}
		return true
	}
	return false
}

// generic computes a generic iterate node's values at the batch's rows
// from its arguments there (initial, then T and X's columns) and each
// row's key's latest results. T's NULLs fail the batch before any key's
// state moves.
func (e *engine) generic(j int, nd *node, initial *value.Vector, extra []*value.Vector) (*value.Vector, error) {
	gn := nd.gen
	n := initial.Len()
	xs := extra
	var tcol *value.Vector
	if gn.fn == genTName {
		tcol, xs = extra[0], extra[1:]
	}
	if gn.iter == nil {
		g, err := e.genParams(gn, tcol)
		if err != nil {
			return nil, err
		}
		gn.iter = g
	}
	ys, err := column(gn.fn, "initial", initial, n)
	if err != nil {
		return nil, err
	}
	var ts []int64
	if tcol != nil {
		if ts, err = genTimes(gn.fn, tcol, n); err != nil {
			return nil, err
		}
	}
	out := make([]float64, n)
	row := make([]value.Value, len(xs))
	for r := range out {
		s := &e.rowGroup[r].states(len(e.plan.nodes))[j]
		for i, x := range xs {
			row[i] = x.At(r)
		}
		var t int64
		if ts != nil {
			t = ts[r]
		}
		if out[r], err = gn.iter.next(e.bg, s, ys[r], t, row); err != nil {
			return nil, err
		}
	}
	return doubles(out), nil
}

// genParams evaluates a node's window, func and leftClosed.
func (e *engine) genParams(gn *genNode, tcol *value.Vector) (*genIter, error) {
	vals := make([]value.Value, 3)
	for i, x := range []ast.Expr{gn.window, gn.call, gn.leftClosed} {
		if x == nil {
			continue
		}
		v, err := e.bg.EvalSession(x, e.cfg.metrics.Bind)
		if err != nil {
			return nil, err
		}
		vals[i] = v
	}
	tt := value.Void
	if tcol != nil {
		tt = tcol.T
	}
	return genParams(gn.fn, vals[0], vals[1], vals[2], tt)
}
