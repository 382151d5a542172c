package system

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/higherorder"
	"github.com/porpoisedb/porpoise/funcs/lookup"
	"github.com/porpoisedb/porpoise/insert"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
	"github.com/porpoisedb/porpoise/value/kernel"
)

func clearFn(env funcs.Env, args []value.Value) (value.Value, error) {
	switch x := args[0].(type) {
	case *value.Vector:
		x.Truncate(0)
		return x, nil
	case *value.Matrix:
		x.V.Truncate(0)
		x.Rows, x.Cols = 0, 0
		return x, nil
	case *value.Set:
		x.Reset(value.NewSet(value.NewVector(x.V.T, 0, 0)))
		return x, nil
	case *value.Dict:
		x.Reset(value.NewDict(x.Keys.T, x.Vals.T))
		return x, nil
	case *value.Table:
		x.Mu.Lock()
		defer x.Mu.Unlock()
		for _, c := range x.Cols {
			c.Truncate(0)
		}
		x.RebuildKeys()
		return x, insert.Changed(x)
	}
	return nil, ddberr.Errorf("The argument of clear! must be a vector, matrix, set, dictionary or in-memory table.")
}

func xdrop(env funcs.Env, args []value.Value) (value.Value, error) {
	if err := insert.RefuseDurable("drop", args[0]); err != nil {
		return nil, err
	}
	n, err := funcs.IntArg("drop", "n", args[1], 0)
	if err != nil {
		return nil, err
	}
	if m, ok := args[0].(*value.Matrix); ok {
		k := min(int(funcs.AbsInt(n)), m.Cols)
		lo, hi := k, m.Cols
		if n < 0 {
			lo, hi = 0, m.Cols-k
		}
		out := &value.Matrix{V: m.V.Slice(lo*m.Rows, hi*m.Rows).Clone(), Rows: m.Rows, Cols: hi - lo, RowLabels: m.RowLabels}
		if m.ColLabels != nil {
			out.ColLabels = m.ColLabels.Slice(lo, hi)
		}
		return out, nil
	}
	total := higherorder.LengthOf(args[0])
	if total < 0 {
		return nil, ddberr.Errorf("The argument [X] of drop must be a vector, matrix or table.")
	}
	k := min(int(funcs.AbsInt(n)), total)
	if n >= 0 {
		return xcloneRows(higherorder.SliceRows(args[0], k, total)), nil
	}
	return xcloneRows(higherorder.SliceRows(args[0], 0, total-k)), nil
}

// cloneRows copies a sliced vector so the result doesn't share memory with
// its source.
func xcloneRows(x value.Value) value.Value {
	if v, ok := x.(*value.Vector); ok {
		return v.Clone()
	}
	return x
}

func xdropna(env funcs.Env, args []value.Value) (value.Value, error) {
	byRow, err := funcs.BoolArg("dropna", "byRow", funcs.Arg(args, 1), true)
	if err != nil {
		return nil, err
	}
	switch x := args[0].(type) {
	case *value.Vector:
		keep := make([]bool, x.Len())
		for i := range keep {
			keep[i] = !x.IsNull(i)
		}
		return x.Filter(keep), nil
	case *value.Matrix:
		lines, other := x.Rows, x.Cols
		if !byRow {
			lines, other = x.Cols, x.Rows
		}
		thresh, err := funcs.IntArg("dropna", "thresh", funcs.Arg(args, 2), int64(other))
		if err != nil {
			return nil, err
		}
		var kept []int
		for l := 0; l < lines; l++ {
			valid := 0
			for o := 0; o < other; o++ {
				r, c := l, o
				if !byRow {
					r, c = o, l
				}
				if !x.V.IsNull(c*x.Rows + r) {
					valid++
				}
			}
			if int64(valid) >= thresh {
				kept = append(kept, l)
			}
		}
		if byRow {
			return lookup.SliceMatrix(env, x, kernel.IntsOf(kept), nil)
		}
		return lookup.SliceMatrix(env, x, nil, kernel.IntsOf(kept))
	}
	return nil, ddberr.Errorf("The argument [X] of dropna must be a vector or matrix.")
}

