package access

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/insert"
	"github.com/porpoisedb/porpoise/rowsort"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// Index is x[i]: vector elements (by scalar, vector of positions or pair
// range), matrix columns, table columns by name or rows by position,
// dictionary lookups.
func Index(x, i value.Value) (value.Value, error) {
	switch b := x.(type) {
	case *value.Vector:
		if k, ok := i.(*value.Vector); ok && b.T == value.Any && k.T == value.Any {
			// tp at [1 2 3, 0 1 2] is tp[1 2 3, 0 1 2] (at.md)
			return IndexTuple(b, k.Any)
		}
		return IndexVector(b, i)
	case *value.Pair:
		return IndexVector(b.V, i)
	case *value.Matrix:
		return matrixColumns(b, i)
	case *value.Table:
		if s, ok := i.(*value.Scalar); ok && s.T.Category() == value.CatLiteral {
			if c := b.Column(s.S); c != nil {
				return c, nil
			}
			return nil, ddberr.Errorf("The column [%s] doesn't exist in the table.", s.S)
		}
		if s, ok := i.(*value.Scalar); ok {
			k, ok := s.Int64()
			if !ok || k < 0 || int(k) >= b.Rows() {
				return nil, ddberr.Errorf("Index out of range.")
			}
			return RowDict(b, int(k)), nil
		}
		if k, ok := i.(*value.Vector); ok && k.T.Category() == value.CatLiteral {
			// t[`id`value] is the tuple of those columns (each(max,
			// t[`id`value]) is [3,6] in funcs/ho_funcs/each.md)
			cols := make([]value.Value, k.Len())
			for j := range cols {
				name := k.At(j).S
				c := b.Column(name)
				if c == nil {
					return nil, ddberr.Errorf("The column [%s] doesn't exist in the table.", name)
				}
				cols[j] = c
			}
			return value.NewTuple(cols), nil
		}
		switch i.(type) {
		case *value.Vector, *value.Pair:
			// rows: positions, a range (t[0:2]) or a BOOL mask (t[t.x > 2])
			return IndexTable(b, i, nil)
		}
	case *value.Dict:
		return DictGet(b, i)
	case *value.Set:
		return nil, ddberr.Errorf("A set does not support random access. RefId:S05001")
	case *value.Scalar:
		if k, ok := i.(*value.Pair); ok && (b.T == value.String || b.T == value.Symbol) {
			return sliceString(b, k), nil
		}
	}
	return nil, ddberr.Errorf("The object does not support indexing.")
}

// sliceString is s[a:b] on a string: its bytes taken as a vector's
// elements would be (time[:2] + ":" + time[2:4] in
// progr/data_mani/format_temp_obj.md), an open end being the string's.
func sliceString(s *value.Scalar, k *value.Pair) value.Value {
	n := len(s.S)
	lo, hi := funcs.PairRange(k, n)
	lo, hi = min(max(lo, 0), int64(n)), min(max(hi, 0), int64(n))
	if hi < lo {
		r := make([]byte, 0, lo-hi)
		for i := lo - 1; i >= hi; i-- {
			r = append(r, s.S[i])
		}
		return value.NewString(string(r))
	}
	return value.NewString(s.S[lo:hi])
}

