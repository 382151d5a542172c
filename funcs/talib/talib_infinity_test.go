package talib

import (
	"fmt"
	"math"
	"math/rand"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/internal/freshstat"
	"github.com/porpoisedb/porpoise/value"
)

// The ta-lib references below evaluate each page's definition directly,
// in IEEE arithmetic, over series whose NULLs are NaN: a windowed average
// afresh over each window, a recursive one by the page's recursion
// alpha*x + (1-alpha)*prev (not TA-Lib's prev + alpha*(x - prev), which
// rounds alike on finite values but turns inf into NaN at once).

// refFirst is the index of the first non-NULL element.
func refFirst(x []float64) int {
	for i, v := range x {
		if v == v {
			return i
		}
	}
	return len(x)
}

// refWeighted is the weighted mean sum(w[k]*x[i-n+1+k]) / sum(w) of each
// full window from the first non-NULL element (sma, wma, trima).
func refWeighted(x, w []float64) []float64 {
	out := nans(len(x))
	n, den := len(w), 0.0
	for _, v := range w {
		den += v
	}
	for i := refFirst(x) + n - 1; i < len(x); i++ {
		s := 0.0
		for k, v := range x[i-n+1 : i+1] {
			s += w[k] * v
		}
		out[i] = s / den
	}
	return out
}

// refEma is the page's recursion: the first window's mean, then
// alpha*x + (1-alpha)*prev at each x, a NULL counting as 0; a NULL in the
// first window restarts the average at the next non-NULL x.
func refEma(x []float64, n int, alpha float64) []float64 {
	out := nans(len(x))
	s := refFirst(x)
	if s+n > len(x) {
		return out
	}
	sum, restart := 0.0, false
	for _, v := range x[s : s+n] {
		sum += v
		restart = restart || v != v
	}
	prev := sum / float64(n)
	out[s+n-1] = prev
	for i := s + n; i < len(x); i++ {
		v := x[i]
		if v != v && restart {
			continue
		}
		if v != v { // a NULL after the seed steps as a 0
			v = 0
		}
		if restart {
			prev, restart = v, false
		} else {
			prev = alpha*v + (1-alpha)*prev
		}
		out[i] = prev
	}
	return out
}

// refEmaWarmup is ema with warmup=true: the first element, then weights
// 2/(k+1) for the k-th element after it until k reaches the window.
func refEmaWarmup(x []float64, n int) []float64 {
	out := nans(len(x))
	s := refFirst(x)
	if s == len(x) {
		return out
	}
	prev := x[s]
	out[s] = prev
	for i := s + 1; i < len(x); i++ {
		if x[i] != x[i] {
			continue
		}
		a := 2 / float64(min(i-s, n)+1)
		prev = a*x[i] + (1-a)*prev
		out[i] = prev
	}
	return out
}

// refKama is Kaufman's average with each window's volatility (the sum of
// the |changes| over the last n elements) computed afresh.
func refKama(x []float64, n int) []float64 {
	out := nans(len(x))
	s := refFirst(x)
	if s+n >= len(x) {
		return out
	}
	const fast, slow = 2.0 / 3, 2.0 / 31
	prev := x[s+n-1]
	for i := s + n; i < len(x); i++ {
		vol := 0.0
		for k := i - n + 1; k <= i; k++ {
			vol += math.Abs(x[k] - x[k-1])
		}
		change := x[i] - x[i-n]
		er := 1.0
		if !(vol <= change || vol == 0) {
			er = math.Abs(change / vol)
		}
		sc := math.Pow(er*(fast-slow)+slow, 2)
		prev = sc*(x[i]-prev) + prev
		out[i] = prev
	}
	return out
}

// refTrend is the least-squares fit of each window on t = 0..n-1 from the
// sums: beta = (n*sum(t*y) - sum(t)*sum(y)) / (n*sum(t^2) - sum(t)^2).
func refTrend(x []float64, n int) ([]float64, []float64) {
	a, b := nans(len(x)), nans(len(x))
	fn := float64(n)
	for i := refFirst(x) + n - 1; i < len(x); i++ {
		st, sy, stt, sty := 0.0, 0.0, 0.0, 0.0
		for k, y := range x[i-n+1 : i+1] {
			t := float64(k)
			st, sy, stt, sty = st+t, sy+y, stt+t*t, sty+t*y
		}
		b[i] = (fn*sty - st*sy) / (fn*stt - st*st)
		a[i] = (sy - b[i]*st) / fn
	}
	return a, b
}

// combine is sum(c[k]*es[k]) row by row.
func combine(c []float64, es ...[]float64) []float64 {
	out := make([]float64, len(es[0]))
	for i := range out {
		for k, e := range es {
			out[i] += c[k] * e[i]
		}
	}
	return out
}

