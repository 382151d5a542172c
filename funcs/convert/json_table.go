package convert

import (
	"encoding/json"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/temporal"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// parseJsonTable turns JSON objects into table rows: every object of a
// string (or one per string of a vector) is a row, keys are columns.
func parseJSONTable(_ funcs.Env, args []value.Value) (value.Value, error) {
	in, err := funcs.StringInput("parseJsonTable", args[0])
	if err != nil {
		return nil, err
	}
	caseSensitive, err := funcs.BoolArg("parseJsonTable", "keyCaseSensitive", funcs.Arg(args, 2), true)
	if err != nil {
		return nil, err
	}
	var rows []map[string]any
	var order []string
	seen := map[string]bool{}
	norm := func(k string) string {
		if caseSensitive {
			return k
		}
		return strings.ToLower(k)
	}
	for _, text := range in.S {
		dec := json.NewDecoder(strings.NewReader(text))
		dec.UseNumber()
		for {
			var obj map[string]any
			err := dec.Decode(&obj)
			if err == io.EOF {
				break
			}
			if err != nil {
				return nil, ddberr.Errorf("Invalid JSON object: %s", text)
			}
			row := make(map[string]any, len(obj))
			// key order: encoding/json maps lose it, so read it from the text
			for _, k := range jsonKeyOrder(text, obj) {
				row[norm(k)] = obj[k]
				if !seen[norm(k)] {
					seen[norm(k)] = true
					order = append(order, norm(k))
				}
			}
			rows = append(rows, row)
		}
	}
	type colSpec struct {
		t      value.Type
		format string
	}
	specs := map[string]colSpec{}
	if s := funcs.Arg(args, 1); !funcs.EmptyArg(s) {
		tb, ok := s.(*value.Table)
		if !ok || tb.Column("name") == nil || tb.Column("type") == nil {
			return nil, ddberr.Errorf("The schema of parseJsonTable must be a table with the columns name and type.")
		}
		names, types, formats := tb.Column("name"), tb.Column("type"), tb.Column("format")
		order = order[:0]
		for i := 0; i < tb.Rows(); i++ {
			t, ok := value.TypeByName(strings.ToUpper(types.StrAt(i)))
			if !ok {
				return nil, ddberr.Errorf("Invalid data type %s", types.StrAt(i))
			}
			cs := colSpec{t: t}
			if formats != nil && formats.T.Category() == value.CatLiteral {
				cs.format = formats.StrAt(i)
			}
			specs[norm(names.StrAt(i))] = cs
			order = append(order, norm(names.StrAt(i)))
		}
	} else {
		for _, k := range order {
			specs[k] = colSpec{t: inferJSONType(rows, k)}
		}
	}
	cols := make([]*value.Vector, len(order))
	for c, k := range order {
		cs := specs[k]
		v := value.NewVector(cs.t, 0, len(rows))
		var toks []temporal.PatternToken
		var pt value.Type
		if cs.format != "" {
			if toks, pt, err = temporal.CompileParsePattern(cs.format); err != nil {
				return nil, err
			}
		}
		for _, r := range rows {
			x, ok := r[k]
			if !ok || x == nil {
				v.AppendNull()
				continue
			}
			s, err := jsonCell(x, cs.t, toks, pt)
			if err != nil {
				return nil, err
			}
			v.AppendScalar(s)
		}
		cols[c] = v
	}
	return value.NewTable(order, cols), nil
}

// jsonKeyOrder lists obj's keys in the order the text first shows them.
func jsonKeyOrder(text string, obj map[string]any) []string {
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	pos := func(k string) int {
		q, _ := json.Marshal(k)
		if i := strings.Index(text, string(q)); i >= 0 {
			return i
		}
		return math.MaxInt
	}
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && pos(keys[j]) < pos(keys[j-1]); j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
	return keys
}

// inferJSONType picks a column type from its values: whole numbers INT
// (LONG when too large), other numbers DOUBLE, booleans BOOL, text
// STRING.
func inferJSONType(rows []map[string]any, k string) value.Type {
	t := value.Void
	for _, r := range rows {
		var vt value.Type
		switch x := r[k].(type) {
		case nil:
			continue
		case json.Number:
			if n, err := strconv.ParseInt(string(x), 10, 64); err == nil {
				vt = value.Long
				if n >= math.MinInt32+1 && n <= math.MaxInt32 {
					vt = value.Int
				}
			} else {
				vt = value.Double
			}
		case bool:
			vt = value.Bool
		default:
			return value.String
		}
		switch {
		case t == value.Void:
			t = vt
		case t != vt && t.IsNumeric() && vt.IsNumeric() && t != value.Bool && vt != value.Bool:
			t = value.Promote(t, vt)
		case t != vt:
			return value.String
		}
	}
	if t == value.Void {
		return value.String
	}
	return t
}

// jsonCell converts one JSON value to a scalar of type t (parsing text
// with the column's temporal format when it has one).
func jsonCell(x any, t value.Type, toks []temporal.PatternToken, pt value.Type) (*value.Scalar, error) {
	var s *value.Scalar
	switch e := x.(type) {
	case json.Number:
		if t.Category() == value.CatLiteral {
			return &value.Scalar{T: t, S: string(e)}, nil
		}
		f, err := e.Float64()
		if err != nil {
			return nil, err
		}
		s = value.NewDouble(f)
		if n, err := strconv.ParseInt(string(e), 10, 64); err == nil {
			s = value.NewLong(n)
		}
	case bool:
		s = value.NewBool(e)
	case string:
		if toks != nil {
			s = temporal.TypedVector(pt, []int64{temporal.ParseWithPattern(e, toks, pt)}).At(0)
		} else if t.Category() == value.CatLiteral {
			return &value.Scalar{T: t, S: e, Null: e == ""}, nil
		} else {
			p, err := cast.ParseAs(e, t)
			if err != nil {
				return value.NullScalar(t), nil
			}
			s = p
		}
	default:
		b, _ := json.Marshal(e)
		return &value.Scalar{T: value.String, S: string(b)}, nil
	}
	if s.T == t {
		return s, nil
	}
	c, err := cast.To(s, t, 0)
	if err != nil {
		return nil, err
	}
	return c.(*value.Scalar), nil
}