func IndexVector(v *value.Vector, i value.Value) (value.Value, error) {
	if v.T.IsArray() {
		return arrayIndex(v, i)
	}
	if v.Columnar {
		if out, ok, err := columnarIndex(v, i); ok {
			return out, err
		}
	}
	switch k := i.(type) {
	case *value.Scalar:
		p, ok := k.Int64()
		if !ok || p < 0 || int(p) >= v.Len() {
			if v.T == value.Any {
				return value.NullScalar(value.Void), nil
			}
			return value.NullScalar(v.T), nil
		}
		return v.Elem(int(p)), nil
	case *value.Pair:
		// x[2:] and x[:3] leave an end open: a NULL end is the vector's.
		lo, hi := funcs.PairRange(k, v.Len())
		if lo < 0 {
			lo = 0
		}
		if int(hi) > v.Len() {
			hi = int64(v.Len())
		}
		if int(lo) > v.Len() {
			lo = int64(v.Len())
		}
		if hi < lo {
			// x[3:1] runs backwards: x[2], x[1]
			idx := make([]int, 0, lo-hi)
			for i := lo - 1; i >= hi; i-- {
				idx = append(idx, int(i))
			}
			return v.Gather(idx), nil
		}
		return v.Slice(int(lo), int(hi)).Clone(), nil
	case *value.Vector:
		if k.T == value.Bool {
			keep := make([]bool, k.Len())
			for j := range keep {
				keep[j] = k.I8[j] == 1
			}
			if len(keep) != v.Len() {
				return nil, ddberr.Errorf("Incompatible vector size")
			}
			return v.Filter(keep), nil
		}
		if v.Syms != nil {
			return codedIndex(v, k), nil
		}
		out := value.NewVector(v.T, 0, k.Len())
		// rows of a columnar tuple are one still (y[2 3 4][1:3],
		// tutorials/Array_Vector.md 2.2.1.3)
		out.Scale, out.Columnar = v.Scale, v.Columnar
		for j := 0; j < k.Len(); j++ {
			p, ok := k.At(j).Int64()
			if !ok || p < 0 || int(p) >= v.Len() {
				out.AppendNull()
				continue
			}
			out.AppendFrom(v, int(p))
		}
		return out, nil
	}
	return nil, ddberr.Errorf("Invalid index.")
}

// codedIndex is v[k] for a coded v and a vector of positions k, a NULL
// where a position is out of range: coded in v's base, so its codes are
// moved and no text is interned again (upserting S[u] into a table whose
// key column holds S's base then compares codes).
func codedIndex(v, k *value.Vector) *value.Vector {
	rows := make([]int, k.Len())
	for j := range rows {
		p, ok := k.At(j).Int64()
		if !ok || p < 0 || int(p) >= v.Len() {
			p = -1
		}
		rows[j] = int(p)
	}
	return value.GatherOrNull(v, rows)
}

func DictGet(d *value.Dict, key value.Value) (value.Value, error) {
	if kv, ok := key.(*value.Vector); ok && !kv.T.IsArray() && kv.T != value.Any {
		// weights[symbol]: one value per key, NULL for a missing one
		// (pivotBy.md example 2)
		kv, err := dictKeys(d, kv)
		if err != nil {
			return nil, err
		}
		idx := rowsort.Ints(d.LookupAll(kv))
		if d.Vals.T == value.Any {
			// x[`IBM`MSFT] on a dictionary of vectors: a tuple of them
			out := make([]value.Value, len(idx))
			for i, j := range idx {
				out[i] = value.NullScalar(value.Void)
				if j >= 0 {
					out[i] = d.Vals.Any[j]
				}
			}
			return value.NewTuple(out), nil
		}
		return value.GatherOrNull(d.Vals, idx), nil
	}
	k, ok := key.(*value.Scalar)
	if !ok {
		return nil, ddberr.Errorf("A dictionary key must be a scalar.")
	}
	kv, err := dictKeys(d, k.Vector())
	if err != nil {
		return nil, err
	}
	if v := d.Get(kv, 0); v != nil {
		return v, nil
	}
	if d.Vals.T == value.Any {
		return value.NullScalar(value.Void), nil
	}
	return value.NullScalar(d.Vals.T), nil
}

// dictKeys is kv in the type of d's keys.
func dictKeys(d *value.Dict, kv *value.Vector) (*value.Vector, error) {
	if kv.T != d.Keys.T {
		if kv.T.Category() == value.CatLiteral && d.Keys.T.Category() == value.CatLiteral {
			kv = value.NewStrings(d.Keys.T, kv.Strings())
		} else {
			c, err := cast.Vector(kv, d.Keys.T, d.Keys.Scale)
			if err != nil {
				return nil, err
			}
			kv = c
		}
	}
	return kv, nil
}

