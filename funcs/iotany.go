package funcs

import (
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/iotany"
)

// onIOTAny lets a built-in compute on an IOTANY column as DolphinDB's
// IOTDB page does (select * from pt where value = 233, sum(long(value))):
// an element-wise one runs per value type (iotany.ElementWise), an
// aggregate or other pure one sees the column's plain form. Functions
// that describe their argument (typestr, size, form) are neither and
// still see the IOTANY vector.
func onIOTAny(fn Impl, p Props) Impl {
	switch {
	case p.Has(ElementWise):
		return func(env Env, args []value.Value) (value.Value, error) {
			r, ok, err := iotany.ElementWise(args, func(a []value.Value) (value.Value, error) { return fn(env, a) })
			if ok {
				return r, err
			}
			return fn(env, args)
		}
	case p.Has(Aggregate), p.Has(Pure):
		return func(env Env, args []value.Value) (value.Value, error) {
			return fn(env, iotany.PlainArgs(args))
		}
	}
	return fn
}
