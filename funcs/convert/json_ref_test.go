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
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// The toStdJson and fromStdJson of before the typed writers and parser,
// through a scalar per element, json.Marshal per string and
// json.Decoder's tokens: the reference the new ones must agree with.

func refWriteStdJSON(b *strings.Builder, x value.Value) error {
	switch v := x.(type) {
	case *value.Scalar:
		return refWriteJSONScalar(b, v)
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
			if err := refWriteStdJSON(b, v.Elem(i)); err != nil {
				return err
			}
		}
		b.WriteByte(']')
		return nil
	case *value.Set:
		return refWriteStdJSON(b, v.V)
	case *value.Dict:
		b.WriteByte('{')
		for i := 0; i < v.Len(); i++ {
			if i > 0 {
				b.WriteByte(',')
			}
			refWriteJSONString(b, v.Keys.FormatElem(i))
			b.WriteString(": ")
			if err := refWriteStdJSON(b, v.Vals.Elem(i)); err != nil {
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
				refWriteJSONString(b, v.Names[c])
				b.WriteString(": ")
				if err := refWriteStdJSON(b, col.Elem(r)); err != nil {
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

func refWriteJSONScalar(b *strings.Builder, s *value.Scalar) error {
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
		refWriteJSONString(b, s.S)
	case s.T.IsTemporal():
		refWriteJSONString(b, strings.Replace(s.String(), "T", " ", 1))
	case s.T == value.Char:
		refWriteJSONString(b, string(rune(s.I)))
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

func refWriteJSONString(b *strings.Builder, s string) {
	q, _ := json.Marshal(s)
	b.Write(q)
}

func refParseStdJSON(text string) (value.Value, error) {
	dec := json.NewDecoder(strings.NewReader(text))
	dec.UseNumber()
	v, err := refJSONValue(dec)
	if err != nil {
		return nil, ddberr.Errorf("Invalid JSON text: %s", text)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, ddberr.Errorf("Invalid JSON text: %s", text)
	}
	return v, nil
}

func refJSONValue(dec *json.Decoder) (value.Value, error) {
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
				x, err := refJSONValue(dec)
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
				x, err := refJSONValue(dec)
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
