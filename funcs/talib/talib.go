package talib

import (
	"fmt"
	"math"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// The TA-Lib family (the manual's "TA-lib 系列" page): moving averages
// whose window counts elements, that skip the leading NULLs of X (they
// stay NULL in the result) and start the first window at the first
// non-NULL element, so the first window-1 results after it are NULL. A
// NULL inside the data gives NULL for the windowed results that hold it (the
// exponential ones step it as a 0, see emaAlpha). An
// infinity is not NULL: each average gives what its page's definition
// computes in IEEE arithmetic (inf, or NaN, NULL, for inf - inf).

func taWindow(fn string, x value.Value) (int, error) {
	n, err := funcs.IntArg(fn, "window", x, 0)
	if err != nil || n < 2 || n > math.MaxInt32 {
		return 0, fmt.Errorf("window must be a positive integer greater than 1.")
	}
	return int(n), nil
}

// taApply runs f over a numeric vector, or over each column of a matrix,
// and gives DOUBLE results in X's form. f reads and writes NaN for NULL.
func taApply(fn string, x value.Value, f func([]float64) []float64) (value.Value, error) {
	if t, ok := x.(*value.Table); ok {
		cols, err := funcs.MapVectors(t.Cols, func(c *value.Vector) (*value.Vector, error) {
			r, err := taApply(fn, c, f)
			if err != nil {
				return nil, err
			}
			return r.(*value.Vector), nil
		})
		if err != nil {
			return nil, err
		}
		return value.NewTable(append([]string(nil), t.Names...), cols), nil
	}
	if _, ok := x.(*value.Scalar); ok {
		return nil, ddberr.Errorf("The argument [X] of %s must be a vector, a matrix or a table.", fn)
	}
	in, wrap, err := funcs.Floats(fn, x)
	if err != nil {
		return nil, err
	}
	rows := len(in)
	if m, ok := x.(*value.Matrix); ok {
		rows = m.Rows
	}
	out := make([]float64, len(in))
	col := make([]float64, rows)
	for start := 0; start < len(in); start += max(rows, 1) {
		for i := range col {
			if v := in[start+i]; v == value.NullFloat64 {
				col[i] = math.NaN()
			} else {
				col[i] = v
			}
		}
		r := f(col)
		for i, v := range r {
			if v != v { // an infinity is itself, as the formulas give it
				v = value.NullFloat64
			}
			out[start+i] = v
		}
		if rows == 0 {
			break
		}
	}
	return wrap(value.NewDoubles(out)), nil
}

// firstValid is the index of the first non-NULL element (len(x) if none).
func firstValid(x []float64) int {
	for i, v := range x {
		if !math.IsNaN(v) {
			return i
		}
	}
	return len(x)
}

func nans(n int) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = math.NaN()
	}
	return out
}

// sma is the mean of each full window.
func sma(x []float64, n int) []float64 {
	out := nans(len(x))
	s := firstValid(x)
	for i := s + n - 1; i < len(x); i++ {
		sum := 0.0
		for _, v := range x[i-n+1 : i+1] {
			sum += v
		}
		out[i] = sum / float64(n)
	}
	return out
}

// wma weights the window's elements 1..n, the newest heaviest.
func wma(x []float64, n int) []float64 {
	out := nans(len(x))
	s := firstValid(x)
	den := float64(n*(n+1)) / 2
	for i := s + n - 1; i < len(x); i++ {
		sum := 0.0
		for k, v := range x[i-n+1 : i+1] {
			sum += float64(k+1) * v
		}
		out[i] = sum / den
	}
	return out
}

// emaAlpha is TA-Lib's exponential average: seeded with the mean of the
// first window, then prev + alpha*(x - prev). A NULL after the seed steps
// as a 0, so the average decays by 1-alpha there (DolphinDB's own check in
// tutorials/best_practice_for_factor_calculation.md, factorDoubleEMA of
// NULL 0.1 0.2 0.2 0.15 NULL 0.2 0.5 0.1 0.2, gives 63.641310 60.256608
// 8.156385 -0.134531 only so); a NULL in the first window makes the
// seed NULL and the next valid element restarts the average. An infinity
// follows the page's alpha*x + (1-alpha)*prev in IEEE arithmetic: inf
// for good, NaN (NULL for good) once the other infinity meets it.
func emaAlpha(x []float64, n int, alpha float64) []float64 {
	out := nans(len(x))
	s := firstValid(x)
	if s+n > len(x) {
		return out
	}
	sum, seedNull := 0.0, false
	for _, v := range x[s : s+n] {
		sum += v
		seedNull = seedNull || v != v
	}
	prev := sum / float64(n)
	out[s+n-1] = prev
	start := s + n
	if seedNull {
		for start < len(x) && x[start] != x[start] {
			start++
		}
		if start == len(x) {
			return out
		}
		prev = x[start]
		out[start] = prev
		start++
	}
	first := prev
	for i := start; i < len(x); i++ {
		v := x[i]
		if v != v {
			v = 0
		}
		prev += alpha * (v - prev)
		out[i] = prev
	}
	if prev-prev == 0 {
		return out
	}
	// An infinity came (an infinite average turns NaN in the loop above and
	// stays so): the page's recursion gives it, through EmaNext, which the
	// loop leaves out as it costs the finite path a few percent.
	prev = first
	for i := start; i < len(x); i++ {
		v := x[i]
		if v != v {
			v = 0
		}
		prev = EmaNext(prev, v, alpha)
		out[i] = prev
	}
	return out
}

