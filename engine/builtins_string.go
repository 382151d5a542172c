package engine

import (
	"errors"
	"strings"

	"github.com/porpoisedb/porpoise/value"
)

func init() {
	reg("strlen", p("X"), 1, 1, func(_ *interp, args []value.Value, _ []string) (value.Value, error) {
		return mapString(args[0], value.Int, func(s string) value.Value { return value.NewInt(int32(len(s))) })
	})
	reg("upper", p("X"), 1, 1, func(_ *interp, args []value.Value, _ []string) (value.Value, error) {
		return mapString(args[0], value.String, func(s string) value.Value { return value.NewString(strings.ToUpper(s)) })
	})
	reg("lower", p("X"), 1, 1, func(_ *interp, args []value.Value, _ []string) (value.Value, error) {
		return mapString(args[0], value.String, func(s string) value.Value { return value.NewString(strings.ToLower(s)) })
	})
	reg("trim", p("X"), 1, 1, func(_ *interp, args []value.Value, _ []string) (value.Value, error) {
		return mapString(args[0], value.String, func(s string) value.Value { return value.NewString(strings.TrimSpace(s)) })
	})
	reg("substr", p("str", "offset", "length"), 2, 3, func(_ *interp, args []value.Value, _ []string) (value.Value, error) {
		off, err := intArg(args[1], "substr")
		if err != nil {
			return nil, err
		}
		length := int64(-1)
		if len(args) > 2 {
			if length, err = intArg(args[2], "substr"); err != nil {
				return nil, err
			}
		}
		return mapString(args[0], value.String, func(s string) value.Value {
			lo := min(max(int(off), 0), len(s))
			hi := len(s)
			if length >= 0 {
				hi = min(lo+int(length), len(s))
			}
			return value.NewString(s[lo:hi])
		})
	})
	reg("left", p("X", "n"), 2, 2, func(_ *interp, args []value.Value, _ []string) (value.Value, error) {
		n, err := intArg(args[1], "left")
		if err != nil {
			return nil, err
		}
		return mapString(args[0], value.String, func(s string) value.Value { return value.NewString(s[:min(int(n), len(s))]) })
	})
	reg("startsWith", p("X", "str"), 2, 2, func(_ *interp, args []value.Value, _ []string) (value.Value, error) {
		pre, ok := stringArg(args[1])
		if !ok {
			return nil, errors.New("The prefix must be a string.")
		}
		return mapString(args[0], value.Bool, func(s string) value.Value { return value.NewBool(strings.HasPrefix(s, pre)) })
	})
	reg("strReplace", p("str", "pattern", "replacement"), 3, 3, func(_ *interp, args []value.Value, _ []string) (value.Value, error) {
		pat, ok1 := stringArg(args[1])
		rep, ok2 := stringArg(args[2])
		if !ok1 || !ok2 {
			return nil, errors.New("The pattern and replacement must be strings.")
		}
		return mapString(args[0], value.String, func(s string) value.Value { return value.NewString(strings.ReplaceAll(s, pat, rep)) })
	})
	reg("split", p("str", "delimiter"), 1, 2, func(_ *interp, args []value.Value, _ []string) (value.Value, error) {
		s, ok := stringArg(args[0])
		if !ok {
			return nil, errors.New("The argument of split must be a string scalar.")
		}
		sep := ","
		if len(args) > 1 {
			sep, _ = stringArg(args[1])
		}
		return value.NewStrings(value.String, strings.Split(s, sep)), nil
	})
}

// mapString applies f to each string of a STRING/SYMBOL scalar or vector.
func mapString(x value.Value, rt value.Type, f func(string) value.Value) (value.Value, error) {
	switch v := x.(type) {
	case *value.Scalar:
		if v.T.Category() != value.CatLiteral {
			return nil, errors.New("The argument must be a string.")
		}
		return f(v.S), nil
	case *value.Vector:
		if v.T.Category() != value.CatLiteral {
			return nil, errors.New("The argument must be a string.")
		}
		out := value.NewVector(rt, 0, v.Len())
		for _, s := range v.Str {
			out.AppendScalar(f(s).(*value.Scalar))
		}
		return out, nil
	}
	return nil, errors.New("The argument must be a string.")
}
