package bond

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
	"strconv"
)

// maxLen bounds the vectors a call broadcasts, so that a huge argument
// cannot allocate without end.
const maxLen = 1 << 28

// bcast reads a call's scalar-or-vector arguments at one common length:
// a scalar stands for a vector of its value.
type bcast struct {
	fn     string
	n      int  // common length (1 when every argument is a scalar)
	vector bool // some argument is a vector
}

// newBcast checks that every non-absent argument is a scalar or a vector
// and that the vectors have one length.
func newBcast(fn string, params []string, args []value.Value) (*bcast, error) {
	b := &bcast{fn: fn, n: 1}
	for i, x := range args {
		switch a := x.(type) {
		case nil:
		case *value.Scalar:
		case *value.Vector:
			if a.T.IsArray() || a.T == value.Any {
				return nil, ddberr.Errorf("The argument [%s] of %s must be a scalar or a vector.", params[i], fn)
			}
			if !b.vector {
				b.vector, b.n = true, a.Len()
			} else if a.Len() != b.n {
				return nil, ddberr.Errorf("The vector arguments of %s must have the same length.", fn)
			}
		default:
			return nil, ddberr.Errorf("The argument [%s] of %s must be a scalar or a vector.", params[i], fn)
		}
	}
	if b.n > maxLen {
		return nil, ddberr.Errorf("The vector arguments of %s must have the same length.", fn)
	}
	return b, nil
}

// absent reports whether an optional argument was left out.
func absent(x value.Value) bool {
	if x == nil {
		return true
	}
	s, ok := x.(*value.Scalar)
	return ok && s.IsNothing()
}

// dates reads a DATE argument as days since 1970-01-01, value.NullInt32
// for NULL.
func (b *bcast) dates(param string, x value.Value) ([]int32, error) {
	out := make([]int32, b.n)
	switch a := x.(type) {
	case *value.Scalar:
		if a.T != value.Date && a.T != value.Void {
			break
		}
		d := value.NullInt32
		if !a.Null && a.T == value.Date {
			d = int32(a.I)
		}
		for i := range out {
			out[i] = d
		}
		return out, nil
	case *value.Vector:
		if a.T == value.Void {
			for i := range out {
				out[i] = value.NullInt32
			}
			return out, nil
		}
		if a.T != value.Date {
			break
		}
		copy(out, a.I32)
		return out, nil
	}
	return nil, ddberr.Errorf("The argument [%s] of %s must be a DATE scalar or vector.", param, b.fn)
}

// doubles reads a numeric argument, value.NullFloat64 for NULL; def
// fills an absent optional one.
func (b *bcast) doubles(param string, x value.Value, def float64) ([]float64, error) {
	out := make([]float64, b.n)
	if absent(x) {
		for i := range out {
			out[i] = def
		}
		return out, nil
	}
	switch a := x.(type) {
	case *value.Scalar:
		if !a.T.IsNumeric() && a.T != value.Void {
			break
		}
		f := value.NullFloat64
		if !a.Null {
			f = a.Float64()
		}
		for i := range out {
			out[i] = f
		}
		return out, nil
	case *value.Vector:
		if !funcs.IsNumericVec(a) {
			break
		}
		xs, err := funcs.DoublesOf(b.fn, a)
		if err != nil {
			return nil, err
		}
		copy(out, xs)
		return out, nil
	}
	return nil, ddberr.Errorf("The argument [%s] of %s must be a numeric scalar or vector.", param, b.fn)
}

// codes reads an argument given as integer codes or as names (names[k]
// is code k); -1 marks a NULL element. An absent argument is def.
func (b *bcast) codes(x value.Value, def int, names []string, bad func() error) ([]int, error) {
	out := make([]int, b.n)
	if absent(x) {
		for i := range out {
			out[i] = def
		}
		return out, nil
	}
	v, _ := funcs.VectorArg(x)
	if v == nil {
		return nil, bad()
	}
	switch {
	case v.T == value.String || v.T == value.Symbol:
		for i := range out {
			s := v.StrAt(i % v.Len())
			out[i] = -1
			if s == "" {
				continue
			}
			k := indexOf(names, s)
			if k < 0 {
				return nil, bad()
			}
			out[i] = k
		}
	case funcs.IsIntegralVec(v) || v.T == value.Void:
		ls := funcs.LongsOf(v)
		for i := range out {
			c := ls[i%len(ls)]
			out[i] = -1
			if c == value.NullInt64 {
				continue
			}
			if c < 0 || c >= int64(len(names)) {
				return nil, bad()
			}
			out[i] = int(c)
		}
	default:
		return nil, bad()
	}
	return out, nil
}

