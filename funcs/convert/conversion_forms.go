package convert

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// Conversions between data forms: matrix, transpose/flip, enlist,
// subtuple, symbolCode, makeKey/makeSortedKey, fixedLengthArrayVector.

// formColumns lists the columns an argument contributes to matrix and
// fixedLengthArrayVector: a vector is one column, a matrix, table or
// tuple of vectors several.
func formColumns(fn string, x value.Value) ([]*value.Vector, error) {
	switch v := x.(type) {
	case *value.Vector:
		if v.T == value.Any {
			var cols []*value.Vector
			for _, e := range v.Any {
				c, err := formColumns(fn, e)
				if err != nil {
					return nil, err
				}
				cols = append(cols, c...)
			}
			return cols, nil
		}
		if v.T.IsArray() {
			return fixedArrayColumns(fn, v)
		}
		return []*value.Vector{v}, nil
	case *value.Matrix:
		cols := make([]*value.Vector, v.Cols)
		for c := range cols {
			cols[c] = v.V.Slice(c*v.Rows, (c+1)*v.Rows)
		}
		return cols, nil
	case *value.Table:
		for _, c := range v.Cols {
			if c.T == value.Symbol {
				return nil, ddberr.Errorf("Failed to append a table object to a matrix.")
			}
		}
		return v.Cols, nil
	}
	return nil, ddberr.Errorf("The arguments of %s must be vectors, matrices, tables or tuples.", fn)
}

// fixedArrayColumns is the columns of an array vector whose rows have one
// length: column j holds cell j of every row (fixedLengthArrayVector.md
// joins fixed-length array vectors: the two exchanges' 5-level bids
// become one 10-level column).
func fixedArrayColumns(fn string, v *value.Vector) ([]*value.Vector, error) {
	if v.Len() == 0 {
		return nil, nil
	}
	w := v.Offsets[0]
	for r := 1; r < len(v.Offsets); r++ {
		if v.Offsets[r]-v.Offsets[r-1] != w {
			return nil, fmt.Errorf("%s doesn't accept an array vector here.", fn)
		}
	}
	cells := v.Cells()
	cols := make([]*value.Vector, w)
	for j := range cols {
		idx := make([]int, v.Len())
		for r := range idx {
			idx[r] = r*int(w) + j
		}
		cols[j] = cells.Gather(idx)
	}
	return cols, nil
}

// commonType is the type columns of different types are stored as:
// numbers promote, literals become STRING; anything else must agree.
func commonType(fn string, cols []*value.Vector) (value.Type, error) {
	t := cols[0].T
	for _, c := range cols[1:] {
		switch {
		case c.T == t || c.T == value.Void:
		case t == value.Void:
			t = c.T
		case t.IsNumeric() && c.T.IsNumeric() && !t.IsDecimal() && !c.T.IsDecimal():
			t = value.Promote(t, c.T)
		case t.Category() == value.CatLiteral || c.T.Category() == value.CatLiteral:
			// text mixed with anything is kept as text
			t = value.String
		default:
			return 0, ddberr.Errorf("The arguments of %s must have compatible data types.", fn)
		}
	}
	return t, nil
}

// joinColumns concatenates the columns the arguments contribute
// (formColumns), which must have one length and convert to one type;
// ncols is how many there are.
func joinColumns(fn string, args []value.Value) (data *value.Vector, rows, ncols int, err error) {
	var cols []*value.Vector
	for _, a := range args {
		c, err := formColumns(fn, a)
		if err != nil {
			return nil, 0, 0, err
		}
		cols = append(cols, c...)
	}
	if len(cols) == 0 {
		return nil, 0, 0, fmt.Errorf("%s needs at least one column.", fn)
	}
	rows = cols[0].Len()
	t, err := commonType(fn, cols)
	if err != nil {
		return nil, 0, 0, err
	}
	out := value.NewVector(t, 0, rows*len(cols))
	out.Scale = cols[0].Scale
	for _, c := range cols {
		if c.Len() != rows {
			return nil, 0, 0, ddberr.Errorf("The columns of %s must have the same length.", fn)
		}
		if c.T != t {
			if c, err = cast.Vector(c, t, out.Scale); err != nil {
				return nil, 0, 0, err
			}
		}
		out.AppendVector(c)
	}
	return out, rows, len(cols), nil
}

