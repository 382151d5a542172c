package dataproc

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
	"github.com/porpoisedb/porpoise/value/keyidx"
)

// bulkUpdatable reports whether dictUpdate!(d, fn, keys, params) may run
// as whole vectors: fn is add, max or min, which act element by element
// on vectors as on scalars, and params (a vector as long as keys, or a
// scalar) is of d's numeric value type, so no call can fail and a new
// key's value is its parameter as it is.
func bulkUpdatable(d *value.Dict, fn value.Value, keys *value.Vector, params value.Value) bool {
	s, ok := fn.(*funcs.Spec)
	if !ok || (s.Name != "add" && s.Name != "max" && s.Name != "min") {
		return false
	}
	t := d.Vals.T
	if c := t.Category(); t.IsArray() || (c != value.CatIntegral && c != value.CatFloating) || keys.Len() == 0 {
		return false
	}
	switch p := params.(type) {
	case *value.Vector:
		return p.T == t && p.Len() == keys.Len()
	case *value.Scalar:
		return p.T == t
	}
	return false
}

// dictUpdateBulk is dictUpdate! by rounds: round r updates the keys at
// their r-th occurrence in keys, each key once, with one call of fn on
// the vectors of their current values and parameters; so a repeated key
// is updated in order, as one call per key would. With few keys a round
// it does nothing and reports false: a call per key is then cheaper.
func dictUpdateBulk(env funcs.Env, d *value.Dict, fn value.Value, keys *value.Vector, params value.Value) (bool, error) {
	kc := keys.KeyColumn()
	codes := make([]int32, keys.Len())
	distinctKeys := len(keyidx.NewIndex(len(codes)).Add(&kc, 0, len(codes), codes, nil))
	if distinctKeys == len(codes) {
		return true, updateRound(env, d, fn, keys, params, nil)
	}
	seen := make([]int32, distinctKeys)
	var rounds [][]int
	for i, c := range codes {
		r := int(seen[c])
		seen[c]++
		if r == len(rounds) {
			if len(rounds) >= maxRounds(len(codes)) {
				return false, nil
			}
			rounds = append(rounds, nil)
		}
		rounds[r] = append(rounds[r], i)
	}
	for _, at := range rounds {
		if err := updateRound(env, d, fn, keys, params, at); err != nil {
			return true, err
		}
	}
	return true, nil
}

// maxRounds is the most rounds worth their calls for n keys: 8 keys a
// round on average.
func maxRounds(n int) int { return max(1, n/8) }

// updateRound updates d at the distinct keys at (all of keys when nil):
// fn(current value, parameter) where the key is held, else the parameter.
func updateRound(env funcs.Env, d *value.Dict, fn value.Value, keys *value.Vector, params value.Value, at []int) error {
	p, _ := params.(*value.Vector)
	if at != nil {
		keys = keys.Gather(at)
		if p != nil {
			p = p.Gather(at)
		}
	}
	held := d.LookupAll(keys)
	var cur, pos []int // held keys' entries and positions in keys
	for i, e := range held {
		if e >= 0 {
			cur, pos = append(cur, int(e)), append(pos, i)
		}
	}
	vals := p
	if p == nil {
		vals = params.(*value.Scalar).Vector().Gather(make([]int, keys.Len()))
	}
	if len(cur) > 0 {
		arg := params
		if p != nil {
			arg = p.Gather(pos)
		}
		got, err := env.Call(fn, d.Vals.Gather(cur), arg)
		if err != nil {
			return err
		}
		nv, ok := got.(*value.Vector)
		if !ok || nv.Len() != len(cur) {
			return ddberr.Errorf("The function of dictUpdate! must return a scalar for this dictionary.")
		}
		if nv.T != d.Vals.T {
			if nv, err = cast.Vector(nv, d.Vals.T, d.Vals.Scale); err != nil {
				return err
			}
		}
		if len(pos) == keys.Len() {
			vals = nv
		} else {
			vals = vals.Clone()
			for j, i := range pos {
				vals.SetFrom(i, nv, j)
			}
		}
	}
	d.PutAll(keys, vals)
	return nil
}
