package mathfn

import (
	"errors"
	"math"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
	"github.com/porpoisedb/porpoise/value/kernel"
)

// doubleFuncs are the element-wise functions of one numeric argument that
// return DOUBLE. A NaN result is NULL (log(-1), sqrt(-1)).
var doubleFuncs = map[string]func(float64) float64{
	"exp2": math.Exp2, "exp": math.Exp, "expm1": math.Expm1,
	"sin": math.Sin, "cos": math.Cos, "tan": math.Tan,
	"asin": math.Asin, "acos": math.Acos, "atan": math.Atan,
	"sinh": math.Sinh, "cosh": math.Cosh, "tanh": math.Tanh,
	"asinh": math.Asinh, "acosh": math.Acosh, "atanh": math.Atanh,
	"sqrt": math.Sqrt, "cbrt": math.Cbrt,
	"square": func(x float64) float64 { return x * x },
	// log(0) prints as NULL in DolphinDB ("log" page: log(0 1 2 3) is
	// [,0,0.693147,1.098612]), and so does 1/0.
	"log":        finiteOrNull(math.Log),
	"log2":       finiteOrNull(math.Log2),
	"log10":      finiteOrNull(math.Log10),
	"log1p":      finiteOrNull(math.Log1p),
	"reciprocal": finiteOrNull(func(x float64) float64 { return 1 / x }),
}

// finiteOrNull turns an infinite result of f into NaN, which mapDouble
// turns into NULL.
func finiteOrNull(f func(float64) float64) func(float64) float64 {
	return func(x float64) float64 {
		r := f(x)
		if math.IsInf(r, 0) {
			return math.NaN()
		}
		return r
	}
}

// mapKeepType applies fi to integral elements and to the raw values of
// DECIMAL32/64 ones, f128 to DECIMAL128's and ff to floating ones,
// keeping x's type, scale and form; NULL stays NULL. fi and f128 must
// commute with a decimal's scale (abs does).
func mapKeepType(fn string, x value.Value, fi func(int64) int64, f128 func(kernel.Int128) kernel.Int128, ff func(float64) float64) (value.Value, error) {
	return funcs.MapForms(fn, x, func(v *value.Vector) (*value.Vector, error) {
		switch {
		case v.T == value.Void:
			return v, nil
		case funcs.IsIntegralVec(v):
			xs := funcs.LongsOf(v)
			out := make([]int64, len(xs))
			for i, a := range xs {
				if a == value.NullInt64 {
					out[i] = a
					continue
				}
				out[i] = fi(a)
			}
			return funcs.FromLongs(v.T, out), nil
		case v.T == value.Decimal32 || v.T == value.Decimal64:
			// fi runs on the raw values (abs commutes with the scale),
			// exact where DOUBLE would truncate 1.001 to 1.000
			raw := kernel.RawView(v)
			xs := funcs.LongsOf(raw)
			for i, a := range xs {
				if a != value.NullInt64 {
					xs[i] = fi(a)
				}
			}
			r, err := cast.Vector(value.NewLongs(xs), raw.T, 0)
			if err != nil {
				return nil, err
			}
			r.T, r.Scale = v.T, v.Scale
			return r, nil
		case v.T == value.Decimal128:
			null := value.NullBytes16(value.Decimal128)
			r := &value.Vector{T: v.T, Scale: v.Scale, B16: make([][16]byte, len(v.B16))}
			for i, b := range v.B16 {
				if b != null {
					b = f128(kernel.Int128Of(b)).Bytes()
				}
				r.B16[i] = b
			}
			return r, nil
		case v.T == value.Float:
			out := make([]float32, len(v.F32))
			for i, a := range v.F32 {
				if a == value.NullFloat32 || a != a {
					out[i] = value.NullFloat32
					continue
				}
				out[i] = float32(ff(float64(a)))
			}
			return &value.Vector{T: value.Float, F32: out}, nil
		case v.T.IsNumeric():
			xs, err := funcs.DoublesOf(fn, v)
			if err != nil {
				return nil, err
			}
			out := make([]float64, len(xs))
			for i, a := range xs {
				if funcs.IsNullF(a) {
					out[i] = value.NullFloat64
					continue
				}
				out[i] = ff(a)
			}
			r := value.NewDoubles(out)
			if v.T.IsDecimal() {
				return cast.Vector(r, v.T, v.Scale)
			}
			return r, nil
		}
		return nil, ddberr.Errorf("The argument of %s must be numeric.", fn)
	})
}

