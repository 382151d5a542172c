package convert

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// toStdJson writes columns and vectors with a writer per column chosen
// once by type (jsonElems), appending to one buffer: going through a
// scalar and json.Marshal per element took 1.3 s for 200,000 rows.

// jsonCheckEvery is how many rows or elements go between looks at the
// context.
const jsonCheckEvery = 1 << 13

func toStdJsonFn(env funcs.Env, args []value.Value) (value.Value, error) {
	w := &stdJSONWriter{ctx: funcs.ContextOf(env)}
	if err := w.value(args[0]); err != nil {
		return nil, err
	}
	return value.NewString(string(w.b)), nil
}

type stdJSONWriter struct {
	ctx context.Context
	b   []byte
}

func (w *stdJSONWriter) value(x value.Value) error {
	switch v := x.(type) {
	case *value.Scalar:
		return w.scalar(v)
	case *value.Vector:
		return w.vector(v)
	case *value.Set:
		return w.value(v.V)
	case *value.Dict:
		elems := jsonElems(v.Vals)
		w.b = append(w.b, '{')
		for i := 0; i < v.Len(); i++ {
			if i > 0 {
				w.b = append(w.b, ',')
			}
			w.b = appendJSONString(w.b, v.Keys.FormatElem(i))
			w.b = append(w.b, ": "...)
			if elems != nil {
				w.b = elems(w.b, i)
			} else if err := w.value(v.Vals.Elem(i)); err != nil {
				return err
			}
		}
		w.b = append(w.b, '}')
		return nil
	case *value.Table:
		return w.table(v)
	}
	return fmt.Errorf("toStdJson doesn't support data form %s.", x.Form())
}

func (w *stdJSONWriter) scalar(s *value.Scalar) error {
	switch {
	case s.T.Storage() == value.StBytes16 || s.T.Storage() == value.StPair2F64:
		return fmt.Errorf("toStdJson doesn't support data type %s.", s.T)
	case s.T == value.String && s.Null:
		w.b = append(w.b, `""`...)
	case s.Null:
		w.b = append(w.b, "null"...)
	case s.T == value.Bool:
		w.b = strconv.AppendBool(w.b, s.I != 0)
	case s.T.Category() == value.CatLiteral:
		w.b = appendJSONString(w.b, s.S)
	case s.T.IsTemporal():
		w.b = appendJSONString(w.b, strings.Replace(s.String(), "T", " ", 1))
	case s.T == value.Char:
		w.b = appendJSONString(w.b, string(rune(s.I)))
	case s.T == value.Float || s.T == value.Double:
		w.b = appendJSONFloat(w.b, s.F)
	default:
		w.b = append(w.b, s.String()...)
	}
	return nil
}

// vector lists numbers as "[1, 2, 3]" and text as ["a","b"] (the
// manual's examples of toStdJson).
func (w *stdJSONWriter) vector(v *value.Vector) error {
	if v.T.Storage() == value.StBytes16 || v.T.Storage() == value.StPair2F64 {
		return fmt.Errorf("toStdJson doesn't support data type %s.", v.T)
	}
	sep := ","
	if v.T.IsNumeric() {
		sep = ", "
	}
	elems := jsonElems(v)
	w.b = append(w.b, '[')
	for i, n := 0, v.Len(); i < n; i++ {
		if i%jsonCheckEvery == 0 {
			if err := w.ctx.Err(); err != nil {
				return err
			}
		}
		if i > 0 {
			w.b = append(w.b, sep...)
		}
		if elems != nil {
			w.b = elems(w.b, i)
		} else if err := w.value(v.Elem(i)); err != nil {
			return err
		}
	}
	w.b = append(w.b, ']')
	return nil
}

// table writes one object per row, the column names quoted once.
func (w *stdJSONWriter) table(t *value.Table) error {
	keys := make([][]byte, len(t.Cols))
	elems := make([]func([]byte, int) []byte, len(t.Cols))
	for c, col := range t.Cols {
		if c > 0 {
			keys[c] = append(keys[c], ',')
		}
		keys[c] = append(appendJSONString(keys[c], t.Names[c]), ": "...)
		elems[c] = jsonElems(col)
	}
	w.b = append(w.b, '[')
	for r, n := 0, t.Rows(); r < n; r++ {
		if r%jsonCheckEvery == 0 {
			if err := w.ctx.Err(); err != nil {
				return err
			}
		}
		if r > 0 {
			w.b = append(w.b, ',')
		}
		w.b = append(w.b, '{')
		for c, col := range t.Cols {
			w.b = append(w.b, keys[c]...)
			if elems[c] != nil {
				w.b = elems[c](w.b, r)
			} else if err := w.value(col.Elem(r)); err != nil {
				return err
			}
		}
		w.b = append(w.b, '}')
	}
	w.b = append(w.b, ']')
	return nil
}

