package convert

import (
	"fmt"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// syncDict builds a dictionary as dict does and, given sharedName, shares
// it. Porpoise's dictionaries already serialize concurrent access (a
// shared object is locked by the engine), so a synchronized dictionary is
// an ordinary one.
func syncDict(env funcs.Env, args []value.Value) (value.Value, error) {
	call := func(name string, a ...value.Value) (value.Value, error) {
		fn, ok := env.Function(name)
		if !ok {
			return nil, fmt.Errorf("syncDict: %s is not available", name)
		}
		return env.Call(fn, a...)
	}
	dargs := []value.Value{args[0], args[1]}
	if o := funcs.Arg(args, 3); o != nil {
		dargs = append(dargs, o)
	}
	d, err := call("dict", dargs...)
	if err != nil {
		return nil, err
	}
	if name := funcs.Arg(args, 2); name != nil {
		if s, ok := name.(*value.Scalar); !ok || !s.Null {
			n, ok := funcs.StringArg(name)
			if !ok || n == "" {
				return nil, ddberr.Errorf("The argument [sharedName] of syncDict must be a string.")
			}
			if _, err := call("share", d, name); err != nil {
				return nil, err
			}
		}
	}
	return d, nil
}