// signum is 1, 0 or -1 (INT) by the sign of each element; NULL stays NULL.
func signum(_ funcs.Env, args []value.Value) (value.Value, error) {
	return funcs.MapForms("signum", args[0], func(v *value.Vector) (*value.Vector, error) {
		xs, err := funcs.DoublesOf("signum", v)
		if err != nil {
			return nil, err
		}
		out := make([]int32, len(xs))
		for i, a := range xs {
			switch {
			case funcs.IsNullF(a):
				out[i] = value.NullInt32
			case a > 0:
				out[i] = 1
			case a < 0:
				out[i] = -1
			}
		}
		return value.NewInts(out), nil
	})
}

// signbit reports whether each element's sign bit is set.
func signbit(_ funcs.Env, args []value.Value) (value.Value, error) {
	return funcs.MapForms("signbit", args[0], func(v *value.Vector) (*value.Vector, error) {
		if !funcs.IsNumericVec(v) && v.T != value.Char {
			return nil, ddberr.Errorf("The argument of signbit must be an integer or a floating number.")
		}
		xs, err := funcs.DoublesOf("signbit", v)
		if err != nil {
			return nil, err
		}
		out := value.NewVector(value.Bool, len(xs), len(xs))
		for i, a := range xs {
			if !funcs.IsNullF(a) {
				out.I8[i] = kernel.BoolAs[int8](math.Signbit(a))
			}
		}
		return out, nil
	})
}

// binaryDouble applies f element-wise to two numeric operands (scalars,
// vectors, pairs or matrices, a scalar broadcast) and returns DOUBLE.
func binaryDouble(fn string, x, y value.Value, f func(a, b float64) float64) (value.Value, error) {
	xv, yv, n, wrap, err := Broadcast2(fn, x, y)
	if err != nil {
		return nil, err
	}
	xs, ys, err := funcs.DoublesOf2(fn, xv, yv)
	if err != nil {
		return nil, err
	}
	out := pairwise(xs, ys, n, value.NullFloat64, func(a, b float64) float64 {
		if r := f(a, b); r == r {
			return r
		}
		return value.NullFloat64
	})
	return wrap(value.NewDoubles(out)), nil
}

// pairwise is f of the elements of xs and ys row by row over n rows (a
// one-element side broadcast), null where either element is NULL.
func pairwise[T any](xs, ys []float64, n int, null T, f func(a, b float64) T) []T {
	out := make([]T, n)
	for i := range out {
		a, b := at(xs, i), at(ys, i)
		if funcs.IsNullF(a) || funcs.IsNullF(b) {
			out[i] = null
			continue
		}
		out[i] = f(a, b)
	}
	return out
}

