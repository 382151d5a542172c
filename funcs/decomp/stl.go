package decomp

import (
	"context"
	"math"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// stlParams are stl's windows, degrees, jumps and iteration counts, its
// defaults those of funcs/s/stl.md (R's stl's).
type stlParams struct {
	period, sWindow, sDegree, sJump int
	tWindow, tDegree, tJump         int
	lWindow, lDegree, lJump         int
	inner, outer                    int
	periodic                        bool
}

// stl is the seasonal-trend decomposition by LOESS (funcs/s/stl.md):
// a dictionary of trend, seasonal and residual, each as long as data.
// sWindow="periodic" smooths each cycle-subseries by its mean (a window
// of 10n+1 points, degree 0) and then makes the seasonal part exactly
// periodic, as R's stl does.
func stl(env funcs.Env, args []value.Value) (value.Value, error) {
	v, ok := funcs.VectorArg(args[0])
	if !ok || v.T == value.Any || !funcs.IsNumericVec(v) {
		return nil, ddberr.Errorf("The argument [%s] of %s must be a numeric vector.", "data", "stl")
	}
	y, err := funcs.DoublesOf("stl", v)
	if err != nil {
		return nil, err
	}
	for _, x := range y {
		if funcs.IsNullF(x) {
			return nil, ddberr.Errorf("The input of %s contains NULL values.", "stl")
		}
	}
	p, err := stlArgs(args, len(y))
	if err != nil {
		return nil, err
	}
	seasonal, trend, err := stlDecompose(funcs.ContextOf(env), y, p)
	if err != nil {
		return nil, err
	}
	if p.periodic {
		periodicMeans(seasonal, p.period)
	}
	residual := make([]float64, len(y))
	for i := range y {
		residual[i] = y[i] - seasonal[i] - trend[i]
	}
	keys := []string{"trend", "seasonal", "residual"}
	return funcs.StringDict(keys, []value.Value{
		value.NewDoubles(trend), value.NewDoubles(seasonal), value.NewDoubles(residual)}), nil
}

// stlArgs reads stl's parameters after data, filling in the defaults.
func stlArgs(args []value.Value, n int) (stlParams, error) {
	var p stlParams
	r := funcs.ReadArgs("stl", args)
	intArg := func(i int, name string, def int64, valid func(int64) bool) int {
		return funcs.Read(r, func() (int, error) {
			x := r.Given(i)
			k, err := funcs.IntArg("stl", name, x, def)
			if err == nil && x != nil && !valid(k) {
				err = ddberr.Errorf("The argument [%s] of %s is out of range.", name, "stl")
			}
			return int(k), err
		})
	}
	positive := func(k int64) bool { return k > 0 }
	degree := func(k int64) bool { return k >= 0 && k <= 2 }
	p.period = intArg(1, "period", 0, func(k int64) bool { return k > 1 })
	if err := r.Err(); err != nil {
		return p, err
	}
	if p.period < 2 {
		return p, ddberr.Errorf("The argument [%s] of %s is out of range.", "period", "stl")
	}
	if n < 2*p.period {
		return p, ddberr.Errorf("The length of data of stl must be at least twice the period.")
	}
	if s, ok := funcs.StringArg(args[2]); ok {
		if s != "periodic" {
			return p, ddberr.Errorf("The argument [sWindow] of stl must be \"periodic\" or an odd integer.")
		}
		p.periodic, p.sWindow = true, 10*n+1
	} else if p.sWindow = intArg(2, "sWindow", 0, positive); r.Err() == nil && p.sWindow <= 0 {
		return p, ddberr.Errorf("The argument [%s] of %s is out of range.", "sWindow", "stl")
	}
	p.sDegree = intArg(3, "sDegree", 1, degree)
	if p.periodic {
		p.sDegree = 0
	}
	p.sJump = intArg(4, "sJump", ceilTenth(p.sWindow), positive)
	// after a failed sWindow read this default divides by zero, harmless:
	// r holds the error and nothing reads tWindow
	tDef := nextOdd(int(math.Ceil(1.5 * float64(p.period) / (1 - 1.5/float64(p.sWindow)))))
	p.tWindow = intArg(5, "tWindow", int64(tDef), positive)
	p.tDegree = intArg(6, "tDegree", 1, degree)
	p.tJump = intArg(7, "tJump", ceilTenth(p.tWindow), positive)
	p.lWindow = intArg(8, "lWindow", int64(nextOdd(p.period)), positive)
	p.lDegree = intArg(9, "lDegree", 1, degree)
	p.lJump = intArg(10, "lJump", ceilTenth(p.lWindow), positive)
	inner, outer := int64(2), int64(0)
	if r.Bool("robust", r.Given(11), false) {
		inner, outer = 1, 15
	}
	p.inner = intArg(12, "inner", inner, positive)
	p.outer = intArg(13, "outer", outer, positive)
	return p, r.Err()
}

// ceilTenth is the default jump of a window: ceil(window/10).
func ceilTenth(w int) int64 { return int64((w + 9) / 10) }

// nextOdd is k, or k+1 when k is even.
func nextOdd(k int) int {
	if k%2 == 0 {
		return k + 1
	}
	return k
}

// stlDecompose runs STL's outer loop: inner passes, then (outer times)
// robustness weights from the residuals and inner passes with them. An
// inner pass over 200K points takes about 0.1 s and there are outer+1 of
// them: it stops with ctx's error between passes once ctx is cancelled.
func stlDecompose(ctx context.Context, y []float64, p stlParams) (seasonal, trend []float64, err error) {
	n := len(y)
	odd := func(w int) int { return nextOdd(max(3, w)) }
	p.sWindow, p.tWindow, p.lWindow = odd(p.sWindow), odd(p.tWindow), odd(p.lWindow)
	seasonal, trend = make([]float64, n), make([]float64, n)
	s := newSTLScratch(n, p.period)
	var rw []float64
	for k := 0; ; k++ {
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		s.inner(y, p, rw, seasonal, trend)
		if k >= p.outer {
			return seasonal, trend, nil
		}
		if rw == nil {
			rw = make([]float64, n)
		}
		fit := s.w[0][:n]
		for i := range fit {
			fit[i] = trend[i] + seasonal[i]
		}
		robustnessWeights(y, fit, rw)
	}
}

// stlScratch is the inner loop's work space: five vectors of n+2*period.
type stlScratch struct {
	w [5][]float64
	// per cycle-subseries: values, weights, smoothed (with one point
	// either side), loess scratch
	sub, subW, subS, subR []float64
}

func newSTLScratch(n, period int) *stlScratch {
	s := &stlScratch{}
	for i := range s.w {
		s.w[i] = make([]float64, n+2*period)
	}
	k := n/period + 1
	s.sub, s.subW, s.subS, s.subR = make([]float64, k), make([]float64, k), make([]float64, k+2), make([]float64, k)
	return s
}

// inner is STL's inner loop (stlstp): detrend, smooth the
// cycle-subseries, low-pass filter them, take the seasonal part out and
// smooth what is left into the trend.
func (s *stlScratch) inner(y []float64, p stlParams, rw, seasonal, trend []float64) {
	n, np := len(y), p.period
	w := s.w
	for range p.inner {
		for i := range y {
			w[0][i] = y[i] - trend[i]
		}
		s.cycleSubseries(w[0][:n], p, rw, w[1])
		// low-pass: moving averages of period, period and 3, then loess
		movingAverage(w[1][:n+2*np], np, w[2])
		movingAverage(w[2][:n+np+1], np, w[0])
		movingAverage(w[0][:n+2], 3, w[2])
		loess(w[2][:n], p.lWindow, p.lDegree, p.lJump, nil, w[0][:n], w[4][:n])
		for i := range seasonal {
			seasonal[i] = w[1][np+i] - w[0][i]
		}
		for i := range y {
			w[0][i] = y[i] - seasonal[i]
		}
		loess(w[0][:n], p.tWindow, p.tDegree, p.tJump, rw, trend, w[2][:n])
	}
}

// cycleSubseries smooths each cycle-subseries of y (every period-th
// point) with loess and extends it by one point at either end, writing
// the n+2*period results to out (stlss).
func (s *stlScratch) cycleSubseries(y []float64, p stlParams, rw, out []float64) {
	n, np := len(y), p.period
	for j := range np {
		k := (n-j-1)/np + 1
		sub := s.sub[:k]
		for i := range sub {
			sub[i] = y[i*np+j]
		}
		var subW []float64
		if rw != nil {
			subW = s.subW[:k]
			for i := range subW {
				subW[i] = rw[i*np+j]
			}
		}
		sm := s.subS[:k+2]
		loess(sub, p.sWindow, p.sDegree, p.sJump, subW, sm[1:k+1], s.subR[:k])
		if v, ok := loessAt(sub, p.sWindow, p.sDegree, 0, 1, min(p.sWindow, k), s.subR[:k], subW); ok {
			sm[0] = v
		} else {
			sm[0] = sm[1]
		}
		if v, ok := loessAt(sub, p.sWindow, p.sDegree, float64(k+1), max(1, k-p.sWindow+1), k, s.subR[:k], subW); ok {
			sm[k+1] = v
		} else {
			sm[k+1] = sm[k]
		}
		for m, v := range sm {
			out[m*np+j] = v
		}
	}
}

// periodicMeans replaces each point of seasonal by the mean of its
// position in the cycle.
func periodicMeans(seasonal []float64, period int) {
	for j := range period {
		sum, cnt := 0.0, 0
		for i := j; i < len(seasonal); i += period {
			sum += seasonal[i]
			cnt++
		}
		for i := j; i < len(seasonal); i += period {
			seasonal[i] = sum / float64(cnt)
		}
	}
}
