package partschema

import (
	"github.com/porpoisedb/porpoise/partition"
	"github.com/porpoisedb/porpoise/value"
)

// Put adds schema()'s partition entries for the levels: one value
// each for one level, vectors (a tuple of schemes) for COMPO. With
// partCols nil (a database's schema) the column names and positions are
// left out.
func Put(put func(string, value.Value), levels []partition.Domain, names []string, partCols []int) {
	if len(levels) == 1 {
		dom := levels[0]
		if partCols != nil {
			put("partitionColumnName", value.NewString(names[partCols[0]]))
			put("partitionColumnIndex", value.NewInt(int32(partCols[0])))
		}
		put("partitionColumnType", value.NewInt(int32(dom.SchemeType())))
		put("partitionType", value.NewInt(int32(dom.Type())))
		put("partitionTypeName", value.NewString(dom.Type().String()))
		put("partitionSchema", Scheme(dom))
		return
	}
	cnames := make([]string, len(levels))
	idx := make([]int32, len(levels))
	ctypes := make([]int32, len(levels))
	ptypes := make([]int32, len(levels))
	pnames := make([]string, len(levels))
	schemes := make([]value.Value, len(levels))
	for l, dom := range levels {
		if partCols != nil {
			cnames[l] = names[partCols[l]]
			idx[l] = int32(partCols[l])
		}
		ctypes[l] = int32(dom.SchemeType())
		ptypes[l] = int32(dom.Type())
		pnames[l] = dom.Type().String()
		schemes[l] = Scheme(dom)
	}
	if partCols != nil {
		put("partitionColumnName", value.NewStrings(value.String, cnames))
		put("partitionColumnIndex", value.NewInts(idx))
	}
	put("partitionColumnType", value.NewInts(ctypes))
	put("partitionType", value.NewInts(ptypes))
	put("partitionTypeName", value.NewStrings(value.String, pnames))
	put("partitionSchema", value.NewTuple(schemes))
}

// Scheme is a level's partitionSchema in schema(): VALUE the values,
// RANGE the boundaries, HASH the bucket count, LIST a tuple of vectors.
func Scheme(d partition.Domain) value.Value {
	switch x := d.(type) {
	case *partition.Value:
		return x.Scheme()
	case *partition.Range:
		return x.Boundaries()
	case *partition.Hash:
		return value.NewInt(int32(x.Len()))
	case *partition.List:
		items := make([]value.Value, 0, x.Len())
		for _, l := range x.Lists() {
			items = append(items, l)
		}
		return value.NewTuple(items)
	}
	return value.NullScalar(value.Void)
}