// clip limits X to [Y, Z] (see the "clip" page's rules): a NULL scalar
// bound is no bound, a NULL element bound gives NULL, y > z gives z. The
// result keeps X's type; clip! writes it into X.
func clip(args []value.Value, inPlace bool) (value.Value, error) {
	x, y, z := args[0], args[1], args[2]
	if t, ok := x.(*value.Table); ok {
		cols := make([]*value.Vector, len(t.Cols))
		for i, c := range t.Cols {
			yc, zc := y, z
			if yt, ok := y.(*value.Table); ok {
				yc = yt.Cols[i]
			}
			if zt, ok := z.(*value.Table); ok {
				zc = zt.Cols[i]
			}
			r, err := clip([]value.Value{c, yc, zc}, inPlace)
			if err != nil {
				return nil, err
			}
			cols[i] = r.(*value.Vector)
		}
		if inPlace {
			return t, nil
		}
		return value.NewTable(append([]string(nil), t.Names...), cols), nil
	}
	if d, ok := x.(*value.Dict); ok {
		r, err := clip([]value.Value{d.Vals, y, z}, inPlace)
		if err != nil {
			return nil, err
		}
		out := value.NewDict(d.Keys.T, d.Vals.T)
		rv := r.(*value.Vector)
		for i := 0; i < d.Len(); i++ {
			out.Put(d.Keys, i, rv, i)
		}
		if inPlace {
			return d, nil
		}
		return out, nil
	}
	xv, wrap, ok := funcs.ShapeOf(x)
	if !ok {
		return nil, ddberr.Errorf("The first argument of clip must be a scalar, vector, matrix, table or dictionary.")
	}
	yv, _, ok1 := funcs.ShapeOf(y)
	zv, _, ok2 := funcs.ShapeOf(z)
	if !ok1 || !ok2 {
		return nil, ddberr.Errorf("The bounds of clip must be scalars, vectors, matrices or tables.")
	}
	n := xv.Len()
	_, yScalar := y.(*value.Scalar)
	_, zScalar := z.(*value.Scalar)
	if (!yScalar && yv.Len() != n) || (!zScalar && zv.Len() != n) {
		return nil, ddberr.Errorf("The bounds of clip must be scalars or have the same dimensions as X.")
	}
	temporal := xv.T.IsTemporal()
	if temporal && (yv.T != xv.T && yv.T != value.Void || zv.T != xv.T && zv.T != value.Void) {
		return nil, ddberr.Errorf("The data types of X, Y and Z of clip must match.")
	}
	if !temporal && (!funcs.IsNumericVec(xv) || !funcs.IsNumericVec(yv) || !funcs.IsNumericVec(zv)) {
		return nil, ddberr.Errorf("The data types of X, Y and Z of clip must match.")
	}
	floatBound := func(v *value.Vector, scalar value.Value) bool {
		if s, ok := scalar.(*value.Scalar); ok && s.T == value.Void {
			return false
		}
		return v.T.Category() == value.CatFloating
	}
	if funcs.IsIntegralVec(xv) && (floatBound(yv, y) || floatBound(zv, z)) {
		return nil, ddberr.Errorf("When X is an integral type, Y and Z of clip must be integral.")
	}
	r, exact, err := clipExact(xv, yv, zv, yScalar, zScalar)
	if err != nil {
		return nil, err
	}
	if !exact {
		xs, _ := funcs.DoublesOf("clip", AsNumeric(xv))
		ys, _ := funcs.DoublesOf("clip", AsNumeric(yv))
		zs, _ := funcs.DoublesOf("clip", AsNumeric(zv))
		out := make([]float64, n)
		for i := range out {
			out[i] = clipOne(xs[i], at(ys, i), at(zs, i), value.NullFloat64, yScalar, zScalar)
		}
		if r, err = FromDoubles(value.NewDoubles(out), xv); err != nil {
			return nil, err
		}
	}
	if inPlace {
		CopyInto(xv, r)
		return x, nil
	}
	return wrap(r), nil
}

// clipOne is x limited to [lo, hi] by clip's rules; null is the NULL of
// the values' representation.
func clipOne[T int64 | float64](x, lo, hi, null T, yScalar, zScalar bool) T {
	isNull := func(v T) bool { return v == null || v != v }
	loNull, hiNull := isNull(lo), isNull(hi)
	switch {
	case isNull(x):
		return null
	case loNull && !yScalar, hiNull && !zScalar:
		return null
	case !loNull && !hiNull && lo > hi:
		return hi
	case !loNull && x < lo:
		return lo
	case !hiNull && x > hi:
		return hi
	}
	return x
}

