package dataproc

import (
	"context"
	"errors"
	"fmt"
	"math"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/dfs"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/exactkey"
	"github.com/porpoisedb/porpoise/funcs/mathfn"
	"github.com/porpoisedb/porpoise/funcs/stats"
	"github.com/porpoisedb/porpoise/insert"
	"github.com/porpoisedb/porpoise/rowsort"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/kernel"
)

// sortKeys reads the key vectors of X (a vector or a tuple of equal-length
// vectors) and one direction per key.
func sortKeys(fn string, x, asc value.Value) ([]*value.Vector, []bool, error) {
	var keys []*value.Vector
	if t, ok := x.(*value.Vector); ok && t.T == value.Any {
		for _, e := range t.Any {
			v, ok := funcs.VectorArg(e)
			if !ok || (len(keys) > 0 && v.Len() != keys[0].Len()) {
				return nil, nil, ddberr.Errorf("X of %s must be a vector or a tuple of vectors of the same length.", fn)
			}
			keys = append(keys, v)
		}
	} else {
		v, ok := funcs.VectorArg(x)
		if !ok {
			return nil, nil, ddberr.Errorf("X of %s must be a vector or a tuple of vectors of the same length.", fn)
		}
		keys = []*value.Vector{v}
	}
	dirs := make([]bool, len(keys))
	for i := range dirs {
		dirs[i] = true
	}
	if asc != nil {
		av, ok := funcs.VectorArg(asc)
		if !ok || !funcs.IsIntegralVec(av) || (av.Len() != 1 && av.Len() != len(keys)) {
			return nil, nil, fmt.Errorf("ascending of %s must be a boolean scalar or a vector with one value per key.", fn)
		}
		ls := funcs.LongsOf(av)
		for i := range dirs {
			dirs[i] = ls[min(i, len(ls)-1)] != 0
		}
	}
	return keys, dirs, nil
}

// compareWithNull compares elements i and j of v with NULL as the
// smallest value.
func compareWithNull(v *value.Vector, i, j int) int {
	in, jn := v.IsNull(i), v.IsNull(j)
	switch {
	case in && jn:
		return 0
	case in:
		return -1
	case jn:
		return 1
	}
	return value.CompareAcross(v, i, v, j)
}

// sortIndex is the stable sorting permutation of X's rows by its keys.
func sortIndex(ctx context.Context, fn string, x, asc value.Value) ([]int, error) {
	keys, n, err := rowKeys(fn, x, asc)
	if err != nil {
		return nil, err
	}
	o, err := rowsort.SortContext(ctx, keys, n, rowsort.KeepAll)
	if err != nil {
		return nil, err
	}
	return o.Index(n), nil
}

// rowKeys returns X's keys as rowsort's (NULL the smallest value) and
// the number of rows.
func rowKeys(fn string, x, asc value.Value) ([]rowsort.Key, int, error) {
	keys, dirs, err := sortKeys(fn, x, asc)
	if err != nil {
		return nil, 0, err
	}
	out := make([]rowsort.Key, len(keys))
	for i, k := range keys {
		out[i] = rowsort.Column(k, !dirs[i], rowsort.NullsLow)
	}
	n := 0
	if len(keys) > 0 {
		n = keys[0].Len()
	}
	return out, n, nil
}

// isortInPlace is isort!(X, ascending, indices): indices reordered by the
// sorting permutation of X, in place.
func isortInPlace(env funcs.Env, args []value.Value) (value.Value, error) {
	idx, err := sortIndex(funcs.ContextOf(env), "isort!", args[0], args[1])
	if err != nil {
		return nil, err
	}
	y, ok := args[2].(*value.Vector)
	if !ok || y.Len() != len(idx) {
		return nil, errors.New("indices of isort! must be a vector as long as X.")
	}
	mathfn.CopyInto(y, y.Gather(idx))
	return y, nil
}

// isSorted reports whether X is in ascending (or descending) order, NULL
// first.
func isSorted(_ funcs.Env, args []value.Value) (value.Value, error) {
	asc, err := funcs.BoolArg("isSorted", "ascending", funcs.Arg(args, 1), true)
	if err != nil {
		return nil, err
	}
	v, ok := funcs.VectorArg(args[0])
	if !ok {
		return nil, ddberr.Errorf("X of isSorted must be a vector.")
	}
	for i := 1; i < v.Len(); i++ {
		c := compareWithNull(v, i, i-1)
		if (asc && c < 0) || (!asc && c > 0) {
			return value.NewBool(false), nil
		}
	}
	return value.NewBool(true), nil
}