// jsonElems is the writer of v's elements, or nil for the vectors whose
// elements go through value one by one: tuples, array vectors, DURATION,
// the 16-byte and pair types and the rarer types. An element is written
// as scalar writes it: NULL as null (a STRING's as ""), temporal values quoted with a
// space for the T, floating values shortest, Inf and NaN as null.
func jsonElems(v *value.Vector) func([]byte, int) []byte {
	if v.T == value.Any || v.T.IsArray() || v.Columnar || v.T == value.Duration {
		return nil
	}
	null := []byte("null")
	switch v.T.Storage() {
	case value.StInt8:
		xs := v.I8
		switch v.T {
		case value.Void:
			return func(b []byte, _ int) []byte { return append(b, null...) }
		case value.Bool:
			return func(b []byte, i int) []byte {
				switch xs[i] {
				case value.NullInt8:
					return append(b, null...)
				case 0:
					return append(b, "false"...)
				}
				return append(b, "true"...)
			}
		case value.Char:
			return func(b []byte, i int) []byte {
				if xs[i] == value.NullInt8 {
					return append(b, null...)
				}
				return appendJSONString(b, string(rune(xs[i])))
			}
		}
	case value.StInt16:
		xs, t, scale := v.I16, v.T, v.Scale
		return intElems(t, func(i int) (int64, bool) { return int64(xs[i]), xs[i] == value.NullInt16 }, scale)
	case value.StInt32:
		xs, t, scale := v.I32, v.T, v.Scale
		return intElems(t, func(i int) (int64, bool) { return int64(xs[i]), xs[i] == value.NullInt32 }, scale)
	case value.StInt64:
		xs, t, scale := v.I64, v.T, v.Scale
		return intElems(t, func(i int) (int64, bool) { return xs[i], xs[i] == value.NullInt64 }, scale)
	case value.StFloat32:
		xs := v.F32
		return func(b []byte, i int) []byte {
			if xs[i] == value.NullFloat32 {
				return append(b, null...)
			}
			return appendJSONFloat(b, float64(xs[i]))
		}
	case value.StFloat64:
		xs := v.F64
		return func(b []byte, i int) []byte {
			if xs[i] == value.NullFloat64 {
				return append(b, null...)
			}
			return appendJSONFloat(b, xs[i])
		}
	case value.StString:
		switch v.T {
		case value.String:
			return func(b []byte, i int) []byte { return appendJSONString(b, v.StrAt(i)) }
		case value.Symbol, value.Blob:
			return func(b []byte, i int) []byte {
				if v.IsNull(i) {
					return append(b, null...)
				}
				return appendJSONString(b, v.StrAt(i))
			}
		}
	}
	return nil
}

// intElems writes integral, decimal and temporal elements, which
// value.AppendRaw prints as their scalars do.
func intElems(t value.Type, at func(int) (int64, bool), scale int32) func([]byte, int) []byte {
	if t.IsTemporal() {
		return func(b []byte, i int) []byte {
			x, null := at(i)
			if null {
				return append(b, "null"...)
			}
			b = append(b, '"')
			from := len(b)
			b = value.AppendRaw(b, t, x, scale)
			// the date and time of a timestamp are split by a space
			for j := from; j < len(b); j++ {
				if b[j] == 'T' {
					b[j] = ' '
					break
				}
			}
			return append(b, '"')
		}
	}
	return func(b []byte, i int) []byte {
		x, null := at(i)
		if null {
			return append(b, "null"...)
		}
		return value.AppendRaw(b, t, x, scale)
	}
}

func appendJSONFloat(b []byte, f float64) []byte {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return append(b, "null"...)
	}
	return strconv.AppendFloat(b, f, 'g', -1, 64)
}

const hexDigits = "0123456789abcdef"

// appendJSONString quotes s as encoding/json does: ", \ and the control
// characters escaped (\b \f \n \r \t by name), <, > and & as \u00XX,
// invalid UTF-8 as \ufffd and U+2028 and U+2029 escaped.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(append(b, s[start:i]...), `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(append(b, s[start:i]...), '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// writeJSONString is appendJSONString for the toJson writer.
func writeJSONString(b *strings.Builder, s string) {
	var buf [64]byte
	b.Write(appendJSONString(buf[:0], s))
}