// clipExact is clip over the raw int64s of an integral, temporal,
// DECIMAL32 or DECIMAL64 X (decimal bounds converted to X's type and
// scale), where DOUBLE would lose integers past 2^53 (a NANOTIMESTAMP's
// nanoseconds) and a decimal's last digits; exact is false for other X.
func clipExact(xv, yv, zv *value.Vector, yScalar, zScalar bool) (r *value.Vector, exact bool, err error) {
	c := xv.T.Category()
	decimal := xv.T == value.Decimal32 || xv.T == value.Decimal64
	if xv.T.IsArray() || !(c == value.CatIntegral || xv.T.IsTemporal() || decimal) {
		return nil, false, nil
	}
	raw := func(v *value.Vector) ([]int64, error) {
		if decimal && v.T != value.Void && (v.T != xv.T || v.Scale != xv.Scale) {
			var err error
			if v, err = cast.Vector(v, xv.T, xv.Scale); err != nil {
				return nil, err
			}
		}
		return funcs.LongsOf(kernel.RawView(v)), nil
	}
	xs, err := raw(xv)
	if err != nil {
		return nil, false, err
	}
	ys, err := raw(yv)
	if err != nil {
		return nil, false, err
	}
	zs, err := raw(zv)
	if err != nil {
		return nil, false, err
	}
	out := make([]int64, len(xs))
	for i := range out {
		out[i] = clipOne(xs[i], at(ys, i), at(zs, i), value.NullInt64, yScalar, zScalar)
	}
	if r, err = cast.Vector(value.NewLongs(out), kernel.RawView(xv).T, 0); err != nil {
		return nil, false, err
	}
	r.T, r.Scale = xv.T, xv.Scale
	return r, true, nil
}

// asNumeric reinterprets a temporal vector as its raw integers so that
// numeric loops can compare it.
func AsNumeric(v *value.Vector) *value.Vector {
	if !v.T.IsTemporal() {
		return v
	}
	return kernel.RawView(v)
}

// fromDoubles converts a DOUBLE result back to like's type (integral
// values are exact here: they came from like's own elements or bounds).
func FromDoubles(r *value.Vector, like *value.Vector) (*value.Vector, error) {
	if like.T == value.Double || like.T == value.Void {
		return r, nil
	}
	if like.T.IsTemporal() {
		raw, err := cast.Vector(r, AsNumeric(like).T, 0)
		if err != nil {
			return nil, err
		}
		raw.T = like.T
		return raw, nil
	}
	return cast.Vector(r, like.T, like.Scale)
}

// copyInto overwrites dst's elements with src's (same type and length).
func CopyInto(dst, src *value.Vector) {
	if dst.T.IsArray() {
		// a row may change length (ffill! fills a NULL row with a
		// longer one): dst takes src's rows whole
		*dst = *src.Clone()
		return
	}
	if dst.Syms != nil || src.Syms != nil {
		// a coded SYMBOL side: codes are copied, re-coded or written as
		// texts by element, as the two representations require
		for i, n := 0, src.Len(); i < n; i++ {
			dst.SetFrom(i, src, i)
		}
		return
	}
	copy(dst.I8, src.I8)
	copy(dst.I16, src.I16)
	copy(dst.I32, src.I32)
	copy(dst.I64, src.I64)
	copy(dst.F32, src.F32)
	copy(dst.F64, src.F64)
	copy(dst.Str, src.Str)
	copy(dst.B16, src.B16)
	copy(dst.Any, src.Any)
}