// EmaNext is TA-Lib ema's average after prev at the valid element v (the
// reactive state engine's ema node steps with it too): TA-Lib's
// prev + alpha*(v - prev), whose rounding the finite values keep, unless
// that is NaN; then the page's alpha*v + (1-alpha)*prev, which keeps an
// infinite prev (inf - inf in the other form) unless v is the opposite
// infinity.
func EmaNext(prev, v, alpha float64) float64 {
	if r := prev + alpha*(v-prev); r == r {
		return r
	}
	return alpha*v + (1-alpha)*prev
}

func ema(x []float64, n int) []float64 { return emaAlpha(x, n, 2/float64(n+1)) }

// emaWarmup starts at the first element and smooths with 2/(k+1) over the
// k elements seen until the window is full ([12.1,12.2,12.4667,...] on
// the ema page).
func emaWarmup(x []float64, n int) []float64 {
	out := nans(len(x))
	s := firstValid(x)
	if s == len(x) {
		return out
	}
	prev := x[s]
	out[s] = prev
	for i := s + 1; i < len(x); i++ {
		if math.IsNaN(x[i]) {
			continue
		}
		k := min(i-s, n)
		prev += 2 / float64(k+1) * (x[i] - prev)
		out[i] = prev
	}
	if prev-prev == 0 {
		return out
	}
	// An infinity came (an infinite average turns NaN in the loop above and
	// stays so): the page's recursion gives it, through EmaNext, which the
	// loop leaves out as it costs the finite path a few percent.
	prev = x[s]
	for i := s + 1; i < len(x); i++ {
		if math.IsNaN(x[i]) {
			continue
		}
		prev = EmaNext(prev, x[i], 2/float64(min(i-s, n)+1))
		out[i] = prev
	}
	return out
}

// dema is 2*EMA - EMA(EMA).
func dema(x []float64, n int) []float64 {
	e1 := ema(x, n)
	e2 := ema(e1, n)
	out := make([]float64, len(x))
	for i := range out {
		out[i] = 2*e1[i] - e2[i]
	}
	return out
}

// tema is 3*EMA - 3*EMA(EMA) + EMA(EMA(EMA)).
func tema(x []float64, n int) []float64 {
	e1 := ema(x, n)
	e2 := ema(e1, n)
	e3 := ema(e2, n)
	out := make([]float64, len(x))
	for i := range out {
		out[i] = 3*e1[i] - 3*e2[i] + e3[i]
	}
	return out
}

// kama is TA-Lib's Kaufman adaptive average: the efficiency ratio of the
// last n changes sets a smoothing constant between 2/31 and 2/3; the
// first value is at n elements after the first non-NULL one.
func kama(x []float64, n int) []float64 {
	out := nans(len(x))
	s := firstValid(x)
	if s+n >= len(x) {
		return out
	}
	const fast, slow = 2.0 / 3, 2.0 / 31
	sumROC := 0.0
	for i := s; i < s+n; i++ {
		sumROC += math.Abs(x[i] - x[i+1])
	}
	step := func(today int, prev float64) float64 {
		roc := x[today] - x[today-n]
		er := 1.0
		if !(sumROC <= roc || sumROC == 0) {
			er = math.Abs(roc / sumROC)
		}
		sc := er*(fast-slow) + slow
		sc *= sc
		return (x[today]-prev)*sc + prev
	}
	prev := step(s+n, x[s+n-1])
	out[s+n] = prev
	for today := s + n + 1; today < len(x); today++ {
		sumROC -= math.Abs(x[today-n-1] - x[today-n])
		sumROC += math.Abs(x[today] - x[today-1])
		prev = step(today, prev)
		out[today] = prev
	}
	return out
}

// linearTimeTrend regresses each window on 0..n-1 and returns the tuple
// (alpha, beta): the intercept at the window's first element and the
// slope.
func linearTimeTrend(_ funcs.Env, args []value.Value) (value.Value, error) {
	n, err := taWindow("linearTimeTrend", args[1])
	if err != nil {
		return nil, err
	}
	var slopes []float64
	alpha, err := taApply("linearTimeTrend", args[0], func(x []float64) []float64 {
		a, b := timeTrend(x, n)
		slopes = b
		return a
	})
	if err != nil {
		return nil, err
	}
	av, ok := alpha.(*value.Vector)
	if !ok {
		return nil, ddberr.Errorf("The argument [X] of linearTimeTrend must be a vector.")
	}
	beta := make([]float64, len(slopes))
	for i, v := range slopes {
		if math.IsNaN(v) {
			v = value.NullFloat64
		}
		beta[i] = v
	}
	return value.NewTuple([]value.Value{av, value.NewDoubles(beta)}), nil
}

