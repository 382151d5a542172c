package swing

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// zigzagOpts are zigzag's thresholds (funcs/z/zigzag.md).
type zigzagOpts struct {
	change           float64
	percent, retrace bool
	lastExtreme      bool
}

// zigzag keeps the swing points of HL whose moves pass change: a vector,
// or a matrix whose first column is the high and second the low, as in
// TTR's ZigZag that the manual's parameters follow. The first row is the
// first reference point ((high+low)/2); every other row is NULL unless it
// is a confirmed extreme, and the extreme still open at the end is kept.
func zigzag(_ funcs.Env, args []value.Value) (value.Value, error) {
	var high, low []float64
	var err error
	switch hl := args[0].(type) {
	case *value.Vector:
		if high, err = funcs.DoublesOf("zigzag", hl); err == nil {
			low = high
		}
	case *value.Matrix:
		if hl.Cols != 2 {
			return nil, ddberr.Errorf("HL of zigzag must be a numeric vector or a numeric matrix with two columns.")
		}
		var all []float64
		if all, err = funcs.DoublesOf("zigzag", hl.V); err == nil {
			high, low = all[:hl.Rows], all[hl.Rows:]
		}
	default:
		return nil, ddberr.Errorf("HL of zigzag must be a numeric vector or a numeric matrix with two columns.")
	}
	if err != nil {
		return nil, ddberr.Errorf("HL of zigzag must be a numeric vector or a numeric matrix with two columns.")
	}
	o := zigzagOpts{change: 10, percent: true, lastExtreme: true}
	if c := funcs.Arg(args, 1); !funcs.NullOrAbsent(c) {
		s, ok := funcs.ScalarArg(c)
		if !ok || !s.T.IsNumeric() || s.Float64() <= 0 {
			return nil, ddberr.Errorf("change of zigzag must be a positive number.")
		}
		o.change = s.Float64()
	}
	r := funcs.ReadArgs("zigzag", args)
	o.percent = r.Bool("percent", r.Arg(2), true)
	o.retrace = r.Bool("retrace", r.Arg(3), false)
	o.lastExtreme = r.Bool("lastExtreme", r.Arg(4), true)
	if err := r.Err(); err != nil {
		return nil, err
	}
	return value.NewDoubles(zigzagPoints(high, low, o)), nil
}

// zigzagPoints walks the rows keeping a reference (the last confirmed
// swing point) and the extreme of the current leg; a move against the leg
// by change confirms the extreme and starts the opposite leg there.
func zigzagPoints(high, low []float64, o zigzagOpts) []float64 {
	n := len(high)
	out := funcs.NullDoubles(n)
	start := 0
	for start < n && (funcs.IsNullF(high[start]) || funcs.IsNullF(low[start])) {
		start++
	}
	if start == n {
		return out
	}
	c := o.change
	if o.percent {
		c /= 100
	}
	ref := (high[start] + low[start]) / 2
	out[start] = ref
	ext, extPos, leg := ref, start, 0
	// turned reports whether x moved against a leg (dir 1 up, -1 down)
	// from its extreme far enough to end it.
	turned := func(x float64, dir int) bool {
		move := float64(dir) * (ext - x)
		switch {
		case !o.percent:
			return move >= c
		case o.retrace && leg != 0:
			return move >= c*float64(dir)*(ext-ref)
		default:
			return move >= c*ext
		}
	}
	further := func(x float64, dir int) bool {
		if o.lastExtreme {
			return float64(dir)*(x-ext) >= 0
		}
		return float64(dir)*(x-ext) > 0
	}
	for i := start + 1; i < n; i++ {
		h, l := high[i], low[i]
		if funcs.IsNullF(h) || funcs.IsNullF(l) {
			continue
		}
		switch {
		case leg == 0:
			up := h-ref >= c
			down := ref-l >= c
			if o.percent {
				up, down = h >= ref*(1+c), l <= ref*(1-c)
			}
			if up {
				ext, extPos, leg = h, i, 1
			} else if down {
				ext, extPos, leg = l, i, -1
			}
		case leg == 1 && further(h, 1):
			ext, extPos = h, i
		case leg == 1 && turned(l, 1):
			out[extPos] = ext
			ref, ext, extPos, leg = ext, l, i, -1
		case leg == -1 && further(l, -1):
			ext, extPos = l, i
		case leg == -1 && turned(h, -1):
			out[extPos] = ext
			ref, ext, extPos, leg = ext, h, i, 1
		}
	}
	if leg != 0 {
		out[extPos] = ext
	}
	return out
}
