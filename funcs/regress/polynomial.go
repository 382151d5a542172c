package regress

import (
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// polynomial is coeffs[0] + coeffs[1]·x + coeffs[2]·x² + ... for each
// element of X, by Horner's rule (funcs/p/polynomial.md); NULL stays
// NULL.
func polynomial(env funcs.Env, args []value.Value) (value.Value, error) {
	coeffs, err := numericVector("polynomial", "coeffs", args[1])
	if err != nil {
		if s, ok := args[1].(*value.Scalar); ok && s.T.IsNumeric() {
			coeffs, err = numericVector("polynomial", "coeffs", funcs.ScalarVector(s))
		}
		if err != nil {
			return nil, err
		}
	}
	for i, c := range coeffs {
		if funcs.IsNullF(c) {
			coeffs[i] = 0
		}
	}
	vec, scalar := funcs.ScalarOrVector(args[0])
	if vec == nil || vec.T == value.Any || !funcs.IsNumericVec(vec) {
		return nil, funcs.BadArg("polynomial", "X", "a numeric scalar or vector")
	}
	xs, err := funcs.DoublesOf("polynomial", vec)
	if err != nil {
		return nil, err
	}
	out, err := funcs.Horner(funcs.ContextOf(env), coeffs, xs)
	if err != nil {
		return nil, err
	}
	funcs.Finite(out)
	if scalar {
		return value.NewDouble(out[0]), nil
	}
	return value.NewDoubles(out), nil
}
