package window

import (
	"context"
	"fmt"
	"math"
	"math/rand"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/window/orderstat"
	"github.com/porpoisedb/porpoise/internal/fakeenv"
	"github.com/porpoisedb/porpoise/value"
)

// cumTopNKeys are n sort keys with many ties and NULLs (few distinct
// values: a boolean-like key cuts inside a run on most rows).
func cumTopNKeys(rng *rand.Rand, n, distinct int) []float64 {
	s := make([]float64, n)
	for i := range s {
		if s[i] = float64(rng.Intn(distinct)); rng.Intn(8) == 0 {
			s[i] = value.NullFloat64
		}
	}
	return s
}

var cumTopNOpts = []topNOpts{
	{top: 1, asc: true, ties: orderstat.TiesLatest}, {top: 3, asc: true, ties: orderstat.TiesOldest},
	{top: 3, asc: true, ties: orderstat.TiesLatest}, {top: 3, asc: true, ties: orderstat.TiesAll},
	{top: 5, asc: false, ties: orderstat.TiesOldest}, {top: 5, asc: false, ties: orderstat.TiesLatest},
	{top: 5, asc: false, ties: orderstat.TiesAll},
}

// EachCum's added row and cut rows are what turns row i-1's kept rows
// into row i's, all of them the definition's (naiveTopN).
func TestEachCumChanges(t *testing.T) {
	rng := rand.New(rand.NewSource(41))
	for _, distinct := range []int{2, 6, 50} {
		s := cumTopNKeys(rng, 300, distinct)
		for _, o := range cumTopNOpts {
			var prev []int
			require.NoError(t, orderstat.EachCum(context.Background(), s, o.top, o.asc, o.ties, func(i int, rows []int, added int, cut []int) {
				want := naiveTopN(s, 0, i, o)
				require.Equal(t, want, slices.Clone(rows), "%+v row %d", o, i)
				next := slices.Clone(prev)
				if added >= 0 {
					require.Equal(t, i, added)
					next = append(next, added)
				} else {
					require.Empty(t, cut)
				}
				next = slices.DeleteFunc(next, func(r int) bool { return slices.Contains(cut, r) })
				require.ElementsMatch(t, want, next, "%+v row %d: added %d cut %v", o, i, added, cut)
				prev = want
			}))
		}
	}
}

// The LONG sums kept as rows enter and leave are the sums afresh of the
// definition's kept rows, wrapping alike on overflow.
func TestCumLongSumsMatchDefinition(t *testing.T) {
	rng := rand.New(rand.NewSource(42))
	for _, distinct := range []int{2, 6, 50} {
		s := cumTopNKeys(rng, 300, distinct)
		xs := make([]int64, len(s))
		for i := range xs {
			switch rng.Intn(6) {
			case 0:
				xs[i] = value.NullInt64
			case 1:
				xs[i] = math.MaxInt64 - rng.Int63n(10)
			default:
				xs[i] = rng.Int63n(1000) - 500
			}
		}
		for _, o := range cumTopNOpts {
			got, err := orderstat.CumLongSums(context.Background(), xs, s, o.top, o.asc, o.ties)
			require.NoError(t, err)
			for i := range xs {
				sum, any := int64(0), false
				for _, j := range naiveTopN(s, 0, i, o) {
					if xs[j] != value.NullInt64 {
						sum, any = sum+xs[j], true
					}
				}
				if !any {
					sum = value.NullInt64
				}
				require.Equal(t, sum, got[i], "%+v row %d", o, i)
			}
		}
	}
}

