package convert

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// JSON conversions: toStdJson/fromStdJson for standard JSON text and
// fromJson for DolphinDB's own {"form","type","value"} JSON.

// ---- toStdJson ----

func writeStdJSON(b *strings.Builder, x value.Value) error {
	switch v := x.(type) {
	case *value.Scalar:
		return writeJSONScalar(b, v)
	case *value.Vector:
		if v.T.Storage() == value.StBytes16 || v.T.Storage() == value.StPair2F64 {
			return fmt.Errorf("toStdJson doesn't support data type %s.", v.T)
		}
		// Numbers are listed as "[1, 2, 3]", text as ["a","b"] (the
		// manual's examples of toStdJson).
		sep := ","
		if v.T.IsNumeric() {
			sep = ", "
		}
		b.WriteByte('[')
		for i, n := 0, v.Len(); i < n; i++ {
			if i > 0 {
				b.WriteString(sep)
			}
			if err := writeStdJSON(b, v.Elem(i)); err != nil {
				return err
			}
		}
		b.WriteByte(']')
		return nil
	case *value.Set:
		return writeStdJSON(b, v.V)
	case *value.Dict:
		b.WriteByte('{')
		for i := 0; i < v.Len(); i++ {
			if i > 0 {
				b.WriteByte(',')
			}
			writeJSONString(b, v.Keys.FormatElem(i))
			b.WriteString(": ")
			if err := writeStdJSON(b, v.Vals.Elem(i)); err != nil {
				return err
			}
		}
		b.WriteByte('}')
		return nil
	case *value.Table:
		b.WriteByte('[')
		for r := 0; r < v.Rows(); r++ {
			if r > 0 {
				b.WriteByte(',')
			}
			b.WriteByte('{')
			for c, col := range v.Cols {
				if c > 0 {
					b.WriteByte(',')
				}
				writeJSONString(b, v.Names[c])
				b.WriteString(": ")
				if err := writeStdJSON(b, col.Elem(r)); err != nil {
					return err
				}
			}
			b.WriteByte('}')
		}
		b.WriteByte(']')
		return nil
	}
	return fmt.Errorf("toStdJson doesn't support data form %s.", x.Form())
}

func writeJSONScalar(b *strings.Builder, s *value.Scalar) error {
	switch {
	case s.T.Storage() == value.StBytes16 || s.T.Storage() == value.StPair2F64:
		return fmt.Errorf("toStdJson doesn't support data type %s.", s.T)
	case s.T == value.String && s.Null:
		b.WriteString(`""`)
	case s.Null:
		b.WriteString("null")
	case s.T == value.Bool:
		b.WriteString(strconv.FormatBool(s.I != 0))
	case s.T.Category() == value.CatLiteral:
		writeJSONString(b, s.S)
	case s.T.IsTemporal():
		writeJSONString(b, strings.Replace(s.String(), "T", " ", 1))
	case s.T == value.Char:
		writeJSONString(b, string(rune(s.I)))
	case s.T == value.Float || s.T == value.Double:
		if math.IsInf(s.F, 0) || math.IsNaN(s.F) {
			b.WriteString("null")
		} else {
			b.WriteString(strconv.FormatFloat(s.F, 'g', -1, 64))
		}
	default:
		b.WriteString(s.String())
	}
	return nil
}

func writeJSONString(b *strings.Builder, s string) {
	q, _ := json.Marshal(s)
	b.Write(q)
}

// ---- fromStdJson ----

// fromStdJSON turns standard JSON text into DolphinDB values: objects
// become dictionaries with STRING keys, arrays vectors (tuples when the
// elements differ in type), strings temporal values where they parse as
// one, numbers DOUBLE, booleans BOOL and null NULL.
func fromStdJSON(_ funcs.Env, args []value.Value) (value.Value, error) {
	in, err := funcs.StringInput("fromStdJson", args[0])
	if err != nil {
		return nil, err
	}
	if in.Scalar {
		return parseStdJSON(in.S[0])
	}
	out := make([]value.Value, len(in.S))
	for i, s := range in.S {
		if out[i], err = parseStdJSON(s); err != nil {
			return nil, err
		}
	}
	return value.NewTuple(out), nil
}

func parseStdJSON(text string) (value.Value, error) {
	dec := json.NewDecoder(strings.NewReader(text))
	dec.UseNumber()
	v, err := jsonValue(dec)
	if err != nil {
		return nil, ddberr.Errorf("Invalid JSON text: %s", text)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, ddberr.Errorf("Invalid JSON text: %s", text)
	}
	return v, nil
}

