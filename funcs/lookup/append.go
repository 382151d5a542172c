package lookup

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/higherorder"
	"github.com/porpoisedb/porpoise/value"
)

func xappendTuple(env funcs.Env, args []value.Value) (value.Value, error) {
	x, ok1 := args[0].(*value.Vector)
	y, ok2 := args[1].(*value.Vector)
	if !ok1 || !ok2 || x.T != value.Any || y.T != value.Any {
		return nil, ddberr.Errorf("The arguments X and Y of appendTuple! must be tuples.")
	}
	whole, err := funcs.BoolArg("appendTuple!", "wholistic", funcs.Arg(args, 2), false)
	if err != nil {
		return nil, err
	}
	if whole {
		x.Any = append(x.Any, value.NewTuple(append([]value.Value(nil), y.Any...)))
	} else {
		x.Any = append(x.Any, y.Any...)
	}
	return x, nil
}

// memberModify calls a mutating function on members of a tuple or an ANY
// dictionary: obj[index] for each index (a vector of indices modifies
// several members, each with its own parameter).
func xmemberModify(env funcs.Env, args []value.Value) (value.Value, error) {
	fn, err := higherorder.FnArg("memberModify!", args[1])
	if err != nil {
		return nil, err
	}
	idx := args[2]
	params := args[3]
	member := func(k value.Value) (value.Value, error) { return funcs.Index(env, args[0], k) }
	if iv, ok := idx.(*value.Vector); ok && iv.T != value.Any {
		ps := funcs.SeqOf(params)
		for i := 0; i < iv.Len(); i++ {
			m, err := member(iv.Elem(i))
			if err != nil {
				return nil, err
			}
			p := ps.At(i)
			if ps.Scalar {
				p = params
			}
			if _, err := env.Call(fn, m, p); err != nil {
				return nil, err
			}
		}
		return args[0], nil
	}
	m, err := member(idx)
	if err != nil {
		return nil, err
	}
	if _, err := env.Call(fn, m, params); err != nil {
		return nil, err
	}
	return args[0], nil
}
