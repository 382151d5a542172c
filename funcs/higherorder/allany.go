package higherorder

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// AllAny is the higher-order all(func, args...) (any(func, args...) when
// all is false): func over the args' items as each takes them (a vector's
// elements, a matrix's columns, a table's rows), stopping at the first
// false (true) result (funcs/ho_funcs/all.md, any.md).
func AllAny(env funcs.Env, name string, args []value.Value, all bool) (value.Value, error) {
	fn, seqs, n, err := eachItems(name, args)
	if err != nil {
		return nil, err
	}
	call := make([]value.Value, len(seqs))
	for i := 0; i < n; i++ {
		for k, s := range seqs {
			call[k] = s.At(i)
		}
		r, err := env.Call(fn, call...)
		if err != nil {
			return nil, err
		}
		s, ok := funcs.ScalarArg(r)
		if !ok {
			return nil, ddberr.Errorf("The function of %s must return a boolean scalar.", name)
		}
		b, err := cast.To(s, value.Bool, 0)
		if err != nil {
			return nil, err
		}
		if truth := b.(*value.Scalar).I != 0 && !b.(*value.Scalar).Null; truth != all {
			return value.NewBool(truth), nil
		}
	}
	return value.NewBool(all), nil
}