// iterate runs the linear recurrence of the "iterate" page.
func iterate(env funcs.Env, args []value.Value) (value.Value, error) {
	initV, ok1 := funcs.VectorArg(args[0])
	coefV, ok2 := funcs.VectorArg(args[1])
	if !ok1 || !ok2 || !funcs.IsNumericVec(initV) || !funcs.IsNumericVec(coefV) {
		return nil, ddberr.Errorf("The init and coeffs of iterate must be numeric.")
	}
	if initV.Len() != coefV.Len() || initV.Len() == 0 {
		return nil, ddberr.Errorf("The init and coeffs of iterate must have the same length.")
	}
	state, _ := funcs.DoublesOf("iterate", initV)
	state = append([]float64(nil), state...)
	coef, _ := funcs.DoublesOf("iterate", coefV)
	var input []float64
	n := 0
	if s, ok := args[2].(*value.Scalar); ok {
		if s.T.Category() != value.CatIntegral || s.Null || s.I < 0 {
			return nil, ddberr.Errorf("The input of iterate must be a non-negative integer or a vector.")
		}
		if err := env.Reserve(int(min(s.I, 1<<40))); err != nil {
			return nil, err
		}
		n = int(s.I)
	} else {
		v, ok := funcs.VectorArg(args[2])
		if !ok || !funcs.IsNumericVec(v) {
			return nil, ddberr.Errorf("The input of iterate must be a non-negative integer or a vector.")
		}
		input, _ = funcs.DoublesOf("iterate", v)
		n = len(input)
	}
	out := make([]float64, n)
	// each step is two passes over the state: 200,000 steps of a
	// 200,000-long state ran a minute, so look at ctx every 65,536
	// elements' worth of steps
	ctx, every := funcs.ContextOf(env), max(1, 1<<16/len(state))
	for i := range out {
		if i%every == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		s := 0.0
		for k := range state {
			s += state[k] * coef[k]
		}
		if input != nil {
			if funcs.IsNullF(input[i]) {
				s = math.NaN()
			} else {
				s += input[i]
			}
		}
		out[i] = s
		copy(state, state[1:])
		state[len(state)-1] = s
	}
	for i, f := range out {
		if f != f {
			out[i] = value.NullFloat64
		}
	}
	return value.NewDoubles(out), nil
}

// intersection is the intersection of two sets, or bitwise AND of
// integers.
func intersection(_ funcs.Env, args []value.Value) (value.Value, error) {
	a, ok1 := args[0].(*value.Set)
	b, ok2 := args[1].(*value.Set)
	if ok1 && ok2 {
		return value.NewSet(a.V.Filter(held(a, b, true))), nil
	}
	return bitwise("intersection", args[0], args[1], func(x, y int64) int64 { return x & y })
}

// symmetricDifference is the union of two sets less their intersection,
// or bitwise XOR of integers.
func symmetricDifference(_ funcs.Env, args []value.Value) (value.Value, error) {
	a, ok1 := args[0].(*value.Set)
	b, ok2 := args[1].(*value.Set)
	if ok1 && ok2 {
		v := b.V.Filter(held(b, a, false)).Clone()
		v.AppendVector(a.V.Filter(held(a, b, false)))
		return value.NewSet(v), nil
	}
	return bitwise("symmetricDifference", args[0], args[1], func(x, y int64) int64 { return x ^ y })
}

// held marks the elements of a that b holds (in) or does not hold (!in).
func held(a, b *value.Set, in bool) []bool {
	pos := b.LookupAll(a.V)
	keep := make([]bool, len(pos))
	for i, p := range pos {
		keep[i] = (p >= 0) == in
	}
	return keep
}

// bitwise applies f to two integral operands; the result has the wider
// type, NULL where either is NULL.
func bitwise(fn string, x, y value.Value, f func(a, b int64) int64) (value.Value, error) {
	xv, yv, n, wrap, err := Broadcast2(fn, x, y)
	if err != nil {
		return nil, err
	}
	if !funcs.IsIntegralVec(xv) || !funcs.IsIntegralVec(yv) {
		return nil, ddberr.Errorf("The arguments of %s must be integers or sets.", fn)
	}
	xs, ys := funcs.LongsOf(xv), funcs.LongsOf(yv)
	out := make([]int64, n)
	for i := range out {
		a, b := xs[0], ys[0]
		if len(xs) > 1 {
			a = xs[i]
		}
		if len(ys) > 1 {
			b = ys[i]
		}
		if a == value.NullInt64 || b == value.NullInt64 {
			out[i] = value.NullInt64
			continue
		}
		out[i] = f(a, b)
	}
	t := value.Promote(xv.T, yv.T)
	if t == value.Bool {
		t = value.Bool
	}
	return wrap(funcs.FromLongs(t, out)), nil
}

