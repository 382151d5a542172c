package system

import (
	"fmt"
	"slices"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/insert"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// InsertRows is tableInsert(target, args...) for every table kind; target
// is a table or a table's name, and stmt is set for INSERT INTO, whose
// rows the interpreter inserts the same way.
func InsertRows(h Host, target value.Value, args []value.Value, stmt bool) (int, error) {
	t, err := resolveTable(h, target)
	if err != nil {
		return 0, err
	}
	switch x := t.(type) {
	case *value.Table:
		args, err := nestedRowArgs(x, args)
		if err != nil {
			return 0, err
		}
		src, err := insert.FromArgs(x.Names, args)
		if err != nil {
			return 0, err
		}
		if s, ok := x.Stream.(insert.Sink); ok {
			release, _, err := LockWrites(h, s.Writes(), true)
			if err != nil {
				return 0, err
			}
			defer release()
		}
		return AppendTable(h, x, src)
	case engineTable:
		var src *value.Table
		if len(args) == 1 {
			src, _ = args[0].(*value.Table)
		}
		if src == nil {
			names, _, _ := x.Schema()
			if src, err = insert.FromArgs(names, args); err != nil {
				return 0, err
			}
		}
		if n, ok, err := h.AppendRows(t, src, stmt); ok {
			return n, err
		}
	}
	return 0, ddberr.Errorf("The first argument of tableInsert must be a table or a table name.")
}

// AppendTable appends src to the in-memory table x under x's lock, for
// a statement that holds the locks of what x's stream engine writes, if
// it feeds one: InsertRows, or an engine writing to another engine's
// input on behalf of the statement whose append it consumes.
func AppendTable(h Host, x, src *value.Table) (int, error) {
	if x.Shared != "" {
		if err := h.CheckShared(x.Shared, true); err != nil {
			return 0, err
		}
		x.Mu.Lock()
		defer x.Mu.Unlock()
		// the engine computes the append on h's behalf, in h's goroutine
		if s, ok := x.Stream.(interface{ AppendedBy(funcs.Env) func() }); ok {
			defer s.AppendedBy(h)()
		}
	}
	return insert.Append(x, src)
}

// LockWrites locks, for writing, the shared objects among vals and the
// arguments bound in the partial applications among them (append!{out})
// as Host.LockShared does. An append to a stream engine's input takes
// the locks of what the engine writes this way before the input's own
// lock: the engine writes them on the appender's behalf, and a lock
// taken later, while its rows are consumed, could wait for a session
// waiting for the input.
func LockWrites(h Host, vals []value.Value, wait bool) (func(), bool, error) {
	for _, v := range vals {
		if p, ok := v.(interface{ BoundArgs() []value.Value }); ok {
			vals = append(slices.Clip(vals), p.BoundArgs()...)
		}
	}
	return h.LockShared(vals, wait)
}

// GuardWritten guards (Host.Guard) the tables no name shares among vals
// and the arguments bound in the partial applications among them: a
// subscription's handler or a stream engine's outputs, which a goroutine
// of the server's writes.
func GuardWritten(h Host, vals ...value.Value) {
	for _, v := range vals {
		if p, ok := v.(interface{ BoundArgs() []value.Value }); ok {
			GuardWritten(h, p.BoundArgs()...)
		} else if t, ok := v.(*value.Table); ok && t.Shared == "" {
			h.Guard(t)
		}
	}
}

// CallLocked calls fn(args...) holding, for writing, the locks of the
// shared objects among args and fn's bound arguments (append!{out}), as
// a statement naming them would: a subscription's handler writes so.
func CallLocked(h Host, fn value.Value, args ...value.Value) (value.Value, error) {
	release, _, err := LockWrites(h, append([]value.Value{fn}, args...), true)
	if err != nil {
		return nil, err
	}
	defer release()
	return h.Call(fn, args...)
}

// appendTo is append!(obj, newData) for vectors, sets and every kind of
// table.
func appendTo(h Host, obj, data value.Value) (value.Value, error) {
	switch x := obj.(type) {
	case *value.Vector:
		if x.T == value.Any && x.Columnar {
			// a columnar tuple grows by rows: a tuple's elements are rows,
			// anything else one row (tutorials/Array_Vector.md)
			if d, ok := data.(*value.Vector); ok && d.T == value.Any {
				for _, e := range d.Any {
					x.Any = append(x.Any, value.DeepCopy(e))
				}
				return x, nil
			}
			x.Any = append(x.Any, value.DeepCopy(data))
			return x, nil
		}
		if x.T == value.Any && h.AppendTupleAsAWhole() {
			if _, isTuple := data.(*value.Vector); isTuple && data.Type() == value.Any {
				// a copy, as an assignment makes: z.append!(z) holding z
				// itself made a cycle that printing never left
				x.Any = append(x.Any, value.DeepCopy(data))
				return x, nil
			}
		}
		var err error
		switch d, isVec := data.(*value.Vector); {
		case x.T.IsArray():
			err = insert.AppendToArrayVector(x, data)
		case x.T == value.Any && isVec && d.T != value.Any:
			err = insert.AppendWhole(x, data)
		default:
			err = insert.AppendVector(x, data)
		}
		if err != nil {
			return nil, err
		}
		return x, nil
	case *value.Table, engineTable:
		src, ok := data.(*value.Table)
		if !ok {
			return nil, ddberr.Errorf("The data to append must be a table.")
		}
		if _, err := InsertRows(h, x, []value.Value{src}, false); err != nil {
			return nil, err
		}
		return x, nil
	case *value.Set:
		v, _, err := funcs.Operand(data)
		if err != nil {
			return nil, err
		}
		if v, err = cast.Like(v, x.V); err != nil {
			return nil, err
		}
		x.AddVector(v)
		return x, nil
	case *value.Matrix:
		if x.RowLabels == nil && x.ColLabels == nil && x.Indexed == value.NotIndexed {
			return appendColumns(x, data)
		}
	}
	return nil, fmt.Errorf("append! doesn't support %s.", obj.Form())
}

// upsertRows is upsert!/tableUpsert into target, a table value.
func upsertRows(h Host, target value.Value, src *value.Table, ignoreNull bool, keyCols, sortCols []string) (insert.Result, error) {
	if x, ok := target.(*value.Table); ok {
		if x.Shared != "" {
			if err := h.CheckShared(x.Shared, true); err != nil {
				return insert.Result{}, err
			}
			x.Mu.Lock()
			defer x.Mu.Unlock()
		}
		return insert.Upsert(x, src, ignoreNull)
	}
	if res, ok, err := h.UpsertRows(target, src, ignoreNull, keyCols, sortCols); ok {
		return res, err
	}
	return insert.Result{}, ddberr.Errorf("The target of upsert! must be a keyed table, an indexed table or a DFS table.")
}

// nestedRowArgs reads tableInsert's one value per column for the columns
// that hold a vector per row (array vectors, columnar tuples): a scalar
// there is a row of one element, as tableInsert(t, 5, 11, 11) inserts
// [11] and 11 (tutorials/Array_Vector.md).
func nestedRowArgs(t *value.Table, args []value.Value) ([]value.Value, error) {
	if len(args) != len(t.Cols) || len(args) < 2 {
		return args, nil
	}
	var out []value.Value
	for i, c := range t.Cols {
		s, ok := args[i].(*value.Scalar)
		if !ok {
			continue
		}
		var row value.Value
		switch {
		case c.T.IsArray():
			av := value.NewVector(c.T, 0, 1)
			av.Scale = c.Scale
			if err := insert.AppendToArrayVector(av, s); err != nil {
				return nil, err
			}
			row = av
		case c.T == value.Any && c.Columnar:
			row = value.NewTuple([]value.Value{s})
		default:
			continue
		}
		if out == nil {
			out = append([]value.Value(nil), args...)
		}
		out[i] = row
	}
	if out == nil {
		return args, nil
	}
	return out, nil
}

// appendColumns appends a vector to a matrix as whole columns
// (tutorials/matrix.md 2.3.1: append!(m, 8 6 1 2) adds two columns to a
// two-row matrix).
func appendColumns(m *value.Matrix, data value.Value) (value.Value, error) {
	v, _, err := funcs.Operand(data)
	if err != nil {
		return nil, err
	}
	if m.Rows == 0 || v.Len()%m.Rows != 0 {
		return nil, ddberr.Errorf("The size of the vector to append must be divisible by the number of rows of the matrix.")
	}
	if v, err = cast.Like(v, m.V); err != nil {
		return nil, err
	}
	if err := insert.AppendVector(m.V, v); err != nil {
		return nil, err
	}
	m.Cols += v.Len() / m.Rows
	return m, nil
}
