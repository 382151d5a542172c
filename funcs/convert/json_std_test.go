package convert

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/internal/fakeenv"
	"github.com/porpoisedb/porpoise/value"
)

// jsonTestStrings are texts with every kind of character encoding/json
// escapes or replaces.
var jsonTestStrings = []string{"", "a", "a%b", `q"uo\te`, "<tag>&amp;", "tab\tnl\ncr\rbs\bff\f", "\x00\x01\x1f\x7f",
	"héllo wörld", "日本語", "\u2028\u2029", "bad\xffutf8\xc3", "\xed\xa0\x80", "emoji 😀", "2012.06.13", "2012.06.13T13:30:10.008"}

// appendJSONString quotes strings as json.Marshal does, for the listed
// strings and random bytes.
func TestAppendJSONStringIsEncodingJSON(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	strs := append([]string(nil), jsonTestStrings...)
	for range 3000 {
		b := make([]byte, rng.IntN(12))
		for i := range b {
			b[i] = byte(rng.IntN(256))
			if rng.IntN(3) == 0 {
				b[i] = "\"\\<>&\n\x00a\xe2\x80\xa8"[rng.IntN(11)]
			}
		}
		strs = append(strs, string(b))
	}
	for _, s := range strs {
		want, err := json.Marshal(s)
		require.NoError(t, err)
		require.Equal(t, string(want), string(appendJSONString(nil, s)), "%q", s)
	}
}

// stdJSONValues are values of every form and type toStdJson meets, NULLs
// included.
func stdJSONValues() []value.Value {
	strs := value.NewStrings(value.String, jsonTestStrings)
	syms := value.NewStrings(value.Symbol, []string{"x", "", "y<"})
	ints := value.NewInts([]int32{3, value.NullInt32, -2})
	dbl := value.NewDoubles([]float64{1.5, value.NullFloat64, math.Inf(1), math.NaN(), 1e300, -0.0, 3, 0.1})
	var out []value.Value
	vecs := []*value.Vector{
		{T: value.Bool, I8: []int8{1, 0, value.NullInt8}},
		{T: value.Char, I8: []int8{97, value.NullInt8, 10, 34, -5}},
		{T: value.Short, I16: []int16{7, value.NullInt16}},
		ints, {T: value.Long, I64: []int64{1 << 40, value.NullInt64}},
		{T: value.Float, F32: []float32{1.25, value.NullFloat32, float32(math.NaN()), 0.1}},
		dbl, strs, syms, value.NewSymbols([]string{"a", "", "b", "a"}),
		value.NewStrings(value.Blob, []string{"bl\"ob", ""}),
		{T: value.Date, I32: []int32{17000, value.NullInt32}},
		{T: value.Month, I32: []int32{24000, value.NullInt32}},
		{T: value.Time, I32: []int32{3600000, value.NullInt32}},
		{T: value.Minute, I32: []int32{61}}, {T: value.Second, I32: []int32{3601}},
		{T: value.DateTime, I32: []int32{1600000000, value.NullInt32}},
		{T: value.DateHour, I32: []int32{440000}},
		{T: value.Timestamp, I64: []int64{1_600_000_000_008, value.NullInt64}},
		{T: value.NanoTime, I64: []int64{3_600_000_000_123}},
		{T: value.NanoTimestamp, I64: []int64{1_600_000_000_000_000_123, value.NullInt64}},
		{T: value.Decimal32, Scale: 2, I32: []int32{1234, value.NullInt32, -5}},
		{T: value.Decimal64, Scale: 4, I64: []int64{123456, value.NullInt64}},
		{T: value.Duration, Scale: 0, I64: []int64{3}},
		value.NewNullVector(value.Void, 3),
		{T: value.UUID, B16: [][16]byte{{1}}},
		value.NewTuple([]value.Value{ints, value.NewInt(4), value.NewString("s"), value.NewTuple(nil)}),
		{T: value.Int + value.ArrayOffset, I32: []int32{1, 2, 3}, Offsets: []int64{2, 3}},
		value.NewInts(nil),
	}
	for _, v := range vecs {
		out = append(out, v)
		for i := 0; i < v.Len(); i++ {
			out = append(out, v.Elem(i))
		}
	}
	out = append(out, value.NewDuration(2, "d"), value.NewFloat(2.5), value.NewDecimal(value.Decimal32, 1234, 2),
		value.NewSet(ints), &value.Matrix{V: ints, Rows: 3, Cols: 1}, value.NewPair(value.NewInt(1), value.NewInt(2)))
	for _, vals := range []*value.Vector{dbl, strs, syms, value.NewTuple([]value.Value{ints, value.NewString("x")})} {
		d := value.NewDict(value.String, vals.T)
		keys := make([]string, vals.Len())
		for i := range keys {
			keys[i] = fmt.Sprintf("k%d<", i)
		}
		kv := value.NewStrings(value.String, keys)
		for i := range keys {
			d.Put(kv, i, vals, i)
		}
		out = append(out, d)
	}
	n := 7
	col := func(v *value.Vector) *value.Vector {
		idx := make([]int, n)
		for i := range idx {
			idx[i] = (i * 5) % v.Len()
		}
		return v.Gather(idx)
	}
	out = append(out, value.NewTable([]string{"i", "d", "s\"", "sym", "ts", "dec", "b"}, []*value.Vector{
		col(ints), col(dbl), col(strs), col(syms), col(vecs[18]), col(vecs[21]), col(vecs[0])}))
	out = append(out, value.NewTable([]string{"t"}, []*value.Vector{value.NewTuple([]value.Value{ints, value.NewString("x")})}))
	out = append(out, value.NewTable([]string{"u", "c", "f"}, []*value.Vector{vecs[25], vecs[1].Gather([]int{0}), vecs[5].Gather([]int{3})}))
	return out
}

