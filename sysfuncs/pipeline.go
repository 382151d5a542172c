package sysfuncs

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

func init() {
	funcs.Register(funcs.Spec{Name: "pipeline", Params: []string{"initTasks", "followers", "queueDepth"}, Min: 2, Max: 3, Category: "system", Fn: pipeline})
}

// pipeline runs each task's first step (a function of no arguments) and
// passes its result through the followers (unary functions) in order.
// DolphinDB overlaps the steps of consecutive tasks on separate threads;
// the interpreter that calls back into script is one goroutine's, so
// Porpoise runs task by task, which meets the same ordering rule (step k
// of task i after step k-1 of task i and step k of task i-1). When the
// last step returns values, the result is the tuple of them.
func pipeline(env funcs.Env, args []value.Value) (value.Value, error) {
	tasks, ok := functionList(args[0], 0)
	if !ok {
		return nil, ddberr.Errorf("The argument [initTasks] of pipeline must be a tuple of functions without arguments.")
	}
	followers, ok := functionList(args[1], 1)
	if !ok || len(followers) == 0 {
		return nil, ddberr.Errorf("The argument [followers] of pipeline must be a unary function or a tuple of unary functions.")
	}
	depth, err := funcs.IntArg("pipeline", "queueDepth", funcs.Arg(args, 2), 2)
	if err != nil {
		return nil, err
	}
	if depth <= 0 {
		return nil, ddberr.Errorf("The argument [queueDepth] of pipeline must be a positive integer.")
	}
	out := make([]value.Value, 0, len(tasks))
	any := false
	for _, t := range tasks {
		if err := env.Context().Err(); err != nil {
			return nil, err
		}
		v, err := env.Call(t)
		if err != nil {
			return nil, err
		}
		for _, f := range followers {
			if v == nil {
				v = value.NullScalar(value.Void)
			}
			if v, err = env.Call(f, v); err != nil {
				return nil, err
			}
		}
		if v != nil {
			any = true
		} else {
			v = value.NullScalar(value.Void)
		}
		out = append(out, v)
	}
	if !any {
		return nil, nil
	}
	return value.NewTuple(out), nil
}

// functionList is a function or a tuple of functions.
func functionList(x value.Value, _ int) ([]value.Value, bool) {
	if funcs.IsFunction(x) {
		return []value.Value{x}, true
	}
	v, ok := x.(*value.Vector)
	if !ok || v.T != value.Any {
		return nil, false
	}
	for _, f := range v.Any {
		if !funcs.IsFunction(f) {
			return nil, false
		}
	}
	return v.Any, true
}
