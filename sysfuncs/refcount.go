package sysfuncs

import (
	"reflect"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

func init() {
	funcs.Register(funcs.Spec{Name: "refCount", Params: []string{"varname"}, Min: 1, Max: 1, Props: funcs.Session, Category: "system", Fn: refCount})
}

// refCount counts the variables of the session and the shared objects
// that hold the same object as the variable varname: Go shares objects
// by reference, so an assignment such as db1=db is one reference more.
func refCount(env funcs.Env, args []value.Value) (value.Value, error) {
	name, ok := funcs.StringArg(args[0])
	if !ok {
		return nil, ddberr.Errorf("The argument [varname] of refCount must be a string.")
	}
	target, ok := env.Var(name)
	if !ok {
		return nil, ddberr.Errorf("The variable [%s] does not exist.", name)
	}
	n := 0
	for _, o := range env.Objects(true) {
		if sameObject(o.Value, target) {
			n++
		}
	}
	if n == 0 {
		n = 1 // a variable of the caller's frame that objs() does not list
	}
	return value.NewInt(int32(n)), nil
}

// sameObject reports whether a and b are the same object in memory.
func sameObject(a, b value.Value) bool {
	ra, rb := reflect.ValueOf(a), reflect.ValueOf(b)
	if ra.Kind() != reflect.Pointer || rb.Kind() != reflect.Pointer {
		return false
	}
	return ra.Type() == rb.Type() && ra.Pointer() == rb.Pointer()
}
