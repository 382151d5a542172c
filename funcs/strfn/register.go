package strfn

import (
	"encoding/base64"
	"strings"
	"unicode/utf8"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// init registers the whole family, one section per topic file (where the
// implementations live), in file order so an alias follows its target.
func init() {
	// base64.go.
	funcs.Register(
		funcs.Spec{Name: "base64Encode", Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.ElementWise | funcs.Pure, Category: "encoding",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) {
				return funcs.MapStrings("base64Encode", args[0], func(s string) string {
					return base64.StdEncoding.EncodeToString([]byte(s))
				})
			}},
		funcs.Spec{Name: "base64Decode", Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.ElementWise | funcs.Pure, Category: "encoding", Fn: base64Decode},
	)

	// encoding.go.
	funcs.Register(
		funcs.Spec{Name: "convertEncode", Params: []string{"str", "srcEncode", "destEncode"}, Min: 3, Max: 3, Props: funcs.ElementWise | funcs.Pure, Category: "string", Fn: convertEncodeFn},
		funcs.Spec{Name: "toUTF8", Params: []string{"str", "encode"}, Min: 2, Max: 2, Props: funcs.ElementWise | funcs.Pure, Category: "string", Fn: toUTF8Fn},
		funcs.Spec{Name: "fromUTF8", Params: []string{"str", "encode"}, Min: 2, Max: 2, Props: funcs.ElementWise | funcs.Pure, Category: "string", Fn: fromUTF8Fn},
	)

	// gmd5.go.
	funcs.Register(
		funcs.Spec{Name: "gmd5", Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.Pure, Category: "string", Fn: gmd5},
		funcs.Spec{Name: "rowGmd5", Params: []string{"args"}, Min: 1, Max: -1, Props: funcs.Pure, Category: "row-wise", Fn: rowGmd5},
	)

	// onehot.go.
	funcs.Register(funcs.Spec{Name: "oneHot", Params: []string{"obj", "encodingColumns"}, Min: 2, Max: 2,
		Props: funcs.Pure, Category: "encoding", Fn: oneHot})

	// rdp.go.
	funcs.Register(funcs.Spec{Name: "rdp", Params: []string{"pointList", "epsilon"}, Min: 2, Max: 2,
		Props: funcs.Pure, Category: "encoding", Fn: rdp})

	// regex.go.
	funcs.Register(
		funcs.Spec{Name: "regexFind", Params: []string{"str", "pattern", "offset"}, Min: 2, Max: 3, Props: funcs.ElementWise | funcs.Pure, Category: "string", Fn: regexFindFn},
		funcs.Spec{Name: "regexCount", Params: []string{"str", "pattern", "offset"}, Min: 2, Max: 3, Props: funcs.ElementWise | funcs.Pure, Category: "string", Fn: regexCountFn},
		funcs.Spec{Name: "regexReplace", Params: []string{"str", "pattern", "replacement", "offset"}, Min: 3, Max: 4, Props: funcs.ElementWise | funcs.Pure, Category: "string", Fn: regexReplaceFn},
		funcs.Spec{Name: "regexFindStr", Params: []string{"str", "pattern", "onlyFirst", "offset"}, Min: 2, Max: 4, Props: funcs.ElementWise | funcs.Pure, Category: "string", Fn: regexFindStr},
	)

	// string.go.
	unary := func(name string, f func(string) string) funcs.Spec {
		return funcs.Spec{Name: name, Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.ElementWise | funcs.Pure, Category: "string",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) { return funcs.MapStrings(name, args[0], f) }}
	}
	predicate := func(name string, f func(string) bool) funcs.Spec {
		return funcs.Spec{Name: name, Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.ElementWise | funcs.Pure, Category: "string",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) {
				return funcs.MapStringBools(name, args[0], f)
			}}
	}
	funcs.Register(
		funcs.Spec{Name: "strlen", Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.ElementWise | funcs.Pure, Category: "string",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) {
				return funcs.MapStringInts("strlen", args[0], func(s string) int32 { return int32(len(s)) })
			}},
		funcs.Spec{Name: "strlenu", Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.ElementWise | funcs.Pure, Category: "string",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) {
				return funcs.MapStringInts("strlenu", args[0], func(s string) int32 { return int32(utf8.RuneCountInString(s)) })
			}},
		unary("upper", strings.ToUpper),
		unary("lower", strings.ToLower),
		// trim, ltrim and rtrim remove blanks only; strip also removes
		// tabs and line breaks (manual pages of each).
		unary("trim", func(s string) string { return strings.Trim(s, " ") }),
		unary("ltrim", func(s string) string { return strings.TrimLeft(s, " ") }),
		unary("rtrim", func(s string) string { return strings.TrimRight(s, " ") }),
		unary("strip", func(s string) string { return strings.Trim(s, " \t\n\r") }),
		funcs.Spec{Name: "initcap", Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.ElementWise | funcs.Pure, Category: "string",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) {
				return funcs.MapStringsKeep("initcap", args[0], initcap)
			}},
		predicate("isAlNum", allBytes(func(c byte) bool { return isASCIILetter(c) || isASCIIDigit(c) })),
		predicate("isAlpha", allBytes(isASCIILetter)),
		predicate("isDigit", allBytes(isASCIIDigit)),
		predicate("isNumeric", allBytes(isASCIIDigit)),
		predicate("isSpace", allBytes(func(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f' })),
		predicate("isLower", func(s string) bool { return casedAll(s, isASCIILower) }),
		predicate("isUpper", func(s string) bool { return casedAll(s, isASCIIUpper) }),
		predicate("isTitle", isTitle),
		funcs.Spec{Name: "substr", Params: []string{"X", "offset", "length"}, Min: 2, Max: 3, Props: funcs.ElementWise | funcs.Pure, Category: "string", Fn: substr("substr", false)},
		funcs.Spec{Name: "substru", Params: []string{"X", "offset", "length"}, Min: 2, Max: 3, Props: funcs.ElementWise | funcs.Pure, Category: "string", Fn: substr("substru", true)},
		funcs.Spec{Name: "left", Params: []string{"X", "n"}, Min: 2, Max: 2, Props: funcs.ElementWise | funcs.Pure, Category: "string", Fn: leftFn},
		funcs.Spec{Name: "right", Params: []string{"X", "n"}, Min: 2, Max: 2, Props: funcs.ElementWise | funcs.Pure, Category: "string", Fn: rightFn},
		funcs.Spec{Name: "lpad", Params: []string{"str", "length", "pattern"}, Min: 2, Max: 3, Props: funcs.ElementWise | funcs.Pure, Category: "string", Fn: pad("lpad", true)},
		funcs.Spec{Name: "rpad", Params: []string{"str", "length", "pattern"}, Min: 2, Max: 3, Props: funcs.ElementWise | funcs.Pure, Category: "string", Fn: pad("rpad", false)},
		funcs.Spec{Name: "repeat", Params: []string{"X", "n"}, Min: 2, Max: 2, Props: funcs.ElementWise | funcs.Pure, Category: "string", Fn: repeatFn},
		funcs.Spec{Name: "startsWith", Params: []string{"X", "str"}, Min: 2, Max: 2, Props: funcs.ElementWise | funcs.Pure, Category: "string", Fn: startsWithFn},
		funcs.Spec{Name: "endsWith", Params: []string{"X", "str"}, Min: 2, Max: 2, Props: funcs.ElementWise | funcs.Pure, Category: "string", Fn: endsWithFn},
		funcs.Spec{Name: "strpos", Params: []string{"X", "str"}, Min: 2, Max: 2, Props: funcs.ElementWise | funcs.Pure, Category: "string", Fn: strposFn},
		funcs.Spec{Name: "strReplace", Params: []string{"str", "pattern", "replacement"}, Min: 3, Max: 3, Props: funcs.ElementWise | funcs.Pure, Category: "string", Fn: strReplaceFn},
		funcs.Spec{Name: "charAt", Params: []string{"X", "Y"}, Min: 2, Max: 2, Props: funcs.ElementWise | funcs.Pure, Category: "string", Fn: charAt},
		funcs.Spec{Name: "like", Params: []string{"X", "pattern"}, Min: 2, Max: 2, Props: funcs.ElementWise | funcs.Pure, Category: "string",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) { return like("like", args, false) }},
		funcs.Spec{Name: "ilike", Params: []string{"X", "pattern"}, Min: 2, Max: 2, Props: funcs.ElementWise | funcs.Pure, Category: "string",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) { return like("ilike", args, true) }},
		funcs.Spec{Name: "split", Params: []string{"str", "delimiter"}, Min: 1, Max: 2, Props: funcs.Pure, Category: "string", Fn: split},
		funcs.Spec{Name: "toCharArray", Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.Pure, Category: "string", Fn: toCharArray},
		funcs.Spec{Name: "md5", Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.ElementWise | funcs.Pure, Category: "string", Fn: md5Of},
		funcs.Spec{Name: "crc32", Params: []string{"str", "cksum"}, Min: 1, Max: 2, Props: funcs.ElementWise | funcs.Pure, Category: "string", Fn: crc32Of},
	)
	funcs.Alias("strFind", "strpos")
	funcs.Register(funcs.Spec{Name: "notLike", Params: []string{"X", "pattern"}, Min: 2, Max: 2, Props: funcs.ElementWise | funcs.Pure, Category: "string", Fn: notLikeFn})

	funcs.Register(funcs.Spec{Name: "concat", Params: []string{"X", "Y"}, Min: 1, Max: 2, Props: funcs.Pure, Category: "string", Fn: concatFn})

	// stringformat.go.
	funcs.Register(funcs.Spec{Name: "stringFormat", Params: []string{"format", "args"}, Min: 1, Max: -1, Props: funcs.Pure, Category: "string", Fn: stringFormat})
}
