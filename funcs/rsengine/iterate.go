package rsengine

import (
	"math"
	"strconv"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
)

// stateIterate and conditionalIterate compute a column from its own
// earlier values (funcs/s/stateIterate.md, funcs/c/conditionalIterate.md).
// The engine evaluates its metrics over each key's history with context
// by, so both are vector functions over a key's rows: the value at row k
// reads the values already computed at rows before k through the
// iterate function, which must be one of the moving, cumulative or
// sequence functions the pages list.

// iterator is an iterate function: its value at the last of the rows
// before k, given those rows' results.
type iterator struct {
	fn     string
	window int           // the row window of the m* functions, move's steps
	span   value.Value   // the tm* functions' window
	times  *value.Vector // the tm* functions' time column
	env    funcs.Env
}

// rowWindow are the iterate functions of a row window.
var rowWindow = map[string]bool{"msum": true, "mavg": true, "mmax": true, "mmin": true, "mcount": true}

// timeWindow are the iterate functions of a time window.
var timeWindow = map[string]bool{"tmove": true, "tmavg": true, "tmmax": true, "tmmin": true, "tmsum": true}

// iterFunc reads fn's iterate function argument: one of the functions
// the pages list, its other arguments given by partial application
// (msum{, 3}, tmsum{T, , 3s}).
func iterFunc(env funcs.Env, fn, param string, v value.Value, n int) (*iterator, error) {
	bad := funcs.BadArg(fn, param,
		"one of tmove, tmavg, tmmax, tmmin, tmsum, mavg, mmax, mmin, mcount, msum, cumlastNot, cumfirstNot, ffill and move, given a single argument")

	named, ok := v.(interface{ FuncName() string })
	if !funcs.IsFunction(v) || !ok {
		return nil, bad
	}
	it := &iterator{fn: named.FuncName(), env: env}
	var bound []value.Value
	if b, ok := v.(interface{ BoundArgs() []value.Value }); ok {
		bound = b.BoundArgs()
	}
	// free is the place of the one argument left open
	free := -1
	for i, b := range bound {
		if b == nil {
			if free >= 0 {
				return nil, bad
			}
			free = i
		}
	}
	switch {
	case it.fn == "cumlastNot" || it.fn == "cumfirstNot" || it.fn == "ffill":
		if len(bound) != 0 {
			return nil, bad
		}
	case rowWindow[it.fn] || it.fn == "move":
		if len(bound) != 2 || free != 0 {
			return nil, bad
		}
		w, err := funcs.IntArg(fn, param, bound[1], 0)
		if err != nil || w < 1 && it.fn != "move" || w < 0 {
			return nil, bad
		}
		it.window = int(w)
	case timeWindow[it.fn]:
		if len(bound) != 3 || free != 1 {
			return nil, bad
		}
		t, ok := bound[0].(*value.Vector)
		if !ok || t.Len() != n {
			return nil, bad
		}
		it.times, it.span = t, bound[2]
	default:
		return nil, bad
	}
	return it, nil
}

// at is the iterate function's value at row k-1 of out (k > 0), out's
// rows before k computed; NULL is value.NullFloat64.
func (it *iterator) at(out []float64, k int) (float64, error) {
	prev := out[:k]
	switch it.fn {
	case "cumlastNot", "ffill":
		for i := k - 1; i >= 0; i-- {
			if !funcs.IsNullF(prev[i]) {
				return prev[i], nil
			}
		}
		return value.NullFloat64, nil
	case "cumfirstNot":
		for _, x := range prev {
			if !funcs.IsNullF(x) {
				return x, nil
			}
		}
		return value.NullFloat64, nil
	case "move":
		if i := k - 1 - it.window; i >= 0 {
			return prev[i], nil
		}
		return value.NullFloat64, nil
	}
	if it.times != nil {
		return it.timed(out, k)
	}
	w := it.window
	if it.fn == "mcount" {
		c := 0
		for _, x := range prev[max(0, k-w):] {
			if !funcs.IsNullF(x) {
				c++
			}
		}
		return float64(c), nil
	}
	// the m* functions are NULL before their first full window
	if k < w {
		return value.NullFloat64, nil
	}
	c, s := 0, 0.0
	best := math.NaN()
	for _, x := range prev[k-w:] {
		if funcs.IsNullF(x) {
			continue
		}
		c++
		s += x
		if best != best || it.fn == "mmax" && x > best || it.fn == "mmin" && x < best {
			best = x
		}
	}
	switch {
	case c == 0:
		return value.NullFloat64, nil
	case it.fn == "msum":
		return s, nil
	case it.fn == "mavg":
		return s / float64(c), nil
	}
	return best, nil
}