func timeTrend(x []float64, n int) ([]float64, []float64) {
	a, b := nans(len(x)), nans(len(x))
	s := firstValid(x)
	fn := float64(n)
	mt := (fn - 1) / 2
	stt := 0.0
	for t := 0; t < n; t++ {
		stt += (float64(t) - mt) * (float64(t) - mt)
	}
	for i := s + n - 1; i < len(x); i++ {
		w := x[i-n+1 : i+1]
		my := 0.0
		for _, v := range w {
			my += v
		}
		my /= fn
		sty := 0.0
		for t, v := range w {
			sty += (float64(t) - mt) * (v - my)
		}
		b[i] = sty / stt
		a[i] = my - b[i]*mt
	}
	return a, b
}

func emaFn(_ funcs.Env, args []value.Value) (value.Value, error) {
	n, err := taWindow("ema", args[1])
	if err != nil {
		return nil, err
	}
	warm := false
	if x := funcs.Arg(args, 2); x != nil {
		if warm, err = funcs.BoolArg("ema", "warmup", x, false); err != nil {
			return nil, err
		}
	}
	if warm {
		return taApply("ema", args[0], func(x []float64) []float64 { return emaWarmup(x, n) })
	}
	return taApply("ema", args[0], func(x []float64) []float64 { return ema(x, n) })
}

func gemaFn(_ funcs.Env, args []value.Value) (value.Value, error) {
	n, err := taWindow("gema", args[1])
	if err != nil {
		return nil, err
	}
	a, ok := funcs.ScalarArg(args[2])
	if !ok || !a.T.IsNumeric() || a.Null {
		return nil, fmt.Errorf("alpha must be a number between 0 and 1.")
	}
	alpha := a.F
	if a.T.Category() == value.CatIntegral {
		alpha = float64(a.I)
	}
	if alpha <= 0 || alpha >= 1 {
		return nil, fmt.Errorf("alpha must be a number between 0 and 1.")
	}
	return taApply("gema", args[0], func(x []float64) []float64 { return emaAlpha(x, n, alpha) })
}

// trima is the triangular average: the sma of the sma, over windows of
// ceil((n+1)/2) then floor((n+1)/2) elements, so the weights rise and
// fall across the n elements (funcs/t/trima.md).
func trima(x []float64, n int) []float64 {
	w1 := (n + 2) / 2
	return sma(sma(x, w1), n+1-w1)
}

// t3 is Tillson's T3: six chained EMAs combined with coefficients from
// the volume factor v (funcs/t/t3.md); the first value is at 6*(n-1)
// elements after the first non-NULL one.
func t3(x []float64, n int, v float64) []float64 {
	e1 := ema(x, n)
	e2 := ema(e1, n)
	e3 := ema(e2, n)
	e4 := ema(e3, n)
	e5 := ema(e4, n)
	e6 := ema(e5, n)
	v2, v3 := v*v, v*v*v
	c1 := -v3
	c2 := 3*v2 + 3*v3
	c3 := -6*v2 - 3*v - 3*v3
	c4 := 1 + 3*v + v3 + 3*v2
	out := make([]float64, len(x))
	for i := range out {
		out[i] = c1*e6[i] + c2*e5[i] + c3*e4[i] + c4*e3[i]
	}
	return out
}

func t3Fn(_ funcs.Env, args []value.Value) (value.Value, error) {
	n, err := taWindow("t3", args[1])
	if err != nil {
		return nil, err
	}
	v, err := vfactorArg(funcs.Arg(args, 2))
	if err != nil {
		return nil, err
	}
	return taApply("t3", args[0], func(x []float64) []float64 { return t3(x, n, v) })
}

// vfactorArg is t3's volume factor, 1.0 when absent.
func vfactorArg(x value.Value) (float64, error) {
	if funcs.NullOrAbsent(x) {
		return 1, nil
	}
	s, ok := funcs.ScalarArg(x)
	if !ok || !s.T.IsNumeric() {
		return 0, ddberr.Errorf("vfactor of t3 must be a number between 0 and 1.")
	}
	v := s.Float64()
	if v < 0 || v > 1 {
		return 0, ddberr.Errorf("vfactor of t3 must be a number between 0 and 1.")
	}
	return v, nil
}

// maKinds are ma's averages by maType; 7 (MAMA) is not one DolphinDB
// offers, and 8 is t3 with its default volume factor.
var maKinds = [...]func(x []float64, n int) []float64{
	0: sma, 1: ema, 2: wma, 3: dema, 4: tema, 5: trima, 6: kama,
	8: func(x []float64, n int) []float64 { return t3(x, n, 1) },
}

func maFn(_ funcs.Env, args []value.Value) (value.Value, error) {
	n, err := taWindow("ma", args[1])
	if err != nil {
		return nil, err
	}
	k, err := funcs.IntArg("ma", "maType", args[2], 0)
	if err != nil || k < 0 || k >= int64(len(maKinds)) || maKinds[k] == nil {
		return nil, ddberr.Errorf("maType of ma must be an integer in [0, 8] other than 7.")
	}
	f := maKinds[k]
	return taApply("ma", args[0], func(x []float64) []float64 { return f(x, n) })
}