func indexOf(xs []string, s string) int {
	for i, x := range xs {
		if x == s {
			return i
		}
	}
	return -1
}

// couponFrequencies are the coupon payments a year by the DURATION that
// spells each (12M is a year too).
var couponFrequencies = map[string]int{"1y": 1, "12M": 1, "6M": 2, "3M": 4, "1M": 12}

// frequencies reads the coupon frequency: 1, 2, 4 or 12, or the DURATION
// 1y, 6M, 3M or 1M; 0 marks a NULL element. An absent argument is 0.
func (b *bcast) frequencies(x value.Value) ([]int, error) {
	if absent(x) {
		return make([]int, b.n), nil
	}
	return b.frequencyArg(x, couponFrequencies, ddberr.Errorf("The argument [frequency] of %s must be 1, 2, 4 or 12, or the DURATION 1y, 6M, 3M or 1M.", b.fn))
}

// frequencyArg reads a payments-a-year argument, broadcast over the
// rows: a count among spellings' values, or a DURATION spellings names;
// 0 marks a NULL element, and anything else is bad.
func (b *bcast) frequencyArg(x value.Value, spellings map[string]int, bad error) ([]int, error) {
	out := make([]int, b.n)
	v, _ := funcs.VectorArg(x)
	if v == nil {
		return nil, bad
	}
	if v.T == value.Duration {
		unit := value.DurationUnitName(v.Scale)
		for i := range out {
			c := v.I64[i%len(v.I64)]
			if c == value.NullInt64 {
				continue
			}
			f, ok := spellings[strconv.FormatInt(c, 10)+unit]
			if !ok {
				return nil, bad
			}
			out[i] = f
		}
		return out, nil
	}
	if !funcs.IsIntegralVec(v) && v.T != value.Void {
		return nil, bad
	}
	ls := funcs.LongsOf(v)
	for i := range out {
		c := ls[i%len(ls)]
		if c == value.NullInt64 {
			continue
		}
		ok := false
		for _, f := range spellings {
			ok = ok || int64(f) == c
		}
		if !ok {
			return nil, bad
		}
		out[i] = int(c)
	}
	return out, nil
}

// basisNames are the day-count bases by code.
var basisNames = []string{"Thirty360US", "ActualActual", "Actual360", "Actual365", "Thirty360EU"}

// bondTypeNames are the bond types by code.
var bondTypeNames = []string{"FixedRate", "Discount", "ZeroCoupon"}

func (b *bcast) bases(x value.Value) ([]int, error) {
	return b.codes(x, 1, basisNames, func() error {
		return ddberr.Errorf("The argument [basis] of %s must be 0, 1, 2, 3 or 4, or 'Thirty360US', 'ActualActual', 'Actual360', 'Actual365' or 'Thirty360EU'.", b.fn)
	})
}

func (b *bcast) bondTypes(x value.Value) ([]int, error) {
	return b.codes(x, 0, bondTypeNames, func() error {
		return ddberr.Errorf("The argument [bondType] of %s must be 0, 1 or 2, or 'FixedRate', 'Discount' or 'ZeroCoupon'.", b.fn)
	})
}

// result is the call's answer: a DOUBLE scalar when every argument was a
// scalar, else a DOUBLE vector.
func (b *bcast) result(xs []float64) value.Value {
	for i, x := range xs {
		if x != x || x == value.NullFloat64 {
			xs[i] = value.NullFloat64
		}
	}
	if !b.vector {
		return value.NewDouble(xs[0])
	}
	return value.NewDoubles(xs)
}
