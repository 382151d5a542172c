package partfn

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/value"
)

// fake runs "def" scripts by recording them and evaluates any other
// script as what results says for it, given the bound column.
type fake struct {
	defs    []string
	vars    map[string]value.Value
	results func(script string, vars map[string]value.Value) (value.Value, error)
}

func (f *fake) Run(script string) (value.Value, error) {
	if len(script) > 3 && script[:3] == "def" {
		f.defs = append(f.defs, script)
		if script == "def bad() { return y }" {
			return nil, errors.New("Cannot recognize the token y")
		}
		return nil, nil
	}
	return f.results(script, f.vars)
}

func (f *fake) Set(name string, v value.Value) { f.vars[name] = v }

func TestCompiler(t *testing.T) {
	col := value.NewInts([]int32{1, 2, 3})
	for _, tc := range []struct {
		name    string
		results func(string, map[string]value.Value) (value.Value, error)
		want    []int32
		err     string
	}{
		{"the call's vector", func(s string, v map[string]value.Value) (value.Value, error) {
			require.Equal(t, "f(id)", s)
			in := v["id"].(*value.Vector)
			return value.NewInts([]int32{in.I32[0] * 10, in.I32[1] * 10, in.I32[2] * 10}), nil
		}, []int32{10, 20, 30}, ""},
		{"a scalar", func(string, map[string]value.Value) (value.Value, error) { return value.NewInt(1), nil },
			nil, "The partitioning function f(id) must return a vector as long as its argument."},
		{"a shorter vector", func(string, map[string]value.Value) (value.Value, error) { return value.NewInts([]int32{1}), nil },
			nil, "The partitioning function f(id) must return a vector as long as its argument."},
		{"the call's error", func(string, map[string]value.Value) (value.Value, error) { return nil, errors.New("boom") },
			nil, "boom"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := &fake{vars: map[string]value.Value{}, results: tc.results}
			// A definition that fails alone does not stop the others.
			defs := []string{"def bad() { return y }", "def f(x) { return x * 10 }"}
			fn, err := Compiler(func() Session { return s })("f(id)", "id", defs)
			require.NoError(t, err)
			require.Equal(t, defs, s.defs)
			out, err := fn(col)
			if tc.err != "" {
				require.EqualError(t, err, tc.err)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tc.want, out.I32)
		})
	}
}
