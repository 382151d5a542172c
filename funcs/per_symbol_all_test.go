package funcs_test

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/funcs"
	_ "github.com/porpoisedb/porpoise/funcs/all"
	"github.com/porpoisedb/porpoise/value"
)

// stubEnv is the Env of these calls: a built-in that asks the
// interpreter for more than memory and cancellation panics, and the
// call counts as failing.
type stubEnv struct{ funcs.Env }

func (stubEnv) Reserve(int) error { return nil }

func (stubEnv) Context() context.Context { return context.Background() }

// symbolTexts are symbols the string, conversion and temporal built-ins
// read as something: numbers, dates, times, addresses, patterns, JSON,
// blanks and non-UTF-8 bytes.
var symbolTexts = []string{
	"B01", "a1 ", " B0", "C", "b0", "héllo", "日本", "12", "-3.5", "0", "1e3", "true",
	"2012.06.13", "2012.06.13T13:30:10.008", "13:30:10", "2012.06M", "192.168.1.1",
	"5d76dc1f-4c9e-4bf0-a5b9-5c1d8f3a1b2e", "1y", `{"a":[1,2]}`, "x%y_z", "ABC def",
	"  ", "0x1F", "NaN", "\xff\xfe", "QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ",
}

// unusedTexts are interned into the base but held by no row: the run over
// the base meets them, the direct call does not.
var unusedTexts = []string{"zz_unused", "99999999999999999999999", "2012.13.45", "\x00", "B%"}

// symbolRows is a coded vector of type t of n random symbols (NULL
// among them) over a base that also holds unusedTexts.
func symbolRows(t value.Type, n int, r *rand.Rand) *value.Vector {
	base := value.NewSymbolBase()
	texts := append(slices.Clone(symbolTexts), "")
	codes := base.InternAll(nil, texts)
	base.InternAll(nil, unusedTexts)
	rows := make([]int32, n)
	for i := range rows {
		rows[i] = codes[r.IntN(len(codes))]
	}
	return &value.Vector{T: t, I32: rows, Syms: base}
}

// fillers are the scalars the other arguments take in turn.
var fillers = []value.Value{
	value.NewInt(2), value.NewString("B%"), value.NewInt(-1), value.NewString("yyyy.MM.dd"),
	value.NewDouble(1.5), value.NewBool(true), value.NullScalar(value.Int), value.NewString("0"),
}

// call runs fn, a panic counted as an error.
func call(fn funcs.Impl, args []value.Value) (r value.Value, err error) {
	defer func() {
		if p := recover(); p != nil {
			r, err = nil, fmt.Errorf("panic: %v", p)
		}
	}()
	return fn(stubEnv{}, args)
}

// sameValue describes how got differs from want, "" when it doesn't:
// form, type, scale, NULLs and every element's key; a coded and a plain
// text vector of the same texts are the same value.
func sameValue(want, got value.Value) string {
	if want.Form() != got.Form() || want.Type() != got.Type() {
		return fmt.Sprintf("form/type %v/%v, want %v/%v", got.Form(), got.Type(), want.Form(), want.Type())
	}
	w, ok := want.(*value.Vector)
	g, gok := got.(*value.Vector)
	if !ok || !gok {
		if want.String() != got.String() {
			return fmt.Sprintf("%s, want %s", got, want)
		}
		return ""
	}
	if w.Len() != g.Len() || w.Scale != g.Scale || w.Columnar != g.Columnar || !slices.Equal(w.Offsets, g.Offsets) {
		return fmt.Sprintf("len/scale/columnar %d/%d/%v, want %d/%d/%v", g.Len(), g.Scale, g.Columnar, w.Len(), w.Scale, w.Columnar)
	}
	for i := 0; i < w.Len(); i++ {
		if w.IsNull(i) != g.IsNull(i) || !bytes.Equal(w.AppendKey(nil, i), g.AppendKey(nil, i)) {
			return fmt.Sprintf("row %d: %s, want %s", i, g.Elem(i), w.Elem(i))
		}
	}
	return ""
}

// Every Pure ElementWise built-in runs once per symbol over a coded
// SYMBOL or STRING vector with many rows per symbol; called with such a
// vector in each place it may take one and scalars elsewhere, its answer
// (or error) must be the direct call's, whatever the unused symbols of
// the base.
func TestPerSymbolMatchesDirectCall(t *testing.T) {
	r := rand.New(rand.NewPCG(42, 7))
	inputs := []*value.Vector{symbolRows(value.Symbol, 1024, r), symbolRows(value.String, 1024, r)}
	ran := map[string]bool{}
	for _, s := range funcs.All() {
		if !s.Props.Has(funcs.Pure | funcs.ElementWise) {
			continue
		}
		direct := funcs.DirectFn(s)
		firstOnly := s.Props.Has(funcs.FirstOnly)
		hi := s.Max
		if hi < 0 || hi > 4 {
			hi = 4
		}
		for n := max(s.Min, 1); n <= hi; n++ {
			for at := 0; at < n && (at == 0 || !firstOnly); at++ {
				for _, combo := range combos(n-1, r) {
					for _, x := range inputs {
						args := argsOf(n, at, x, combo)
						want, wantErr := call(direct, args)
						got, gotErr := call(s.Fn, args)
						what := describe(s.Name, args, at)
						if wantErr != nil {
							require.Equal(t, wantErr.Error(), fmt.Sprint(gotErr), what)
							continue
						}
						require.NoError(t, gotErr, what)
						if diff := sameValue(want, got); diff != "" {
							t.Errorf("%s: %s", what, diff)
							continue
						}
						if funcs.BySymbol(stubEnv{}, direct, args, firstOnly) != nil {
							ran[s.Name] = true
						}
					}
				}
			}
		}
	}
	names := make([]string, 0, len(ran))
	for name := range ran {
		names = append(names, name)
	}
	sort.Strings(names)
	t.Logf("%d built-ins ran per symbol: %v", len(names), names)
	for _, name := range []string{"left", "upper", "lower", "substr", "strlen", "like", "startsWith", "regexFind", "symbol", "string", "isNull", "eq", "add"} {
		require.True(t, ran[name], "%s did not run per symbol", name)
	}
}

// describe names a call with the coded vector at position at by its type.
func describe(name string, args []value.Value, at int) string {
	parts := make([]string, len(args))
	for i, a := range args {
		if i == at {
			parts[i] = "coded " + a.Type().String()
		} else {
			parts[i] = fmt.Sprintf("%v %s", a.Type(), a)
		}
	}
	return name + "(" + strings.Join(parts, ", ") + ")"
}

// combos numbers the ways k arguments take fillers: all of them up to
// two arguments, a random 64 beyond (a fourth argument would make 512).
func combos(k int, r *rand.Rand) []int {
	all := 1
	for range k {
		all *= len(fillers)
	}
	if all <= 64 {
		out := make([]int, all)
		for i := range out {
			out[i] = i
		}
		return out
	}
	return r.Perm(all)[:64]
}

// argsOf is n arguments: x at position at, the others fillers chosen by
// combo's digits in base len(fillers).
func argsOf(n, at int, x *value.Vector, combo int) []value.Value {
	args := make([]value.Value, n)
	for i := range args {
		if i == at {
			args[i] = x
			continue
		}
		args[i] = fillers[combo%len(fillers)]
		combo /= len(fillers)
	}
	return args
}