// callFloat calls a unary script function on a DOUBLE vector and returns
// its DOUBLE results.
func callFloat(env funcs.Env, fn value.Value, xs []float64) ([]float64, error) {
	r, err := env.Call(fn, value.NewDoubles(xs))
	if err != nil {
		return nil, err
	}
	v, ok := funcs.VectorArg(r)
	if !ok || v.Len() != len(xs) {
		return nil, ddberr.Errorf("The function must return a numeric vector of its argument's length.")
	}
	return funcs.DoublesOf("derivative", v)
}

// derivative estimates func's first derivative at X by central
// differences over order points spaced dx apart.
func derivative(env funcs.Env, args []value.Value) (value.Value, error) {
	if !funcs.IsFunction(args[0]) {
		return nil, ddberr.Errorf("The first argument of derivative must be a function.")
	}
	xv, ok := funcs.VectorArg(args[1])
	if !ok || !funcs.IsNumericVec(xv) {
		return nil, ddberr.Errorf("X of derivative must be a numeric scalar or vector.")
	}
	dx := 1.0
	if d := funcs.Arg(args, 2); d != nil {
		s, ok := funcs.ScalarArg(d)
		if !ok || !s.T.IsNumeric() || s.Null || s.Float64() <= 0 {
			return nil, errors.New("dx of derivative must be a positive number.")
		}
		dx = s.Float64()
	}
	n, err := funcs.IntArg("derivative", "n", funcs.Arg(args, 3), 1)
	if err != nil {
		return nil, err
	}
	if n != 1 {
		return nil, errors.New("derivative only supports the first-order derivative.")
	}
	order, err := funcs.IntArg("derivative", "order", funcs.Arg(args, 4), 3)
	if err != nil {
		return nil, err
	}
	if order < 3 || order > 1023 || order%2 == 0 {
		return nil, errors.New("order of derivative must be an odd number in [3, 1023].")
	}
	weights := centralWeights(int(order))
	xs, _ := funcs.DoublesOf("derivative", xv)
	half := int(order) / 2
	pts := make([]float64, 0, len(xs)*int(order))
	for _, x := range xs {
		for k := -half; k <= half; k++ {
			pts = append(pts, x+float64(k)*dx)
		}
	}
	fs, err := callFloat(env, args[0], pts)
	if err != nil {
		return nil, err
	}
	out := make([]float64, len(xs))
	for i := range xs {
		s := 0.0
		for k, w := range weights {
			f := fs[i*int(order)+k]
			if funcs.IsNullF(f) {
				s = math.NaN()
				break
			}
			s += w * f
		}
		if s != s || funcs.IsNullF(xs[i]) {
			s = value.NullFloat64
		} else {
			s /= dx
		}
		out[i] = s
	}
	if _, scalar := args[1].(*value.Scalar); scalar {
		return value.NewDouble(out[0]), nil
	}
	return value.NewDoubles(out), nil
}

// centralWeights are the central-difference weights of the first
// derivative over offsets -m..m (order = 2m+1): w(k) = (-1)^(k+1) m!^2 /
// (k (m-k)! (m+k)!), w(0) = 0. Factorials go through Lgamma so large
// orders do not overflow.
func centralWeights(order int) []float64 {
	m := order / 2
	lf := func(n int) float64 { r, _ := math.Lgamma(float64(n) + 1); return r }
	w := make([]float64, order)
	for k := 1; k <= m; k++ {
		mag := math.Exp(2*lf(m)-lf(m-k)-lf(m+k)) / float64(k)
		if k%2 == 0 {
			mag = -mag
		}
		w[m+k] = mag
		w[m-k] = -mag
	}
	return w
}