// matrixOf builds a matrix from columns, from a type and dimensions, or
// from an array vector whose rows have one length.
func matrixOf(_ funcs.Env, args []value.Value) (value.Value, error) {
	if _, ok := args[0].(*value.Scalar); ok {
		return typedMatrix(args[0], args[1:])
	}
	if f, ok := args[0].(interface{ FuncName() string }); ok {
		// matrix(int, 900, 100): a conversion function's name stands
		// for its type, as in array(int, n) (tutorials/matrix.md)
		if _, known := value.TypeByName(strings.ToUpper(f.FuncName())); known {
			return typedMatrix(args[0], args[1:])
		}
	}
	if v, ok := args[0].(*value.Vector); ok && v.T.IsArray() && len(args) == 1 {
		rows := v.Len()
		if rows == 0 {
			return &value.Matrix{V: value.NewVector(v.T.Elem(), 0, 0)}, nil
		}
		cols := v.Row(0).Len()
		cells := make([]int, 0, rows*cols)
		for c := 0; c < cols; c++ {
			for r := 0; r < rows; r++ {
				lo := 0
				if r > 0 {
					lo = int(v.Offsets[r-1])
				}
				if int(v.Offsets[r])-lo != cols {
					return nil, ddberr.Errorf("The rows of the array vector passed to matrix must have the same length.")
				}
				cells = append(cells, lo+c)
			}
		}
		flat := *v
		flat.T, flat.Offsets = v.T.Elem(), nil
		return &value.Matrix{V: flat.Gather(cells), Rows: rows, Cols: cols}, nil
	}
	data, rows, ncols, err := joinColumns("matrix", args)
	if err != nil {
		return nil, err
	}
	return &value.Matrix{V: data, Rows: rows, Cols: ncols}, nil
}

// typedMatrix is matrix(dataType, rows, cols, [columnsCapacity],
// [defaultValue]).
func typedMatrix(typ value.Value, rest []value.Value) (value.Value, error) {
	t, scale, err := funcs.TypeArg(typ)
	if err != nil {
		return nil, err
	}
	switch t {
	case value.Int128, value.UUID, value.IPAddr, value.Point, value.Duration:
		return nil, fmt.Errorf("matrix doesn't support data type %s.", t)
	}
	if len(rest) < 2 {
		return nil, errors.New("matrix(dataType, rows, cols) needs rows and cols.")
	}
	r := funcs.ReadArgs("matrix", rest)
	rows := r.Int("rows", rest[0], 0)
	cols := r.Int("cols", rest[1], 0)
	if err := r.Err(); err != nil {
		return nil, err
	}
	if rows < 0 || cols < 0 || rows*cols > math.MaxInt32 {
		return nil, ddberr.Errorf("The dimensions of matrix must be non-negative and not too large.")
	}
	n := int(rows * cols)
	v := value.NewVector(t, n, n)
	v.Scale = scale
	def := funcs.Arg(rest, 3)
	switch {
	case !funcs.EmptyArg(def):
		s, ok := def.(*value.Scalar)
		if !ok {
			return nil, ddberr.Errorf("The argument [defaultValue] of matrix must be a scalar.")
		}
		c, err := cast.To(s, t, scale)
		if err != nil {
			return nil, err
		}
		cs := c.(*value.Scalar)
		for i := 0; i < n; i++ {
			v.Set(i, cs)
		}
	case t.Category() == value.CatLiteral:
		// literal matrices start NULL (the empty string) already
	}
	return &value.Matrix{V: v, Rows: int(rows), Cols: int(cols)}, nil
}