// assignIndex is x[i] = v for vectors, tables (column assignment) and
// dictionaries.
func Assign(x, i, v value.Value) error {
	switch b := x.(type) {
	case *value.Dict:
		if ks, ok := i.(*value.Vector); ok && ks.T == value.Any {
			// x[1, 2, 3] = [4.5, 6.6, 3.2] names several keys (notin.md)
			if kv, err := cast.FromScalars(ks.Any); err == nil {
				i = kv
			}
		}
		if ks, ok := i.(*value.Vector); ok && ks.T != value.Any && !ks.T.IsArray() {
			return assignDictKeys(b, ks, v)
		}
		k, ok := i.(*value.Scalar)
		if !ok {
			return ddberr.Errorf("A dictionary key must be a scalar.")
		}
		kv := k.Vector()
		if kv.T != b.Keys.T {
			c, err := cast.Vector(kv, b.Keys.T, 0)
			if err != nil {
				return err
			}
			kv = c
		}
		var vv *value.Vector
		if b.Vals.T == value.Any {
			// The dictionary keeps its own copy (value semantics), but
			// of a table the table itself: a dictionary names tables to
			// write to, as streamFilter's handlers, which the page's
			// example reads back afterwards (funcs/s/streamFilter.md);
			// a copy would be no one's to read, publish nothing and
			// feed no engine.
			if _, ok := v.(*value.Table); ok {
				vv = value.NewTuple([]value.Value{v})
			} else {
				vv = value.NewTuple([]value.Value{value.DeepCopy(v)})
			}
		} else if b.Vals.T.IsArray() {
			// a dictionary of array vector values takes a row, read as
			// append! reads one (d[1] = 1 2 3)
			vv = value.NewVector(b.Vals.T, 0, 1)
			vv.Scale = b.Vals.Scale
			if err := insert.AppendToArrayVector(vv, v); err != nil {
				return err
			}
			if vv.Len() != 1 {
				return ddberr.Errorf("The dictionary value must be a scalar.")
			}
			if at := b.Lookup(kv, 0); at >= 0 {
				// a key's new row replaces its old one whole
				insert.SetRow(b.Vals, at, vv, 0)
				return nil
			}
		} else {
			s, ok := v.(*value.Scalar)
			if !ok {
				return ddberr.Errorf("The dictionary value must be a scalar.")
			}
			sv := s.Vector()
			if sv.T != b.Vals.T {
				c, err := cast.Vector(sv, b.Vals.T, b.Vals.Scale)
				if err != nil {
					return err
				}
				sv = c
			}
			vv = sv
		}
		b.Put(kv, 0, vv, 0)
		return nil
	case *value.Matrix:
		return assignMatrix(b, i, v)
	case *value.Pair:
		// x[0] = 4 changes one end of a pair (Pair.md)
		return Assign(b.V, i, v)
	case *value.Vector:
		if b.T.IsArray() {
			// an array vector's subscript is a column index
			// (arrayVector.md): a[c] = v is a[, c] = v
			return assignArrayCells(b, nil, i, v)
		}
		if pos, ok, err := IndexPositions(b, i); ok || err != nil {
			if err != nil {
				return err
			}
			return AssignPositions(b, pos, v)
		}
		p, ok := i.(*value.Scalar)
		if !ok {
			return ddberr.Errorf("Invalid index.")
		}
		k, ok := p.Int64()
		if !ok || k < 0 || int(k) >= b.Len() {
			return ddberr.Errorf("Index out of range.")
		}
		if b.T == value.Any {
			// a tuple's element may be anything (a[0] = 1..10); it
			// keeps its own copy
			b.Any[k] = value.DeepCopy(v)
			return nil
		}
		s, ok := v.(*value.Scalar)
		if !ok {
			return ddberr.Errorf("The value to assign must be a scalar.")
		}
		if s.Null && s.T == value.Void {
			// a[1] = NULL: the vector's own NULL.
			b.SetNull(int(k))
			return nil
		}
		if s.T == b.T && s.Scale == b.Scale && !b.T.IsArray() && b.T.Storage() != value.StPair2F64 {
			// a scalar of the vector's own type needs no conversion
			// vector: x[i] = v in a script's loop
			b.Set(int(k), s)
			return nil
		}
		c, err := insert.ConvertForVector(s.Vector(), b.T, b.Scale)
		if err != nil {
			return err
		}
		b.SetFrom(int(k), c, 0)
		return nil
	case *value.Table:
		if k, ok := i.(*value.Vector); ok {
			switch {
			case k.T == value.Any && k.Len() == 2:
				// t[col, rows] = v
				return assignTableCells(b, k.Any[0], k.Any[1], v)
			case k.T.Category() == value.CatLiteral:
				return assignTableColumns(b, k.Strings(), v)
			}
		}
		name, ok := funcs.StringArg(i)
		if !ok {
			return ddberr.Errorf("A table column must be named by a string.")
		}
		if s, ok := v.(*value.Scalar); ok && s.T == value.Void && b.ColumnIndex(name) < 0 {
			// a new column needs a type; NULL has none
			return ddberr.Errorf("Not allowed to create a void vector. RefId:S05005")
		}
		col, err := insert.AsColumn(v, b.Rows())
		if err != nil {
			return err
		}
		if len(b.Cols) > 0 && col.Len() != b.Rows() {
			if b.ColumnIndex(name) < 0 {
				return ddberr.Errorf("The column %s does not exist. To add a new column, the size of the new column must equal to the size of the table. RefId: S05014", name)
			}
			return ddberr.Errorf("The length of the new column must equal the table's row count.")
		}
		if IsKeyColumn(b, name) {
			return insert.ErrUpdateKey
		}
		if j := b.ColumnIndex(name); j >= 0 {
			b.Cols[j] = col
			return nil
		}
		b.Names = append(b.Names, name)
		b.Cols = append(b.Cols, col)
		return nil
	}
	return ddberr.Errorf("The object does not support indexed assignment.")
}

