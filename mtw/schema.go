package mtw

import (
	"fmt"

	"github.com/porpoisedb/porpoise/value"
)

// tableInfo is what New reads from the schema() dictionary.
type tableInfo struct {
	cols []column
	// partitioned is set when partitionColumnName is present and not NULL.
	partitioned bool
	partNames   []string
	partIndex   []int
	partTypes   []int
	partColType []int
	partSchemas []value.Value
	compo       bool
}

// dictGet returns the value stored under a STRING key, or nil.
func dictGet(d *value.Dict, key string) value.Value {
	for i := 0; i < d.Keys.Len(); i++ {
		if d.Keys.T.Storage() == value.StString && d.Keys.StrAt(i) == key {
			return d.Vals.Elem(i)
		}
	}
	return nil
}

// ints reads an INT scalar or vector.
func ints(v value.Value) ([]int, bool) {
	switch x := v.(type) {
	case *value.Scalar:
		n, ok := x.Int64()
		return []int{int(n)}, ok
	case *value.Vector:
		out := make([]int, x.Len())
		for i := range out {
			n, ok := x.At(i).Int64()
			if !ok {
				return nil, false
			}
			out[i] = int(n)
		}
		return out, true
	}
	return nil, false
}

func parseSchema(v value.Value) (*tableInfo, error) {
	d, ok := v.(*value.Dict)
	if !ok {
		return nil, fmt.Errorf("schema() returned a %s, not a dictionary", formName(v))
	}
	defs, ok := dictGet(d, "colDefs").(*value.Table)
	if !ok {
		return nil, fmt.Errorf("schema() returned no colDefs table")
	}
	names, types := defs.Column("name"), defs.Column("typeInt")
	if names == nil || types == nil || names.T.Storage() != value.StString {
		return nil, fmt.Errorf("colDefs has no name or typeInt column")
	}
	extra := defs.Column("extra")
	info := &tableInfo{}
	for i := 0; i < defs.Rows(); i++ {
		ti, ok := types.At(i).Int64()
		if !ok || ti < 0 || ti > 255 {
			return nil, fmt.Errorf("colDefs: invalid typeInt of column %s", names.StrAt(i))
		}
		col := column{name: names.StrAt(i), t: value.Type(ti)}
		if col.t.Elem().IsDecimal() && extra != nil {
			if s, ok := extra.At(i).Int64(); ok {
				col.scale = int32(s)
			}
		}
		info.cols = append(info.cols, col)
	}
	if len(info.cols) == 0 {
		return nil, fmt.Errorf("colDefs is empty")
	}
	pn := dictGet(d, "partitionColumnName")
	if pn == nil {
		return info, nil
	}
	switch x := pn.(type) {
	case *value.Scalar:
		if x.Null || x.T.Storage() != value.StString {
			return info, nil
		}
		info.partNames = []string{x.S}
	case *value.Vector:
		if x.T.Storage() != value.StString {
			return info, nil
		}
		info.partNames = append(info.partNames, x.Strings()...)
		info.compo = true
	default:
		return info, nil
	}
	info.partitioned = true
	var ok1, ok2, ok3 bool
	info.partIndex, ok1 = ints(dictGet(d, "partitionColumnIndex"))
	info.partTypes, ok2 = ints(dictGet(d, "partitionType"))
	info.partColType, ok3 = ints(dictGet(d, "partitionColumnType"))
	n := len(info.partNames)
	if !ok1 || !ok2 || !ok3 || len(info.partIndex) != n || len(info.partTypes) != n || len(info.partColType) != n {
		return nil, fmt.Errorf("schema(): inconsistent partition information")
	}
	ps := dictGet(d, "partitionSchema")
	if info.compo {
		tuple, ok := ps.(*value.Vector)
		if !ok || tuple.T != value.Any || tuple.Len() != n {
			return nil, fmt.Errorf("schema(): COMPO partitionSchema is not a tuple of %d elements", n)
		}
		for i := 0; i < n; i++ {
			info.partSchemas = append(info.partSchemas, tuple.Any[i])
		}
	} else {
		info.partSchemas = []value.Value{ps}
	}
	return info, nil
}

func formName(v value.Value) string {
	if v == nil {
		return "nothing"
	}
	return v.Form().String()
}