// transposeOf swaps rows and columns of a matrix, a tuple of equal-length
// vectors or an array vector; a table becomes a dictionary of its
// columns and a dictionary with STRING keys a table.
func transposeOf(_ funcs.Env, args []value.Value) (value.Value, error) {
	switch v := args[0].(type) {
	case *value.Matrix:
		return v.Transpose(), nil
	case *value.Table:
		d := value.NewDict(value.String, value.Any)
		names := value.NewStrings(value.String, v.Names)
		vals := make([]value.Value, len(v.Cols))
		for i, c := range v.Cols {
			vals[i] = c
		}
		tv := value.NewTuple(vals)
		for i := range v.Cols {
			d.Put(names, i, tv, i)
		}
		return d, nil
	case *value.Dict:
		if v.Keys.T.Category() != value.CatLiteral {
			return nil, ddberr.Errorf("The keys of a dictionary passed to transpose must be strings.")
		}
		if t, ok := nestedDictTable(v); ok {
			return t, nil
		}
		// scalars repeat to the vectors' length (funcs/t/transpose.md)
		n := -1
		for i := 0; i < v.Len(); i++ {
			switch e := v.Vals.Elem(i).(type) {
			case *value.Vector:
				if n >= 0 && e.Len() != n {
					return nil, ddberr.Errorf("The values of a dictionary passed to transpose must have the same length.")
				}
				n = e.Len()
			case *value.Scalar:
			default:
				return nil, ddberr.Errorf("The values of a dictionary passed to transpose must be scalars or vectors.")
			}
		}
		cols := make([]*value.Vector, v.Len())
		for i := range cols {
			switch e := v.Vals.Elem(i).(type) {
			case *value.Vector:
				cols[i] = e
			case *value.Scalar:
				if n < 0 {
					cols[i] = e.Vector()
					continue
				}
				c, err := value.Broadcast(e, n)
				if err != nil {
					return nil, err
				}
				cols[i] = c
			}
		}
		return value.NewTable(append([]string(nil), v.Keys.Strings()...), cols), nil
	case *value.Vector:
		if v.T.IsArray() {
			m, err := matrixOf(nil, []value.Value{v})
			if err != nil {
				return nil, err
			}
			mm := m.(*value.Matrix)
			// the matrix's columns are the array's columns: each becomes a row
			offs := make([]int64, mm.Cols)
			for c := range offs {
				offs[c] = int64((c + 1) * mm.Rows)
			}
			out := *mm.V
			out.T, out.Offsets = v.T, offs
			return &out, nil
		}
		if v.T != value.Any {
			break
		}
		if len(v.Any) == 0 {
			return value.NewTuple(nil), nil
		}
		cols := make([]*value.Vector, len(v.Any))
		for i, e := range v.Any {
			c, ok := e.(*value.Vector)
			if !ok || (i > 0 && c.Len() != cols[0].Len()) {
				return nil, ddberr.Errorf("The elements of a tuple passed to transpose must be vectors of the same length.")
			}
			cols[i] = c
		}
		n := cols[0].Len()
		rows := make([]value.Value, n)
		items := make([]value.Value, len(cols))
		for r := 0; r < n; r++ {
			for c, col := range cols {
				items[c] = col.Elem(r)
			}
			rows[r] = uniformVector(append([]value.Value(nil), items...))
		}
		return value.NewTuple(rows), nil
	}
	return nil, ddberr.Errorf("The argument of transpose must be a tuple, matrix, table, dictionary or array vector.")
}

// subtuple takes rows [lo, hi) of every vector of a tuple.
func subtuple(_ funcs.Env, args []value.Value) (value.Value, error) {
	t, ok := args[0].(*value.Vector)
	if !ok || t.T != value.Any {
		return nil, ddberr.Errorf("The argument [X] of subtuple must be a tuple of vectors of the same length.")
	}
	p, ok := args[1].(*value.Pair)
	if !ok || p.V.T.Category() != value.CatIntegral {
		return nil, ddberr.Errorf("The argument [range] of subtuple must be an integral pair.")
	}
	lo, hi := p.V.At(0).I, p.V.At(1).I
	out := make([]value.Value, len(t.Any))
	for i, e := range t.Any {
		v, ok := e.(*value.Vector)
		if !ok || (i > 0 && v.Len() != t.Any[0].(*value.Vector).Len()) {
			return nil, ddberr.Errorf("The argument [X] of subtuple must be a tuple of vectors of the same length.")
		}
		if lo < 0 || hi < lo || hi > int64(v.Len()) {
			return nil, ddberr.Errorf("The range of subtuple is out of the vectors' bounds.")
		}
		out[i] = v.Slice(int(lo), int(hi))
	}
	return value.NewTuple(out), nil
}