// timed is a tm* function's value at row k over the rows before it: the
// function over the times up to k and the results before k with a NULL
// at k, whose window (T - window, T] then holds the earlier rows only.
func (it *iterator) timed(out []float64, k int) (float64, error) {
	xs := make([]float64, k+1)
	copy(xs, out[:k])
	xs[k] = value.NullFloat64
	s, ok := funcs.Lookup(it.fn)
	if !ok {
		return value.NullFloat64, nil
	}
	r, err := s.Fn(it.env, []value.Value{it.times.Slice(0, k+1), value.NewDoubles(xs), it.span})
	if err != nil {
		return 0, err
	}
	v, ok := r.(*value.Vector)
	if !ok || v.Len() != k+1 {
		return value.NullFloat64, nil
	}
	ys, err := funcs.DoublesOf(it.fn, v)
	if err != nil {
		return 0, err
	}
	return ys[k], nil
}

// column reads a numeric argument as n doubles, a scalar repeated.
func column(fn, param string, v value.Value, n int) ([]float64, error) {
	bad := funcs.BadArg(fn, param, "a numeric scalar or a vector of the length of X")
	switch x := v.(type) {
	case *value.Scalar:
		if x.T != value.Void && !x.T.IsNumeric() {
			return nil, bad
		}
		f := value.NullFloat64
		if !x.Null {
			f = x.Float64()
		}
		out := make([]float64, n)
		for i := range out {
			out[i] = f
		}
		return out, nil
	case *value.Vector:
		if x.Len() != n || !funcs.IsNumericVec(x) {
			return nil, bad
		}
		return funcs.DoublesOf(fn, x)
	}
	return nil, bad
}

// stateIterate(X, initial, initialWindow, iterateFunc, combineCoeff):
// initial[k] for k < initialWindow, then combineCoeff[0] * X[k] +
// combineCoeff[1] * iterateFunc(result)[k-1].
func stateIterate(env funcs.Env, args []value.Value) (value.Value, error) {
	const fn = "stateIterate"
	xv, ok := args[0].(*value.Vector)
	if !ok || !funcs.IsNumericVec(xv) {
		return nil, ddberr.Errorf("The argument [%s] of %s must be a numeric vector.", "X", fn)
	}
	n := xv.Len()
	x, err := funcs.DoublesOf(fn, xv)
	if err != nil {
		return nil, err
	}
	initial, err := column(fn, "initial", args[1], n)
	if err != nil {
		return nil, err
	}
	w, err := funcs.PositiveIntArg(fn, "initialWindow", args[2], 0)
	if err != nil {
		return nil, err
	}
	it, err := iterFunc(env, fn, "iterateFunc", args[3], n)
	if err != nil {
		return nil, err
	}
	cv, ok := args[4].(*value.Vector)
	if !ok || cv.Len() != 2 || !funcs.IsNumericVec(cv) {
		return nil, funcs.BadArg(fn, "combineCoeff", "a numeric vector of 2 elements")
	}
	coeff, err := funcs.DoublesOf(fn, cv)
	if err != nil {
		return nil, err
	}
	out := make([]float64, n)
	for k := range out {
		if k < int(w) {
			out[k] = initial[k]
			continue
		}
		p, err := it.at(out, k)
		if err != nil {
			return nil, err
		}
		if funcs.IsNullF(x[k]) || funcs.IsNullF(p) {
			out[k] = value.NullFloat64
			continue
		}
		out[k] = coeff[0]*x[k] + coeff[1]*p
	}
	return doubles(out), nil
}