// assignDictAll is assignDictKeys in one bulk put when the dictionary's
// values are of one type and v is a vector of scalars or a scalar: the
// keys and values cast as Assign casts each (keys by type, values when
// their type differs); done is false where Assign must go key by key.
func assignDictAll(d *value.Dict, keys *value.Vector, v value.Value) (done bool, err error) {
	if d.Vals.T == value.Any || d.Vals.T.IsArray() {
		return false, nil
	}
	vals, ok := v.(*value.Vector)
	if s, isScalar := v.(*value.Scalar); isScalar {
		vals, ok = s.Vector(), true
	}
	if !ok || vals.T == value.Any || vals.T.IsArray() {
		return false, nil
	}
	if keys.T != d.Keys.T {
		if keys, err = cast.Vector(keys, d.Keys.T, 0); err != nil {
			return false, err
		}
	}
	if vals.T != d.Vals.T {
		if vals, err = cast.Vector(vals, d.Vals.T, d.Vals.Scale); err != nil {
			return false, err
		}
	}
	if vals.Len() != keys.Len() {
		vals = vals.Cycle(keys.Len())
	}
	d.PutAll(keys, vals)
	return true, nil
}

// rowDict is row i of a table as a STRING->ANY dictionary.
func RowDict(t *value.Table, i int) *value.Dict {
	d := value.NewDict(value.String, value.Any)
	keys := value.NewStrings(value.String, t.Names)
	vals := value.NewVector(value.Any, 0, len(t.Cols))
	for _, c := range t.Cols {
		vals.Any = append(vals.Any, c.Elem(i))
	}
	d.PutAll(keys, vals)
	return d
}

// assignDictKeys is d[keys] = v for a vector of keys (z[3 5] = 4.3 6.5 in
// Dictionary.md): key k takes element k of a vector v of the keys'
// length, or v itself.
func assignDictKeys(d *value.Dict, keys *value.Vector, v value.Value) error {
	vals, isVec := v.(*value.Vector)
	if isVec && vals.Len() != keys.Len() {
		return ddberr.Errorf("Incompatible vector size")
	}
	if done, err := assignDictAll(d, keys, v); done || err != nil {
		return err
	}
	for k := 0; k < keys.Len(); k++ {
		x := v
		if isVec {
			x = vals.Elem(k)
		}
		if err := Assign(d, keys.Elem(k), x); err != nil {
			return err
		}
	}
	return nil
}