// symbolCode numbers the distinct symbols of a SYMBOL vector in order of
// first appearance from 1, as a symbol base does; the empty symbol is 0.
func symbolCode(_ funcs.Env, args []value.Value) (value.Value, error) {
	var v *value.Vector
	m, isMatrix := args[0].(*value.Matrix)
	if isMatrix {
		v = m.V
	} else {
		v, _ = args[0].(*value.Vector)
	}
	if v == nil || v.T != value.Symbol {
		return nil, ddberr.Errorf("The argument of symbolCode must be a SYMBOL vector or matrix.")
	}
	codes := map[string]int32{"": 0}
	out := make([]int32, v.Len())
	for i, s := range v.Strings() {
		c, ok := codes[s]
		if !ok {
			c = int32(len(codes))
			codes[s] = c
		}
		out[i] = c
	}
	r := value.NewInts(out)
	if isMatrix {
		return m.WithData(r), nil
	}
	return r, nil
}

// makeKey joins the bytes of each row of its arguments into a BLOB:
// strings as their text, other types as their raw little-endian bytes.
func makeKey(fn string, args []value.Value) (value.Value, error) {
	n, scalar := 1, true
	cols := make([]*value.Vector, len(args))
	for i, a := range args {
		switch v := a.(type) {
		case *value.Scalar:
			cols[i] = v.Vector()
		case *value.Vector:
			if v.T == value.Any || v.T.IsArray() {
				return nil, ddberr.Errorf("The arguments of %s must be scalars or vectors.", fn)
			}
			if !scalar && v.Len() != n {
				return nil, ddberr.Errorf("The arguments of %s must have the same length.", fn)
			}
			cols[i], n, scalar = v, v.Len(), false
		default:
			return nil, ddberr.Errorf("The arguments of %s must be scalars or vectors.", fn)
		}
	}
	out := make([]string, n)
	var buf []byte
	for r := 0; r < n; r++ {
		buf = buf[:0]
		for _, c := range cols {
			k := r
			if c.Len() == 1 {
				k = 0
			}
			buf, _ = funcs.AppendElemBytes(buf, c, k, k+1, false)
		}
		out[r] = string(buf)
	}
	res := value.NewStrings(value.Blob, out)
	if scalar {
		return res.At(0), nil
	}
	return res, nil
}

// fixedLengthArrayVector makes an array vector whose row i holds element
// i of every column of its arguments, in order.
func fixedLengthArrayVector(_ funcs.Env, args []value.Value) (value.Value, error) {
	data, rows, k, err := joinColumns("fixedLengthArrayVector", args)
	if err != nil {
		return nil, err
	}
	idx := make([]int, 0, rows*k)
	offs := make([]int64, rows)
	for r := 0; r < rows; r++ {
		for c := 0; c < k; c++ {
			idx = append(idx, c*rows+r)
		}
		offs[r] = int64((r + 1) * k)
	}
	out := data.Gather(idx)
	out.T += value.ArrayOffset
	out.Offsets = offs
	return out, nil
}

func enlistFn(_ funcs.Env, args []value.Value) (value.Value, error) {
	if s, ok := args[0].(*value.Scalar); ok {
		return s.Vector(), nil
	}
	return value.NewTuple([]value.Value{args[0]}), nil
}

// nestedDictTable is transpose of a dictionary of dictionaries: a row per
// key, its column "key", then the first inner dictionary's keys (later
// ones missing there are NULL, extra ones dropped: transpose.md example 5).
func nestedDictTable(d *value.Dict) (*value.Table, bool) {
	if d.Vals.T != value.Any || d.Len() == 0 {
		return nil, false
	}
	for _, e := range d.Vals.Any {
		if _, ok := e.(*value.Dict); !ok {
			return nil, false
		}
	}
	r, err := funcs.Assemble(d.Vals.Any, funcs.RuleDolphin)
	t, ok := r.(*value.Table)
	if err != nil || !ok {
		return nil, false
	}
	keys := value.NewStrings(value.String, d.Keys.Strings())
	return value.NewTable(append([]string{"key"}, t.Names...), append([]*value.Vector{keys}, t.Cols...)), true
}
