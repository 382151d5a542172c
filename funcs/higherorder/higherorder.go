package higherorder

import (
	"errors"
	"slices"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/insert"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// Higher-order functions (the manual's ho_funcs pages): they call their
// function argument through Env.Call once per item and assemble the
// results. The per-item boxing is inherent: each call gets a value.

// fnArg checks that args[0] is a function.
func FnArg(name string, x value.Value) (value.Value, error) {
	if !funcs.IsFunction(x) {
		return nil, ddberr.Errorf("The first argument of %s must be a function.", name)
	}
	return x, nil
}

func eachFn(name string) funcs.Impl {
	return func(env funcs.Env, args []value.Value) (value.Value, error) {
		return eachCall(env, name, args, funcs.RuleDolphin)
	}
}

func loopFn(name string) funcs.Impl {
	return func(env funcs.Env, args []value.Value) (value.Value, error) {
		return eachCall(env, name, args, funcs.RuleTuple)
	}
}

// eachCall applies args[0] to the items of args[1:] at the same position;
// scalars are passed whole to every call. Over a dictionary the result is
// a dictionary with the same keys.
func eachCall(env funcs.Env, name string, args []value.Value, rule byte) (value.Value, error) {
	fn, seqs, n, err := eachItems(name, args)
	if err != nil {
		return nil, err
	}
	out := make([]value.Value, n)
	ctx := env.Context()
	held := keeper{env: env}
	items := newCallArgs(args[1:], seqs)
	for i := 0; i < n; i++ {
		// a user function checks on each call; a built-in one is checked here
		if i&1023 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if out[i], err = env.Call(fn, items.at(i, n)...); err != nil {
			return nil, err
		}
		if err := held.keepEach(out[i], n-1-i); err != nil {
			return nil, err
		}
	}
	if len(seqs) > 0 && seqs[0].Keys != nil && rule != funcs.RuleTuple {
		return keyedResult(seqs[0].Keys, out)
	}
	if rule == funcs.RuleDolphin {
		out = oneColumns(out)
	}
	r, err := funcs.Assemble(out, rule)
	if err != nil {
		return nil, err
	}
	if _, ok := functionNames(args[1]); ok && rule == funcs.RuleDolphin {
		// over a tuple of functions, as calling the tuple does, scalars
		// beside vectors fill whole columns (funcs/ho_funcs/unifiedCall.md:
		// each(unifiedCall, [std, max], ...) puts max's 100 in both rows)
		if m, ok := funcs.ColumnsMatrix(out); ok {
			r = m
		}
	}
	// Column by column over a labelled matrix, a same-shaped result keeps
	// its labels (funcs/ho_funcs/pivot.md: each(ratios, stockprice)).
	if in, ok := args[1].(*value.Matrix); ok {
		if m, ok := r.(*value.Matrix); ok && m.Rows == in.Rows && m.Cols == in.Cols {
			m.RowLabels, m.ColLabels = in.RowLabels, in.ColLabels
		}
	}
	// Over a tuple of functions the columns are named after them, as a
	// call of the tuple names them (funcs/ho_funcs/call.md:
	// each(call{, 1..3}, (sin, log))).
	if m, ok := r.(*value.Matrix); ok && m.ColLabels == nil {
		if names, ok := functionNames(args[1]); ok && len(names) == m.Cols {
			m.ColLabels = value.NewStrings(value.String, names)
		}
	}
	return r, nil
}

// eachItems reads each's func and the sequences of items its args give
// (a vector's elements, a matrix's columns, a table's rows), and their
// common count: 1 when every arg is a scalar.
func eachItems(name string, args []value.Value) (value.Value, []funcs.Seq, int, error) {
	fn, err := FnArg(name, args[0])
	if err != nil {
		return nil, nil, 0, err
	}
	seqs := make([]funcs.Seq, len(args)-1)
	for i, a := range args[1:] {
		seqs[i] = funcs.SeqOf(a)
	}
	n, err := funcs.SameLength(name, seqs)
	if n < 0 {
		n = 1
	}
	return fn, seqs, n, err
}

// keyedResult builds a dictionary of results under the iterated
// dictionary's keys.
func keyedResult(keys *value.Vector, out []value.Value) (value.Value, error) {
	vals, err := funcs.Assemble(out, funcs.RuleDolphin)
	if err != nil {
		return nil, err
	}
	vv, ok := vals.(*value.Vector)
	if !ok {
		vv = value.NewTuple(out)
	}
	d := value.NewDict(keys.T, vv.T)
	for i := 0; i < keys.Len(); i++ {
		d.Put(keys, i, vv, i)
	}
	return d, nil
}

// fnAndRule reads the function (args[0]) and the assembly rule
// (args[3]) of a binary adverb.
func fnAndRule(name string, args []value.Value) (fn value.Value, rule byte, err error) {
	if fn, err = FnArg(name, args[0]); err != nil {
		return nil, 0, err
	}
	rule, err = funcs.AssembleRule(name, funcs.Arg(args, 3))
	return fn, rule, err
}

func eachSideFn(name string, left bool) funcs.Impl {
	return func(env funcs.Env, args []value.Value) (value.Value, error) {
		fn, rule, err := fnAndRule(name, args)
		if err != nil {
			return nil, err
		}
		x, y := args[1], args[2]
		it := y
		if left {
			it = x
		}
		s := funcs.SeqOf(it)
		out, err := callEach(env, s.N, func(i int) (value.Value, error) {
			if left {
				return env.Call(fn, s.At(i), y)
			}
			return env.Call(fn, x, s.At(i))
		})
		if err != nil {
			return nil, err
		}
		if s.Keys != nil {
			return keyedResult(s.Keys, out)
		}
		res, err := funcs.Assemble(out, rule)
		if err != nil {
			return nil, err
		}
		// Over a vector, each column is labelled with the element it came
		// from (funcs/ho_funcs/eachRight.md: x +:R 3 0 6 heads 3, 0, 6).
		if m, ok := res.(*value.Matrix); ok && m.ColLabels == nil {
			if v, ok := it.(*value.Vector); ok && v.T != value.Any && !v.T.IsArray() && v.Len() == m.Cols {
				m.ColLabels = v.Clone()
			}
		}
		return res, nil
	}
}

// eachNeighbourFn is eachPre (F(X[i], X[i-1]), the first against pre) and
// eachPost (F(X[i], X[i+1]), the last against post); without pre/post
// that end's result is NULL.
func eachNeighbourFn(name string, pre bool) funcs.Impl {
	return func(env funcs.Env, args []value.Value) (value.Value, error) {
		fn, rule, err := fnAndRule(name, args)
		if err != nil {
			return nil, err
		}
		s := funcs.SeqOf(args[1])
		edge := funcs.Arg(args, 2)
		out, err := callEach(env, s.N, func(i int) (value.Value, error) {
			var other value.Value
			switch {
			case pre && i > 0:
				other = s.At(i - 1)
			case !pre && i < s.N-1:
				other = s.At(i + 1)
			case edge != nil:
				other = edge
			default:
				// the first (last) item meets NULL: eachPre.md's
				// {x,y->isNull(y) ? [x] : [y,x]}:PU gives [0] there
				other = funcs.NullLike(s.At(i))
			}
			return env.Call(fn, s.At(i), other)
		})
		if err != nil {
			return nil, err
		}
		return AssembleWithNulls(out, rule)
	}
}

// callEach makes the n calls of an each form, call(i) the i-th, and
// holds their results. A built-in's calls don't look at the context, and
// eachLeft(add, x, x) over 200,000 elements ran on after a cancel until
// it took the process's memory; each call may take a whole side (20 ms
// for 200,000 strings), so every one is checked.
func callEach(env funcs.Env, n int, call func(i int) (value.Value, error)) ([]value.Value, error) {
	out := make([]value.Value, n)
	ctx := funcs.ContextOf(env)
	held := keeper{env: env}
	for i := range n {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		var err error
		if out[i], err = call(i); err != nil {
			return nil, err
		}
		if err := held.keepEach(out[i], n-1-i); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// assembleWithNulls assembles results where nil marks a position without a
// call: NULL of the others' type (a NULL-filled column for vector results).
func AssembleWithNulls(out []value.Value, rule byte) (value.Value, error) {
	var like value.Value
	for _, r := range out {
		if r != nil {
			like = r
			break
		}
	}
	for i, r := range out {
		if r != nil {
			continue
		}
		out[i] = funcs.NullLike(like)
	}
	return funcs.Assemble(out, rule)
}

// foldFn is reduce and accumulate over their three forms: a binary
// function over X's items (from init, or X[0]); a ternary one over the two
// items of a tuple X; a unary one iterated from init X times, while X(r)
// holds, or until the result stops changing.
func foldFn(name string, keep bool) funcs.Impl {
	return func(env funcs.Env, args []value.Value) (value.Value, error) {
		fn, rule, err := fnAndRule(name, args)
		if err != nil {
			return nil, err
		}
		init := funcs.Arg(args, 2)
		if arity := xparamCount(fn); arity == 1 {
			return iterateUnary(env, name, fn, args[1], init, keep, rule)
		} else if arity == 3 {
			return foldTernary(env, name, fn, args[1], init, keep, rule)
		}
		s := funcs.SeqOf(args[1])
		var acc value.Value
		start := 0
		if init != nil {
			acc = init
		} else {
			if s.N == 0 {
				return value.NullScalar(value.Void), nil
			}
			acc = s.At(0)
			start = 1
		}
		st := newSteps(env, keep, rule, s.N)
		if init == nil {
			st.first(acc)
		}
		grows := keep && keepsFirst(fn)
		for i := start; i < s.N; i++ {
			if err := env.Context().Err(); err != nil {
				return nil, err
			}
			if acc, err = env.Call(fn, acc, s.At(i)); err != nil {
				return nil, err
			}
			more := 0
			if grows {
				more = s.N - 1 - i
			}
			if err := st.add(acc, more); err != nil {
				return nil, err
			}
		}
		return st.result(acc)
	}
}

// paramCount is the number of parameters a function value declares when
// it is a registry built-in with a fixed arity; 2 otherwise (the binary
// form is the common one).
func xparamCount(fn value.Value) int {
	if s, ok := fn.(*funcs.Spec); ok && s.Max == s.Min {
		return s.Min
	}
	if p, ok := fn.(interface{ ParamCount() int }); ok {
		return p.ParamCount()
	}
	return 2
}

func iterateUnary(env funcs.Env, name string, fn, x, init value.Value, keep bool, rule byte) (value.Value, error) {
	if init == nil {
		return nil, ddberr.Errorf("The argument [init] of %s must be given when func is a unary function.", name)
	}
	acc := init
	limit := int64(-1)
	var cond value.Value
	if s, ok := funcs.ScalarArg(x); ok && !s.Null && s.T.Category() == value.CatIntegral {
		limit = s.I
	} else if funcs.IsFunction(x) {
		cond = x
	} else if x != nil {
		if s, ok := funcs.ScalarArg(x); !ok || !s.Null {
			return nil, ddberr.Errorf("The argument [X] of %s must be a non-negative integer, a unary function or NULL when func is a unary function.", name)
		}
	}
	st := newSteps(env, keep, rule, 0)
	st.first(acc)
	for i := int64(0); limit < 0 || i < limit; i++ {
		if err := env.Context().Err(); err != nil {
			return nil, err
		}
		if cond != nil {
			ok, err := env.Call(cond, acc)
			if err != nil {
				return nil, err
			}
			if b, isS := ok.(*value.Scalar); !isS || !b.Bool() {
				break
			}
		}
		next, err := env.Call(fn, acc)
		if err != nil {
			return nil, err
		}
		if limit < 0 && cond == nil && xsameValue(next, acc) {
			break
		}
		acc = next
		if err := st.add(acc, 0); err != nil {
			return nil, err
		}
	}
	return st.result(acc)
}

// sameValue reports whether two values print the same (the convergence
// test of the unary reduce form).
func xsameValue(a, b value.Value) bool {
	return a.Type() == b.Type() && a.Form() == b.Form() && a.String() == b.String()
}

func foldTernary(env funcs.Env, name string, fn, x, init value.Value, keep bool, rule byte) (value.Value, error) {
	t, ok := x.(*value.Vector)
	if !ok || t.T != value.Any || t.Len() != 2 {
		return nil, ddberr.Errorf("The argument [X] of %s must be a tuple of two elements when func is a ternary function.", name)
	}
	a, b := funcs.SeqOf(t.Any[0]), funcs.SeqOf(t.Any[1])
	n, err := funcs.SameLength(name, []funcs.Seq{a, b})
	if err != nil {
		return nil, err
	}
	acc := init
	ctx := funcs.ContextOf(env)
	st := newSteps(env, keep, rule, n)
	for i := 0; i < n; i++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if acc, err = env.Call(fn, acc, a.At(i), b.At(i)); err != nil {
			return nil, err
		}
		if err := st.add(acc, 0); err != nil {
			return nil, err
		}
	}
	return st.result(acc)
}

// crossFn calls func on every pair of X's and Y's items: a matrix (X's
// items down, Y's across, labelled with the vectors' values) of scalar
// results, else a tuple of tuples.
func crossFn(name string) funcs.Impl {
	return func(env funcs.Env, args []value.Value) (value.Value, error) {
		fn, err := FnArg(name, args[0])
		if err != nil {
			return nil, err
		}
		x := args[1]
		y := funcs.Arg(args, 2)
		if y == nil {
			y = x
		}
		xs, ys := funcs.SeqOf(x), funcs.SeqOf(y)
		// Every pair's result is held boxed until the end: a 64-byte
		// scalar and two interface slots, about boxedPair elements each.
		// 20000 by 20000 pairs took the process down with Go's fatal
		// out-of-memory before this was accounted.
		if err := env.Reserve(boxedCells(xs.N, ys.N)); err != nil {
			return nil, err
		}
		ctx := funcs.ContextOf(env)
		res := make([][]value.Value, xs.N)
		allScalar := true
		for i := 0; i < xs.N; i++ {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			res[i] = make([]value.Value, ys.N)
			for j := 0; j < ys.N; j++ {
				r, err := env.Call(fn, xs.At(i), ys.At(j))
				if err != nil {
					return nil, err
				}
				if _, ok := r.(*value.Scalar); !ok {
					allScalar = false
				}
				res[i][j] = r
			}
		}
		if !allScalar || xs.N == 0 || ys.N == 0 {
			rows := make([]value.Value, xs.N)
			for i := range res {
				rows[i] = value.NewTuple(res[i])
			}
			return value.NewTuple(rows), nil
		}
		flat := make([]value.Value, 0, xs.N*ys.N)
		for j := 0; j < ys.N; j++ {
			for i := 0; i < xs.N; i++ {
				flat = append(flat, res[i][j])
			}
		}
		data, err := funcs.Assemble(flat, funcs.RuleDolphin)
		if err != nil {
			return nil, err
		}
		dv, ok := data.(*value.Vector)
		if !ok || dv.T == value.Any {
			return nil, ddberr.Errorf("The results of %s must have one type.", name)
		}
		m := &value.Matrix{V: dv, Rows: xs.N, Cols: ys.N}
		m.RowLabels, m.ColLabels = crossLabels(x), crossLabels(y)
		return m, nil
	}
}

// boxedPair is the memory of one of cross's or pivot's boxed results in
// Reserve's 16-byte elements.
const boxedPair = 7

// boxedCells is what Reserve is asked for a by b boxed results, at most
// 1<<40 elements (more than any cap allows).
func boxedCells(a, b int) int {
	cells := 1 << 40
	if a == 0 || b <= cells/a/boxedPair {
		cells = a * b * boxedPair
	}
	return cells
}

// crossLabels labels cross's result by one argument: a vector by its
// elements, a matrix by its column labels (funcs/ho_funcs/pivot.md:
// cross(corr, m, m) is labelled by the stocks).
func crossLabels(x value.Value) *value.Vector {
	switch v := x.(type) {
	case *value.Vector:
		if v.T != value.Any {
			return v
		}
	case *value.Matrix:
		return v.ColLabels
	}
	return nil
}

func callFn(name string) funcs.Impl {
	return func(env funcs.Env, args []value.Value) (value.Value, error) {
		fn, err := FnArg(name, args[0])
		if err != nil {
			return nil, err
		}
		return env.Call(fn, args[1:]...)
	}
}

func xunifiedCall(env funcs.Env, args []value.Value) (value.Value, error) {
	fn, err := FnArg("unifiedCall", args[0])
	if err != nil {
		return nil, err
	}
	t, ok := args[1].(*value.Vector)
	if !ok {
		return env.Call(fn, args[1])
	}
	if t.T != value.Any {
		vals := make([]value.Value, t.Len())
		for i := range vals {
			vals[i] = t.Elem(i)
		}
		return env.Call(fn, vals...)
	}
	return env.Call(fn, t.Any...)
}

// fnAndArgs reads the func and funcArgs arguments shared by moving,
// window, rolling, the t* windows, groupby and contextby.
func fnAndArgs(name string, f, args value.Value) (fn value.Value, list []value.Value, n int, err error) {
	if fn, err = FnArg(name, f); err != nil {
		return nil, nil, 0, err
	}
	list, n, err = funcArgsOf(name, args)
	return fn, list, n, err
}

// funcArgsOf splits funcArgs (one argument, or a tuple of several of equal
// length) into the argument list and their common length.
func funcArgsOf(name string, x value.Value) ([]value.Value, int, error) {
	var list []value.Value
	if t, ok := x.(*value.Vector); ok && t.T == value.Any {
		list = t.Any
	} else {
		list = []value.Value{x}
	}
	n := -1
	for _, a := range list {
		l := LengthOf(a)
		if l < 0 {
			continue
		}
		if n >= 0 && l != n {
			return nil, 0, ddberr.Errorf("All arguments of %s must have the same length.", name)
		}
		n = l
	}
	if n < 0 {
		return nil, 0, ddberr.Errorf("The argument [funcArgs] of %s must be a vector or a tuple of vectors.", name)
	}
	return list, n, nil
}

// lengthOf is the number of rows of a vector, matrix or table; -1 for a
// scalar.
func LengthOf(x value.Value) int {
	switch v := x.(type) {
	case *value.Vector:
		return v.Len()
	case *value.Matrix:
		return v.Rows
	case *value.Table:
		return v.Rows()
	case *value.Pair:
		return 2
	}
	return -1
}

// sliceRows returns rows [lo, hi) of a vector, matrix or table; scalars
// pass through.
func SliceRows(x value.Value, lo, hi int) value.Value {
	switch v := x.(type) {
	case *value.Vector:
		return v.Slice(lo, hi)
	case *value.Matrix:
		cols := make([]*value.Vector, v.Cols)
		for c := range cols {
			cols[c] = funcs.MatrixColumn(v, c).Slice(lo, hi)
		}
		data := value.NewVector(v.V.T, 0, (hi-lo)*v.Cols)
		for _, c := range cols {
			data.AppendVector(c)
		}
		return &value.Matrix{V: data, Rows: hi - lo, Cols: v.Cols, ColLabels: v.ColLabels}
	case *value.Table:
		return v.Slice(lo, hi)
	case *value.Pair:
		return v.V.Slice(lo, hi)
	}
	return x
}

// gatherRows returns the rows at idx of a vector or table; scalars pass
// through.
func gatherRows(x value.Value, idx []int) value.Value {
	switch v := x.(type) {
	case *value.Vector:
		return v.Gather(idx)
	case *value.Table:
		return v.Gather(idx)
	case *value.Pair:
		return v.V.Gather(idx)
	}
	return x
}

func callOnRows(env funcs.Env, fn value.Value, list []value.Value, lo, hi int) (value.Value, error) {
	call := make([]value.Value, len(list))
	for k, a := range list {
		call[k] = SliceRows(a, lo, hi)
	}
	return env.Call(fn, call...)
}

// rolling applies func to windows of window rows moving step rows at a
// time; a window is computed once it is full, and the result has one
// element per computed window.
func xrolling(env funcs.Env, args []value.Value) (value.Value, error) {
	fn, list, n, err := fnAndArgs("rolling", args[0], args[1])
	if err != nil {
		return nil, err
	}
	ra := funcs.ReadArgs("rolling", args)
	w := int(ra.PositiveInt("window", args[2], 0))
	step := int(ra.PositiveInt("step", funcs.Arg(args, 3), 1))
	if err := ra.Err(); err != nil {
		return nil, err
	}
	if m, ok := list[0].(*value.Matrix); ok && len(list) == 1 {
		return rollingColumns(env, fn, m, w, step)
	}
	return rollingWindows(env, fn, list, n, w, step)
}

// rollingWindows calls fn on each full window of list's rows.
func rollingWindows(env funcs.Env, fn value.Value, list []value.Value, n, w, step int) (value.Value, error) {
	var out []value.Value
	for end := w; end <= n; end += step {
		r, err := callOnRows(env, fn, list, end-w, end)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	if len(out) == 0 {
		return value.NewTuple(nil), nil
	}
	return stackWindows(out)
}

// rollingColumns is rolling over a matrix: func runs on each column's
// windows (rolling.md: f1{,1} with size(x) of a window of 5 gives 1.06),
// and the result keeps the column labels, an aggregate's rows taking
// the row label where their window starts (rolling.md's minute bars).
func rollingColumns(env funcs.Env, fn value.Value, m *value.Matrix, w, step int) (value.Value, error) {
	cols := make([]value.Value, m.Cols)
	for c := range cols {
		col := funcs.MatrixColumn(m, c)
		r, err := rollingWindows(env, fn, []value.Value{col}, m.Rows, w, step)
		if err != nil {
			return nil, err
		}
		cols[c] = r
	}
	r, err := funcs.Assemble(cols, funcs.RuleDolphin)
	out, ok := r.(*value.Matrix)
	if err != nil || !ok {
		return r, err
	}
	out.ColLabels = m.ColLabels
	if m.RowLabels != nil {
		var starts []int
		for end := w; end <= m.Rows; end += step {
			starts = append(starts, end-w)
		}
		if len(starts) == out.Rows {
			out.RowLabels = m.RowLabels.Gather(starts)
		}
	}
	return out, nil
}

// stackWindows puts rolling's window results one after another down the
// rows (funcs/ho_funcs/rolling.md): a vector function's results are
// concatenated, matrices stacked. Other results assemble as usual.
func stackWindows(out []value.Value) (value.Value, error) {
	vecs := make([]*value.Vector, 0, len(out))
	mats := make([]*value.Matrix, 0, len(out))
	for _, o := range out {
		switch o := o.(type) {
		case *value.Vector:
			if o.T != value.Any && !o.T.IsArray() {
				vecs = append(vecs, o)
			}
		case *value.Matrix:
			mats = append(mats, o)
		}
	}
	switch {
	case len(vecs) == len(out):
		return funcs.JoinVectors(vecs...)
	case len(mats) == len(out):
		m, ok, err := funcs.StackMatrices(mats)
		if !ok {
			break
		}
		if err != nil {
			return nil, err
		}
		m.ColLabels = mats[0].ColLabels
		return m, nil
	}
	return funcs.Assemble(out, funcs.RuleDolphin)
}

// temporalIndex reads T as int64 ticks, checking it is temporal or
// integral.
func TemporalIndex(name string, x value.Value) (*value.Vector, []int64, error) {
	v, ok := x.(*value.Vector)
	if !ok || (v.T.Category() != value.CatTemporal && v.T.Category() != value.CatIntegral) {
		return nil, nil, ddberr.Errorf("The argument [T] of %s must be a temporal or integral vector.", name)
	}
	l, err := cast.Vector(v, value.Long, 0)
	if err != nil {
		return nil, nil, err
	}
	return v, l.I64, nil
}

// windowTicks converts a window length (an integer, or a DURATION in the
// unit of T's type) into T's ticks.
func WindowTicks(name string, t value.Type, x value.Value) (int64, error) {
	s, ok := funcs.ScalarArg(x)
	if !ok || s.Null {
		return 0, ddberr.Errorf("The argument [window] of %s must be a positive integer or duration.", name)
	}
	if s.T.Category() == value.CatIntegral {
		return s.I, nil
	}
	if s.T == value.Duration {
		return durationTicks(s, t)
	}
	return 0, ddberr.Errorf("The argument [window] of %s must be a positive integer or duration.", name)
}

func xtwindow(env funcs.Env, args []value.Value) (value.Value, error) {
	fn, list, n, err := fnAndArgs("twindow", args[0], args[1])
	if err != nil {
		return nil, err
	}
	tv, ts, err := TemporalIndex("twindow", args[2])
	if err != nil {
		return nil, err
	}
	if n != len(ts) {
		return nil, ddberr.Errorf("The arguments T and funcArgs of twindow must have the same length.")
	}
	r, ok := args[3].(*value.Pair)
	if !ok {
		return nil, ddberr.Errorf("The argument [range] of twindow must be a pair.")
	}
	if ts, err = tradingTicks("twindow", tv, ts, funcs.Arg(args, 5)); err != nil {
		return nil, err
	}
	los, d1, err := ShiftedTicks(env, "twindow", tv, ts, r.V.At(0), false)
	if err != nil {
		return nil, err
	}
	his, d2, err := ShiftedTicks(env, "twindow", tv, ts, r.V.At(1), false)
	if err != nil {
		return nil, err
	}
	prevailing := int64(0)
	if p, ok := funcs.ScalarArg(funcs.Arg(args, 4)); ok && !p.Null {
		if prevailing, ok = p.Int64(); !ok || prevailing < 0 || prevailing > 2 {
			return nil, ddberr.Errorf("The argument [prevailing] of twindow must be 0, 1 or 2.")
		}
	}
	if prevailing == 2 {
		if d1 != 0 && d2 != 0 {
			return nil, ddberr.Errorf("Usage: twindow(func, funcArgs, T, range, [prevailing=0], [excludedPeriod]). left offset or right offset must be zero when prevailing =2.")
		}
		if d1 == 0 && d2 == 0 {
			return nil, ddberr.Errorf("Usage: twindow(func, funcArgs, T, range, [prevailing=0], [excludedPeriod]). 0:0 is illegal window when prevailing =2.")
		}
	}
	out := make([]value.Value, n)
	for i := 0; i < n; i++ {
		lo, hi := los[i], his[i]
		var idx []int
		for j := 0; j < n; j++ {
			if ts[j] >= lo && ts[j] <= hi {
				idx = append(idx, j)
			}
		}
		idx = prevailingWindow(idx, ts, i, d1, prevailing)
		if len(idx) == 0 {
			continue
		}
		call := make([]value.Value, len(list))
		for k, a := range list {
			call[k] = gatherRows(a, idx)
		}
		if out[i], err = env.Call(fn, call...); err != nil {
			return nil, err
		}
	}
	return AssembleWithNulls(out, funcs.RuleDolphin)
}

// prevailingWindow narrows twindow's window idx (positions in order) for
// prevailing (funcs/ho_funcs/twindow.md): with 1, of the records sharing
// the left boundary's T only the last stays; with 2 the current record is
// the boundary, so its duplicates on the open side (left when d1 is 0,
// right when d2 is 0) drop out.
func prevailingWindow(idx []int, ts []int64, i int, d1, prevailing int64) []int {
	if len(idx) == 0 {
		return idx
	}
	switch prevailing {
	case 1:
		k := 0
		for k+1 < len(idx) && ts[idx[k+1]] == ts[idx[0]] {
			k++
		}
		return idx[k:]
	case 2:
		kept := idx[:0:0]
		for _, j := range idx {
			if (d1 == 0 && j >= i) || (d1 != 0 && j <= i) {
				kept = append(kept, j)
			}
		}
		return kept
	}
	return idx
}

// byRow applies func to each row of X (and the same row of Y): a
// matrix's rows, a table's rows as vectors, a tuple's elements read as
// columns, an array vector's rows (funcs/ho_funcs/byRow.md). Scalar
// results make a vector; vector results take X's form again.
func xbyRow(env funcs.Env, args []value.Value) (value.Value, error) {
	fn, err := FnArg("byRow", args[0])
	if err != nil {
		return nil, err
	}
	if v, ok := args[1].(*value.Vector); ok && !v.T.IsArray() && v.T != value.Any {
		return env.Call(fn, args[1:]...)
	}
	xs := make([]rowSource, len(args)-1)
	for k, a := range args[1:] {
		if xs[k], err = rowsOf(a); err != nil {
			return nil, err
		}
	}
	n := xs[0].n
	for _, x := range xs[1:] {
		if x.n != n {
			return nil, ddberr.Errorf("The arguments of byRow must have the same number of rows.")
		}
	}
	out := make([]value.Value, n)
	call := make([]value.Value, len(xs))
	for r := range out {
		for k, x := range xs {
			if call[k], err = x.row(r); err != nil {
				return nil, err
			}
		}
		if out[r], err = env.Call(fn, call...); err != nil {
			return nil, err
		}
	}
	return byRowResult(args[1], out)
}

// rowSource reads the rows of one byRow argument.
type rowSource struct {
	n   int
	row func(r int) (value.Value, error)
}

func rowsOf(x value.Value) (rowSource, error) {
	switch x := x.(type) {
	case *value.Matrix:
		return rowSource{x.Rows, func(r int) (value.Value, error) {
			idx := make([]int, x.Cols)
			for c := range idx {
				idx[c] = c*x.Rows + r
			}
			return x.V.Gather(idx), nil
		}}, nil
	case *value.Table:
		return rowSource{x.Rows(), func(r int) (value.Value, error) { return rowAcross(x.Cols, r) }}, nil
	case *value.Vector:
		if x.T.IsArray() {
			return rowSource{x.Len(), func(r int) (value.Value, error) { return x.Row(r), nil }}, nil
		}
		if x.Columnar {
			// a columnar tuple's elements are its rows (byRow.md: sum:H(ctp))
			return rowSource{len(x.Any), func(r int) (value.Value, error) { return x.Any[r], nil }}, nil
		}
		if x.T == value.Any {
			cols := make([]*value.Vector, len(x.Any))
			for i, e := range x.Any {
				v, ok := e.(*value.Vector)
				if !ok || (i > 0 && v.Len() != cols[0].Len()) {
					return rowSource{}, ddberr.Errorf("The tuple argument of byRow must hold vectors of the same length.")
				}
				cols[i] = v
			}
			n := 0
			if len(cols) > 0 {
				n = cols[0].Len()
			}
			return rowSource{n, func(r int) (value.Value, error) { return rowAcross(cols, r) }}, nil
		}
	}
	return rowSource{}, ddberr.Errorf("The argument [X] of byRow must be a matrix, table, tuple or array vector.")
}

// rowAcross is element r of each column, as one vector.
func rowAcross(cols []*value.Vector, r int) (*value.Vector, error) {
	parts := make([]*value.Vector, len(cols))
	for c, col := range cols {
		parts[c] = col.Slice(r, r+1)
	}
	return funcs.JoinVectors(parts...)
}

// byRowResult assembles per-row results: scalars make a vector; equal
// vectors make the rows of a matrix, or of a table, tuple or array vector
// when X was one.
func byRowResult(x value.Value, out []value.Value) (value.Value, error) {
	if xv, ok := x.(*value.Vector); ok && xv.Columnar && len(out) > 0 {
		// vector results are the rows of a columnar tuple again
		rows := true
		for _, o := range out {
			_, isVec := o.(*value.Vector)
			rows = rows && isVec
		}
		if rows {
			return &value.Vector{T: value.Any, Any: out, Columnar: true}, nil
		}
	}
	r, err := funcs.Assemble(out, funcs.RuleDolphin)
	if err != nil {
		return nil, err
	}
	m, ok := r.(*value.Matrix)
	if !ok {
		rv, isVec := r.(*value.Vector)
		if xv, ok := x.(*value.Vector); ok && xv.T.IsArray() && isVec && rv.T == value.Any {
			return arrayOfRows(out)
		}
		return r, nil
	}
	switch x := x.(type) {
	case *value.Table:
		cols := make([]*value.Vector, m.Rows)
		t := m.Transpose()
		for c := range cols {
			cols[c] = funcs.MatrixColumn(t, c)
		}
		return value.NewTable(append([]string(nil), x.Names...), cols), nil
	case *value.Vector:
		t := m.Transpose()
		if x.T.IsArray() {
			return arrayOfRows(out)
		}
		cols := make([]value.Value, t.Cols)
		for c := range cols {
			cols[c] = funcs.MatrixColumn(t, c)
		}
		return value.NewTuple(cols), nil
	}
	return m.Transpose(), nil
}

// arrayOfRows makes an array vector whose rows are the vector results.
func arrayOfRows(out []value.Value) (value.Value, error) {
	rows := make([]*value.Vector, len(out))
	offs := make([]int64, len(out))
	end := int64(0)
	for i, o := range out {
		v, ok := o.(*value.Vector)
		if !ok || v.T == value.Any || v.T.IsArray() {
			return value.NewTuple(out), nil
		}
		rows[i] = v
		end += int64(v.Len())
		offs[i] = end
	}
	flat, err := funcs.JoinVectors(rows...)
	if err != nil {
		return nil, err
	}
	flat.T += value.ArrayOffset
	flat.Offsets = offs
	return flat, nil
}

// byColumn applies func to each column of a matrix (or a table's
// columns); on a vector it is func(X).
func xbyColumn(env funcs.Env, args []value.Value) (value.Value, error) {
	fn, err := FnArg("byColumn", args[0])
	if err != nil {
		return nil, err
	}
	if x, ok := args[1].(*value.Vector); ok && x.T.IsArray() {
		return byColumnArray(env, fn, x, funcs.Arg(args, 2))
	}
	if x, ok := args[1].(*value.Vector); ok && x.Columnar {
		return byColumnColumnar(env, fn, x, funcs.Arg(args, 2))
	}
	if len(args) == 3 {
		return byColumnPairs(env, fn, args[1], args[2])
	}
	switch x := args[1].(type) {
	case *value.Matrix:
		out := make([]value.Value, x.Cols)
		for c := range out {
			if out[c], err = env.Call(fn, funcs.MatrixColumn(x, c)); err != nil {
				return nil, err
			}
		}
		r, err := funcs.Assemble(out, funcs.RuleDolphin)
		if m, ok := r.(*value.Matrix); ok && err == nil {
			m.ColLabels = x.ColLabels
		}
		return r, err
	case *value.Table:
		out := make([]value.Value, len(x.Cols))
		for c, col := range x.Cols {
			if out[c], err = env.Call(fn, col); err != nil {
				return nil, err
			}
		}
		return columnsTable(x.Names, out)
	case *value.Vector:
		if x.T != value.Any {
			break
		}
		// a tuple of columns (sum:V((y, x1)), progr/macrovariations.md):
		// fn applies to each, and the results stay a tuple (byColumn.md:
		// sum:V(tp) is (10,6))
		out := make([]value.Value, len(x.Any))
		for i, c := range x.Any {
			if out[i], err = env.Call(fn, c); err != nil {
				return nil, err
			}
		}
		return funcs.Assemble(out, funcs.RuleTuple)
	}
	return env.Call(fn, args[1])
}

// byColumnPairs is byColumn(func, X, Y) on matrices, tables or tuples:
// func(Xi, Yi) for each column i (byColumn.md: corr:V(m, n) is [-0.09,-0.21]).
func byColumnPairs(env funcs.Env, fn, x, y value.Value) (value.Value, error) {
	xs, ys := columnsOf(x), columnsOf(y)
	if xs == nil || ys == nil {
		return env.Call(fn, x, y)
	}
	if len(xs) != len(ys) {
		return nil, ddberr.Errorf("Incompatible vector size")
	}
	out := make([]value.Value, len(xs))
	for i := range xs {
		var err error
		if out[i], err = env.Call(fn, xs[i], ys[i]); err != nil {
			return nil, err
		}
	}
	// the result takes X's form (byColumn.md: corr:V(t, t1) is a table
	// under t's names, corr:V(tp, tp1) a tuple)
	switch t := x.(type) {
	case *value.Table:
		return columnsTable(t.Names, out)
	case *value.Vector:
		return funcs.Assemble(out, funcs.RuleTuple)
	}
	return funcs.Assemble(out, funcs.RuleDolphin)
}

// columnsTable makes a table of byColumn's per-column results over a
// table: a scalar is a one-row column.
func columnsTable(names []string, out []value.Value) (value.Value, error) {
	cols := make([]*value.Vector, len(out))
	for c, r := range out {
		switch v := r.(type) {
		case *value.Vector:
			cols[c] = v
		case *value.Scalar:
			cols[c] = v.Vector()
		default:
			return nil, errors.New("byColumn over a table needs a function returning a vector or scalar.")
		}
	}
	return value.NewTable(append([]string(nil), names...), cols), nil
}

// columnsOf is the columns of a matrix, table or tuple, nil for any other
// value.
func columnsOf(x value.Value) []value.Value {
	switch t := x.(type) {
	case *value.Matrix:
		out := make([]value.Value, t.Cols)
		for c := range out {
			out[c] = funcs.MatrixColumn(t, c)
		}
		return out
	case *value.Table:
		out := make([]value.Value, len(t.Cols))
		for c, col := range t.Cols {
			out[c] = col
		}
		return out
	case *value.Vector:
		if t.T == value.Any {
			return t.Any
		}
	}
	return nil
}

// byColumnArray is byColumn on array vector x (and y, of x's rows, when
// given): func runs on each column, cell j of every row (NULL past a
// row's end); results of scalars form a vector and results of vectors
// of x's row count are turned back into an array vector, row r holding
// each column's r-th element (byColumn.md: sum:V(a) is [12,23,25],
// cummax:V(a) an array vector).
func byColumnArray(env funcs.Env, fn value.Value, x *value.Vector, y value.Value) (value.Value, error) {
	var ya *value.Vector
	if y != nil {
		av, ok := y.(*value.Vector)
		if !ok || !av.T.IsArray() || av.Len() != x.Len() {
			return nil, ddberr.Errorf("Incompatible vector size")
		}
		ya = av
	}
	width := arrayWidth(x)
	if ya != nil {
		width = max(width, arrayWidth(ya))
	}
	out := make([]value.Value, width)
	for j := range out {
		c, err := funcs.Index(env, x, value.NewInt(int32(j)))
		if err != nil {
			return nil, err
		}
		call := []value.Value{c}
		if ya != nil {
			yc, err := funcs.Index(env, ya, value.NewInt(int32(j)))
			if err != nil {
				return nil, err
			}
			call = append(call, yc)
		}
		if out[j], err = env.Call(fn, call...); err != nil {
			return nil, err
		}
	}
	r, err := funcs.Assemble(out, funcs.RuleDolphin)
	if err != nil {
		return nil, err
	}
	m, ok := r.(*value.Matrix)
	if !ok || m.Rows != x.Len() {
		return r, nil
	}
	// the matrix's columns are x's columns: read it row by row
	idx := make([]int, 0, m.Rows*m.Cols)
	offs := make([]int64, m.Rows)
	for row := range m.Rows {
		for col := range m.Cols {
			idx = append(idx, col*m.Rows+row)
		}
		offs[row] = int64(len(idx))
	}
	return funcs.ArrayOf(m.V.Gather(idx), offs), nil
}

// byColumnColumnar is byColumn on columnar tuple x (and y): its elements
// are rows, as an array vector's are, so func runs on the columns across
// them and a vector function's result is a columnar tuple again
// (byColumn.md: sum:V(ctp) is [2,5,6,3], cummax:V(ctp) a tuple of rows).
func byColumnColumnar(env funcs.Env, fn value.Value, x *value.Vector, y value.Value) (value.Value, error) {
	if yv, ok := y.(*value.Vector); ok && yv.Columnar {
		y = yv.ColumnarArray()
	}
	r, err := byColumnArray(env, fn, x.ColumnarArray(), y)
	if err != nil {
		return nil, err
	}
	a, ok := r.(*value.Vector)
	if !ok || !a.T.IsArray() {
		return r, nil
	}
	out := &value.Vector{T: value.Any, Any: append([]value.Value(nil), x.Any...), Columnar: true}
	out.SetColumnarRows(a)
	return out, nil
}

// arrayWidth is the length of array vector v's longest row.
func arrayWidth(v *value.Vector) int {
	w, lo := int64(0), int64(0)
	for _, hi := range v.Offsets {
		w = max(w, hi-lo)
		lo = hi
	}
	return int(w)
}

// groupKeys groups rows by the key columns: the row indices of each group
// in order of the sorted keys, and one representative row per group.
func groupKeys(name string, x value.Value, n int) ([][]int, []*value.Vector, error) {
	var keys []*value.Vector
	if t, ok := x.(*value.Vector); ok && t.T == value.Any {
		for _, k := range t.Any {
			kv, ok := k.(*value.Vector)
			if !ok {
				return nil, nil, ddberr.Errorf("The grouping columns of %s must be vectors.", name)
			}
			keys = append(keys, kv)
		}
	} else if kv, ok := x.(*value.Vector); ok {
		keys = []*value.Vector{kv}
	} else {
		return nil, nil, ddberr.Errorf("The argument [groupingCol] of %s must be a vector.", name)
	}
	for _, k := range keys {
		if k.Len() != n {
			return nil, nil, ddberr.Errorf("The grouping columns and the arguments of %s must have the same length.", name)
		}
	}
	index := map[string]int{}
	var groups [][]int
	var buf []byte
	for i := 0; i < n; i++ {
		buf = buf[:0]
		for _, k := range keys {
			buf = k.AppendKey(buf, i)
		}
		g, ok := index[string(buf)]
		if !ok {
			g = len(groups)
			index[string(buf)] = g
			groups = append(groups, nil)
		}
		groups[g] = append(groups[g], i)
	}
	// sort groups by key values
	sortGroups(groups, keys)
	return groups, keys, nil
}

func sortGroups(groups [][]int, keys []*value.Vector) {
	less := func(a, b int) bool {
		for _, k := range keys {
			if c := value.CompareElems(k, a, b); c != 0 {
				return c < 0
			}
		}
		return false
	}
	// insertion-friendly: groups are few relative to rows
	funcs.SortSlice(groups, func(i, j int) bool { return less(groups[i][0], groups[j][0]) })
}

// groupby applies func to each group of rows of funcArgs and returns a
// table of the grouping keys (sorted) and the results. Columns are named
// after the arguments as DolphinDB does: the grouping vectors by their
// variable names (groupingKey otherwise), the result <func>_<arg>.
func xgroupby(env funcs.Env, args []value.Value, names []string) (value.Value, error) {
	fn, list, n, err := fnAndArgs("groupby", args[0], args[1])
	if err != nil {
		return nil, err
	}
	groups, keys, err := groupKeys("groupby", args[2], n)
	if err != nil {
		return nil, err
	}
	out := make([]value.Value, len(groups))
	first := make([]int, len(groups))
	for g, rows := range groups {
		call := make([]value.Value, len(list))
		for k, a := range list {
			call[k] = gatherRows(a, rows)
		}
		if out[g], err = env.Call(fn, call...); err != nil {
			return nil, err
		}
		first[g] = rows[0]
	}
	res, err := funcs.Assemble(out, funcs.RuleDolphin)
	if err != nil {
		return nil, err
	}
	rv, ok := res.(*value.Vector)
	if !ok || rv.T == value.Any {
		return nil, ddberr.Errorf("The function of groupby must return a scalar for each group.")
	}
	colNames := make([]string, 0, len(keys)+1)
	cols := make([]*value.Vector, 0, len(keys)+1)
	// A key written as a variable names its column (funcs/ho_funcs/groupby.md:
	// [sym, minute(timestamp)] gives sym and groupingKey).
	keyNames := []string{funcs.ArgName(names, 2)}
	if len(keys) > 1 {
		keyNames = funcs.SplitElemNames(funcs.ArgName(names, 2))
	}
	for i, k := range keys {
		n := ""
		if i < len(keyNames) {
			n = keyNames[i]
		}
		if n == "" {
			n = "groupingKey"
		}
		colNames = append(colNames, n)
		cols = append(cols, k.Gather(first))
	}
	rname := resultColName(fn)
	if a := funcs.ArgName(names, 1); a != "" {
		rname += "_" + a
	}
	colNames = append(colNames, rname)
	cols = append(cols, rv)
	return value.NewTable(colNames, cols), nil
}

// resultColName is "<func>" as DolphinDB names an aggregate's column.
func resultColName(fn value.Value) string {
	if f, ok := fn.(interface{ FuncName() string }); ok {
		return f.FuncName()
	}
	return "result"
}

func xcontextby(env funcs.Env, args []value.Value) (value.Value, error) {
	if t, ok := args[1].(*value.Table); ok {
		return contextbyTable(env, t, args)
	}
	fn, list, n, err := fnAndArgs("contextby", args[0], args[1])
	if err != nil {
		return nil, err
	}
	groups, _, err := groupKeys("contextby", args[2], n)
	if err != nil {
		return nil, err
	}
	if sc := funcs.Arg(args, 3); sc != nil {
		sv, ok := sc.(*value.Vector)
		if !ok || sv.Len() != n {
			return nil, ddberr.Errorf("The argument [sortingCol] of contextby must be a vector as long as the arguments.")
		}
		for _, rows := range groups {
			funcs.SortSlice(rows, func(i, j int) bool { return value.CompareElems(sv, rows[i], rows[j]) < 0 })
		}
	}
	return scatterGroups(env, fn, list, groups, n)
}

// scatterGroups calls fn on each group's rows and writes the results back

// contextbyTable is contextby over a table: func runs group by group on
// each column semanticFilter picks (0 all, 1 numeric, the default, 2
// temporal, 3 literal, 4 numeric and temporal), the other columns stay
// as they are (funcs/ho_funcs/contextby.md: contextby(temporalAdd{,1d},
// t1, t1.sym,,2) moves the dates only).
func contextbyTable(env funcs.Env, t *value.Table, args []value.Value) (value.Value, error) {
	filter := int64(1)
	if f, ok := funcs.ScalarArg(funcs.Arg(args, 4)); ok && !f.Null {
		if filter, ok = f.Int64(); !ok || filter < 0 || filter > 4 {
			return nil, ddberr.Errorf("The argument [semanticFilter] of contextby must be 0, 1, 2, 3 or 4.")
		}
	}
	cols := make([]*value.Vector, len(t.Cols))
	for c, col := range t.Cols {
		cols[c] = col
		cat := col.T.Category()
		numeric := cat == value.CatIntegral || cat == value.CatFloating || cat == value.CatDecimal
		temporal := cat == value.CatTemporal
		if !(filter == 0 || filter == 1 && numeric || filter == 2 && temporal ||
			filter == 3 && cat == value.CatLiteral && col.T != value.Blob || filter == 4 && (numeric || temporal)) {
			continue
		}
		call := append([]value.Value{args[0], col}, args[2:min(len(args), 4)]...)
		r, err := xcontextby(env, call)
		if err != nil {
			return nil, err
		}
		if v, ok := r.(*value.Vector); ok && v.Len() == col.Len() {
			cols[c] = v
		}
	}
	return value.NewTable(append([]string(nil), t.Names...), cols), nil
}

// at the rows' positions (a scalar result fills its whole group).
func scatterGroups(env funcs.Env, fn value.Value, list []value.Value, groups [][]int, n int) (value.Value, error) {
	var out *value.Vector
	for _, rows := range groups {
		call := make([]value.Value, len(list))
		for k, a := range list {
			call[k] = gatherRows(a, rows)
		}
		r, err := env.Call(fn, call...)
		if err != nil {
			return nil, err
		}
		var rv *value.Vector
		switch x := r.(type) {
		case *value.Scalar:
			rv = value.NewVector(x.T, 0, len(rows))
			rv.Scale = x.Scale
			for range rows {
				rv.AppendScalar(x)
			}
		case *value.Vector:
			if x.Len() != len(rows) {
				return nil, ddberr.Errorf("The function must return a scalar or a vector as long as the group.")
			}
			rv = x
		case *value.Matrix:
			// one column as long as the group: a one-row group's vector
			// result assembled into a matrix (eachPre.md's
			// contextby(f:P, a, b) gives 4 for the group of one row)
			if x.Cols != 1 || x.Rows != len(rows) {
				return nil, ddberr.Errorf("The function must return a scalar or a vector as long as the group.")
			}
			rv = funcs.MatrixColumn(x, 0)
		default:
			return nil, ddberr.Errorf("The function must return a scalar or a vector as long as the group.")
		}
		if out == nil {
			out = value.NewNullVector(rv.T, n)
			out.Scale = rv.Scale
		}
		if rv.T != out.T {
			if rv.T == value.Void {
				continue
			}
			if out.T == value.Void {
				nv := value.NewNullVector(rv.T, n)
				out = nv
			} else if rv, err = cast.Vector(rv, out.T, out.Scale); err != nil {
				return nil, err
			}
		}
		if out.T.IsArray() {
			// array rows vary in length: written whole, once per group
			o := insert.NewOverwrite([]*value.Vector{out})
			for k, row := range rows {
				o.Set(0, row, rv, k)
			}
			o.Apply()
			continue
		}
		for k, row := range rows {
			out.SetFrom(row, rv, k)
		}
	}
	if out == nil {
		return value.NewVector(value.Void, 0, 0), nil
	}
	return out, nil
}

// segmentby applies func to runs of equal consecutive values of segment.
func xsegmentby(env funcs.Env, args []value.Value) (value.Value, error) {
	fn, list, n, err := fnAndArgs("segmentby", args[0], args[1])
	if err != nil {
		return nil, err
	}
	seg, ok := args[2].(*value.Vector)
	if !ok || seg.Len() != n {
		return nil, ddberr.Errorf("The argument [segment] of segmentby must be a vector as long as the arguments.")
	}
	var groups [][]int
	for i := 0; i < n; i++ {
		if i == 0 || value.CompareElems(seg, i, i-1) != 0 {
			groups = append(groups, nil)
		}
		groups[len(groups)-1] = append(groups[len(groups)-1], i)
	}
	return scatterGroups(env, fn, list, groups, n)
}

// composed is the function xcompose(first, second) returns: second applied
// to first's result.
func xcompose(env funcs.Env, args []value.Value) (value.Value, error) {
	if !funcs.IsFunction(args[0]) || !funcs.IsFunction(args[1]) {
		return nil, ddberr.Errorf("The arguments of compose must be functions.")
	}
	first, second := args[0], args[1]
	return &funcs.Spec{
		Name: "compose", Min: 0, Max: -1, Props: funcs.Pure, Category: "higher-order",
		Fn: func(env funcs.Env, a []value.Value) (value.Value, error) {
			r, err := env.Call(first, a...)
			if err != nil {
				return nil, err
			}
			return env.Call(second, r)
		},
	}, nil
}

// nullCompare calls a comparison, then sets the result to NULL where X or
// Y is NULL (the comparison itself treats NULL as the smallest value).
func xnullCompare(env funcs.Env, args []value.Value) (value.Value, error) {
	fn, err := FnArg("nullCompare", args[0])
	if err != nil {
		return nil, err
	}
	r, err := env.Call(fn, args[1], args[2])
	if err != nil {
		return nil, err
	}
	mask := func(x value.Value, i int) bool {
		switch v := x.(type) {
		case *value.Scalar:
			return v.Null
		case *value.Vector:
			return i < v.Len() && v.IsNull(i)
		case *value.Matrix:
			// cells in column-major order, as the result's
			return i < v.V.Len() && v.V.IsNull(i)
		case *value.Pair:
			// a pair is between's range: a NULL bound makes every
			// element's answer unknown (funcs/b/between.md)
			return v.V.IsNull(0) || v.V.IsNull(1)
		}
		return false
	}
	switch rv := r.(type) {
	case *value.Scalar:
		if mask(args[1], 0) || mask(args[2], 0) {
			return value.NullScalar(rv.T), nil
		}
		return rv, nil
	case *value.Vector:
		out := rv.Clone()
		for i := 0; i < out.Len(); i++ {
			if mask(args[1], i) || mask(args[2], i) {
				out.SetNull(i)
			}
		}
		return out, nil
	case *value.Matrix:
		out := *rv
		out.V = rv.V.Clone()
		for i := 0; i < out.V.Len(); i++ {
			if mask(args[1], i) || mask(args[2], i) {
				out.V.SetNull(i)
			}
		}
		return &out, nil
	}
	return r, nil
}

// fillNulls is a copy of v with its NULL elements set to fill.
func fillNulls(v *value.Vector, fill *value.Scalar) (*value.Vector, error) {
	out := v.Clone()
	for i := 0; i < v.Len(); i++ {
		if v.IsNull(i) {
			if err := xsetScalar(out, i, fill); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

// withNullFill fills a NULL of x or y with fillValue where the other is not
// NULL, then applies func.
func xwithNullFill(env funcs.Env, args []value.Value) (value.Value, error) {
	fn, err := FnArg("withNullFill", args[0])
	if err != nil {
		return nil, err
	}
	fill, ok := funcs.ScalarArg(args[3])
	if !ok {
		return nil, ddberr.Errorf("The argument [fillValue] of withNullFill must be a scalar.")
	}
	x, y := matrixCells(args[1], args[2]), matrixCells(args[2], args[1])
	xv, xok := x.(*value.Vector)
	yv, yok := y.(*value.Vector)
	switch {
	case xok && yok:
		if xv.Len() != yv.Len() {
			return nil, ddberr.Errorf("The arguments x and y of withNullFill must have the same length.")
		}
		nx, ny := xv.Clone(), yv.Clone()
		for i := 0; i < xv.Len(); i++ {
			a, b := xv.IsNull(i), yv.IsNull(i)
			if a && !b {
				if err := xsetScalar(nx, i, fill); err != nil {
					return nil, err
				}
			} else if b && !a {
				if err := xsetScalar(ny, i, fill); err != nil {
					return nil, err
				}
			}
		}
		x, y = nx, ny
	case xok || yok:
		// A vector against a non-NULL scalar: fill the vector's NULLs.
		vec, other := xv, y
		if yok {
			vec, other = yv, x
		}
		if s, _ := funcs.ScalarArg(other); s != nil && !s.Null {
			filled, err := fillNulls(vec, fill)
			if err != nil {
				return nil, err
			}
			if xok {
				x = filled
			} else {
				y = filled
			}
		}
	default:
		xs, _ := funcs.ScalarArg(x)
		ys, _ := funcs.ScalarArg(y)
		if xs != nil && ys != nil {
			if xs.Null && !ys.Null {
				x = fill
			} else if ys.Null && !xs.Null {
				y = fill
			}
		}
	}
	return env.Call(fn, asShaped(x, args[1], args[2]), asShaped(y, args[2], args[1]))
}

// matrixCells is withNullFill's view of an operand next to other: a
// matrix's cells, or, beside a matrix, a vector as long as its columns
// repeated for each column (withNullFill.md: withNullFill(add, x, m, 0)
// fills cell by cell); other operands are themselves.
func matrixCells(x, other value.Value) value.Value {
	if m, ok := x.(*value.Matrix); ok {
		return m.V
	}
	m, ok := other.(*value.Matrix)
	v, isVec := x.(*value.Vector)
	if !ok || !isVec || v.T == value.Any || v.T.IsArray() || v.Len() != m.Rows || m.Rows == 0 {
		return x
	}
	return v.Cycle(m.V.Len())
}

// asShaped puts cells filled from matrixCells back into the shape of a
// matrix: the operand's own, or the other one's for a repeated vector.
func asShaped(cells, x, other value.Value) value.Value {
	v, ok := cells.(*value.Vector)
	if !ok {
		return cells
	}
	if m, isM := x.(*value.Matrix); isM {
		return m.WithData(v)
	}
	if m, isM := other.(*value.Matrix); isM && v.Len() == m.V.Len() && v != x {
		return m.WithData(v)
	}
	return cells
}

// setScalar writes s (cast to v's type) into v[i].
func xsetScalar(v *value.Vector, i int, s *value.Scalar) error {
	if s.T != v.T {
		c, err := cast.To(s, v.T, v.Scale)
		if err != nil {
			return err
		}
		s = c.(*value.Scalar)
	}
	v.Set(i, s)
	return nil
}

func xaggrTopN(env funcs.Env, args []value.Value) (value.Value, error) {
	fn, list, n, err := fnAndArgs("aggrTopN", args[0], args[1])
	if err != nil {
		return nil, err
	}
	sc, ok := args[2].(*value.Vector)
	if !ok || sc.Len() != n {
		return nil, ddberr.Errorf("The argument [sortingCol] of aggrTopN must be a vector as long as funcArgs.")
	}
	top, err := topCount(args[3], n)
	if err != nil {
		return nil, err
	}
	asc, err := funcs.BoolArg("aggrTopN", "ascending", funcs.Arg(args, 4), true)
	if err != nil {
		return nil, err
	}
	// NULLs in sortingCol sort as the smallest values (CompareElems'
	// order), so they are kept, first when ascending.
	idx := value.Iota(n)
	funcs.StableSort(idx, func(a, b int) bool {
		c := value.CompareElems(sc, a, b)
		if asc {
			return c < 0
		}
		return c > 0
	})
	if top < len(idx) {
		idx = idx[:top]
	}
	call := make([]value.Value, len(list))
	for k, a := range list {
		call[k] = gatherRows(a, idx)
	}
	return env.Call(fn, call...)
}

// topCount is aggrTopN's number of rows out of n: top itself when it is
// an integer, or the fraction top (below 1.0) of n, rounded down but at
// least one row (funcs/ho_funcs/aggrTopN.md).
func topCount(x value.Value, n int) (int, error) {
	s, ok := funcs.ScalarArg(x)
	if ok && !s.Null && s.T.Category() == value.CatFloating {
		f := s.Float64()
		if !(f > 0 && f < 1) {
			return 0, ddberr.Errorf("The argument [top] of aggrTopN must be an integer or a floating number in (0, 1).")
		}
		return max(1, int(f*float64(n))), nil
	}
	top, err := funcs.IntArg("aggrTopN", "top", x, 0)
	if err != nil {
		return 0, err
	}
	return int(min(max(top, 0), int64(n))), nil
}

// talib skips the leading rows where any vector argument is NULL, applies
// func to the rest and pads the result with NULLs back to full length.
func xtalib(env funcs.Env, args []value.Value) (value.Value, error) {
	fn, err := FnArg("talib", args[0])
	if err != nil {
		return nil, err
	}
	rest := args[1:]
	n := -1
	start := 0
	for _, a := range rest {
		v, ok := a.(*value.Vector)
		if !ok || v.T == value.Any {
			continue
		}
		n = v.Len()
		k := 0
		for k < v.Len() && v.IsNull(k) {
			k++
		}
		start = max(start, k)
	}
	if n < 0 || start == 0 {
		return env.Call(fn, rest...)
	}
	call := make([]value.Value, len(rest))
	for k, a := range rest {
		if v, ok := a.(*value.Vector); ok && v.T != value.Any {
			call[k] = v.Slice(start, v.Len())
		} else {
			call[k] = a
		}
	}
	r, err := env.Call(fn, call...)
	if err != nil {
		return nil, err
	}
	rv, ok := r.(*value.Vector)
	if !ok {
		return r, nil
	}
	out := value.NewNullVector(rv.T, start)
	out.Scale = rv.Scale
	out.AppendVector(rv)
	return out, nil
}

// pivot groups funcArgs by (row, column) keys and lays func's result per
// cell out as a matrix labelled with the sorted distinct keys.
func xpivot(env funcs.Env, args []value.Value) (value.Value, error) {
	fn, list, n, err := fnAndArgs("pivot", args[0], args[1])
	if err != nil {
		return nil, err
	}
	rk, ok1 := args[2].(*value.Vector)
	ck, ok2 := args[3].(*value.Vector)
	if !ok1 || !ok2 || rk.Len() != n || ck.Len() != n {
		return nil, ddberr.Errorf("The arguments rowAlignCol and colAlignCol of pivot must be vectors as long as funcArgs.")
	}
	rows, rlab := DistinctSorted(rk)
	cols, clab := DistinctSorted(ck)
	nr, nc := rlab.Len(), clab.Len()
	// Every cell of the distinct rows by distinct columns is held boxed
	// (a NULL where no element falls) until the matrix is assembled:
	// 200,000 distinct labels each way asked for 640 GB and took the
	// process down before this was accounted.
	if err := env.Reserve(boxedCells(nr, nc)); err != nil {
		return nil, err
	}
	// cells are keyed by their position in the column-major matrix, so
	// only the occupied ones are visited, in the matrix's order
	cells := map[int][]int{}
	for i := 0; i < n; i++ {
		at := cols[string(ck.AppendKey(nil, i))]*nr + rows[string(rk.AppendKey(nil, i))]
		cells[at] = append(cells[at], i)
	}
	occupied := make([]int, 0, len(cells))
	for at := range cells {
		occupied = append(occupied, at)
	}
	slices.Sort(occupied)
	ctx := funcs.ContextOf(env)
	flat := make([]value.Value, nr*nc)
	for _, at := range occupied {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		call := make([]value.Value, len(list))
		for k, a := range list {
			call[k] = gatherRows(a, cells[at])
		}
		if flat[at], err = env.Call(fn, call...); err != nil {
			return nil, err
		}
	}
	data, err := AssembleWithNulls(flat, funcs.RuleDolphin)
	if err != nil {
		return nil, err
	}
	dv, ok := data.(*value.Vector)
	if !ok || dv.T == value.Any {
		return nil, ddberr.Errorf("The function of pivot must return a scalar for each cell.")
	}
	return &value.Matrix{V: dv, Rows: nr, Cols: nc, RowLabels: rlab, ColLabels: clab}, nil
}

// distinctSorted returns v's distinct values sorted, and each one's
// position by key.
func DistinctSorted(v *value.Vector) (map[string]int, *value.Vector) {
	seen := map[string]int{}
	var idx []int
	for i := 0; i < v.Len(); i++ {
		k := string(v.AppendKey(nil, i))
		if _, ok := seen[k]; !ok {
			seen[k] = 0
			idx = append(idx, i)
		}
	}
	funcs.StableSort(idx, func(a, b int) bool { return value.CompareElems(v, a, b) < 0 })
	labels := v.Gather(idx)
	pos := make(map[string]int, len(idx))
	for p := range idx {
		pos[string(labels.AppendKey(nil, p))] = p
	}
	return pos, labels
}

// durationTicks converts a DURATION scalar of a fixed-length unit (ns up
// to w) into ticks of type t; calendar units (M, y, B, a trading
// calendar) and durations finer than t's tick are refused.
func durationTicks(s *value.Scalar, t value.Type) (int64, error) {
	per := value.TickNanos(t)
	unit := value.DurationNanos(value.DurationUnit(s))
	if unit == 0 || per == 0 || (s.I*unit)%per != 0 {
		return 0, ddberr.Errorf("A DURATION window over %s is not supported yet; give the window in %s units as an integer.", t, t)
	}
	return s.I * unit / per, nil
}

// oneColumns gives the columns of results that are all one-column matrices
// of one height, which each then assembles into a matrix as it does
// vectors: myLrMap's each(mul{w}, x), w the n x 1 matrix dot(x, theta)
// gives, weights every column of x (tutorials/general_computing.md).
func oneColumns(out []value.Value) []value.Value {
	cols := make([]value.Value, len(out))
	for i, v := range out {
		m, ok := v.(*value.Matrix)
		if !ok || m.Cols != 1 || m.Rows != out[0].(*value.Matrix).Rows {
			return out
		}
		cols[i] = m.V
	}
	return cols
}
