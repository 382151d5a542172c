package sqldialect

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf16"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// mapTexts applies f to the texts of the lined-up arguments, row by row,
// and returns a STRING result; a row with a NULL in a position of
// nullIn is NULL without calling f.
func mapTexts(fn string, params []string, args []value.Value, nullIn []int, f func(row []string) string) (value.Value, error) {
	l, err := lineUp(fn, params, args)
	if err != nil {
		return nil, err
	}
	cols := make([][]string, len(l.cols))
	for i, c := range l.cols {
		cols[i] = texts(c)
	}
	out := make([]string, l.n)
	row := make([]string, len(cols))
	for i := range out {
		null := false
		for j, c := range cols {
			row[j] = c[i]
		}
		for _, j := range nullIn {
			null = null || row[j] == ""
		}
		if !null {
			out[i] = f(row)
		}
	}
	return l.wrap(stringsOf(out)), nil
}

// xasciistr is ASCIISTR: the text in ASCII, every other character (and
// the backslash) as \ and its UTF-16 code units in hex.
func xasciistr(_ funcs.Env, args []value.Value) (value.Value, error) {
	return mapTexts("asciistr", []string{"char"}, args, []int{0}, func(row []string) string {
		var b strings.Builder
		for _, r := range row[0] {
			if r < 0x80 && r != '\\' {
				b.WriteRune(r)
				continue
			}
			for _, u := range utf16.Encode([]rune{r}) {
				fmt.Fprintf(&b, "\\%04X", u)
			}
		}
		return b.String()
	})
}

// xconcat is CONCAT: char1 followed by char2, a NULL one left out.
func xconcat(_ funcs.Env, args []value.Value) (value.Value, error) {
	return mapTexts("concat", []string{"char1", "char2"}, args, nil, func(row []string) string { return row[0] + row[1] })
}

// xconcatOp is Oracle's || operator: CONCAT, except that two BOOL operands
// (conditions joined by || as in DolphinDB) are or-ed.
func xconcatOp(env funcs.Env, args []value.Value) (value.Value, error) {
	if args[0].Type() == value.Bool && args[1].Type() == value.Bool {
		or, ok := env.Function("or")
		if ok {
			return env.Call(or, args...)
		}
	}
	return mapTexts("concat", []string{"char1", "char2"}, args, nil, func(row []string) string { return row[0] + row[1] })
}

// xreplace is REPLACE: every search_string in char replaced by
// replacement_string, or removed when it is NULL or left out; a NULL
// search_string replaces nothing.
func xreplace(_ funcs.Env, args []value.Value) (value.Value, error) {
	return mapTexts("replace", []string{"char", "search_string", "replacement_string"}, args, []int{0}, func(row []string) string {
		if row[1] == "" {
			return row[0]
		}
		with := ""
		if len(row) > 2 {
			with = row[2]
		}
		return strings.ReplaceAll(row[0], row[1], with)
	})
}

// xlength is LENGTH: the number of characters, NULL for NULL.
func xlength(_ funcs.Env, args []value.Value) (value.Value, error) {
	l, err := lineUp("length", []string{"char"}, args)
	if err != nil {
		return nil, err
	}
	in := texts(l.cols[0])
	out := make([]int32, len(in))
	for i, s := range in {
		out[i] = value.NullInt32
		if s != "" {
			out[i] = int32(len([]rune(s)))
		}
	}
	return l.wrap(value.NewInts(out)), nil
}

// xinstr is INSTR: the position (from 1) of the occurrence-th substring in
// string, searching forward from position, or backward from the
// position'th character from the end when position is negative; 0 when
// there is none. A NULL argument makes the row NULL.
func xinstr(_ funcs.Env, args []value.Value) (value.Value, error) {
	params := []string{"string", "substring", "position", "occurrence"}
	l, err := lineUp("instr", params, args)
	if err != nil {
		return nil, err
	}
	str, sub := texts(l.cols[0]), texts(l.cols[1])
	ints := make([][]int64, 2)
	null := make([][]bool, 2)
	for k := 0; k < 2; k++ {
		ints[k], null[k] = make([]int64, l.n), make([]bool, l.n)
		if 2+k >= len(l.cols) {
			for i := range ints[k] {
				ints[k][i] = 1
			}
			continue
		}
		c := l.cols[2+k]
		if c.T == value.Void {
			for i := range null[k] {
				null[k][i] = true
			}
			continue
		}
		present, err := []bool(nil), error(nil)
		if ints[k], present, err = funcs.IntsArg("instr", params[2+k], c, l.n); err != nil {
			return nil, err
		}
		for i, ok := range present {
			null[k][i] = !ok
		}
	}
	out := make([]int32, l.n)
	for i := range out {
		if str[i] == "" || sub[i] == "" || null[0][i] || null[1][i] {
			out[i] = value.NullInt32
			continue
		}
		if ints[1][i] <= 0 {
			return nil, funcs.BadArg("instr", "occurrence", "a positive integer")
		}
		out[i] = int32(instr([]rune(str[i]), []rune(sub[i]), ints[0][i], ints[1][i]))
	}
	return l.wrap(value.NewInts(out)), nil
}

