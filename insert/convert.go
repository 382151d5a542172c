package insert

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// Rules selects which implicit conversions an append accepts.
type Rules uint8

const (
	// MemoryRules are the in-memory table rules.
	MemoryRules Rules = iota
	// DFSRules are the stricter DFS rules.
	DFSRules
	// StreamRules are the in-memory rules with the RefId DolphinDB gives
	// a stream table's column of another type (error_codes/S03017.md).
	StreamRules
)

// Acceptable reports whether a source column of type src may be appended
// to a target column of type dst under the rules.
func (r Rules) Acceptable(dst, src value.Type) bool {
	if dst == src || src == value.Void {
		return true
	}
	dc, sc := dst.Category(), src.Category()
	if r == DFSRules {
		switch {
		case dc == sc:
			return true
		case dc == value.CatFloating && sc == value.CatIntegral:
			return true
		case dc == value.CatDecimal && (sc == value.CatIntegral || sc == value.CatFloating):
			return true
		}
		return false
	}
	switch dc {
	case value.CatIntegral, value.CatFloating, value.CatLogical, value.CatDecimal:
		switch sc {
		case value.CatIntegral, value.CatFloating, value.CatLogical, value.CatDecimal:
			return true
		}
	case value.CatTemporal:
		// integers too: the streaming tutorial's tableInsert of 1..100
		// into a TIMESTAMP column
		return sc == value.CatTemporal || sc == value.CatIntegral
	case value.CatLiteral:
		// a CHAR is its character: createTimeSeriesEngine.md inserts
		// 'B' into a STRING column
		return sc == value.CatLiteral || src == value.Char
	case value.CatBinary:
		return false
	}
	return false
}

// ConvertColumn converts src to the target column's type under the rules,
// returning src itself when no conversion is needed. The error carries
// DolphinDB's text for the rules (named by column).
func ConvertColumn(src *value.Vector, dst value.Type, scale int32, col string, r Rules) (*value.Vector, error) {
	if src.T == dst && (!dst.IsDecimal() || src.Scale == scale) {
		return src, nil
	}
	if dst == value.Any && !src.T.IsArray() {
		// a tuple column (a columnar tuple's, a table of ANY cells)
		// holds each value as a cell
		cells := make([]value.Value, src.Len())
		for i := range cells {
			cells[i] = src.Elem(i)
		}
		return value.NewTuple(cells), nil
	}
	if dst.IsArray() && src.T == value.Void {
		// NULL into an array vector column (update t set v = NULL) is a
		// NULL row each, one NULL cell as append! stores one
		out := value.NewVector(dst, 0, src.Len())
		out.Scale = scale
		null := value.NewNullVector(dst.Elem(), 1)
		for range src.Len() {
			if err := appendArrayRow(out, null); err != nil {
				return nil, err
			}
		}
		return out, nil
	}
	if dst.IsArray() && src.T == value.Any {
		// a tuple of rows fills an array vector column
		// ([15 16, 17] as col1; tutorials/Array_Vector.md)
		av := value.NewVector(dst, 0, src.Len())
		av.Scale = scale
		if err := AppendToArrayVector(av, src); err != nil {
			return nil, columnError(col, err)
		}
		return av, nil
	}
	if !r.Acceptable(dst, src.T) {
		if r == DFSRules {
			return nil, DFSTypeError(col, dst, src.T)
		}
		if r == StreamRules {
			return nil, ddberr.Errorf("Failed to append data to column '%s' with error: Incompatible type. Expected: %s, Actual: %s. RefId:S03017", col, dst, src.T)
		}
		return nil, columnError(col, IncompatibleError(dst, src.T))
	}
	out, err := cast.Vector(src, dst, scale)
	if err != nil {
		if r == DFSRules {
			return nil, DFSTypeError(col, dst, src.T)
		}
		return nil, columnError(col, err)
	}
	return out, nil
}

// ConvertForVector converts data appended to a vector of type dst
// (x.append!(7.2)); the error has no column prefix.
func ConvertForVector(src *value.Vector, dst value.Type, scale int32) (*value.Vector, error) {
	if src.T == dst && src.Scale == scale {
		return src, nil
	}
	if !MemoryRules.Acceptable(dst, src.T) {
		return nil, IncompatibleError(dst, src.T)
	}
	return cast.Vector(src, dst, scale)
}

// ConvertUpdate converts an update's new values vec for column j of t
// (ConvertColumn under the in-memory rules) whose rows rows go to t's
// rows dst: a keyed or indexed table's array vector row keeps its length
// (keyedTable.md, indexedTable.md: "Failed to update column").
func ConvertUpdate(t *value.Table, j int, vec *value.Vector, dst, rows []int) (*value.Vector, error) {
	col := t.Cols[j]
	if col.T != value.Any && !col.T.IsArray() && !MemoryRules.Acceptable(col.T, vec.T) {
		// update can't change a column's type (progr/sql/update.md); a
		// VOID column of select NULL as type takes no STRING
		// (tutorials/the_ten_most_overlooked_details_of_programming.md)
		return nil, ddberr.Errorf("The data type of the new values does not match the data type of column %s.", t.Names[j])
	}
	conv, err := ConvertColumn(vec, col.T, col.Scale, t.Names[j], MemoryRules)
	if err != nil || !t.IsKeyed() || !col.T.IsArray() {
		return conv, err
	}
	for i, r := range rows {
		if col.Row(dst[i]).Len() != conv.Row(r).Len() {
			return nil, ddberr.Errorf("Failed to update column: %s", t.Names[j])
		}
	}
	return conv, nil
}
