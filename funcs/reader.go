package funcs

import "github.com/porpoisedb/porpoise/value"

// Args reads a built-in's arguments one at a time and keeps the first
// error, the way bufio.Scanner does: once a read fails, later reads do
// nothing and return their type's zero value, and Err reports the
// failure. A chain of reads then needs one check at its end instead of
// one after each read, and the first failing argument still decides the
// error, as it did with a check after each:
//
//	r := funcs.ReadArgs("svd", args)
//	full := r.Bool("fullMatrices", r.Arg(1), true)
//	uv := r.Bool("computeUV", r.Arg(2), true)
//	if err := r.Err(); err != nil {
//		return nil, err
//	}
//
// The values read before Err is checked may be zero values: a check that
// uses them (a range, a length) goes after Err or through Fail, which
// also keeps only the first error. A family adds its own readers by
// taking the reader and wrapping its body in Read (skipped once r holds
// an error), or, for a reader returning several values, by recording
// its failures with Fail or Bad (the caller then checks Err before using
// them).
type Args struct {
	// Fn is the built-in's name, which the error texts give.
	Fn   string
	args []value.Value
	err  error
}

// ReadArgs starts reading the arguments of fn.
func ReadArgs(fn string, args []value.Value) *Args {
	return &Args{Fn: fn, args: args}
}

// Err is the first error a read or Fail recorded, nil if none.
func (r *Args) Err() error { return r.err }

// Fail records err (when not nil) unless an earlier error is held.
func (r *Args) Fail(err error) {
	if r.err == nil {
		r.err = err
	}
}

// Bad records BadArg's error for param ("must be what").
func (r *Args) Bad(param, what string) { r.Fail(BadArg(r.Fn, param, what)) }

// Arg is argument i, nil when the call left it out.
func (r *Args) Arg(i int) value.Value { return Arg(r.args, i) }

// Given is argument i, nil when the call left it out or gave a NULL
// scalar (GivenArg): an optional argument that keeps its default.
func (r *Args) Given(i int) value.Value { return GivenArg(r.args, i) }

// Read returns read's result, recording its error, or T's zero value
// without calling read once r holds an error: a family's own argument
// reader written over r.
func Read[T any](r *Args, read func() (T, error)) T {
	var zero T
	if r.err != nil {
		return zero
	}
	v, err := read()
	if err != nil {
		r.err = err
		return zero
	}
	return v
}

// Int is IntArg of x for param.
func (r *Args) Int(param string, x value.Value, def int64) int64 {
	return Read(r, func() (int64, error) { return IntArg(r.Fn, param, x, def) })
}

// PositiveInt is PositiveIntArg of x for param.
func (r *Args) PositiveInt(param string, x value.Value, def int64) int64 {
	return Read(r, func() (int64, error) { return PositiveIntArg(r.Fn, param, x, def) })
}

// NonNegInt is NonNegIntArg of x for param.
func (r *Args) NonNegInt(param string, x value.Value, def int64) int64 {
	return Read(r, func() (int64, error) { return NonNegIntArg(r.Fn, param, x, def) })
}

// Bool is BoolArg of x for param.
func (r *Args) Bool(param string, x value.Value, def bool) bool {
	return Read(r, func() (bool, error) { return BoolArg(r.Fn, param, x, def) })
}

// Number reads x, a numeric scalar other than BOOL that ok accepts, def
// when x is nil; anything else fails with BadArg's text for param ("must
// be what").
func (r *Args) Number(param string, x value.Value, def float64, ok func(float64) bool, what string) float64 {
	if r.err != nil {
		return 0
	}
	if x == nil {
		return def
	}
	s, isScalar := x.(*value.Scalar)
	var f []float64
	if isScalar && s.T.IsNumeric() && s.T != value.Bool {
		f, _ = DoublesOf(r.Fn, ScalarVector(s))
	}
	if len(f) != 1 || IsNullF(f[0]) || !ok(f[0]) {
		r.Bad(param, what)
		return 0
	}
	return f[0]
}

// Doubles is DoublesOf the numeric vector v, failing with fn's text for
// a non-numeric one.
func (r *Args) Doubles(v *value.Vector) []float64 {
	return Read(r, func() ([]float64, error) { return DoublesOf(r.Fn, v) })
}