func instr(s, sub []rune, pos, occ int64) int {
	match := func(at int) bool {
		for j, r := range sub {
			if s[at+j] != r {
				return false
			}
		}
		return true
	}
	last := len(s) - len(sub)
	found := int64(0)
	switch {
	case pos > 0:
		for at := int(pos - 1); at <= last; at++ {
			if match(at) {
				if found++; found == occ {
					return at + 1
				}
			}
		}
	case pos < 0:
		for at := min(len(s)+int(pos), last); at >= 0; at-- {
			if match(at) {
				if found++; found == occ {
					return at + 1
				}
			}
		}
	}
	return 0
}

// xregexpLike is REGEXP_LIKE: whether source_char matches pattern, with
// match_param's flags (i: ignore case, c: match case, n: . matches a
// newline, m: ^ and $ match at lines, x: ignore whitespace in the
// pattern); NULL for a NULL source or pattern.
func xregexpLike(_ funcs.Env, args []value.Value) (value.Value, error) {
	params := []string{"source_char", "pattern", "match_param"}
	l, err := lineUp("regexp_like", params, args)
	if err != nil {
		return nil, err
	}
	src, pat := texts(l.cols[0]), texts(l.cols[1])
	flags := make([]string, l.n)
	if len(l.cols) > 2 {
		flags = texts(l.cols[2])
	}
	compiled := map[[2]string]*regexp.Regexp{}
	out := make([]int8, l.n)
	for i := range out {
		if src[i] == "" || pat[i] == "" {
			out[i] = value.NullInt8
			continue
		}
		key := [2]string{pat[i], flags[i]}
		re, ok := compiled[key]
		if !ok {
			if re, err = compileOracle(pat[i], flags[i]); err != nil {
				return nil, err
			}
			compiled[key] = re
		}
		if re.MatchString(src[i]) {
			out[i] = 1
		}
	}
	return l.wrap(&value.Vector{T: value.Bool, I8: out}), nil
}

func compileOracle(pattern, matchParam string) (*regexp.Regexp, error) {
	fold, dotNL, multi := false, false, false
	for _, c := range matchParam {
		switch c {
		case 'i':
			fold = true
		case 'c':
			fold = false
		case 'n':
			dotNL = true
		case 'm':
			multi = true
		case 'x':
			pattern = strings.Join(strings.Fields(pattern), "")
		default:
			return nil, ddberr.Errorf("Invalid match parameter '%s' of regexp_like.", matchParam)
		}
	}
	prefix := ""
	if fold {
		prefix += "i"
	}
	if dotNL {
		prefix += "s"
	}
	if multi {
		prefix += "m"
	}
	if prefix != "" {
		pattern = "(?" + prefix + ")" + pattern
	}
	re, err := regexp.Compile(pattern)
	if err != nil {
		return nil, ddberr.Errorf("Invalid regular expression '%s' of regexp_like.", pattern)
	}
	return re, nil
}

// xlistagg is LISTAGG: the non-NULL values, as text, joined by delimiter
// (none by default), in their order; NULL when there are none.
func xlistagg(_ funcs.Env, args []value.Value) (value.Value, error) {
	sep := ""
	if len(args) > 1 {
		s, err := funcs.StrScalarArg("listagg", "delimiter", args[1])
		if err != nil {
			return nil, err
		}
		sep = s
	}
	return aggText("listagg", args[0], sep)
}

// xwmConcat is WM_CONCAT: the non-NULL values, as text, joined by commas.
func xwmConcat(_ funcs.Env, args []value.Value) (value.Value, error) {
	return aggText("wm_concat", args[0], ",")
}

func aggText(fn string, x value.Value, sep string) (value.Value, error) {
	l, err := lineUp(fn, []string{"measure_expr"}, []value.Value{x})
	if err != nil {
		return nil, err
	}
	var parts []string
	for _, s := range texts(l.cols[0]) {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return value.NewString(strings.Join(parts, sep)), nil
}
