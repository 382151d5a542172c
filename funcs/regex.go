package funcs

import (
	"fmt"
	"regexp"

	"github.com/porpoisedb/porpoise/value"
)

// Regular-expression string functions: the pattern is compiled once per
// call and every string is searched from offset.
func init() {
	Register(
		Spec{Name: "regexFind", Params: []string{"str", "pattern", "offset"}, Min: 2, Max: 3, Props: ElementWise | Pure, Category: "string",
			Fn: func(_ Env, args []value.Value) (value.Value, error) {
				re, off, err := regexArgs("regexFind", args[1], Arg(args, 2))
				if err != nil {
					return nil, err
				}
				return mapStringInts("regexFind", args[0], func(s string) int32 {
					if off > len(s) {
						return -1
					}
					loc := re.FindStringIndex(s[off:])
					if loc == nil {
						return -1
					}
					return int32(loc[0] + off)
				})
			}},
		Spec{Name: "regexCount", Params: []string{"str", "pattern", "offset"}, Min: 2, Max: 3, Props: ElementWise | Pure, Category: "string",
			Fn: func(_ Env, args []value.Value) (value.Value, error) {
				re, off, err := regexArgs("regexCount", args[1], Arg(args, 2))
				if err != nil {
					return nil, err
				}
				return mapStringInts("regexCount", args[0], func(s string) int32 {
					if off > len(s) {
						return 0
					}
					return int32(len(re.FindAllStringIndex(s[off:], -1)))
				})
			}},
		Spec{Name: "regexReplace", Params: []string{"str", "pattern", "replacement", "offset"}, Min: 3, Max: 4, Props: ElementWise | Pure, Category: "string",
			Fn: func(_ Env, args []value.Value) (value.Value, error) {
				re, off, err := regexArgs("regexReplace", args[1], Arg(args, 3))
				if err != nil {
					return nil, err
				}
				rep, err := strScalarArg("regexReplace", "replacement", args[2])
				if err != nil {
					return nil, err
				}
				return mapStrings("regexReplace", args[0], func(s string) string {
					if off > len(s) {
						return s
					}
					return s[:off] + re.ReplaceAllLiteralString(s[off:], rep)
				})
			}},
		Spec{Name: "regexFindStr", Params: []string{"str", "pattern", "onlyFirst", "offset"}, Min: 2, Max: 4, Props: ElementWise | Pure, Category: "string", Fn: regexFindStr},
	)
}

// regexArgs compiles the pattern and reads the optional offset.
func regexArgs(fn string, pattern, offset value.Value) (*regexp.Regexp, int, error) {
	p, err := strScalarArg(fn, "pattern", pattern)
	if err != nil {
		return nil, 0, err
	}
	re, err := regexp.Compile(p)
	if err != nil {
		return nil, 0, fmt.Errorf("Invalid regular expression: %s", p)
	}
	off, err := offsetArg(fn, offset)
	return re, off, err
}

// regexFindStr returns the first (or every) non-empty match of each
// string: a scalar for a scalar with onlyFirst, a vector of matches for a
// scalar without, and a tuple of such vectors for a vector without.
func regexFindStr(_ Env, args []value.Value) (value.Value, error) {
	re, off, err := regexArgs("regexFindStr", args[1], Arg(args, 3))
	if err != nil {
		return nil, err
	}
	onlyFirst, err := BoolArg("regexFindStr", "onlyFirst", Arg(args, 2), true)
	if err != nil {
		return nil, err
	}
	in, err := stringInput("regexFindStr", args[0])
	if err != nil {
		return nil, err
	}
	matches := func(s string) []string {
		if off > len(s) {
			return nil
		}
		var out []string
		for _, m := range re.FindAllString(s[off:], -1) {
			if m == "" {
				continue
			}
			out = append(out, m)
			if onlyFirst {
				break
			}
		}
		return out
	}
	if onlyFirst {
		return mapStrings("regexFindStr", args[0], func(s string) string {
			if m := matches(s); len(m) > 0 {
				return m[0]
			}
			return ""
		})
	}
	if in.scalar {
		return value.NewStrings(value.String, nonNil(matches(in.s[0]))), nil
	}
	out := make([]value.Value, len(in.s))
	for i, s := range in.s {
		out[i] = value.NewStrings(value.String, nonNil(matches(s)))
	}
	return value.NewTuple(out), nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
