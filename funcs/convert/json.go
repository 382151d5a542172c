package convert

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// JSON conversions: toStdJson/fromStdJson for standard JSON text and
// fromJson for DolphinDB's own {"form","type","value"} JSON.

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
