package insert

import (
	"github.com/porpoisedb/porpoise/ddberr"

	"github.com/porpoisedb/porpoise/value"
)

// Schema is the column layout an append converts to.
type Schema struct {
	Names  []string
	Types  []value.Type
	Scales []int32
}

// scale is column j's decimal scale (0 when s has no scales).
func (s Schema) scale(j int) int32 {
	if j < len(s.Scales) {
		return s.Scales[j]
	}
	return 0
}

// SchemaOf is t's column layout.
func SchemaOf(t *value.Table) Schema {
	scales := make([]int32, len(t.Cols))
	for i, c := range t.Cols {
		scales[i] = c.Scale
	}
	return Schema{Names: t.Names, Types: t.Types(), Scales: scales}
}

// Options select the rules of one append.
type Options struct {
	// Rules are the implicit conversions accepted.
	Rules Rules
	// MinColumns, when positive, lets the data have fewer columns than the
	// schema, down to MinColumns (DFS tables: up to the last partitioning
	// column); the missing trailing columns are NULL. Zero requires the
	// schema's count exactly.
	MinColumns int
	// Limits applies the DFS size limits: STRING and
	// BLOB values are cut to their maximum length, a longer SYMBOL fails
	// the append.
	Limits bool
}

// Memory are the rules of appends to in-memory tables (partitioned or
// not).
var Memory = Options{Rules: MemoryRules}

// DFS are the rules of appends to a DFS table whose partitioning columns
// end before column minColumns (0 for a dimension table).
func DFS(minColumns int) Options {
	return Options{Rules: DFSRules, MinColumns: max(minColumns, 1), Limits: true}
}

// ConvertTable checks the column count and converts every column of src to
// the schema's types under the options, so that the append that follows
// cannot fail half-way. Columns src lacks (Options.MinColumns) are NULL.
func ConvertTable(dst Schema, src *value.Table, o Options) (*value.Table, error) {
	m, n := src.NumCols(), len(dst.Names)
	if o.MinColumns > 0 {
		if m > n || m < o.MinColumns {
			return nil, ErrDFSColumnCount
		}
	} else if m != n {
		return nil, ErrColumnCount
	}
	rows := src.Rows()
	cols := make([]*value.Vector, n)
	for i := range n {
		if i >= m {
			cols[i] = value.NewNullVector(dst.Types[i], rows)
			cols[i].Scale = dst.Scales[i]
			continue
		}
		c := src.Cols[i]
		if c.Len() != rows {
			return nil, ErrColumnLength
		}
		conv, err := o.ConvertColumn(c, dst.Types[i], dst.Scales[i], dst.Names[i])
		if err != nil {
			return nil, err
		}
		cols[i] = conv
	}
	out := value.NewTable(dst.Names, cols)
	if value.Invariants {
		value.CheckTable(out)
	}
	return out, nil
}

// ConvertColumn is the package's ConvertColumn under the options' rules,
// then their size limits.
func (o Options) ConvertColumn(src *value.Vector, dst value.Type, scale int32, col string) (*value.Vector, error) {
	conv, err := ConvertColumn(src, dst, scale, col, o.Rules)
	if err != nil || !o.Limits {
		return conv, err
	}
	return applyLimits(conv)
}

// DFS size limits.
const (
	maxStringBytes = 65535
	maxBlobBytes   = 67108863
	maxSymbolBytes = 255
)

// longest is the length of the longest of strs.
func longest(strs []string) int {
	n := 0
	for _, s := range strs {
		n = max(n, len(s))
	}
	return n
}

// applyLimits cuts long STRING/BLOB values and rejects long SYMBOLs,
// copying v only when a value is cut.
func applyLimits(v *value.Vector) (*value.Vector, error) {
	limit := 0
	switch v.T {
	case value.String:
		limit = maxStringBytes
	case value.Blob:
		limit = maxBlobBytes
	case value.Symbol:
		// A coded column's rows can only hold its base's strings: when
		// none is too long no row is, and the rows need no decoding.
		strs := v.Str
		if _, base, ok := v.SymbolCodes(); ok {
			strs = base
			if longest(base) > maxSymbolBytes {
				strs = v.Strings()
			}
		}
		if longest(strs) > maxSymbolBytes {
			return nil, ddberr.Errorf("A SYMBOL value can't be longer than %d bytes.", maxSymbolBytes)
		}
		return v, nil
	default:
		return v, nil
	}
	strs := v.Str
	if _, base, ok := v.SymbolCodes(); ok {
		// A coded column's rows hold only its base's strings: when none is
		// too long no row is.
		if longest(base) <= limit {
			return v, nil
		}
		strs = v.Strings()
	}
	var out *value.Vector
	for i, s := range strs {
		if len(s) > limit {
			if out == nil {
				out = v.Clone()
				out.Decode()
			}
			out.Str[i] = s[:limit]
		}
	}
	if out == nil {
		return v, nil
	}
	return out, nil
}