// toStdJson writes what the per-element writer it replaced wrote, text
// and errors alike, for every form and type.
func TestToStdJsonAgreesWithReference(t *testing.T) {
	env := &fakeenv.Func{Ctx: context.Background()}
	for _, v := range stdJSONValues() {
		var want strings.Builder
		wantErr := refWriteStdJSON(&want, v)
		got, err := toStdJsonFn(env, []value.Value{v})
		if wantErr != nil {
			require.EqualError(t, err, wantErr.Error(), "%s %v", v.Type(), v)
			continue
		}
		require.NoError(t, err, "%s %v", v.Type(), v)
		require.Equal(t, want.String(), got.(*value.Scalar).S, "%s %v", v.Type(), v)
	}
}

// jsonTexts are valid and invalid JSON texts: every token, escapes,
// surrogates, numbers at DOUBLE's edges, nesting, and the errors.
var jsonTexts = []string{
	`1`, `-0`, `1.5e3`, `1E+2`, `-1.25e-7`, `1e400`, `-1e400`, `4.9e-324`, `.5`, `+1`, `01`, `1.`, `1e`, `-`, `1.5.3`,
	`true`, `false`, `null`, `tru`, `truex`, `nul`, `"abc"`, `"a\"b\\c\/d\b\f\n\r\t"`, `"\u00e9\u4e2d"`, `"\ud83d\ude00"`,
	`"\ud83d"`, `"\ud83dx"`, `"\ude00\ud83d"`, `"\u12"`, `"\x"`, `"\'"`, "\"tab\there\"", "\"bad\xffutf8\"", `"unterminated`,
	`"2012.06.13"`, `"2012.06.13T13:30:10.008"`, `"13:30:10"`, `"2012.06M"`, `" 2012.06.13 "`, `"00d"`, `"1"`, `"abc1"`,
	`[]`, `[1,2,3]`, `[1,null,3]`, `[null,null]`, `[null]`, `["a",null,"b"]`, `["a",1]`, `[true,false,null]`, `[[1],[2,3]]`,
	`["2012.06.13","2012.06.14",null]`, `[null,"2012.06.13T13:30:10.008"]`, `["2012.06.13","13:30:10"]`, `["2012.06.13","x"]`, `[{"a":1},2]`, `[1,]`, `[,1]`,
	`[1 2]`, `[`, `]`, `{}`, `{"a":1,"b":2}`, `{"a":1,"a":2}`, `{"a":"x","b":1}`, `{"a":[1,2],"b":{"c":null}}`, `{"a":null}`,
	`{"a":1,}`, `{,}`, `{"a" 1}`, `{a:1}`, `{"a":}`, `{"a":1`, ` [1, 2 ] `, "\t\n\r 1 \n", `1 2`, ``, `   `, "\ufeff1",
	`{"k":"2012.06.13","v":[1.5,2]}`, `[1e999]`, `["\u2028"]`, `{"\u0000":1}`,
}

