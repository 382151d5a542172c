package strfn

import (
	"regexp"
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// Regular-expression string functions: the pattern is compiled once per
// call and every string is searched from offset.

// regexArgs compiles the pattern and reads the optional offset.
func regexArgs(fn string, pattern, offset value.Value) (*regexp.Regexp, int, error) {
	p, err := funcs.StrScalarArg(fn, "pattern", pattern)
	if err != nil {
		return nil, 0, err
	}
	re, err := regexp.Compile(wordAnchors.Replace(p))
	if err != nil {
		return nil, 0, ddberr.Errorf("Invalid regular expression: %s", p)
	}
	// DolphinDB on Linux matches POSIX extended expressions, whose match
	// is the leftmost longest (progr/objs/expr.md)
	re.Longest()
	off, err := offsetArg(fn, offset)
	return re, off, err
}

// wordAnchors rewrites POSIX's word start and end anchors \< and \>
// (progr/objs/expr.md: "\\<a" finds the a of "an" in "eat an apple"),
// which Go's syntax lacks, as the word boundary \b: beside the word
// character a pattern puts after \< or before \>, a boundary is that
// word's start or end. An escaped backslash (\\<) is kept as it is.
var wordAnchors = strings.NewReplacer(`\\`, `\\`, `\<`, `\b`, `\>`, `\b`)

// regexFindStr returns the first (or every) non-empty match of each
// string: a scalar for a scalar with onlyFirst, a vector of matches for a
// scalar without, and a tuple of such vectors for a vector without.
func regexFindStr(_ funcs.Env, args []value.Value) (value.Value, error) {
	re, off, err := regexArgs("regexFindStr", args[1], funcs.Arg(args, 3))
	if err != nil {
		return nil, err
	}
	onlyFirst, err := funcs.BoolArg("regexFindStr", "onlyFirst", funcs.Arg(args, 2), true)
	if err != nil {
		return nil, err
	}
	in, err := funcs.StringInput("regexFindStr", args[0])
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
		return funcs.MapStrings("regexFindStr", args[0], func(s string) string {
			if m := matches(s); len(m) > 0 {
				return m[0]
			}
			return ""
		})
	}
	if in.Scalar {
		return value.NewStrings(value.String, nonNil(matches(in.S[0]))), nil
	}
	out := make([]value.Value, len(in.S))
	for i, s := range in.S {
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

func regexFindFn(_ funcs.Env, args []value.Value) (value.Value, error) {
	re, off, err := regexArgs("regexFind", args[1], funcs.Arg(args, 2))
	if err != nil {
		return nil, err
	}
	return funcs.MapStringInts("regexFind", args[0], func(s string) int32 {
		if off > len(s) {
			return -1
		}
		loc := re.FindStringIndex(s[off:])
		if loc == nil {
			return -1
		}
		return int32(loc[0] + off)
	})
}

func regexCountFn(_ funcs.Env, args []value.Value) (value.Value, error) {
	re, off, err := regexArgs("regexCount", args[1], funcs.Arg(args, 2))
	if err != nil {
		return nil, err
	}
	return funcs.MapStringInts("regexCount", args[0], func(s string) int32 {
		if off > len(s) {
			return 0
		}
		return int32(len(re.FindAllStringIndex(s[off:], -1)))
	})
}

func regexReplaceFn(_ funcs.Env, args []value.Value) (value.Value, error) {
	re, off, err := regexArgs("regexReplace", args[1], funcs.Arg(args, 3))
	if err != nil {
		return nil, err
	}
	rep, err := funcs.StrScalarArg("regexReplace", "replacement", args[2])
	if err != nil {
		return nil, err
	}
	return funcs.MapStrings("regexReplace", args[0], func(s string) string {
		if off > len(s) {
			return s
		}
		return s[:off] + re.ReplaceAllLiteralString(s[off:], rep)
	})
}
