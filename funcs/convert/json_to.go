package convert

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// The toJson page's limits: a table converts its first 100000 rows, other
// forms their first 300000 elements.
const (
	jsonMaxRows  = 100000
	jsonMaxElems = 300000
)

// toJSON writes DolphinDB's JSON object for x: name, form, type, size and
// value, the form fromJson reads back.
func toJSON(x value.Value, name string) (value.Value, error) {
	var b strings.Builder
	if err := writeDolphinJSON(&b, x, name); err != nil {
		return nil, err
	}
	return value.NewString(b.String()), nil
}

func writeDolphinJSON(b *strings.Builder, x value.Value, name string) error {
	head := func(form string, t value.Type, size int) {
		b.WriteString(`{"name":`)
		writeJSONString(b, name)
		b.WriteString(`,"form":"` + form + `"`)
		if t != value.Void {
			b.WriteString(`,"type":"` + strings.ToLower(t.String()) + `"`)
		}
		b.WriteString(`,"size":"` + strconv.Itoa(size) + `","value":`)
	}
	switch v := x.(type) {
	case *value.Scalar:
		head("scalar", v.T, 1)
		if err := writeJSONElems(b, v.Vector(), 1, false); err != nil {
			return err
		}
	case *value.Vector:
		if v.T == value.Any || v.T.IsArray() {
			return fmt.Errorf("toJson doesn't support data type %s.", v.T)
		}
		head("vector", v.T, v.Len())
		if err := writeJSONElems(b, v, jsonMaxElems, true); err != nil {
			return err
		}
	case *value.Pair:
		head("pair", v.V.T, v.V.Len())
		if err := writeJSONElems(b, v.V, 2, true); err != nil {
			return err
		}
	case *value.Set:
		head("set", v.V.T, v.V.Len())
		if err := writeJSONElems(b, v.V, jsonMaxElems, true); err != nil {
			return err
		}
	case *value.Table:
		head("table", value.Void, v.Rows())
		b.WriteByte('[')
		for i, c := range v.Cols {
			if i > 0 {
				b.WriteByte(',')
			}
			col := c
			if col.Len() > jsonMaxRows {
				col = col.Slice(0, jsonMaxRows)
			}
			if err := writeDolphinJSON(b, col, v.Names[i]); err != nil {
				return err
			}
		}
		b.WriteByte(']')
	default:
		return fmt.Errorf("toJson doesn't support data form %s.", x.Form())
	}
	b.WriteByte('}')
	return nil
}

// writeJSONElems writes up to max elements of v, as a JSON array when
// list is set (else the single value): numbers and booleans bare, NULL as
// null, everything else as its DolphinDB text in quotes.
func writeJSONElems(b *strings.Builder, v *value.Vector, max int, list bool) error {
	n := min(v.Len(), max)
	var text []string
	switch v.T.Storage() {
	case value.StString:
	case value.StInt8, value.StInt16, value.StInt32, value.StInt64, value.StFloat32, value.StFloat64:
		if v.T.IsTemporal() || v.T.IsDecimal() {
			sv, err := cast.Vector(v.Slice(0, n), value.String, 0)
			if err != nil {
				return err
			}
			text = sv.Str
		}
	default:
		sv, err := cast.Vector(v.Slice(0, n), value.String, 0)
		if err != nil {
			return fmt.Errorf("toJson doesn't support data type %s.", v.T)
		}
		text = sv.Str
	}
	if list {
		b.WriteByte('[')
	}
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		switch {
		case v.T != value.String && v.T != value.Symbol && v.T != value.Blob && v.IsNull(i):
			b.WriteString("null")
		case text != nil:
			writeJSONString(b, text[i])
		case v.T.Category() == value.CatLiteral:
			writeJSONString(b, v.StrAt(i))
		case v.T == value.Bool:
			b.WriteString(strconv.FormatBool(v.I8[i] != 0))
		case v.F64 != nil:
			b.WriteString(jsonFloat(v.F64[i], 64))
		case v.F32 != nil:
			b.WriteString(jsonFloat(float64(v.F32[i]), 32))
		case v.I8 != nil:
			b.WriteString(strconv.Itoa(int(v.I8[i])))
		case v.I16 != nil:
			b.WriteString(strconv.Itoa(int(v.I16[i])))
		case v.I32 != nil:
			b.WriteString(strconv.Itoa(int(v.I32[i])))
		case v.I64 != nil:
			b.WriteString(strconv.FormatInt(v.I64[i], 10))
		}
	}
	if list {
		b.WriteByte(']')
	}
	return nil
}

func jsonFloat(f float64, bits int) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return "null"
	}
	return strconv.FormatFloat(f, 'g', -1, bits)
}