// integral integrates func over [start, end] (NULL bounds are infinite)
// with adaptive Gauss-Kronrod quadrature; the double form integrates over
// start<=x<=end, start2<=y<=end2.
func integral(env funcs.Env, args []value.Value) (value.Value, error) {
	if !funcs.IsFunction(args[0]) {
		return nil, ddberr.Errorf("The first argument of integral must be a function.")
	}
	bounds := args[1:]
	n := 1
	scalar := true
	vals := make([][]float64, len(bounds))
	for i, b := range bounds {
		if funcs.IsFunction(b) {
			continue
		}
		v, ok := funcs.VectorArg(b)
		if !ok || !funcs.IsNumericVec(v) {
			return nil, ddberr.Errorf("The bounds of integral must be numeric scalars or vectors.")
		}
		if _, s := b.(*value.Scalar); !s {
			if !scalar && v.Len() != n {
				return nil, ddberr.Errorf("The bounds of integral must have the same length.")
			}
			scalar, n = false, v.Len()
		}
		vals[i], _ = funcs.DoublesOf("integral", v)
	}
	pick := func(k, i int) float64 {
		if len(vals[k]) == 1 {
			return vals[k][0]
		}
		return vals[k][i]
	}
	f1 := func(x float64) (float64, error) {
		return callNumber(env, args[0], errIntegrand, x)
	}
	out := make([]float64, n)
	for i := range out {
		lo, hi := pick(0, i), pick(1, i)
		var r float64
		var err error
		if len(bounds) == 2 {
			r, err = quad(f1, lo, hi)
		} else {
			r, err = integral2(env, args[0], lo, hi, bounds, vals, i)
		}
		if err != nil {
			return nil, err
		}
		if math.IsNaN(r) || math.IsInf(r, 0) {
			r = value.NullFloat64
		}
		out[i] = r
	}
	if scalar {
		return value.NewDouble(out[0]), nil
	}
	return value.NewDoubles(out), nil
}

var (
	errIntegrand     = ddberr.Errorf("The function of integral must return a number.")
	errIntegralBound = ddberr.Errorf("The bound function of integral must return a number.")
)

// callNumber calls fn on xs and reads its numeric scalar result; bad is
// the error for any other result.
func callNumber(env funcs.Env, fn value.Value, bad error, xs ...float64) (float64, error) {
	args := make([]value.Value, len(xs))
	for i, x := range xs {
		args[i] = value.NewDouble(x)
	}
	r, err := env.Call(fn, args...)
	if err != nil {
		return 0, err
	}
	s, ok := r.(*value.Scalar)
	if !ok || !s.T.IsNumeric() {
		return 0, bad
	}
	return s.Float64(), nil
}

// integral2 is the double integral over x in [lo, hi] and y between
// start2 and end2 (numbers or functions of x).
func integral2(env funcs.Env, fn value.Value, lo, hi float64, bounds []value.Value, vals [][]float64, i int) (float64, error) {
	yBound := func(k int, x float64) (float64, error) {
		if funcs.IsFunction(bounds[k]) {
			return callNumber(env, bounds[k], errIntegralBound, x)
		}
		if len(vals[k]) == 1 {
			return vals[k][0], nil
		}
		return vals[k][i], nil
	}
	if len(bounds) < 4 {
		return 0, errors.New("integral needs both start2 and end2 for a double integral.")
	}
	outer := func(x float64) (float64, error) {
		y0, err := yBound(2, x)
		if err != nil {
			return 0, err
		}
		y1, err := yBound(3, x)
		if err != nil {
			return 0, err
		}
		return quad(func(y float64) (float64, error) {
			return callNumber(env, fn, errIntegrand, x, y)
		}, y0, y1)
	}
	return quad(outer, lo, hi)
}

