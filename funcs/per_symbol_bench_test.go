package funcs_test

import (
	"fmt"
	"testing"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// benchSymbols is a coded SYMBOL vector of rows rows over distinct
// symbols (A0, B1, C2 ...), row i holding symbol i mod distinct.
func benchSymbols(rows, distinct int) *value.Vector {
	texts := make([]string, distinct)
	for i := range texts {
		texts[i] = fmt.Sprintf("%c%d", 'A'+i%26, i)
	}
	base := value.NewSymbolBase()
	codes := base.InternAll(nil, texts)
	out := make([]int32, rows)
	for i := range out {
		out[i] = codes[i%distinct]
	}
	return &value.Vector{T: value.Symbol, I32: out, Syms: base}
}

// benchCalls are the string functions of bench/duckdb q16 and its kind,
// with their scalar arguments.
var benchCalls = []struct {
	name string
	rest []value.Value
}{
	{"left", []value.Value{value.NewInt(2)}},
	{"upper", nil},
	{"like", []value.Value{value.NewString("B0%")}},
	{"strlen", nil},
	{"isNull", nil},
}

// BenchmarkPerSymbol runs each function over 3M SYMBOL rows of 2000
// symbols three ways: the function as declared over the codes (direct),
// as registered (perSymbol: once per symbol, then a gather), and over a
// plain STRING vector of the same texts (string).
func BenchmarkPerSymbol(b *testing.B) {
	sym := benchSymbols(3_000_000, 2000)
	str := value.NewStrings(value.String, sym.Strings())
	for _, c := range benchCalls {
		spec, ok := funcs.Lookup(c.name)
		if !ok {
			b.Fatal(c.name)
		}
		for _, way := range []struct {
			name string
			fn   funcs.Impl
			x    *value.Vector
		}{{"direct", funcs.DirectFn(spec), sym}, {"perSymbol", spec.Fn, sym}, {"string", spec.Fn, str}} {
			b.Run(c.name+"/"+way.name, func(b *testing.B) {
				args := append([]value.Value{way.x}, c.rest...)
				for range b.N {
					if _, err := way.fn(stubEnv{}, args); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkPerSymbolRatio times the direct call and the per-symbol run
// (bySymbol itself, whatever the threshold) over 2000 symbols at 1 to 8
// rows per symbol, and over 64 symbols at 4 rows each: where the run
// starts paying is where perSymbolRatio and perSymbolMinRows sit.
func BenchmarkPerSymbolRatio(b *testing.B) {
	for _, c := range benchCalls {
		spec, _ := funcs.Lookup(c.name)
		direct := funcs.DirectFn(spec)
		for _, shape := range []struct{ rows, distinct int }{
			{2000, 2000}, {4000, 2000}, {8000, 2000}, {16000, 2000}, {256, 64},
		} {
			args := append([]value.Value{benchSymbols(shape.rows, shape.distinct)}, c.rest...)
			name := fmt.Sprintf("%s/rows=%d/symbols=%d", c.name, shape.rows, shape.distinct)
			b.Run(name+"/direct", func(b *testing.B) {
				for range b.N {
					if _, err := direct(stubEnv{}, args); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run(name+"/perSymbol", func(b *testing.B) {
				for range b.N {
					if funcs.RunBySymbol(stubEnv{}, direct, args) == nil {
						b.Fatal("no per-symbol run")
					}
				}
			})
		}
	}
}