// dumpValue prints a value exactly: forms, types, NULLs and the bits of
// doubles.
func dumpValue(v value.Value) string {
	switch x := v.(type) {
	case *value.Scalar:
		return fmt.Sprintf("%s(%v,%d,%x,%q)", x.T, x.Null, x.I, math.Float64bits(x.F), x.S)
	case *value.Vector:
		parts := make([]string, x.Len())
		for i := range parts {
			parts[i] = dumpValue(x.Elem(i))
		}
		return fmt.Sprintf("%s[%s]", x.T, strings.Join(parts, " "))
	case *value.Dict:
		return fmt.Sprintf("dict %s->%s{%s: %s}", x.Keys.T, x.Vals.T, dumpValue(x.Keys), dumpValue(x.Vals))
	}
	return fmt.Sprintf("%T %v", v, v)
}

// randomJSON is a random document of every kind of value, nested.
func randomJSON(rng *rand.Rand, depth int) string {
	switch k := rng.IntN(10); {
	case k < 2 && depth < 4:
		parts := make([]string, rng.IntN(5))
		kind := rng.IntN(10)
		for i := range parts {
			if rng.IntN(4) == 0 {
				parts[i] = randomJSON(rng, depth+1)
			} else {
				parts[i] = randomJSON(rand.New(rand.NewPCG(uint64(kind), 0)), depth+1)
			}
		}
		return "[" + strings.Join(parts, ",") + "]"
	case k < 3 && depth < 4:
		parts := make([]string, rng.IntN(4))
		for i := range parts {
			parts[i] = fmt.Sprintf(`"k%d": %s`, rng.IntN(3), randomJSON(rng, depth+1))
		}
		return "{" + strings.Join(parts, ", ") + "}"
	case k < 5:
		return []string{"0", "-1.5", "3e10", "1e-5", "123456789012345678901234567890", "0.1"}[rng.IntN(6)]
	case k < 6:
		return []string{"true", "false", "null"}[rng.IntN(3)]
	}
	s := jsonTestStrings[rng.IntN(len(jsonTestStrings))]
	q, _ := json.Marshal(s)
	return string(q)
}

// fromStdJson reads every text as the json.Decoder reader it replaced
// did: the same values, types and NULLs, and an error for the same
// texts, over the listed texts, random documents and their mutations.
func TestFromStdJsonAgreesWithReference(t *testing.T) {
	env := &fakeenv.Func{Ctx: context.Background()}
	texts := append([]string(nil), jsonTexts...)
	rng := rand.New(rand.NewPCG(3, 4))
	for range 2000 {
		doc := randomJSON(rng, 0)
		texts = append(texts, doc)
		if len(doc) > 0 {
			b := []byte(doc)
			b[rng.IntN(len(b))] = "[]{},:\"\\ 1a-.e\x00"[rng.IntN(15)]
			texts = append(texts, string(b), doc[:rng.IntN(len(doc))])
		}
	}
	for _, text := range texts {
		want, wantErr := refParseStdJSON(text)
		got, err := fromStdJSON(env, []value.Value{value.NewString(text)})
		if wantErr != nil {
			require.EqualError(t, err, wantErr.Error(), "%q", text)
			continue
		}
		require.NoError(t, err, "%q", text)
		require.Equal(t, dumpValue(want), dumpValue(got), "%q", text)
	}
	got, err := fromStdJSON(env, []value.Value{value.NewStrings(value.String, []string{`[1,2]`, `{"a":"b"}`})})
	require.NoError(t, err)
	require.Equal(t, `ANY[DOUBLE[DOUBLE(false,0,3ff0000000000000,"") DOUBLE(false,0,4000000000000000,"")] dict STRING->STRING{STRING[STRING(false,0,0,"a")]: STRING[STRING(false,0,0,"b")]}]`, dumpValue(got))
	// nesting past encoding/json's limit is refused, not recursed into
	_, err = fromStdJSON(env, []value.Value{value.NewString(strings.Repeat("[", 20000) + strings.Repeat("]", 20000))})
	require.ErrorContains(t, err, "Invalid JSON text")
}