// conditionalIterate(cond, trueValue, falseIterFunc): trueValue[k]
// where cond[k] holds, else falseIterFunc(result)[k-1].
func conditionalIterate(env funcs.Env, args []value.Value) (value.Value, error) {
	const fn = "conditionalIterate"
	cv, ok := args[0].(*value.Vector)
	if !ok || (cv.T != value.Bool && !funcs.IsNumericVec(cv)) {
		return nil, funcs.BadArg(fn, "cond", "a boolean expression on the input's columns")
	}
	n := cv.Len()
	cond := truth(cv)
	tv, err := column(fn, "trueValue", args[1], n)
	if err != nil {
		return nil, err
	}
	it, err := iterFunc(env, fn, "falseIterFunc", args[2], n)
	if err != nil {
		return nil, err
	}
	out := make([]float64, n)
	for k := range out {
		if cond[k] {
			out[k] = tv[k]
			continue
		}
		if k == 0 {
			out[k] = value.NullFloat64
			continue
		}
		if out[k], err = it.at(out, k); err != nil {
			return nil, err
		}
	}
	return doubles(out), nil
}

// In the engine a call of either function whose other arguments are
// literals is a node (stage.go): each key keeps its latest results, as
// many as the iterate function reads, so a row's value needs neither the
// key's history nor its earlier results recomputed.

// iterNode is the literal arguments of a stateIterate or
// conditionalIterate node.
type iterNode struct {
	cond    bool // conditionalIterate
	it      *iterator
	initWin int
	c0, c1  float64
	keep    int // results kept: the window the iterate function reads
}

// iterateNode is the node of a call of stateIterate or
// conditionalIterate, nil when its arguments are not such that a state
// computes it (an iterate function of a time window among them).
func iterateNode(fn string, c *ast.CallExpr) *node {
	for _, a := range c.Args {
		if _, named := a.(*ast.NamedArg); named || a == nil {
			return nil
		}
	}
	in := &iterNode{cond: fn == "conditionalIterate"}
	var itArg ast.Expr
	if in.cond {
		if len(c.Args) != 3 {
			return nil
		}
		itArg = c.Args[2]
	} else {
		if len(c.Args) != 5 {
			return nil
		}
		w, ok := intLit(c.Args[2])
		if !ok || w < 1 {
			return nil
		}
		in.initWin = w
		coeff, ok := c.Args[4].(*ast.ArrayExpr)
		if !ok || len(coeff.Elems) != 2 {
			return nil
		}
		var ok0, ok1 bool
		in.c0, ok0 = floatLit(coeff.Elems[0])
		in.c1, ok1 = floatLit(coeff.Elems[1])
		if !ok0 || !ok1 {
			return nil
		}
		itArg = c.Args[3]
	}
	in.it = &iterator{}
	switch f := itArg.(type) {
	case *ast.Ident:
		if f.Name != "cumlastNot" && f.Name != "cumfirstNot" && f.Name != "ffill" {
			return nil
		}
		in.it.fn, in.keep = f.Name, 1
	case *ast.PartialExpr:
		id, ok := f.Fn.(*ast.Ident)
		if !ok || f.Method || len(f.Args) != 2 || f.Args[0] != nil || !rowWindow[id.Name] && id.Name != "move" {
			return nil
		}
		w, ok := intLit(f.Args[1])
		if !ok || w < 1 && id.Name != "move" {
			return nil
		}
		in.it.fn, in.it.window, in.keep = id.Name, w, w
		if id.Name == "move" {
			in.keep = w + 1
		}
	default:
		return nil
	}
	return &node{fn: fn, arg: c.Args[0], extra: []ast.Expr{c.Args[1]}, iter: in}
}

// floatLit is a numeric literal's value, negated under a minus.
func floatLit(x ast.Expr) (float64, bool) {
	if u, ok := x.(*ast.UnaryExpr); ok && u.Op == "-" {
		v, ok := floatLit(u.X)
		return -v, ok
	}
	l, ok := x.(*ast.Literal)
	if !ok || l.Kind != ast.LitInt && l.Kind != ast.LitFloat || l.Suffix != "" {
		return 0, false
	}
	v, err := strconv.ParseFloat(l.Text, 64)
	return v, err == nil
}