func xerase(env funcs.Env, args []value.Value) (value.Value, error) {
	if err := insert.RefuseDurable("erase!", args[0]); err != nil {
		return nil, err
	}
	switch x := args[0].(type) {
	case *value.Set:
		drop, err := eraseKeys(args[1], x.V)
		if err != nil {
			return nil, err
		}
		keep := make([]bool, x.V.Len())
		for i := range keep {
			keep[i] = !drop.Contains(x.V, i)
		}
		x.Reset(value.NewSet(x.V.Filter(keep)))
		return x, nil
	case *value.Dict:
		drop, err := eraseKeys(args[1], x.Keys)
		if err != nil {
			return nil, err
		}
		nd := value.NewDict(x.Keys.T, x.Vals.T)
		for i := 0; i < x.Len(); i++ {
			if !drop.Contains(x.Keys, i) {
				nd.Put(x.Keys, i, x.Vals, i)
			}
		}
		x.Reset(nd)
		return x, nil
	case *value.Table, engineTable:
		// a partitioned in-memory table too: trades.erase!(<qty=0>) in
		// tutorials/hybrid_programming_paradigms.md
		if !funcs.IsCode(args[1]) {
			return nil, ddberr.Errorf("The filter of erase! on a table must be metacode.")
		}
		c := xnewCoder(env)
		where, err := c.exprs(args[1])
		if err != nil {
			return nil, err
		}
		tbl := c.embed(x, "\x00t")
		if _, err := env.Exec(&ast.DeleteStmt{Table: tbl, Where: where}, c.bind); err != nil {
			return nil, err
		}
		return x, nil
	}
	return nil, ddberr.Errorf("The first argument of erase! must be a set, dictionary or table.")
}

// eraseKeys is the set of keys erase! removes from a set or dictionary
// whose keys are like, cast to their type.
func eraseKeys(arg value.Value, like *value.Vector) (*value.Set, error) {
	keys, _, ok := value.VectorOf(arg)
	if !ok {
		return nil, ddberr.Errorf("The keys of erase! must be a scalar or vector.")
	}
	keys, err := cast.Like(keys, like)
	if err != nil {
		return nil, err
	}
	return value.NewSet(keys), nil
}

func xpop(env funcs.Env, args []value.Value) (value.Value, error) {
	x, ok := args[0].(*value.Vector)
	if !ok {
		return nil, ddberr.Errorf("The argument of pop! must be a vector.")
	}
	n := x.Len()
	if n == 0 {
		return value.NullScalar(x.T), nil
	}
	last := x.Elem(n - 1)
	if s, ok := last.(*value.Scalar); ok {
		c := *s
		last = &c
	}
	x.Truncate(n - 1)
	return last, nil
}

func removeEnds(head bool) funcs.Impl {
	name := "removeTail!"
	if head {
		name = "removeHead!"
	}
	return func(env funcs.Env, args []value.Value) (value.Value, error) {
		n, err := funcs.IntArg(name, "n", args[1], 0)
		if err != nil || n < 0 {
			return nil, ddberr.Errorf("The argument [n] of %s must be a non-negative integer.", name)
		}
		cut := func(v *value.Vector) {
			k := min(int(n), v.Len())
			if head {
				funcs.ReplaceVector(v, v.Slice(k, v.Len()).Clone())
			} else {
				v.Truncate(v.Len() - k)
			}
		}
		switch x := args[0].(type) {
		case *value.Vector:
			cut(x)
			return x, nil
		case *value.Table:
			x.Mu.Lock()
			defer x.Mu.Unlock()
			for _, c := range x.Cols {
				cut(c)
			}
			x.RebuildKeys()
			return x, nil
		}
		return nil, ddberr.Errorf("The argument [obj] of %s must be a vector or table.", name)
	}
}