// Both conversions stop when the request is cancelled.
func TestStdJsonStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	env := &fakeenv.Func{Ctx: ctx}
	tbl, text := jsonBenchData(20000)
	_, err := toStdJsonFn(env, []value.Value{tbl})
	require.ErrorIs(t, err, context.Canceled)
	_, err = toStdJsonFn(env, []value.Value{tbl.Cols[1]})
	require.ErrorIs(t, err, context.Canceled)
	_, err = fromStdJSON(env, []value.Value{value.NewString(text)})
	require.ErrorIs(t, err, context.Canceled)
}

// jsonBenchRow is a row of jsonBenchData for encoding/json.
type jsonBenchRow struct {
	ID    int32   `json:"id"`
	Price float64 `json:"price"`
	Sym   string  `json:"sym"`
	Time  string  `json:"time"`
}

// jsonBenchData is a table of n rows (INT, DOUBLE, SYMBOL, TIMESTAMP)
// and its toStdJson text.
func jsonBenchData(n int) (*value.Table, string) {
	ids, px, syms, ts := make([]int32, n), make([]float64, n), make([]string, n), make([]int64, n)
	for i := range ids {
		ids[i] = int32(i * 7 % 1000)
		px[i] = float64(i%997) * 0.37
		syms[i] = fmt.Sprintf("S%03d", i%500)
		ts[i] = 1_700_000_000_000 + int64(i)*1000
	}
	tbl := value.NewTable([]string{"id", "price", "sym", "time"}, []*value.Vector{
		value.NewInts(ids), value.NewDoubles(px), value.NewSymbols(syms), {T: value.Timestamp, I64: ts}})
	var b strings.Builder
	if err := refWriteStdJSON(&b, tbl); err != nil {
		panic(err)
	}
	return tbl, b.String()
}

func benchRows(tbl *value.Table) []jsonBenchRow {
	rows := make([]jsonBenchRow, tbl.Rows())
	for i := range rows {
		rows[i] = jsonBenchRow{tbl.Cols[0].I32[i], tbl.Cols[1].F64[i], tbl.Cols[2].StrAt(i), tbl.Cols[3].FormatElem(i)}
	}
	return rows
}

// The baselines of the benchmarks below: encoding/json writing and
// reading the same 200,000 rows as structs and as maps, and the old
// per-element code.
func BenchmarkStdJson(b *testing.B) {
	tbl, text := jsonBenchData(200000)
	rows := benchRows(tbl)
	env := &fakeenv.Func{Ctx: context.Background()}
	arg := []value.Value{tbl}
	b.Run("toStdJson", func(b *testing.B) {
		for b.Loop() {
			if _, err := toStdJsonFn(env, arg); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("toStdJson-old", func(b *testing.B) {
		for b.Loop() {
			var sb strings.Builder
			if err := refWriteStdJSON(&sb, tbl); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("json.Marshal-structs", func(b *testing.B) {
		for b.Loop() {
			if _, err := json.Marshal(rows); err != nil {
				b.Fatal(err)
			}
		}
	})
	textArg := []value.Value{value.NewString(text)}
	b.Run("fromStdJson", func(b *testing.B) {
		for b.Loop() {
			if _, err := fromStdJSON(env, textArg); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("fromStdJson-old", func(b *testing.B) {
		for b.Loop() {
			if _, err := refParseStdJSON(text); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("json.Unmarshal-structs", func(b *testing.B) {
		for b.Loop() {
			var out []jsonBenchRow
			if err := json.Unmarshal([]byte(text), &out); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("json.Unmarshal-any", func(b *testing.B) {
		for b.Loop() {
			var out any
			if err := json.Unmarshal([]byte(text), &out); err != nil {
				b.Fatal(err)
			}
		}
	})
	// arrays of 200,000 numbers and of 200,000 timestamps and names:
	// vectors, where a table's rows are dictionaries
	for _, col := range []int{1, 3, 2} {
		var sb strings.Builder
		if err := refWriteStdJSON(&sb, tbl.Cols[col]); err != nil {
			b.Fatal(err)
		}
		text := sb.String()
		arg := []value.Value{value.NewString(text)}
		name := tbl.Names[col]
		b.Run("fromStdJson-"+name, func(b *testing.B) {
			for b.Loop() {
				if _, err := fromStdJSON(env, arg); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("fromStdJson-old-"+name, func(b *testing.B) {
			for b.Loop() {
				if _, err := refParseStdJSON(text); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("json.Unmarshal-any-"+name, func(b *testing.B) {
			for b.Loop() {
				var out []any
				if err := json.Unmarshal([]byte(text), &out); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