// iterate computes an iterate node's values at the batch's rows from
// its arguments there (X or cond, then initial or trueValue) and each
// row's key's latest results.
func (e *engine) iterate(j int, nd *node, x, y *value.Vector) (*value.Vector, error) {
	in := nd.iter
	fn := "stateIterate"
	if in.cond {
		fn = "conditionalIterate"
	}
	n := x.Len()
	var cond []bool
	var xs []float64
	var err error
	if in.cond {
		cond = truth(x)
	} else if xs, err = column(fn, "X", x, n); err != nil {
		return nil, err
	}
	ys, err := column(fn, "initial", y, n)
	if err != nil {
		return nil, err
	}
	out := make([]float64, n)
	for r := range out {
		s := &e.rowGroup[r].states(len(e.plan.nodes))[j]
		k := int(s.n)
		var v float64
		switch {
		case in.cond && cond[r]:
			v = ys[r]
		case in.cond:
			v = value.NullFloat64
			if k > 0 {
				v, _ = in.it.at(s.recent, len(s.recent))
			}
		case k < in.initWin:
			v = ys[r]
		default:
			p, _ := in.it.at(s.recent, len(s.recent))
			v = value.NullFloat64
			if !funcs.IsNullF(xs[r]) && !funcs.IsNullF(p) {
				v = in.c0*xs[r] + in.c1*p
			}
		}
		out[r] = v
		s.n++
		in.remember(s, v)
	}
	return doubles(out), nil
}

// remember keeps v among a key's latest results: the last in.keep of
// them for a window, the last or first non-NULL one for the cumulative
// functions and ffill.
func (in *iterNode) remember(s *nodeState, v float64) {
	if v != v {
		v = value.NullFloat64
	}
	switch in.it.fn {
	case "cumlastNot", "ffill":
		if !funcs.IsNullF(v) {
			s.recent = append(s.recent[:0], v)
		}
	case "cumfirstNot":
		if len(s.recent) == 0 && !funcs.IsNullF(v) {
			s.recent = append(s.recent, v)
		}
	default:
		s.recent = append(s.recent, v)
		if len(s.recent) > 2*in.keep {
			s.recent = append(s.recent[:0], s.recent[len(s.recent)-in.keep:]...)
		}
	}
}

// stateMavg(X, window) is the moving average over its own results
// (funcs/s/stateMavg.md): X itself while a key has fewer than window
// rows, then (X + the sum of the window-1 results before) / window. It
// is stateIterate(X, X, window-1, msum{, window-1}, [1/window,
// 1/window]), and the engine computes it as that node (stateMavgNode);
// NULLs follow stateIterate: a NULL X or no non-NULL result before gives
// NULL.
func stateMavg(_ funcs.Env, args []value.Value) (value.Value, error) {
	const fn = "stateMavg"
	xv, ok := args[0].(*value.Vector)
	if !ok || !funcs.IsNumericVec(xv) {
		return nil, funcs.BadArg(fn, "X", "a numeric column of the input")
	}
	w, err := funcs.PositiveIntArg(fn, "window", args[1], 0)
	if err != nil {
		return nil, err
	}
	n := xv.Len()
	x, err := column(fn, "X", xv, n)
	if err != nil {
		return nil, err
	}
	out := make([]float64, n)
	it := &iterator{fn: "msum", window: int(w) - 1}
	for k := range out {
		if int64(k+1) < w || w == 1 {
			out[k] = x[k]
			continue
		}
		p, _ := it.at(out, k)
		out[k] = value.NullFloat64
		if !funcs.IsNullF(x[k]) && !funcs.IsNullF(p) {
			out[k] = (x[k] + p) / float64(w)
		}
	}
	return doubles(out), nil
}

// stateMavgNode is the node of a call stateMavg(X, window) with a
// literal window: the stateIterate node it equals (a window of 1 keeps
// to X, its initial window never ending).
func stateMavgNode(c *ast.CallExpr) *node {
	if len(c.Args) != 2 || c.Args[0] == nil {
		return nil
	}
	if _, named := c.Args[0].(*ast.NamedArg); named {
		return nil
	}
	w, ok := intLit(c.Args[1])
	if !ok || w < 1 {
		return nil
	}
	in := &iterNode{it: &iterator{fn: "msum", window: w - 1}, initWin: w - 1, c0: 1 / float64(w), c1: 1 / float64(w), keep: w - 1}
	if w == 1 {
		in.initWin = math.MaxInt
	}
	return &node{fn: "stateMavg", arg: c.Args[0], extra: []ast.Expr{c.Args[0]}, iter: in}
}
