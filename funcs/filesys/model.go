package filesys

import (
	"os"
	"syscall"

	"github.com/porpoisedb/porpoise/atomicfile"
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/wire"
)

// saveModel and loadModel keep a model dictionary in a file as one object
// in writeObject's serialization. A model holds its predict function, a
// value the serializer cannot write; DolphinDB serializes a built-in
// function as a FUNCTIONDEF scalar of kind 0 (a system function) naming
// it, so a model file does the same, and loadModel puts the function back
// by its name. The file alone is the model: a new server process loads it
// and predicts.

// maxModelDepth bounds the walk over a model's nested dictionaries and
// tuples as the serializer bounds its nesting.
const maxModelDepth = wire.DefaultMaxDepth

// saveModel writes model to location (funcs/s/saveModel.md), replacing
// the file whole so a crash leaves the old model or the new one.
func saveModel(env funcs.Env, args []value.Value) (value.Value, error) {
	d, ok := args[0].(*value.Dict)
	if !ok {
		return nil, funcs.BadArg("saveModel", "model", "a dictionary")
	}
	path, name, err := pathArg(env, "saveModel", "location", args[1])
	if err != nil {
		return nil, err
	}
	v, err := mapFunctions(d, 0, functionName)
	if err != nil {
		return nil, err
	}
	b, err := wire.Marshal(v, nil)
	if err != nil {
		return nil, err
	}
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return nil, OpenError(name, syscall.EISDIR)
	}
	if err := atomicfile.Write(path, b, 0o644); err != nil {
		return nil, OpenError(name, err)
	}
	return value.NewBool(true), nil
}

// loadModel reads the model saveModel wrote to file
// (funcs/l/loadModel.md).
func loadModel(env funcs.Env, args []value.Value) (value.Value, error) {
	path, name, err := pathArg(env, "loadModel", "file", args[0])
	if err != nil {
		return nil, err
	}
	st, err := os.Stat(path)
	if err != nil {
		return nil, OpenError(name, err)
	}
	// no element is smaller than a byte
	if err := env.Reserve(int(st.Size())); err != nil {
		return nil, err
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, OpenError(name, err)
	}
	v, n, err := wire.DecodeBytes(b)
	d, ok := v.(*value.Dict)
	if err != nil || n != len(b) || !ok {
		return nil, ddberr.Errorf("The file [%s] doesn't hold a model saved by saveModel.", name)
	}
	return mapFunctions(d, 0, func(f value.Value) (value.Value, error) {
		s, ok := f.(*value.Scalar)
		if !ok {
			return f, nil
		}
		// kind 0 is a system function; any other kind (a user-defined
		// function's text, a partial application) has no built-in to be
		if spec, ok := funcs.ModelFunction(s.S); ok && s.I == 0 {
			return spec, nil
		}
		return nil, ddberr.Errorf("The model in file [%s] holds the function [%s], which this server doesn't have.", name, s.S)
	})
}

// functionName is a built-in function as the FUNCTIONDEF scalar that
// names it; saveModel refuses any other function, handle or metacode,
// which no name can bring back.
func functionName(f value.Value) (value.Value, error) {
	if s, ok := f.(*funcs.Spec); ok {
		return &value.Scalar{T: value.FunctionDef, S: s.Name}, nil
	}
	return nil, ddberr.Errorf("saveModel can't save [%s]: a model may hold data and built-in functions only.", f.String())
}

// mapFunctions is v with each function, handle or metacode in it, at any
// depth of dictionaries and tuples, replaced by what f makes of it. v is
// not changed: what holds a replaced value is copied.
func mapFunctions(v value.Value, depth int, f func(value.Value) (value.Value, error)) (value.Value, error) {
	if depth > maxModelDepth {
		return v, nil
	}
	switch x := v.(type) {
	case *value.Dict:
		vals, err := mapFunctions(x.Vals, depth+1, f)
		if err != nil || vals == value.Value(x.Vals) {
			return x, err
		}
		d := funcs.DictOf(x.Keys, vals.(*value.Vector))
		d.Ordered = x.Ordered
		return d, nil
	case *value.Vector:
		if x.T != value.Any {
			return x, nil
		}
		var out []value.Value
		for i, e := range x.Any {
			m, err := mapFunctions(e, depth+1, f)
			if err != nil {
				return nil, err
			}
			if m != e && out == nil {
				out = append(make([]value.Value, 0, len(x.Any)), x.Any[:i]...)
			}
			if out != nil {
				out = append(out, m)
			}
		}
		if out == nil {
			return x, nil
		}
		return value.NewTuple(out), nil
	case nil:
		return v, nil
	}
	switch v.Type() {
	case value.FunctionDef, value.Handle, value.Code:
		if v.Form() == value.FormScalar {
			return f(v)
		}
	}
	return v, nil
}