func jsonValue(dec *json.Decoder) (value.Value, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '[':
			var items []value.Value
			for dec.More() {
				x, err := jsonValue(dec)
				if err != nil {
					return nil, err
				}
				items = append(items, x)
			}
			if _, err := dec.Token(); err != nil {
				return nil, err
			}
			return uniformVector(items), nil
		case '{':
			var keys []string
			var vals []value.Value
			for dec.More() {
				k, err := dec.Token()
				if err != nil {
					return nil, err
				}
				ks, _ := k.(string)
				x, err := jsonValue(dec)
				if err != nil {
					return nil, err
				}
				keys, vals = append(keys, ks), append(vals, x)
			}
			if _, err := dec.Token(); err != nil {
				return nil, err
			}
			kv := value.NewStrings(value.String, keys)
			vv := uniformVector(vals)
			d := value.NewDict(value.String, vv.T)
			for i := range keys {
				d.Put(kv, i, vv, i)
			}
			return d, nil
		}
	case json.Number:
		f, err := t.Float64()
		if err != nil {
			return nil, err
		}
		return value.NewDouble(f), nil
	case string:
		if tv, err := cast.ParseTemporal(t); err == nil && !tv.Null {
			return tv, nil
		}
		return value.NewString(t), nil
	case bool:
		return value.NewBool(t), nil
	case nil:
		return value.NullScalar(value.Void), nil
	}
	return nil, errors.New("unexpected JSON token")
}

// uniformVector makes a typed vector of scalars of one type (NULLs of
// any type fit), or a tuple otherwise.
func uniformVector(items []value.Value) *value.Vector {
	t := value.Void
	for _, x := range items {
		s, ok := x.(*value.Scalar)
		if !ok {
			return value.NewTuple(items)
		}
		if s.T == value.Void {
			continue
		}
		if t != value.Void && s.T != t {
			return value.NewTuple(items)
		}
		t = s.T
	}
	if t == value.Void {
		if len(items) == 0 {
			return value.NewTuple([]value.Value{})
		}
		return value.NewNullVector(value.Void, len(items))
	}
	v := value.NewVector(t, 0, len(items))
	for _, x := range items {
		s := x.(*value.Scalar)
		if s.T == value.Void {
			v.AppendNull()
			continue
		}
		v.AppendScalar(s)
	}
	return v
}

// ---- fromJson ----

// dolphinJSON is the object toJson writes.
type dolphinJSON struct {
	Name  string          `json:"name"`
	Form  string          `json:"form"`
	Type  string          `json:"type"`
	Value json.RawMessage `json:"value"`
}

func fromJSON(_ funcs.Env, args []value.Value) (value.Value, error) {
	s, err := funcs.StrScalarArg("fromJson", "X", args[0])
	if err != nil {
		return nil, err
	}
	var obj dolphinJSON
	if err := json.Unmarshal([]byte(s), &obj); err != nil || obj.Form == "" {
		return nil, ddberr.Errorf("The argument of fromJson must be a JSON string with the keys form, type and value.")
	}
	return decodeDolphinJSON(obj)
}

func decodeDolphinJSON(obj dolphinJSON) (value.Value, error) {
	switch strings.ToLower(obj.Form) {
	case "table":
		var cols []dolphinJSON
		if err := json.Unmarshal(obj.Value, &cols); err != nil {
			return nil, ddberr.Errorf("Invalid JSON table value.")
		}
		names := make([]string, len(cols))
		vecs := make([]*value.Vector, len(cols))
		for i, c := range cols {
			v, err := decodeDolphinJSON(c)
			if err != nil {
				return nil, err
			}
			vv, ok := v.(*value.Vector)
			if !ok {
				return nil, ddberr.Errorf("Invalid JSON table column.")
			}
			names[i], vecs[i] = c.Name, vv
		}
		return value.NewTable(names, vecs), nil
	}
	t, ok := value.TypeByName(strings.ToUpper(obj.Type))
	if !ok {
		return nil, ddberr.Errorf("Invalid data type %s", obj.Type)
	}
	var raw []json.RawMessage
	form := strings.ToLower(obj.Form)
	if form == "scalar" {
		raw = []json.RawMessage{obj.Value}
	} else if err := json.Unmarshal(obj.Value, &raw); err != nil {
		return nil, ddberr.Errorf("Invalid JSON value.")
	}
	v := value.NewVector(t, 0, len(raw))
	for _, r := range raw {
		var x any
		if err := json.Unmarshal(r, &x); err != nil {
			return nil, ddberr.Errorf("Invalid JSON value.")
		}
		var s *value.Scalar
		switch e := x.(type) {
		case nil:
			v.AppendNull()
			continue
		case float64:
			s = value.NewDouble(e)
		case bool:
			s = value.NewBool(e)
		case string:
			p, err := cast.ParseAs(e, t)
			if err != nil {
				return nil, err
			}
			s = p
		default:
			return nil, ddberr.Errorf("Invalid JSON value.")
		}
		if s.T != t {
			c, err := cast.To(s, t, 0)
			if err != nil {
				return nil, err
			}
			s = c.(*value.Scalar)
		}
		v.AppendScalar(s)
	}
	switch form {
	case "scalar":
		return v.At(0), nil
	case "vector":
		return v, nil
	case "set":
		return value.NewSet(v), nil
	case "pair":
		if v.Len() == 2 {
			return &value.Pair{V: v}, nil
		}
	}
	return nil, fmt.Errorf("fromJson doesn't support data form %s.", obj.Form)
}

func toStdJsonFn(_ funcs.Env, args []value.Value) (value.Value, error) {
	var b strings.Builder
	if err := writeStdJSON(&b, args[0]); err != nil {
		return nil, err
	}
	return value.NewString(b.String()), nil
}