// quad integrates f over [a, b]; a NULL (or NaN) bound is infinite, and
// infinite ranges are mapped onto finite ones by x = t/(1-t^2).
func quad(f func(float64) (float64, error), a, b float64) (float64, error) {
	aInf, bInf := funcs.IsNullF(a), funcs.IsNullF(b)
	if aInf || bInf {
		lo, hi := -1.0, 1.0
		if !aInf {
			lo = finiteToUnit(a)
		}
		if !bInf {
			hi = finiteToUnit(b)
		}
		g := func(t float64) (float64, error) {
			d := 1 - t*t
			if d <= 0 {
				return 0, nil
			}
			x := t / d
			fx, err := f(x)
			if err != nil {
				return 0, err
			}
			return fx * (1 + t*t) / (d * d), nil
		}
		return converged(adaptive(g, lo, hi, 0))
	}
	if a == b {
		return 0, nil
	}
	if a > b {
		r, err := converged(adaptive(f, b, a, 0))
		return -r, err
	}
	return converged(adaptive(f, a, b, 0))
}

// converged is the integral, or NaN (a NULL result) when the pieces that
// never converged leave an error too large for it: the integral diverges
// (integral(abs, NULL, NULL) is NULL, funcs/i/integral.md).
func converged(r, unsettled float64, err error) (float64, error) {
	if err == nil && unsettled > 1e-3*math.Max(1, math.Abs(r)) {
		return math.NaN(), nil
	}
	return r, err
}

// finiteToUnit inverts x = t/(1-t^2) for t in (-1, 1).
func finiteToUnit(x float64) float64 {
	if x == 0 {
		return 0
	}
	return (-1 + math.Sqrt(1+4*x*x)) / (2 * x)
}

var (
	gkNodes = []float64{0.991455371120813, 0.949107912342759, 0.864864423359769, 0.741531185599394,
		0.586087235467691, 0.405845151377397, 0.207784955007898, 0}
	gkWeightsK = []float64{0.022935322010529, 0.063092092629979, 0.104790010322250, 0.140653259715525,
		0.169004726639267, 0.190350578064785, 0.204432940075298, 0.209482141084728}
	gkWeightsG = []float64{0, 0.129484966168870, 0, 0.279705391489277, 0, 0.381830050505119, 0, 0.417959183673469}
)

// adaptive is 15-point Gauss-Kronrod quadrature with bisection until the
// Gauss and Kronrod estimates agree; unsettled is the disagreement left in
// the pieces that reached the depth limit first.
func adaptive(f func(float64) (float64, error), a, b float64, depth int) (r, unsettled float64, err error) {
	c, h := (a+b)/2, (b-a)/2
	k, g := 0.0, 0.0
	for i, x := range gkNodes {
		var fx float64
		if x == 0 {
			v, err := f(c)
			if err != nil {
				return 0, 0, err
			}
			fx = v
		} else {
			v1, err := f(c - h*x)
			if err != nil {
				return 0, 0, err
			}
			v2, err := f(c + h*x)
			if err != nil {
				return 0, 0, err
			}
			fx = v1 + v2
		}
		k += gkWeightsK[i] * fx
		g += gkWeightsG[i] * fx
	}
	k, g = k*h, g*h
	if math.Abs(k-g) <= 1e-10*math.Max(1, math.Abs(k)) {
		return k, 0, nil
	}
	if depth >= 30 {
		return k, math.Abs(k - g), nil
	}
	l, lu, err := adaptive(f, a, c, depth+1)
	if err != nil {
		return 0, 0, err
	}
	rr, ru, err := adaptive(f, c, b, depth+1)
	return l + rr, lu + ru, err
}

func absFn(_ funcs.Env, args []value.Value) (value.Value, error) {
	return mapKeepType("abs", args[0], func(x int64) int64 {
		if x < 0 {
			return -x
		}
		return x
	}, func(x kernel.Int128) kernel.Int128 {
		if x.Hi < 0 {
			return (kernel.Int128{}).Sub(x)
		}
		return x
	}, math.Abs)
}