// Every cum*TopN function gives, bit for bit, its m*TopN over a window
// as long as the series (every row's window is rows 0..i), the sliding
// path that selects and sums each window afresh; cumsumTopN of INTs is
// LONG, the moving one DOUBLE.
func TestCumTopNMatchesWholeWindow(t *testing.T) {
	rng := rand.New(rand.NewSource(43))
	const n = 200
	xs, ys, ints := make([]float64, n), make([]float64, n), make([]int32, n)
	for i := range xs {
		xs[i], ys[i], ints[i] = rng.NormFloat64()*1e3, rng.Float64(), int32(rng.Intn(2000)-1000)
		if rng.Intn(9) == 0 {
			xs[i], ints[i] = value.NullFloat64, value.NullInt32
		}
		if rng.Intn(9) == 0 {
			ys[i] = value.NullFloat64
		}
	}
	ties := map[orderstat.Ties]string{orderstat.TiesOldest: "oldest", orderstat.TiesLatest: "latest", orderstat.TiesAll: "all"}
	for _, distinct := range []int{2, 6, 1000} {
		sv := value.NewDoubles(cumTopNKeys(rng, n, distinct))
		for _, o := range cumTopNOpts {
			tail := []value.Value{value.NewInt(int32(o.top)), value.NewBool(o.asc), value.NewString(ties[o.ties])}
			whole := append([]value.Value{value.NewInt(n)}, tail...)
			for _, stat := range []string{"sum", "avg", "var", "varp", "std", "stdp", "skew", "kurtosis", "wsum", "covar", "corr", "beta"} {
				series := []value.Value{value.NewDoubles(xs)}
				if stat == "wsum" || stat == "covar" || stat == "corr" || stat == "beta" {
					series = append(series, value.NewDoubles(ys))
				}
				biased := func(args []value.Value) []value.Value {
					if stat != "skew" && stat != "kurtosis" {
						return args
					}
					return append(append(args[:len(args)-2:len(args)-2], value.NewBool(false)), args[len(args)-2:]...)
				}
				msg := fmt.Sprintf("%s %+v %d keys", stat, o, distinct)
				got := callTopN(t, "cum"+stat+"TopN", biased(append(append(slices.Clone(series), sv), tail...)))
				want := callTopN(t, "m"+stat+"TopN", biased(append(append(slices.Clone(series), sv), whole...)))
				require.Equal(t, want, got, msg)
			}
			spec, _ := funcs.Lookup("cumsumTopN")
			got, err := spec.Fn(nil, append([]value.Value{value.NewInts(ints), sv}, tail...))
			require.NoError(t, err)
			want := callTopN(t, "msumTopN", append([]value.Value{value.NewInts(ints), sv}, whole...))
			for i, w := range want {
				if w == value.NullFloat64 {
					require.Equal(t, value.NullInt64, got.(*value.Vector).I64[i])
				} else {
					require.Equal(t, int64(w), got.(*value.Vector).I64[i], "cumsumTopN INT %+v row %d", o, i)
				}
			}
		}
	}
}

// refCumTopNSum is cumsumTopN of DOUBLEs as it was: each row's kept rows
// cut afresh by orderstat.CutTop and summed, whether or not they changed.
func refCumTopNSum(xs, s []float64, o topNOpts) []float64 {
	res := make([]float64, len(xs))
	var win []int
	for i := range s {
		if !funcs.IsNullF(s[i]) {
			k, _ := slices.BinarySearchFunc(win, i, func(a, b int) int {
				c := 0
				switch {
				case s[a] < s[b]:
					c = -1
				case s[a] > s[b]:
					c = 1
				}
				if !o.asc {
					c = -c
				}
				if c == 0 {
					c = a - b
				}
				return c
			})
			win = slices.Insert(win, k, i)
		}
		win = orderstat.CutTop(win, s, o.top, o.ties)
		sum, any := 0.0, false
		for _, j := range win {
			if !funcs.IsNullF(xs[j]) {
				sum, any = sum+xs[j], true
			}
		}
		if res[i] = sum; !any {
			res[i] = value.NullFloat64
		}
	}
	return res
}

// BenchmarkCumTopN: cumsumTopN (DOUBLE and INT X), cumavgTopN and
// cumcorrTopN over 200,000 rows, top 1,000, default ties ('latest'), by
// sort key: random DOUBLEs (few rows enter the top), a BOOL-like key
// (half the rows enter, each cutting the oldest of the run) and a falling
// key (every row enters first); the old loop (each row's kept rows cut
// and summed afresh) as the baseline.
func BenchmarkCumTopN(b *testing.B) {
	const n = 200_000
	rng := rand.New(rand.NewSource(44))
	xs, ys, ints := make([]float64, n), make([]float64, n), make([]int32, n)
	for i := range xs {
		xs[i], ys[i], ints[i] = rng.Float64(), rng.Float64(), int32(rng.Intn(1000))
	}
	keys := map[string][]float64{"random": make([]float64, n), "bool": make([]float64, n), "falling": make([]float64, n)}
	for i := range xs {
		keys["random"][i], keys["bool"][i], keys["falling"][i] = rng.Float64(), float64(rng.Intn(2)), float64(n-i)
	}
	env := &fakeenv.Func{Ctx: context.Background()}
	o := topNOpts{top: 1000, asc: true, ties: orderstat.TiesLatest}
	top := value.NewInt(1000)
	for _, key := range []string{"random", "bool", "falling"} {
		s := keys[key]
		sv := value.NewDoubles(s)
		b.Run(key+"/old-sum", func(b *testing.B) {
			for b.Loop() {
				refCumTopNSum(xs, s, o)
			}
		})
		for _, c := range []struct {
			name string
			args []value.Value
		}{
			{"cumsumTopN", []value.Value{value.NewDoubles(xs), sv, top}},
			{"cumsumTopN-int", []value.Value{value.NewInts(ints), sv, top}},
			{"cumavgTopN", []value.Value{value.NewDoubles(xs), sv, top}},
			{"cumcorrTopN", []value.Value{value.NewDoubles(xs), value.NewDoubles(ys), sv, top}},
		} {
			spec, _ := funcs.Lookup(strings.TrimSuffix(c.name, "-int"))
			b.Run(key+"/"+c.name, func(b *testing.B) {
				for b.Loop() {
					_, err := spec.Fn(env, c.args)
					require.NoError(b, err)
				}
			})
		}
	}
}
