package textio

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// colPlan is one column to load: its name and type, the temporal format
// of its text, and which field of a record holds it.
type colPlan struct {
	name   string
	t      value.Type
	scale  int32
	format string
	src    int
}

// parseSchema reads loadText's schema table: name and type columns, and
// the optional format and col columns.
func parseSchema(fn string, x value.Value) ([]colPlan, error) {
	t, ok := x.(*value.Table)
	if !ok {
		return nil, fmt.Errorf("%s: The schema must be a table.", fn)
	}
	names, types := t.Column("name"), t.Column("type")
	if names == nil || types == nil {
		return nil, fmt.Errorf("%s: The schema table must contain the columns name and type.", fn)
	}
	if names.T.Category() != value.CatLiteral && names.Len() > 0 {
		return nil, fmt.Errorf("%s: The name column of the schema table must be STRING or SYMBOL.", fn)
	}
	n := t.Rows()
	plans := make([]colPlan, n)
	for i := 0; i < n; i++ {
		plans[i].name = names.StrAt(i)
		plans[i].src = i
		var err error
		plans[i].t, plans[i].scale, err = schemaType(types, i)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", fn, err)
		}
	}
	if f := t.Column("format"); f != nil && f.T.Category() == value.CatLiteral {
		for i := 0; i < n; i++ {
			plans[i].format = f.StrAt(i)
		}
	}
	if c := t.Column("col"); c != nil {
		idx, err := cast.Vector(c, value.Long, 0)
		if err != nil || idx.I64 == nil {
			return nil, fmt.Errorf("%s: The col column of the schema table must be integers.", fn)
		}
		prev := int64(-1)
		for i := 0; i < n; i++ {
			v := idx.I64[i]
			if v < 0 || v <= prev {
				return nil, fmt.Errorf("%s: The col column of the schema table must be non-negative and in ascending order.", fn)
			}
			plans[i].src = int(v)
			prev = v
		}
	}
	return plans, nil
}

// schemaType reads one type cell: a name such as INT, DOUBLE[] or
// DECIMAL32(2), or a type id.
func schemaType(types *value.Vector, i int) (value.Type, int32, error) {
	if types.T.Category() != value.CatLiteral {
		id, err := cast.Vector(types, value.Int, 0)
		if err != nil || id.I32 == nil {
			return 0, 0, ddberr.Errorf("The type column of the schema table must be STRING or INT.")
		}
		t := value.Type(id.I32[i])
		if !t.Known() {
			return 0, 0, ddberr.Errorf("Invalid data type %d in the schema table.", id.I32[i])
		}
		return t, 0, nil
	}
	name := strings.ToUpper(strings.TrimSpace(types.StrAt(i)))
	scale := int32(-1)
	if open := strings.IndexByte(name, '('); open > 0 && strings.HasSuffix(strings.TrimSuffix(name, "[]"), ")") {
		closeAt := strings.LastIndexByte(name, ')')
		s, err := strconv.Atoi(strings.TrimSpace(name[open+1 : closeAt]))
		if err != nil {
			return 0, 0, ddberr.Errorf("Invalid data type %s in the schema table.", types.StrAt(i))
		}
		scale = int32(s)
		name = name[:open] + name[closeAt+1:]
	}
	t, ok := value.TypeByName(name)
	if !ok {
		return 0, 0, ddberr.Errorf("Invalid data type %s in the schema table.", types.StrAt(i))
	}
	switch t.Elem() {
	case value.Complex, value.Point, value.Duration:
		return 0, 0, ddberr.Errorf("The data type %s is not supported by text import.", t)
	}
	return t, scale, nil
}

// columnName makes a header cell a valid DolphinDB column name, as the
// loadText page says: characters other than letters, digits and '_'
// become '_', and a name that does not start with a letter gets a 'c'
// in front ("1_test" is c1_test, "[test]" c_test_).
func columnName(cell string, i int) string {
	cell = strings.TrimSpace(cell)
	if cell == "" {
		return "col" + strconv.Itoa(i)
	}
	var b strings.Builder
	for _, r := range cell {
		if r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
	}
	s := b.String()
	if r, _ := utf8.DecodeRuneInString(s); !unicode.IsLetter(r) {
		s = "c" + s
	}
	return s
}

// looksLikeHeader is the manual's test for an unannounced header line:
// no field starts with a digit.
func looksLikeHeader(fields [][]byte) bool {
	for _, f := range fields {
		f = trimSpace(f)
		if len(f) > 0 && isDigit(f[0]) {
			return false
		}
	}
	return true
}