// sortInPlace is sort!(X, ascending): X sorted in place.
func sortInPlace(env funcs.Env, args []value.Value) (value.Value, error) {
	v, ok := args[0].(*value.Vector)
	if !ok || v.T == value.Any {
		return nil, ddberr.Errorf("X of sort! must be a vector.")
	}
	idx, err := sortIndex(funcs.ContextOf(env), "sort!", v, funcs.Arg(args, 1))
	if err != nil {
		return nil, err
	}
	mathfn.CopyInto(v, v.Gather(idx))
	return v, nil
}

// sortByInPlace sorts a table's rows in place by named columns, or by
// expressions over its columns given as metacode (<qty*price>,
// <[date, sym]>; funcs/s/sortBy_.md). A partitioned in-memory table is
// sorted within each partition, not as a whole.
func sortByInPlace(env funcs.Env, args []value.Value) (value.Value, error) {
	if p, ok := args[0].(interface{ DFSTable() *dfs.Table }); ok && !p.DFSTable().Database().DFS() {
		_, err := p.DFSTable().RewriteChunks(env.Context(), nil, func(part *value.Table) (*value.Table, int, error) {
			idx, err := sortByIndex(env, part, args)
			if err != nil {
				return nil, 0, err
			}
			sorted := value.NewTable(part.Names, make([]*value.Vector, len(part.Cols)))
			for i, c := range part.Cols {
				sorted.Cols[i] = c.Gather(idx)
			}
			return sorted, sorted.Rows(), nil
		})
		return args[0], err
	}
	t, ok := args[0].(*value.Table)
	if !ok {
		return nil, ddberr.Errorf("The first argument of sortBy! must be a table.")
	}
	idx, err := sortByIndex(env, t, args)
	if err != nil {
		return nil, err
	}
	if t.Shared != "" {
		t.Mu.Lock()
		defer t.Mu.Unlock()
	}
	for i, c := range t.Cols {
		t.Cols[i] = c.Gather(idx)
	}
	t.RebuildKeys() // a keyed or indexed table's keys moved with their rows
	return t, insert.Changed(t)
}

// sortByIndex is the order of t's rows by sortBy!'s sortColumns and
// sortDirections (args[1:]).
func sortByIndex(env funcs.Env, t *value.Table, args []value.Value) ([]int, error) {
	var keys []value.Value
	if funcs.IsCode(args[1]) {
		var err error
		if keys, err = codeKeys(env, t, args[1]); err != nil {
			return nil, err
		}
	} else {
		names, ok := funcs.StringsArg(args[1])
		if !ok {
			return nil, errors.New("sortColumns of sortBy! must be column names.")
		}
		keys = make([]value.Value, len(names))
		for i, n := range names {
			c := t.Column(n)
			if c == nil {
				return nil, ddberr.Errorf("Unrecognized column name %s", n)
			}
			keys[i] = c
		}
	}
	var x value.Value = value.NewTuple(keys)
	if len(keys) == 1 {
		x = keys[0]
	}
	return sortIndex(funcs.ContextOf(env), "sortBy!", x, funcs.Arg(args, 2))
}

// codeKeys evaluates sortBy!'s metacode over t's columns: one key per
// element of a bracketed list, else one key, each a vector as long as t.
func codeKeys(env funcs.Env, t *value.Table, code value.Value) ([]value.Value, error) {
	var e ast.Expr
	bind := map[string]value.Value{}
	switch c := code.(type) {
	case *funcs.Code:
		e = c.X
	case *funcs.Meta:
		if c.X == nil {
			return nil, errors.New("sortColumns of sortBy! must be column names.")
		}
		e = c.X
		for k, v := range c.Bind {
			bind[k] = v
		}
	}
	exprs := []ast.Expr{e}
	if a, ok := e.(*ast.ArrayExpr); ok {
		exprs = a.Elems
	}
	const table = "\x00sortBy"
	bind[table] = t
	keys := make([]value.Value, len(exprs))
	for i, x := range exprs {
		v, err := env.Eval(&ast.SelectExpr{Exec: true, Cols: []ast.Expr{x}, From: &ast.Ident{Name: table}}, bind)
		if err != nil {
			return nil, err
		}
		vec, ok := v.(*value.Vector)
		if !ok || vec.Len() != t.Rows() {
			return nil, ddberr.Errorf("The sort key of sortBy! must be a vector as long as the table.")
		}
		keys[i] = vec
	}
	return keys, nil
}

