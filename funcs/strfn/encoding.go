package strfn

import (
	"strings"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// Character-set conversions (convertEncode, toUTF8, fromUTF8).

// charset resolves an encoding name; names are lower case, as DolphinDB
// requires.
func charset(fn, name string) (encoding.Encoding, error) {
	if name != strings.ToLower(name) {
		return nil, ddberr.Errorf("The encoding name of %s must be lower case: %s", fn, name)
	}
	if alias, ok := charsetAliases[name]; ok {
		name = alias
	}
	e, err := htmlindex.Get(name)
	if err != nil {
		return nil, ddberr.Errorf("Unsupported encoding %s", name)
	}
	return e, nil
}

// charsetAliases are iconv names the WHATWG index lacks.
var charsetAliases = map[string]string{"euc-cn": "gb2312", "cp936": "gbk", "utf8": "utf-8"}

// recode converts each string from the src to the dst character set.
func recode(fn string, x value.Value, src, dst string) (value.Value, error) {
	from, err := charset(fn, src)
	if err != nil {
		return nil, err
	}
	to, err := charset(fn, dst)
	if err != nil {
		return nil, err
	}
	dec, enc := from.NewDecoder(), to.NewEncoder()
	var failed error
	r, err := funcs.MapStringsKeep(fn, x, func(s string) string {
		if s == "" || failed != nil {
			return s
		}
		u, err := dec.String(s)
		if err == nil {
			u, err = enc.String(u)
		}
		if err != nil {
			failed = ddberr.Errorf("Failed to convert the string from %s to %s.", src, dst)
		}
		return u
	})
	if failed != nil {
		return nil, failed
	}
	return r, err
}

func convertEncodeFn(_ funcs.Env, args []value.Value) (value.Value, error) {
	r := funcs.ReadArgs("convertEncode", args)
	src := r.StrScalar("srcEncode", args[1])
	dst := r.StrScalar("destEncode", args[2])
	if err := r.Err(); err != nil {
		return nil, err
	}
	return recode("convertEncode", args[0], src, dst)
}

func toUTF8Fn(_ funcs.Env, args []value.Value) (value.Value, error) {
	src, err := funcs.StrScalarArg("toUTF8", "encode", args[1])
	if err != nil {
		return nil, err
	}
	return recode("toUTF8", args[0], src, "utf-8")
}

func fromUTF8Fn(_ funcs.Env, args []value.Value) (value.Value, error) {
	dst, err := funcs.StrScalarArg("fromUTF8", "encode", args[1])
	if err != nil {
		return nil, err
	}
	return recode("fromUTF8", args[0], "utf-8", dst)
}
