package funcs

import "github.com/porpoisedb/porpoise/value"

// NewColumns allocates one empty vector per type, each with room for n
// elements: the columns of a result table its caller fills row by row.
func NewColumns(n int, types ...value.Type) []*value.Vector {
	cols := make([]*value.Vector, len(types))
	for i, t := range types {
		cols[i] = value.NewVector(t, 0, n)
	}
	return cols
}

// DictOf is the dictionary mapping keys[i] to vals[i], typed as the two
// vectors are.
func DictOf(keys, vals *value.Vector) *value.Dict {
	d := value.NewDict(keys.T, vals.T)
	for i := 0; i < keys.Len(); i++ {
		d.Put(keys, i, vals, i)
	}
	return d
}

// StringDict is the dictionary of STRING keys to ANY values that model
// and result dictionaries are: keys[i] maps to vals[i].
func StringDict(keys []string, vals []value.Value) *value.Dict {
	return DictOf(value.NewStrings(value.String, keys), value.NewTuple(vals))
}

// ModelField is the entry key of a model dictionary (STRING keys), nil
// when model is none or has no such entry.
func ModelField(model value.Value, key string) value.Value {
	d, ok := model.(*value.Dict)
	if !ok || d.Keys.T != value.String {
		return nil
	}
	return d.Get(value.NewStrings(value.String, []string{key}), 0)
}

// NullLike is a NULL of like's type and form: a NULL scalar, or a vector
// of as many NULLs (a NULL VOID scalar for anything else, a tuple or an
// array vector among them). iif gives it for a NULL condition, and
// higher-order functions for a call with no result.
func NullLike(like value.Value) value.Value {
	switch l := like.(type) {
	case *value.Scalar:
		s := value.NullScalar(l.T)
		s.Scale = l.Scale
		return s
	case *value.Vector:
		if l.T != value.Any && !l.T.IsArray() {
			v := value.NewNullVector(l.T, l.Len())
			v.Scale = l.Scale
			return v
		}
	}
	return value.NullScalar(value.Void)
}