// refTalib is the reference for each ta-lib function at window n.
func refTalib(n int) map[string]func(x []float64) []float64 {
	ema := func(x []float64) []float64 { return refEma(x, n, 2/float64(n+1)) }
	ones, lin := make([]float64, n), make([]float64, n)
	tri := make([]float64, n)
	w1 := (n + 2) / 2
	for k := range ones {
		ones[k], lin[k] = 1, float64(k+1)
		// trima's weights: the convolution of two flat windows
		for j := 0; j < w1; j++ {
			if i := k - j; i >= 0 && i < n+1-w1 {
				tri[k]++
			}
		}
	}
	t3 := func(x []float64) []float64 {
		e1 := ema(x)
		e2 := ema(e1)
		e3 := ema(e2)
		e4 := ema(e3)
		e5 := ema(e4)
		e6 := ema(e5)
		return combine([]float64{-1, 6, -12, 8}, e6, e5, e4, e3)
	}
	return map[string]func(x []float64) []float64{
		"sma":       func(x []float64) []float64 { return refWeighted(x, ones) },
		"wma":       func(x []float64) []float64 { return refWeighted(x, lin) },
		"trima":     func(x []float64) []float64 { return refWeighted(x, tri) },
		"ema":       ema,
		"emaWarmup": func(x []float64) []float64 { return refEmaWarmup(x, n) },
		"wilder":    func(x []float64) []float64 { return refEma(x, n, 1/float64(n)) },
		"gema":      func(x []float64) []float64 { return refEma(x, n, 0.3) },
		"dema":      func(x []float64) []float64 { e := ema(x); return combine([]float64{2, -1}, e, ema(e)) },
		"tema": func(x []float64) []float64 {
			e := ema(x)
			ee := ema(e)
			return combine([]float64{3, -3, 1}, e, ee, ema(ee))
		},
		"kama":       func(x []float64) []float64 { return refKama(x, n) },
		"t3":         t3,
		"trendAlpha": func(x []float64) []float64 { a, _ := refTrend(x, n); return a },
		"trendBeta":  func(x []float64) []float64 { _, b := refTrend(x, n); return b },
		"ma(sma)":    func(x []float64) []float64 { return refWeighted(x, ones) },
		"ma(ema)":    ema,
		"ma(t3)":     t3,
		"ma(kama)":   func(x []float64) []float64 { return refKama(x, n) },
		"ma(trima)":  func(x []float64) []float64 { return refWeighted(x, tri) },
		"ma(tema)": func(x []float64) []float64 {
			e := ema(x)
			ee := ema(e)
			return combine([]float64{3, -3, 1}, e, ee, ema(ee))
		},
		"emaDefault0": ema,
	}
}

// callTalib runs the registered function that the reference name stands for.
func callTalib(t *testing.T, name string, x *value.Vector, n int) []float64 {
	w := value.NewInt(int32(n))
	fn, args := name, []value.Value{x, w}
	switch name {
	case "emaWarmup":
		fn, args = "ema", append(args, value.NewBool(true))
	case "emaDefault0":
		fn, args = "ema", append(args, value.NewBool(false))
	case "gema":
		args = append(args, value.NewDouble(0.3))
	case "trendAlpha", "trendBeta":
		fn = "linearTimeTrend"
	case "ma(sma)", "ma(ema)", "ma(tema)", "ma(trima)", "ma(kama)", "ma(t3)":
		kind := map[string]int32{"ma(sma)": 0, "ma(ema)": 1, "ma(tema)": 4, "ma(trima)": 5, "ma(kama)": 6, "ma(t3)": 8}[name]
		fn, args = "ma", append(args, value.NewInt(kind))
	}
	s, ok := funcs.Lookup(fn)
	require.True(t, ok, fn)
	r, err := s.Fn(nil, args)
	require.NoError(t, err, name)
	v := r.(*value.Vector)
	if v.T == value.Any {
		v = v.Any[map[string]int{"trendAlpha": 0, "trendBeta": 1}[name]].(*value.Vector)
	}
	xs, err := funcs.DoublesOf(fn, v)
	require.NoError(t, err, name)
	return xs
}

// TestTalibAroundInfinities: every row of every ta-lib function is what
// its page's definition computes in IEEE arithmetic over series with
// +-inf and NULLs: inf (NaN, NULL, for +inf with -inf) while a window
// holds an infinity and the ordinary value after it has left; inf or NULL
// for good from an infinity on for the recursive averages.
func TestTalibAroundInfinities(t *testing.T) {
	rng := rand.New(rand.NewSource(11))
	for _, infEvery := range []int{15, 80, 400} {
		for trial := 0; trial < 4; trial++ {
			xs := freshstat.Series(rng, 120, infEvery)
			if trial%2 == 1 { // no NULL inside, so the averages run past the infinities
				for i, v := range xs {
					if v == value.NullFloat64 {
						xs[i] = float64(rng.Intn(9))
					}
				}
			}
			if trial == 2 {
				for i := 0; i < 3; i++ { // leading NULLs
					xs[i] = value.NullFloat64
				}
			}
			nan := make([]float64, len(xs))
			for i, v := range xs {
				nan[i] = v
				if v == value.NullFloat64 {
					nan[i] = math.NaN()
				}
			}
			for _, n := range []int{2, 3, 5} {
				for name, ref := range refTalib(n) {
					want := ref(nan)
					got := callTalib(t, name, value.NewDoubles(xs), n)
					require.Len(t, got, len(xs))
					for i := range xs {
						w := want[i]
						if w != w {
							w = value.NullFloat64
						}
						freshstat.Agrees(t, w, got[i], fmt.Sprintf("%s(x, %d) inf every %d trial %d row %d of %v", name, n, infEvery, trial, i, xs))
					}
				}
			}
		}
	}
}
