package lookup

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/higherorder"
	"github.com/porpoisedb/porpoise/value"
)

// flatten turns a matrix into its column-major vector, and a tuple into a
// vector one level down: a tuple whose elements are all scalars or vectors
// joins them; otherwise each nested tuple is flattened one level.
func xflatten(env funcs.Env, args []value.Value) (value.Value, error) {
	switch x := args[0].(type) {
	case *value.Matrix:
		return x.V.Clone(), nil
	case *value.Vector:
		if x.T.IsArray() {
			flat := *x
			flat.T = x.T.Elem()
			flat.Offsets = nil
			return flat.Clone(), nil
		}
		if x.T != value.Any {
			return x, nil
		}
		simple := true
		for _, e := range x.Any {
			if v, ok := e.(*value.Vector); ok && (v.T == value.Any || v.T.IsArray()) {
				simple = false
				break
			}
			if _, ok := e.(*value.Scalar); !ok {
				if _, ok := e.(*value.Vector); !ok {
					simple = false
					break
				}
			}
		}
		if simple {
			parts := make([]*value.Vector, len(x.Any))
			for i, e := range x.Any {
				v, _, _ := value.VectorOf(e)
				parts[i] = v
			}
			j, err := funcs.JoinVectors(parts...)
			if err == nil {
				return j, nil
			}
			return x, nil
		}
		out := make([]value.Value, len(x.Any))
		for i, e := range x.Any {
			if v, ok := e.(*value.Vector); ok && v.T == value.Any {
				f, err := xflatten(env, []value.Value{v})
				if err != nil {
					return nil, err
				}
				out[i] = f
			} else {
				out[i] = e
			}
		}
		return value.NewTuple(out), nil
	}
	return args[0], nil
}

func xreshape(_ funcs.Env, args []value.Value) (value.Value, error) {
	return funcs.Reshape(args[0], funcs.Arg(args, 1))
}

func shuffleFn(inPlace bool) funcs.Impl {
	return func(env funcs.Env, args []value.Value) (value.Value, error) {
		v, ok := funcs.VectorOrMatrixData(args[0])
		if !ok {
			return nil, ddberr.Errorf("The argument of shuffle must be a vector or matrix.")
		}
		perm := env.Rand().Perm(v.Len())
		out := v.Gather(perm)
		if inPlace {
			funcs.ReplaceVector(v, out)
			return args[0], nil
		}
		if m, ok := args[0].(*value.Matrix); ok {
			return &value.Matrix{V: out, Rows: m.Rows, Cols: m.Cols}, nil
		}
		return out, nil
	}
}

// ungroup expands a table's array-vector or tuple columns: each element of
// a row's cell becomes a row, the other columns repeated.
func xungroup(env funcs.Env, args []value.Value) (value.Value, error) {
	t, ok := args[0].(*value.Table)
	if !ok {
		return nil, ddberr.Errorf("The argument of ungroup must be a table.")
	}
	n := t.Rows()
	var nested []int
	for c, col := range t.Cols {
		if col.T.IsArray() || col.T == value.Any {
			nested = append(nested, c)
		}
	}
	if len(nested) == 0 {
		return t, nil
	}
	cellLen := func(col *value.Vector, i int) int {
		if l := higherorder.LengthOf(col.Elem(i)); l >= 0 {
			return l
		}
		return 1
	}
	var rep []int
	counts := make([]int, n)
	for i := 0; i < n; i++ {
		k := cellLen(t.Cols[nested[0]], i)
		for _, c := range nested[1:] {
			if cellLen(t.Cols[c], i) != k {
				return nil, ddberr.Errorf("The nested columns of ungroup must have the same length in every row.")
			}
		}
		counts[i] = k
		for j := 0; j < k; j++ {
			rep = append(rep, i)
		}
	}
	cols := make([]*value.Vector, len(t.Cols))
	for c, col := range t.Cols {
		if !col.T.IsArray() && col.T != value.Any {
			cols[c] = col.Gather(rep)
			continue
		}
		parts := make([]*value.Vector, n)
		for i := 0; i < n; i++ {
			v, _, ok := value.VectorOf(col.Elem(i))
			if !ok {
				return nil, ddberr.Errorf("The nested columns of ungroup must hold scalars or vectors.")
			}
			parts[i] = v
		}
		j, err := funcs.JoinVectors(parts...)
		if err != nil {
			return nil, err
		}
		cols[c] = j
	}
	return value.NewTable(append([]string(nil), t.Names...), cols), nil
}