// ---- fromStdJson ----

// fromStdJSON turns standard JSON text into DolphinDB values: objects
// become dictionaries with STRING keys, arrays vectors (tuples when the
// elements differ in type), strings temporal values where they parse as
// one, numbers DOUBLE, booleans BOOL and null NULL.
func fromStdJSON(env funcs.Env, args []value.Value) (value.Value, error) {
	in, err := funcs.StringInput("fromStdJson", args[0])
	if err != nil {
		return nil, err
	}
	ctx := funcs.ContextOf(env)
	if in.Scalar {
		return parseStdJSON(ctx, in.S[0])
	}
	out := make([]value.Value, len(in.S))
	for i, s := range in.S {
		if out[i], err = parseStdJSON(ctx, s); err != nil {
			return nil, err
		}
	}
	return value.NewTuple(out), nil
}

// jsonMaxDepth is encoding/json's nesting limit; deeper text is refused
// rather than recursed into until the stack runs out.
const jsonMaxDepth = 10000

// parseStdJSON reads text with the grammar encoding/json accepts: one
// value, white space around it, strings unquoted as it unquotes them.
// Arrays are read into typed items (jsonItem) and become vectors in one
// pass, with no scalar made per element: json.Decoder's tokens took a
// second for 200,000 rows.
func parseStdJSON(ctx context.Context, text string) (value.Value, error) {
	p := &jsonParser{s: text, ctx: ctx}
	it, ok := p.value(0)
	if ok {
		p.space()
		ok = p.i == len(p.s)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if !ok {
		return nil, ddberr.Errorf("Invalid JSON text: %s", text)
	}
	return it.materialize(), nil
}

type jsonKind uint8

const (
	jsonNull jsonKind = iota
	jsonNumber
	jsonBool
	jsonString
	jsonTemporal
	jsonComposite // an array or object, made into v
)

// jsonItem is one parsed value: a scalar in its raw form, or the value
// an array or object became.
type jsonItem struct {
	kind jsonKind
	t    value.Type // a temporal's type
	f    float64
	i    int64 // a temporal's raw value, a boolean's 0 or 1
	s    string
	v    value.Value
}

// jsonType is the DolphinDB type an item becomes, Void for null.
func (it *jsonItem) jsonType() value.Type {
	switch it.kind {
	case jsonNumber:
		return value.Double
	case jsonBool:
		return value.Bool
	case jsonString:
		return value.String
	case jsonTemporal:
		return it.t
	}
	return value.Void
}

func (it *jsonItem) materialize() value.Value {
	switch it.kind {
	case jsonNumber:
		return value.NewDouble(it.f)
	case jsonBool:
		return value.NewBool(it.i != 0)
	case jsonString:
		return value.NewString(it.s)
	case jsonTemporal:
		return value.NewTyped(it.t, it.i)
	case jsonComposite:
		return it.v
	}
	return value.NullScalar(value.Void)
}

// uniformItems makes a typed vector of items of one scalar type (nulls
// of any type fit), or a tuple otherwise, as uniformVector does for
// scalars.
func uniformItems(items []jsonItem) *value.Vector {
	t := value.Void
	for k := range items {
		it := &items[k]
		if it.kind == jsonComposite {
			return itemTuple(items)
		}
		if it.kind == jsonNull {
			continue
		}
		if et := it.jsonType(); t == value.Void {
			t = et
		} else if et != t {
			return itemTuple(items)
		}
	}
	if t == value.Void {
		if len(items) == 0 {
			return value.NewTuple([]value.Value{})
		}
		return value.NewNullVector(value.Void, len(items))
	}
	v := value.NewVector(t, len(items), len(items))
	switch t.Storage() {
	case value.StFloat64:
		for k := range items {
			v.F64[k] = value.NullFloat64
			if items[k].kind != jsonNull {
				v.F64[k] = items[k].f
			}
		}
	case value.StInt8:
		intItems(v.I8, value.NullInt8, items)
	case value.StString:
		for k := range items {
			v.Str[k] = items[k].s
		}
	case value.StInt32:
		intItems(v.I32, value.NullInt32, items)
	case value.StInt64:
		intItems(v.I64, value.NullInt64, items)
	}
	return v
}

// intItems stores the integers of items (BOOL, or a temporal type of
// 32 or 64 bits) in dst, null where an item is JSON null.
func intItems[T int8 | int32 | int64](dst []T, null T, items []jsonItem) {
	for k := range items {
		dst[k] = null
		if items[k].kind != jsonNull {
			dst[k] = T(items[k].i)
		}
	}
}

func itemTuple(items []jsonItem) *value.Vector {
	vs := make([]value.Value, len(items))
	for k := range items {
		vs[k] = items[k].materialize()
	}
	return value.NewTuple(vs)
}

type jsonParser struct {
	s   string
	i   int
	ctx context.Context
	// seen counts values, for the looks at ctx
	seen int
	buf  []byte
}

func (p *jsonParser) space() {
	for p.i < len(p.s) {
		switch p.s[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

// value reads one value after optional white space; false on a syntax
// error (or a cancelled context).
func (p *jsonParser) value(depth int) (jsonItem, bool) {
	p.space()
	if p.i >= len(p.s) {
		return jsonItem{}, false
	}
	if p.seen++; p.seen%jsonCheckEvery == 0 && p.ctx.Err() != nil {
		return jsonItem{}, false
	}
	switch c := p.s[p.i]; {
	case c == '[':
		if depth >= jsonMaxDepth {
			return jsonItem{}, false
		}
		p.i++
		var items []jsonItem
		p.space()
		if p.i < len(p.s) && p.s[p.i] == ']' {
			p.i++
			return jsonItem{kind: jsonComposite, v: uniformItems(items)}, true
		}
		for {
			it, ok := p.value(depth + 1)
			if !ok {
				return jsonItem{}, false
			}
			items = append(items, it)
			p.space()
			if p.i >= len(p.s) {
				return jsonItem{}, false
			}
			c := p.s[p.i]
			p.i++
			if c == ']' {
				return jsonItem{kind: jsonComposite, v: uniformItems(items)}, true
			}
			if c != ',' {
				return jsonItem{}, false
			}
		}
	case c == '{':
		if depth >= jsonMaxDepth {
			return jsonItem{}, false
		}
		p.i++
		var keys []string
		var vals []jsonItem
		p.space()
		if p.i < len(p.s) && p.s[p.i] == '}' {
			p.i++
			return jsonItem{kind: jsonComposite, v: jsonDict(keys, vals)}, true
		}
		for {
			p.space()
			if p.i >= len(p.s) || p.s[p.i] != '"' {
				return jsonItem{}, false
			}
			k, ok := p.str()
			if !ok {
				return jsonItem{}, false
			}
			p.space()
			if p.i >= len(p.s) || p.s[p.i] != ':' {
				return jsonItem{}, false
			}
			p.i++
			it, ok := p.value(depth + 1)
			if !ok {
				return jsonItem{}, false
			}
			keys, vals = append(keys, k), append(vals, it)
			p.space()
			if p.i >= len(p.s) {
				return jsonItem{}, false
			}
			c := p.s[p.i]
			p.i++
			if c == '}' {
				return jsonItem{kind: jsonComposite, v: jsonDict(keys, vals)}, true
			}
			if c != ',' {
				return jsonItem{}, false
			}
		}
	case c == '"':
		s, ok := p.str()
		if !ok {
			return jsonItem{}, false
		}
		if mayBeTemporal(s) {
			if tv, err := cast.ParseTemporal(s); err == nil && !tv.Null {
				return jsonItem{kind: jsonTemporal, t: tv.T, i: tv.I}, true
			}
		}
		return jsonItem{kind: jsonString, s: s}, true
	case c == '-' || c >= '0' && c <= '9':
		return p.number()
	case c == 't':
		return jsonItem{kind: jsonBool, i: 1}, p.literal("true")
	case c == 'f':
		return jsonItem{kind: jsonBool}, p.literal("false")
	case c == 'n':
		return jsonItem{}, p.literal("null")
	}
	return jsonItem{}, false
}

// mayBeTemporal is false for text ParseTemporal can't take, sparing
// most strings its error: every temporal literal it reads starts with a
// digit once the white space TrimSpace removes is gone.
func mayBeTemporal(s string) bool {
	if s != "" && s[0] >= '0' && s[0] <= '9' {
		return true
	}
	s = strings.TrimLeftFunc(s, unicode.IsSpace)
	return s != "" && s[0] >= '0' && s[0] <= '9'
}

// jsonDict is an object's dictionary, STRING keys to its values'
// uniform vector's type, a repeated key keeping its last value.
func jsonDict(keys []string, vals []jsonItem) *value.Dict {
	kv := value.NewStrings(value.String, keys)
	vv := uniformItems(vals)
	d := value.NewDict(value.String, vv.T)
	d.PutAll(kv, vv)
	return d
}

func (p *jsonParser) literal(word string) bool {
	if len(p.s)-p.i < len(word) || p.s[p.i:p.i+len(word)] != word {
		return false
	}
	p.i += len(word)
	return true
}

// number reads JSON's number grammar, -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?,
// as a DOUBLE; one out of DOUBLE's range is an error, as json.Number's
// Float64 makes it.
func (p *jsonParser) number() (jsonItem, bool) {
	start := p.i
	digits := func() bool {
		from := p.i
		for p.i < len(p.s) && p.s[p.i] >= '0' && p.s[p.i] <= '9' {
			p.i++
		}
		return p.i > from
	}
	if p.s[p.i] == '-' {
		p.i++
	}
	if p.i < len(p.s) && p.s[p.i] == '0' {
		p.i++
	} else if !digits() {
		return jsonItem{}, false
	}
	if p.i < len(p.s) && p.s[p.i] == '.' {
		p.i++
		if !digits() {
			return jsonItem{}, false
		}
	}
	if p.i < len(p.s) && (p.s[p.i] == 'e' || p.s[p.i] == 'E') {
		p.i++
		if p.i < len(p.s) && (p.s[p.i] == '+' || p.s[p.i] == '-') {
			p.i++
		}
		if !digits() {
			return jsonItem{}, false
		}
	}
	f, err := strconv.ParseFloat(p.s[start:p.i], 64)
	if err != nil {
		return jsonItem{}, false
	}
	return jsonItem{kind: jsonNumber, f: f}, true
}

// str reads a quoted string at p.i and unquotes it as encoding/json
// does: the escapes \" \\ \/ \b \f \n \r \t and \uXXXX (a surrogate
// pair joined, a lone surrogate as U+FFFD), invalid UTF-8 as U+FFFD, a
// control character an error.
func (p *jsonParser) str() (string, bool) {
	p.i++ // the opening quote
	start := p.i
	// the common string has no escapes and is valid ASCII
	for p.i < len(p.s) {
		c := p.s[p.i]
		if c == '"' {
			// a copy: a short string must not keep the whole text alive
			s := strings.Clone(p.s[start:p.i])
			p.i++
			return s, true
		}
		if c == '\\' || c < 0x20 || c >= utf8.RuneSelf {
			break
		}
		p.i++
	}
	b := append(p.buf[:0], p.s[start:p.i]...)
	for p.i < len(p.s) {
		c := p.s[p.i]
		switch {
		case c == '"':
			p.i++
			p.buf = b
			return string(b), true
		case c < 0x20:
			return "", false
		case c == '\\':
			if p.i+1 >= len(p.s) {
				return "", false
			}
			e := p.s[p.i+1]
			p.i += 2
			switch e {
			case '"', '\\', '/':
				b = append(b, e)
			case 'b':
				b = append(b, '\b')
			case 'f':
				b = append(b, '\f')
			case 'n':
				b = append(b, '\n')
			case 'r':
				b = append(b, '\r')
			case 't':
				b = append(b, '\t')
			case 'u':
				r := hex4(p.s[p.i:])
				if r < 0 {
					return "", false
				}
				p.i += 4
				if utf16.IsSurrogate(r) {
					r2 := rune(-1)
					if len(p.s)-p.i >= 6 && p.s[p.i] == '\\' && p.s[p.i+1] == 'u' {
						r2 = hex4(p.s[p.i+2:])
					}
					if d := utf16.DecodeRune(r, r2); d != unicode.ReplacementChar {
						p.i += 6
						r = d
					} else {
						r = unicode.ReplacementChar
					}
				}
				b = utf8.AppendRune(b, r)
			default:
				return "", false
			}
		case c < utf8.RuneSelf:
			b = append(b, c)
			p.i++
		default:
			r, size := utf8.DecodeRuneInString(p.s[p.i:])
			p.i += size
			b = utf8.AppendRune(b, r)
		}
	}
	return "", false
}

// hex4 is the value of four hex digits at the start of s, or -1.
func hex4(s string) rune {
	if len(s) < 4 {
		return -1
	}
	r := rune(0)
	for _, c := range []byte(s[:4]) {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			c = c - 'A' + 10
		default:
			return -1
		}
		r = r<<4 | rune(c)
	}
	return r
}