// rank ranks each column (0-based) by the "rank" page's options;
// groupNum turns ranks into group numbers.
func rank(env funcs.Env, args []value.Value) (value.Value, error) {
	o, err := stats.ParseRankOptions("rank", []value.Value{funcs.Arg(args, 1), funcs.Arg(args, 3), funcs.Arg(args, 4), funcs.Arg(args, 5)}, 0)
	if err != nil {
		return nil, err
	}
	groups := int64(0)
	if g := funcs.Arg(args, 2); g != nil {
		if groups, err = funcs.IntArg("rank", "groupNum", g, 0); err != nil || groups <= 0 {
			return nil, errors.New("groupNum of rank must be a positive integer.")
		}
	}
	prec := int64(0)
	if p := funcs.Arg(args, 6); p != nil {
		if prec, err = funcs.IntArg("rank", "precision", p, 0); err != nil || prec < 1 || prec > 15 {
			return nil, errors.New("precision of rank must be an integer in [1, 15].")
		}
		if o.Ties == "first" {
			return nil, errors.New("tiesMethod of rank can't be 'first' when precision is given.")
		}
	}
	return stats.MapColumns("rank", args[0], func(v *value.Vector) (*value.Vector, error) {
		xs, err := rankKeys(funcs.ContextOf(env), "rank", v)
		if err != nil {
			return nil, err
		}
		if prec > 0 {
			scale := math.Pow(10, float64(prec))
			r := make([]float64, len(xs))
			for i, x := range xs {
				if funcs.IsNullF(x) {
					r[i] = x
				} else {
					r[i] = math.Round(x*scale) / scale
				}
			}
			xs = r
		}
		if groups > 0 {
			return value.NewInts(stats.GroupRanks(xs, o, int(groups))), nil
		}
		ranks, err := stats.RankVectorContext(funcs.ContextOf(env), xs, o, false)
		if err != nil {
			return nil, err
		}
		return stats.RankResult(ranks, o), nil
	})
}

// rankKeys is v as the doubles rank and denseRank order: numbers and
// temporal values as their counts, other types (SYMBOL, STRING, ...) by
// their dense position among the sorted distinct values, as the manual
// ranks any vector (funcs/r/rank.md, funcs/d/denseRank.md).
func rankKeys(ctx context.Context, fn string, v *value.Vector) ([]float64, error) {
	if v.T.Category() == value.CatFloating || (funcs.IsNumericVec(v) || v.T.IsTemporal()) && exactkey.InDouble(v) {
		return funcs.DoublesOf(fn, mathfn.AsNumeric(v))
	}
	key := v
	if r, ok := v.SymbolRankVector(); ok {
		key = r
	}
	idx, err := sortIndex(ctx, fn, key, nil)
	if err != nil {
		return nil, err
	}
	xs := make([]float64, v.Len())
	pos := 0.0
	for k, i := range idx {
		if k > 0 && compareWithNull(key, i, idx[k-1]) != 0 {
			pos++
		}
		xs[i] = pos
		if v.IsNull(i) {
			xs[i] = value.NullFloat64
		}
	}
	return xs, nil
}

// denseRank ranks each column with consecutive ranks for distinct values.
func denseRank(env funcs.Env, args []value.Value) (value.Value, error) {
	o, err := stats.ParseRankOptions("denseRank", []value.Value{funcs.Arg(args, 1), funcs.Arg(args, 2), nil, funcs.Arg(args, 3)}, 0)
	if err != nil {
		return nil, err
	}
	return stats.MapColumns("denseRank", args[0], func(v *value.Vector) (*value.Vector, error) {
		xs, err := rankKeys(funcs.ContextOf(env), "denseRank", v)
		if err != nil {
			return nil, err
		}
		ranks, err := stats.RankVectorContext(funcs.ContextOf(env), xs, o, true)
		if err != nil {
			return nil, err
		}
		return stats.RankResult(ranks, o), nil
	})
}

// xsort is sort(X, [ascending]): a sorted copy of a vector, stable, NULLs
// first when ascending (moved from the interpreter's older table).
func xsort(env funcs.Env, args []value.Value) (value.Value, error) {
	v, ok := args[0].(*value.Vector)
	if !ok {
		return nil, ddberr.Errorf("The argument of sort must be a vector.")
	}
	asc := funcs.OptBool(funcs.Arg(args, 1), true)
	n := v.Len()
	o, err := rowsort.SortContext(funcs.ContextOf(env), []rowsort.Key{rowsort.Column(v, !asc, rowsort.NullsLow)}, n, rowsort.KeepAll)
	if err != nil {
		return nil, err
	}
	return v.Gather(o.Index(n)), nil
}

func isortFn(env funcs.Env, args []value.Value) (value.Value, error) {
	idx, err := sortIndex(funcs.ContextOf(env), "isort", args[0], funcs.Arg(args, 1))
	if err != nil {
		return nil, err
	}
	return kernel.IntsOf(idx), nil
}

func isortTopFn(_ funcs.Env, args []value.Value) (value.Value, error) {
	top, err := funcs.IntArg("isortTop", "top", args[1], 0)
	if err != nil || top < 0 {
		return nil, errors.New("top of isortTop must be a non-negative integer.")
	}
	keys, n, err := rowKeys("isortTop", args[0], funcs.Arg(args, 2))
	if err != nil {
		return nil, err
	}
	return value.NewInts(rowsort.Top(keys, n, int(min(top, int64(n))))), nil
}