// regroup aggregates a matrix's rows (or columns) that share a label,
// one result row per distinct label in sorted order.
func xregroup(env funcs.Env, args []value.Value) (value.Value, error) {
	m, ok := args[0].(*value.Matrix)
	if !ok {
		return nil, ddberr.Errorf("The argument [X] of regroup must be a matrix.")
	}
	label, ok := args[1].(*value.Vector)
	if !ok {
		return nil, ddberr.Errorf("The argument [label] of regroup must be a vector.")
	}
	fn, err := higherorder.FnArg("regroup", args[2])
	if err != nil {
		return nil, err
	}
	byRow, err := funcs.BoolArg("regroup", "byRow", funcs.Arg(args, 3), true)
	if err != nil {
		return nil, err
	}
	if !byRow {
		m = m.Transpose()
	}
	if label.Len() != m.Rows {
		return nil, ddberr.Errorf("The length of label must equal the number of rows of X.")
	}
	pos, labels := higherorder.DistinctSorted(label)
	groups := make([][]int, labels.Len())
	for i := 0; i < label.Len(); i++ {
		g := pos[string(label.AppendKey(nil, i))]
		groups[g] = append(groups[g], i)
	}
	flat := make([]value.Value, 0, labels.Len()*m.Cols)
	for c := 0; c < m.Cols; c++ {
		col := funcs.MatrixColumn(m, c)
		for _, rows := range groups {
			r, err := env.Call(fn, col.Gather(rows))
			if err != nil {
				return nil, err
			}
			flat = append(flat, r)
		}
	}
	data, err := higherorder.AssembleWithNulls(flat, funcs.RuleDolphin)
	if err != nil {
		return nil, err
	}
	dv, ok := data.(*value.Vector)
	if !ok || dv.T == value.Any {
		return nil, ddberr.Errorf("The function of regroup must be an aggregate.")
	}
	out := &value.Matrix{V: dv, Rows: labels.Len(), Cols: m.Cols, RowLabels: labels, ColLabels: m.ColLabels}
	if !byRow {
		return out.Transpose(), nil
	}
	return out, nil
}

// unpivot stacks the columns valueColNames of table obj into one value
// column, each row beside a valueType naming its source column (func of
// the name when given) and the keyColNames columns of its source row
// (funcs/u/unpivot.md). The value columns must share one type (S02000).
func xunpivot(env funcs.Env, args []value.Value) (value.Value, error) {
	t, ok := args[0].(*value.Table)
	if !ok {
		return nil, ddberr.Errorf("The argument [obj] of unpivot must be a table.")
	}
	var keys []string
	if k := funcs.Arg(args, 1); !funcs.NullOrAbsent(k) {
		if keys, ok = funcs.NamesArg(k); !ok {
			return nil, ddberr.Errorf("The argument [%s] of unpivot must be a STRING scalar or vector.", "keyColNames")
		}
	}
	names, ok := funcs.NamesArg(funcs.Arg(args, 2))
	if !ok || len(names) == 0 {
		return nil, ddberr.Errorf("The argument [%s] of unpivot must be a STRING scalar or vector.", "valueColNames")
	}
	column := func(name string) (*value.Vector, error) {
		if c := t.Column(name); c != nil {
			return c, nil
		}
		return nil, ddberr.Errorf("The column '%s' does not exist in table.", name)
	}
	vals := make([]*value.Vector, len(names))
	for j, name := range names {
		c, err := column(name)
		if err != nil {
			return nil, err
		}
		if j > 0 && (c.T != vals[0].T || c.Scale != vals[0].Scale) {
			return nil, ddberr.Errorf("Columns specified in valueColNames of function unpivot must be of the same data type. RefId:S02000")
		}
		vals[j] = c
	}
	n, k := t.Rows(), len(names)
	rowOf, colOf := make([]int, n*k), make([]int, n*k)
	for j := 0; j < k; j++ {
		for i := 0; i < n; i++ {
			rowOf[j*n+i], colOf[j*n+i] = i, j
		}
	}
	outNames := make([]string, 0, len(keys)+2)
	outCols := make([]*value.Vector, 0, len(keys)+2)
	for _, name := range keys {
		c, err := column(name)
		if err != nil {
			return nil, err
		}
		outNames, outCols = append(outNames, name), append(outCols, c.Gather(rowOf))
	}
	types := value.NewStrings(value.Symbol, names)
	if fn := funcs.Arg(args, 3); fn != nil {
		types = value.NewVector(value.Void, 0, k)
		for j, name := range names {
			r, err := env.Call(fn, value.NewString(name))
			if err != nil {
				return nil, err
			}
			s, ok := r.(*value.Scalar)
			if !ok || (j > 0 && s.T != types.T) {
				return nil, ddberr.Errorf("The func of unpivot must map each column name to a scalar of one type.")
			}
			if j == 0 {
				types = value.NewVector(s.T, 0, k)
			}
			types.AppendScalar(s)
		}
	}
	stacked, err := funcs.JoinVectors(vals...)
	if err != nil {
		return nil, err
	}
	outNames = append(outNames, "valueType", "value")
	outCols = append(outCols, types.Gather(colOf), stacked)
	return value.NewTable(outNames, outCols), nil
}
